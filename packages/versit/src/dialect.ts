/**
 * The Versit family members this layer reads and writes. They differ in how
 * lines fold, how text is escaped and how binary and 8-bit values travel.
 */
export type VersitDialect =
  | 'vcard-2.1'
  | 'vcard-3.0'
  | 'vcard-4.0'
  | 'vcalendar-1.0'
  | 'icalendar-2.0'
  | 'vnote-1.1';

export const VERSIT_DIALECTS: readonly VersitDialect[] = [
  'vcard-2.1',
  'vcard-3.0',
  'vcard-4.0',
  'vcalendar-1.0',
  'icalendar-2.0',
  'vnote-1.1',
];

/**
 * True for the pre-RFC dialects (vCard 2.1, vCalendar 1.0, vNote 1.1): folding
 * keeps the whitespace (RFC 822 style), newlines and 8-bit text travel as
 * QUOTED-PRINTABLE, only `;` is escaped, binary is `ENCODING=BASE64`.
 */
export function isLegacyDialect(dialect: VersitDialect): boolean {
  return dialect === 'vcard-2.1' || dialect === 'vcalendar-1.0' || dialect === 'vnote-1.1';
}

/**
 * The dialect of a top-level component from its name and VERSION value, or
 * undefined when the pair is not one this layer knows. A vCard or vCalendar
 * without VERSION is taken as the legacy version (old devices omit it); a
 * vNote is always 1.1.
 */
export function dialectOf(componentName: string, version: string | undefined): VersitDialect | undefined {
  const name = componentName.trim().toUpperCase();
  const v = version?.trim();
  if (name === 'VCARD') {
    if (v === undefined || v === '' || v === '2.1') return 'vcard-2.1';
    if (v === '3.0') return 'vcard-3.0';
    if (v === '4.0') return 'vcard-4.0';
    return undefined;
  }
  if (name === 'VCALENDAR') {
    if (v === undefined || v === '' || v === '1.0') return 'vcalendar-1.0';
    if (v === '2.0') return 'icalendar-2.0';
    return undefined;
  }
  if (name === 'VNOTE') return 'vnote-1.1';
  return undefined;
}

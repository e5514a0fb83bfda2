import type { ItemFormatId } from '../item-formats.js';

/** The lower-cased media type of a content type, parameters (`; charset=...`) dropped. */
export function mediaType(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

// The SIF types, under the names Funambol clients and older Horde builds use.
const SIF_FORMATS: Readonly<Record<string, ItemFormatId>> = {
  'text/x-s4j-sifc': 'sifc',
  'text/x-sifc': 'sifc',
  'text/x-s4j-sife': 'sife',
  'text/x-sife': 'sife',
  'text/x-s4j-sift': 'sift',
  'text/x-sift': 'sift',
  'text/x-s4j-sifn': 'sifn',
  'text/x-sifn': 'sifn',
};

const VCARD_TYPES: readonly string[] = ['text/x-vcard', 'text/vcard', 'text/directory'];
const CALENDAR_TYPES: readonly string[] = ['text/x-vcalendar', 'text/calendar'];

/** How far into an item the `VERSION` line and the component lines are looked for. */
export const SNIFF_WINDOW_BYTES: number = 64 * 1024;

const latin1 = new TextDecoder('latin1');

/**
 * The format an item is in, decided by the benchmark itself from its Meta Type and its own
 * bytes, the way a device's item is labelled in the field: the content type for SIF, plain
 * text and vNote; the object's `VERSION` line for vCard and vCalendar (the P900 labels
 * vCalendar 1.0 `text/calendar`); a VCALENDAR 2.0 holding a VJOURNAL and no VEVENT / VTODO is
 * a journal. Null when the item is none of the formats measured. The parse cases then check
 * that the codec read each item as this format.
 */
export function sniffItemFormat(contentType: string, bytes: Uint8Array): ItemFormatId | null {
  const type = mediaType(contentType);
  const sif = SIF_FORMATS[type];
  if (sif !== undefined) return sif;
  if (type === 'text/plain') return 'plain';
  if (type === 'text/x-vnote') return 'vnote-1.1';
  const isVCard = VCARD_TYPES.includes(type);
  if (!isVCard && !CALENDAR_TYPES.includes(type)) return null;
  // Versit names are ASCII: a byte-per-character decoding finds them whatever the charset.
  const text = latin1.decode(bytes.subarray(0, SNIFF_WINDOW_BYTES));
  const version = /^VERSION:[ \t]*([0-9.]+)[ \t]*\r?$/im.exec(text)?.[1];
  if (isVCard) {
    if (version === '2.1' || version === '3.0' || version === '4.0') return `vcard-${version}`;
    return null;
  }
  if (version === '1.0') return 'vcalendar-1.0';
  if (version !== '2.0') return null;
  const has = (component: string): boolean => new RegExp(`^BEGIN:${component}[ \\t]*\\r?$`, 'im').test(text);
  return has('VJOURNAL') && !has('VEVENT') && !has('VTODO') ? 'vjournal' : 'icalendar-2.0';
}

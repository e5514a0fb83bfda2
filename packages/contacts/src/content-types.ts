import type { ContactFormat } from './model/contact.js';

/** MIME types this package handles, as DevInf CTType and Meta/Type carry them. */
export const CONTACT_CONTENT_TYPES: readonly string[] = [
  'text/x-vcard',
  'text/vcard',
  'text/directory',
  'text/x-s4j-sifc',
];

/** The MIME type without parameters, lower-cased: `text/vcard; charset=utf-8` -> `text/vcard`. */
export function baseContentType(contentType: string): string {
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/**
 * The format a (content type, version) pair names, or undefined when this
 * package does not handle it. `version` is the DevInf VerCT / CTCap version
 * when known:
 * - `text/x-vcard`: 2.1 (3.0 or 4.0 when the version says so; some phones
 *   label vCard 3.0 this way);
 * - `text/vcard`, `text/directory`: 3.0 (2.1 or 4.0 when the version says so);
 * - `text/x-s4j-sifc`: SIF-C (any version).
 * A vCard item's own VERSION line still decides how it is parsed.
 */
export function contactFormatOf(contentType: string, version?: string): ContactFormat | undefined {
  const base = baseContentType(contentType);
  const v = version?.trim();
  if (base === 'text/x-s4j-sifc') return 'sifc';
  if (base === 'text/x-vcard' || base === 'text/vcard' || base === 'text/directory') {
    if (v === '2.1') return 'vcard-2.1';
    if (v === '3.0') return 'vcard-3.0';
    if (v === '4.0') return 'vcard-4.0';
    if (v !== undefined && v !== '') return undefined;
    return base === 'text/x-vcard' ? 'vcard-2.1' : 'vcard-3.0';
  }
  return undefined;
}

/** The content type and version to announce for a format (DevInf Rx/Tx, Meta/Type). */
export function contentTypeOf(format: ContactFormat): { contentType: string; version: string } {
  switch (format) {
    case 'vcard-2.1':
      return { contentType: 'text/x-vcard', version: '2.1' };
    case 'vcard-3.0':
      return { contentType: 'text/vcard', version: '3.0' };
    case 'vcard-4.0':
      return { contentType: 'text/vcard', version: '4.0' };
    case 'sifc':
      return { contentType: 'text/x-s4j-sifc', version: '1.1' };
  }
}

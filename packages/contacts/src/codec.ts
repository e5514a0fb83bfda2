import { baseContentType, contactFormatOf } from './content-types.js';
import { contactError } from './errors.js';
import type { Contact } from './model/contact.js';
import type { ContactParseOptions, ContactSerializeOptions } from './options.js';
import { parseSifC } from './sifc/read-sifc.js';
import { toSifC } from './sifc/write-sifc.js';
import { parseVCard } from './vcard/read-vcard.js';
import { toVCard } from './vcard/write-vcard.js';

/**
 * Parses a contact item of any content type this package handles
 * (CONTACT_CONTENT_TYPES). For vCard types the item's own VERSION decides
 * 2.1 / 3.0 / 4.0. Throws ContactCodecError (UNSUPPORTED_CONTENT_TYPE, 415,
 * for anything else).
 */
export function parseContact(
  input: Uint8Array | string,
  contentType: string,
  options?: ContactParseOptions,
): Contact {
  const format = contactFormatOf(contentType);
  if (format === undefined) {
    throw contactError(
      'UNSUPPORTED_CONTENT_TYPE',
      `Unsupported contact content type "${baseContentType(contentType)}"`,
    );
  }
  return format === 'sifc' ? parseSifC(input, options) : parseVCard(input, options);
}

/**
 * Writes a contact in the format a content type (and optional DevInf
 * version) names: vCard 2.1 for `text/x-vcard`, 3.0 for `text/vcard`, SIF-C
 * for `text/x-s4j-sifc`. vCard 4.0 is read only: a 4.0 target gets 3.0.
 */
export function serializeContact(
  contact: Contact,
  contentType: string,
  options?: ContactSerializeOptions,
): string {
  const format = contactFormatOf(contentType, options?.version);
  if (format === undefined) {
    throw contactError(
      'UNSUPPORTED_CONTENT_TYPE',
      `Unsupported contact content type "${baseContentType(contentType)}"${options?.version ? ` version ${options.version}` : ''}`,
    );
  }
  if (format === 'sifc') return toSifC(contact, options);
  return toVCard(contact, format === 'vcard-2.1' ? '2.1' : '3.0', options);
}

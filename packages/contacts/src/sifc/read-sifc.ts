import { XmlError, XmlReader, XmlToken } from '@syncds/xml';
import { decodeBase64, encodeBase64, VERSIT_ERROR_STATUS } from '@syncds/versit';
import { parseCalendarDate, parseTimestamp } from '../common/dates.js';
import { IMPORTANCE_BY_NUMBER, SENSITIVITY_BY_NUMBER } from '../common/enums.js';
import { mediaTypeOfToken, sniffImageType } from '../common/photo.js';
import { ContactCodecError, contactError } from '../errors.js';
import {
  type Contact,
  type ContactAddress,
  emptyContact,
  PLACE_KINDS,
  type SifExtension,
} from '../model/contact.js';
import { setText } from '../model/scalar-paths.js';
import {
  DEFAULT_CONTACT_MAX_FIELDS,
  DEFAULT_CONTACT_MAX_ITEM_BYTES,
  type ContactParseOptions,
} from '../options.js';
import { SIF_ELEMENT_TARGETS, SIF_EMAIL_ELEMENTS, SIF_PHONE_ELEMENTS, SIF_URL_ELEMENTS } from './elements.js';

/** One child element of `<contact>` as read. */
export interface SifElement {
  name: string;
  text: string;
  attributes: Array<[string, string]>;
  offset: number;
}

const encoder = new TextEncoder();
/** SIF-C is flat: `<contact>` and its children; deeper markup is read as the child's text. */
const SIF_MAX_DEPTH = 8;

/**
 * Reads the children of a SIF root element in order. Throws
 * ContactCodecError: MALFORMED_SIFC (with the XML error's status: 400, or 413
 * / 415 for its limits and encodings), NOT_A_SIFC for another root,
 * ITEM_TOO_LARGE, TOO_MANY_PROPERTIES.
 */
export function readSifElements(
  input: Uint8Array | string,
  root: string,
  options?: ContactParseOptions,
): SifElement[] {
  const maxItemBytes = options?.maxItemBytes ?? DEFAULT_CONTACT_MAX_ITEM_BYTES;
  const maxFields = options?.maxFields ?? DEFAULT_CONTACT_MAX_FIELDS;
  if (input.length > maxItemBytes) throw tooLarge(input.length, maxItemBytes);
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  if (bytes.length > maxItemBytes) throw tooLarge(bytes.length, maxItemBytes);
  const elements: SifElement[] = [];
  let current: SifElement | undefined;
  try {
    const reader = new XmlReader({
      maxDepth: SIF_MAX_DEPTH,
      maxTotalSize: Math.max(1, maxItemBytes),
      maxTextLength: Math.max(1, maxItemBytes),
    });
    reader.write(bytes);
    reader.end();
    for (;;) {
      const token = reader.next();
      if (token === XmlToken.END_OF_DOCUMENT || token === XmlToken.NEED_MORE) break;
      if (token === XmlToken.START_TAG) {
        if (reader.depth === 1) {
          if (reader.localName() !== root) {
            throw contactError('NOT_A_SIFC', `Expected a <${root}> root, found <${reader.name()}>`, {
              offset: reader.tokenOffset,
              element: reader.name(),
            });
          }
        } else if (reader.depth === 2) {
          if (elements.length >= maxFields) {
            throw new ContactCodecError(
              'TOO_MANY_PROPERTIES',
              VERSIT_ERROR_STATUS.TOO_MANY_PROPERTIES,
              `More than ${maxFields} elements`,
              { offset: reader.tokenOffset, element: reader.name() },
            );
          }
          const attributes: Array<[string, string]> = [];
          for (let i = 0; i < reader.attributeCount; i++) {
            attributes.push([reader.attributeName(i), reader.attributeValue(i)]);
          }
          current = { name: reader.localName(), text: '', attributes, offset: reader.tokenOffset };
        }
      } else if ((token === XmlToken.TEXT || token === XmlToken.CDATA) && current !== undefined) {
        current.text += reader.text();
      } else if (token === XmlToken.END_TAG && reader.depth === 2 && current !== undefined) {
        elements.push(current);
        current = undefined;
      }
    }
  } catch (error) {
    if (error instanceof XmlError) {
      const location: { offset: number; element?: string } = { offset: error.offset };
      if (current !== undefined) location.element = current.name;
      throw new ContactCodecError(
        'MALFORMED_SIFC',
        error.status,
        `Bad SIF-C XML: ${error.message}`,
        location,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  return elements;
}

function tooLarge(size: number, max: number): ContactCodecError {
  return new ContactCodecError(
    'ITEM_TOO_LARGE',
    VERSIT_ERROR_STATUS.ITEM_TOO_LARGE,
    `The item has ${size} bytes, more than ${max}`,
    {
      offset: 0,
    },
  );
}

/**
 * Parses a SIF-C item (`text/x-s4j-sifc`, root `<contact>`) into the canonical
 * contact. An empty element means "no value"; elements this package does not
 * know are kept in `extensions` (family `sifc`). Throws ContactCodecError.
 */
export function parseSifC(input: Uint8Array | string, options?: ContactParseOptions): Contact {
  const contact = emptyContact();
  contact.source = 'sifc';
  const phones = new Map<string, string>();
  const emails = new Map<string, string>();
  const urls = new Map<string, string>();
  const addresses = new Map<string, ContactAddress>();
  for (const element of readSifElements(input, 'contact', options)) {
    const target = SIF_ELEMENT_TARGETS.get(element.name);
    const text = element.text;
    const where = { offset: element.offset, element: element.name };
    if (target === undefined) {
      contact.extensions.push(sifExtension(element));
      continue;
    }
    switch (target.type) {
      case 'text':
        setText(contact, target.path, text);
        break;
      case 'phone':
        if (text.trim() !== '') phones.set(element.name, text.trim());
        break;
      case 'email':
        if (text.trim() !== '') emails.set(element.name, text.trim());
        break;
      case 'url':
        if (text.trim() !== '') urls.set(element.name, text.trim());
        break;
      case 'address': {
        if (text === '') break;
        let address = addresses.get(target.kind);
        if (address === undefined) {
          address = { kind: target.kind };
          addresses.set(target.kind, address);
        }
        address[target.part] = text;
        break;
      }
      case 'special':
        readSpecial(contact, target.field, element, where);
        break;
    }
  }
  // Lists are built in table order, whatever the element order of the item.
  for (const [element, kind] of SIF_PHONE_ELEMENTS) {
    const value = phones.get(element);
    if (value !== undefined) contact.phones.push({ kind, value });
  }
  for (const [element, kind] of SIF_EMAIL_ELEMENTS) {
    const value = emails.get(element);
    if (value !== undefined) contact.emails.push({ kind, value });
  }
  for (const [element, kind] of SIF_URL_ELEMENTS) {
    const value = urls.get(element);
    if (value !== undefined) contact.urls.push({ kind, value });
  }
  for (const kind of PLACE_KINDS) {
    const address = addresses.get(kind);
    if (address !== undefined) contact.addresses.push(address);
  }
  return contact;
}

function sifExtension(element: SifElement): SifExtension {
  const extension: SifExtension = { family: 'sifc', name: element.name, value: element.text };
  if (element.attributes.length > 0) extension.attributes = element.attributes;
  return extension;
}

function attribute(element: SifElement, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return element.attributes.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

function readSpecial(
  contact: Contact,
  field:
    | 'birthday'
    | 'anniversary'
    | 'categories'
    | 'photo'
    | 'revision'
    | 'sensitivity'
    | 'importance'
    | 'im'
    | 'version',
  element: SifElement,
  where: { offset: number; element: string },
): void {
  const text = element.text.trim();
  switch (field) {
    case 'version':
      return;
    case 'birthday':
    case 'anniversary': {
      if (text === '') return;
      const date = parseCalendarDate(text);
      if (date === undefined) throw contactError('INVALID_DATE', `Invalid ${element.name} "${text}"`, where);
      contact[field] = date;
      return;
    }
    case 'revision': {
      if (text === '') return;
      const revision = parseTimestamp(text);
      if (revision === undefined) throw contactError('INVALID_DATE', `Invalid Revision "${text}"`, where);
      contact.revision = revision;
      return;
    }
    case 'categories':
      for (const item of text.split(/[,;]/)) {
        const category = item.trim();
        if (category !== '' && !contact.categories.includes(category)) contact.categories.push(category);
      }
      return;
    case 'im':
      if (text !== '') contact.ims.push({ value: text });
      return;
    case 'sensitivity': {
      // A number outside the table is kept as written rather than dropped.
      const value = /^\d$/.test(text) ? SENSITIVITY_BY_NUMBER[Number(text)] : undefined;
      if (value !== undefined) contact.sensitivity = value;
      else if (text !== '') contact.extensions.push(sifExtension(element));
      return;
    }
    case 'importance': {
      const value = /^\d$/.test(text) ? IMPORTANCE_BY_NUMBER[Number(text)] : undefined;
      if (value !== undefined) contact.importance = value;
      else if (text !== '') contact.extensions.push(sifExtension(element));
      return;
    }
    case 'photo': {
      if (text === '') return;
      const bytes = decodeBase64(text);
      if (bytes === undefined || bytes.length === 0) {
        throw contactError('INVALID_PHOTO', 'Photo is not base64 data', where);
      }
      const token = attribute(element, 'TYPE');
      const mediaType = token ? mediaTypeOfToken(token) : sniffImageType(bytes);
      contact.photo = mediaType ? { data: encodeBase64(bytes), mediaType } : { data: encodeBase64(bytes) };
      return;
    }
  }
}

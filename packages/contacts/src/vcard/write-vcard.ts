import {
  decodeBase64,
  escapeText,
  joinList,
  joinStructured,
  makeProperty,
  serializeVersitProperty,
  splitEscaped,
  unescapeText,
  type SerializeVersitOptions,
  type VersitParam,
  type VersitProperty,
} from '@syncds/versit';
import { toBasicTimestamp } from '../common/dates.js';
import { CLASS_BY_SENSITIVITY } from '../common/enums.js';
import { tokenOfMediaType } from '../common/photo.js';
import type { Contact, ContactAddress, VCardDetails, VCardExtension } from '../model/contact.js';
import type { VCardWriteOptions } from '../options.js';
import { FUNAMBOL_IM_TYPE, IM_SERVICES, phoneTypesFor, placeTypesFor } from './type-mapping.js';

/** The vCard versions this package writes. */
export type VCardVersion = '2.1' | '3.0';

type WriteDialect = 'vcard-2.1' | 'vcard-3.0';

/**
 * Writes a contact as a vCard 2.1 or 3.0 item (CRLF line endings, folded,
 * QUOTED-PRINTABLE for non-ASCII 2.1 text). vCard extensions of the contact
 * are written back at the end; from another vCard version their escaping is
 * converted. SIF-C extensions are not written.
 */
export function toVCard(contact: Contact, version: VCardVersion, options?: VCardWriteOptions): string {
  const dialect: WriteDialect = version === '2.1' ? 'vcard-2.1' : 'vcard-3.0';
  const base: SerializeVersitOptions = { dialect };
  if (options?.legacyTextEncoding) base.legacyTextEncoding = options.legacyTextEncoding;
  if (options?.lineEnding) base.lineEnding = options.lineEnding;
  const eol = options?.lineEnding ?? '\r\n';
  const out: string[] = [`BEGIN:VCARD${eol}`, `VERSION:${version}${eol}`];
  const write = (property: VersitProperty, bareTypes = dialect === 'vcard-2.1'): void => {
    out.push(serializeVersitProperty(property, { ...base, bareTypeParams: bareTypes }));
  };
  for (const property of knownProperties(contact, dialect)) write(property);
  const photo = photoProperty(contact, dialect);
  // PHOTO keeps TYPE= even in 2.1: several phones read only that form.
  if (photo) write(photo, false);
  for (const extension of contact.extensions) {
    if (extension.family === 'vcard') write(extensionProperty(extension, dialect));
  }
  out.push(`END:VCARD${eol}`);
  return out.join('');
}

function typeParams(types: readonly string[]): VersitParam[] {
  return types.length === 0 ? [] : [{ name: 'TYPE', values: [...types] }];
}

function withDetails(property: VersitProperty, details: VCardDetails): VersitProperty {
  if (details.group !== undefined) property.group = details.group;
  return property;
}

/** The FN to write: vCard 3.0 requires one, so it falls back to the name or the company. */
function formattedName(contact: Contact, required: boolean): string | undefined {
  const explicit = contact.formattedName ?? contact.fileAs;
  if (explicit !== undefined || !required) return explicit;
  const n = contact.name;
  const composed = [n.prefix, n.given, n.middle, n.family, n.suffix].filter((s) => s).join(' ');
  return composed || contact.organization.company || '';
}

function knownProperties(c: Contact, dialect: WriteDialect): VersitProperty[] {
  const props: VersitProperty[] = [];
  const text = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') props.push(makeProperty(name, escapeText(value, dialect)));
  };
  const n = c.name;
  if (n.family || n.given || n.middle || n.prefix || n.suffix || dialect === 'vcard-3.0') {
    props.push(
      makeProperty(
        'N',
        joinStructured(
          [n.family ?? '', n.given ?? '', n.middle ?? '', n.prefix ?? '', n.suffix ?? ''],
          dialect,
        ),
      ),
    );
  }
  const fn = formattedName(c, dialect === 'vcard-3.0');
  if (fn !== undefined) props.push(makeProperty('FN', escapeText(fn, dialect)));
  text('NICKNAME', c.nickname);
  const org = c.organization;
  if (org.company || org.department || org.officeLocation) {
    const parts = [org.company ?? '', org.department ?? ''];
    if (org.officeLocation) parts.push(org.officeLocation);
    props.push(makeProperty('ORG', joinStructured(parts, dialect)));
  }
  text('TITLE', c.title);
  text('ROLE', c.role);
  for (const phone of c.phones) {
    const types = phoneTypesFor(phone.kind, phone.preferred === true, phone.extraTypes);
    props.push(withDetails(makeProperty('TEL', escapeText(phone.value, dialect), typeParams(types)), phone));
  }
  for (const email of c.emails) {
    const types = ['INTERNET', ...placeTypesFor(email.kind, email.preferred === true, email.extraTypes)];
    props.push(
      withDetails(makeProperty('EMAIL', escapeText(email.value, dialect), typeParams(types)), email),
    );
  }
  for (const address of c.addresses) props.push(...addressProperties(address, dialect));
  for (const url of c.urls) {
    const types = placeTypesFor(url.kind, false, url.extraTypes);
    props.push(withDetails(makeProperty('URL', escapeText(url.value, dialect), typeParams(types)), url));
  }
  for (const im of c.ims) {
    const service = IM_SERVICES.find((s) => s.protocol === im.protocol);
    const extra = im.extraTypes ?? [];
    const property = service
      ? makeProperty(service.property, escapeText(im.value, dialect), typeParams(extra))
      : makeProperty(
          'EMAIL',
          escapeText(im.value, dialect),
          typeParams(['INTERNET', 'HOME', FUNAMBOL_IM_TYPE, ...extra]),
        );
    props.push(withDetails(property, im));
  }
  if (c.birthday) props.push(makeProperty('BDAY', c.birthday));
  if (c.anniversary) props.push(makeProperty('X-ANNIVERSARY', c.anniversary));
  text('NOTE', c.note);
  if (c.categories.length > 0) props.push(makeProperty('CATEGORIES', joinList(c.categories, dialect)));
  text('UID', c.uid);
  if (c.revision)
    props.push(makeProperty('REV', dialect === 'vcard-2.1' ? toBasicTimestamp(c.revision) : c.revision));
  if (c.sensitivity) props.push(makeProperty('CLASS', CLASS_BY_SENSITIVITY[c.sensitivity]));
  text('X-SPOUSE', c.spouse);
  text('X-FUNAMBOL-CHILDREN', c.children);
  text('X-MANAGER', c.manager);
  text('X-ASSISTANT', c.assistant);
  return props;
}

function addressProperties(address: ContactAddress, dialect: WriteDialect): VersitProperty[] {
  const props: VersitProperty[] = [];
  const types = placeTypesFor(address.kind, address.preferred === true, address.extraTypes);
  const a = address;
  if (a.poBox || a.extended || a.street || a.city || a.region || a.postalCode || a.country) {
    const value = joinStructured(
      [
        a.poBox ?? '',
        a.extended ?? '',
        a.street ?? '',
        a.city ?? '',
        a.region ?? '',
        a.postalCode ?? '',
        a.country ?? '',
      ],
      dialect,
    );
    props.push(withDetails(makeProperty('ADR', value, typeParams(types)), a));
  }
  if (a.label) {
    const labelTypes = a.kind === 'other' ? ['OTHER'] : placeTypesFor(a.kind, false);
    props.push(withDetails(makeProperty('LABEL', escapeText(a.label, dialect), typeParams(labelTypes)), a));
  }
  return props;
}

function photoProperty(c: Contact, dialect: WriteDialect): VersitProperty | undefined {
  const photo = c.photo;
  if (!photo) return undefined;
  const params: VersitParam[] = [];
  if ('uri' in photo) {
    params.push({ name: 'VALUE', values: [dialect === 'vcard-2.1' ? 'URL' : 'uri'] });
    if (photo.mediaType) params.push({ name: 'TYPE', values: [tokenOfMediaType(photo.mediaType)] });
    return makeProperty('PHOTO', photo.uri, params);
  }
  const bytes = decodeBase64(photo.data);
  if (bytes === undefined || bytes.length === 0) return undefined;
  if (photo.mediaType) params.push({ name: 'TYPE', values: [tokenOfMediaType(photo.mediaType)] });
  return { name: 'PHOTO', params, value: '', binary: bytes };
}

/**
 * A kept vCard property, its value re-escaped when it was read in another
 * version: split at unescaped `;` (structure kept), each part unescaped in the
 * source dialect and escaped in the target one.
 */
function extensionProperty(extension: VCardExtension, dialect: WriteDialect): VersitProperty {
  const params = extension.params.map((p) => ({ name: p.name, values: [...p.values] }));
  const property: VersitProperty = { name: extension.name, params, value: extension.value };
  if (extension.group !== undefined) property.group = extension.group;
  if (extension.binary !== undefined) {
    const bytes = decodeBase64(extension.binary);
    if (bytes !== undefined) {
      property.binary = bytes;
      property.value = '';
    }
  } else if (extension.dialect !== dialect) {
    property.value = splitEscaped(extension.value, ';')
      .map((part) => escapeText(unescapeText(part, extension.dialect), dialect))
      .join(';');
  }
  return property;
}

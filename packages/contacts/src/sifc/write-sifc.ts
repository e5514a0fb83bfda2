import { decodeBase64, encodeBase64 } from '@syncds/versit';
import { tokenOfMediaType } from '../common/photo.js';
import { IMPORTANCE_BY_NUMBER, SENSITIVITY_BY_NUMBER } from '../common/enums.js';
import type { Contact, ContactAddress, ContactEmail, PlaceKind } from '../model/contact.js';
import { getText } from '../model/scalar-paths.js';
import type { SifWriteOptions } from '../options.js';
import { toBasicTimestamp } from '../common/dates.js';
import {
  SIF_ADDRESS_PARTS,
  SIF_ADDRESS_PREFIXES,
  SIF_EMAIL_ELEMENTS,
  SIF_LABEL_SUFFIX,
  SIF_PHONE_ELEMENTS,
  SIF_SPECIAL_ELEMENTS,
  SIF_TEXT_ELEMENTS,
  SIF_URL_ELEMENTS,
  SIF_VERSION,
} from './elements.js';

/** XML 1.0 forbids these control characters even as references: they are dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML cannot carry
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string, attribute = false): string {
  let out = text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // A CR would be read back as LF by any XML reader: it travels as a reference.
  out = out.replace(/\r/g, '&#13;');
  if (attribute) out = out.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
  return out;
}

/**
 * Writes a contact as a SIF-C item: `<?xml ...?><contact>` with
 * `<SIFVersion>1.1</SIFVersion>`, the known elements, then the SIF-C
 * extensions of the contact. vCard extensions are not written. Values SIF-C
 * has no element for (ISDN and video phones, phones past the slots of their
 * kind, a fourth e-mail, a second IM, a photo link) are left out.
 */
export function toSifC(contact: Contact, options?: SifWriteOptions): string {
  const empty = options?.writeEmptyElements ?? true;
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?><contact>'];
  // A kept element of the same name (a Sensitivity outside the table) replaces the empty one.
  const kept = new Set(contact.extensions.filter((e) => e.family === 'sifc').map((e) => e.name));
  const element = (name: string, value: string | undefined, attributes = ''): void => {
    if (value !== undefined && value !== '')
      parts.push(`<${name}${attributes}>${escapeXml(value)}</${name}>`);
    else if (empty && !kept.has(name)) parts.push(`<${name}/>`);
  };
  parts.push(`<${SIF_SPECIAL_ELEMENTS.version}>${SIF_VERSION}</${SIF_SPECIAL_ELEMENTS.version}>`);
  for (const [name, path] of SIF_TEXT_ELEMENTS) {
    // FileAs doubles as the display name (Funambol maps it to vCard FN).
    element(name, path === 'fileAs' ? (contact.fileAs ?? contact.formattedName) : getText(contact, path));
  }
  const used = new Map<string, number>();
  for (const [name, kind] of SIF_PHONE_ELEMENTS) {
    const index = used.get(kind) ?? 0;
    used.set(kind, index + 1);
    element(name, contact.phones.filter((p) => p.kind === kind)[index]?.value);
  }
  const slots = emailSlots(contact.emails);
  SIF_EMAIL_ELEMENTS.forEach(([name], i) => {
    element(name, slots[i]);
  });
  for (const [name, kind] of SIF_URL_ELEMENTS)
    element(name, contact.urls.find((u) => u.kind === kind)?.value);
  for (const [prefix, kind] of SIF_ADDRESS_PREFIXES) {
    const address: ContactAddress | undefined = contact.addresses.find((a) => a.kind === kind);
    for (const [suffix, part] of SIF_ADDRESS_PARTS) element(`${prefix}Address${suffix}`, address?.[part]);
    element(`${prefix}${SIF_LABEL_SUFFIX}`, address?.label);
  }
  element(SIF_SPECIAL_ELEMENTS.im, contact.ims[0]?.value);
  element(SIF_SPECIAL_ELEMENTS.birthday, contact.birthday);
  element(SIF_SPECIAL_ELEMENTS.anniversary, contact.anniversary);
  element(SIF_SPECIAL_ELEMENTS.categories, contact.categories.join(','));
  element(SIF_SPECIAL_ELEMENTS.revision, contact.revision ? toBasicTimestamp(contact.revision) : undefined);
  element(
    SIF_SPECIAL_ELEMENTS.sensitivity,
    contact.sensitivity ? String(SENSITIVITY_BY_NUMBER.indexOf(contact.sensitivity)) : undefined,
  );
  element(
    SIF_SPECIAL_ELEMENTS.importance,
    contact.importance ? String(IMPORTANCE_BY_NUMBER.indexOf(contact.importance)) : undefined,
  );
  const photo = contact.photo;
  const photoBytes = photo && 'data' in photo ? decodeBase64(photo.data) : undefined;
  if (photo && photoBytes !== undefined && photoBytes.length > 0) {
    const type = photo.mediaType ? ` TYPE="${escapeXml(tokenOfMediaType(photo.mediaType), true)}"` : '';
    element(SIF_SPECIAL_ELEMENTS.photo, encodeBase64(photoBytes), ` ENCODING="BASE64"${type}`);
  } else if (!photo) element(SIF_SPECIAL_ELEMENTS.photo, undefined);
  for (const extension of contact.extensions) {
    if (extension.family !== 'sifc') continue;
    const attributes = (extension.attributes ?? []).map(([n, v]) => ` ${n}="${escapeXml(v, true)}"`).join('');
    if (extension.value === '' && attributes === '') parts.push(`<${extension.name}/>`);
    else parts.push(`<${extension.name}${attributes}>${escapeXml(extension.value)}</${extension.name}>`);
  }
  parts.push('</contact>');
  return parts.join('');
}

/**
 * Email1..3 for the addresses: each goes to the slot of its kind when free,
 * the rest fill free slots in order; a fourth address has no slot.
 */
function emailSlots(emails: readonly ContactEmail[]): Array<string | undefined> {
  const slots: Array<string | undefined> = [undefined, undefined, undefined];
  const kindSlot = (kind: PlaceKind): number => SIF_EMAIL_ELEMENTS.findIndex(([, k]) => k === kind);
  const rest: ContactEmail[] = [];
  for (const email of emails) {
    const slot = kindSlot(email.kind);
    if (slots[slot] === undefined) slots[slot] = email.value;
    else rest.push(email);
  }
  for (const email of rest) {
    const free = slots.indexOf(undefined);
    if (free < 0) break;
    slots[free] = email.value;
  }
  return slots;
}

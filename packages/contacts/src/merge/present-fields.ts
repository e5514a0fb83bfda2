import { ADDRESS_PARTS, type Contact } from '../model/contact.js';
import { CONTACT_SCALAR_FIELDS } from './fields.js';

/**
 * The canonical fields that hold a value in `contact` (names as in
 * CONTACT_FIELDS, extensions as `extensions.<family>.<name>`). A device that
 * sent a value evidently holds that field, whatever its CTCap says.
 */
export function contactFieldsPresent(contact: Contact): Set<string> {
  const fields = new Set<string>();
  for (const [part, value] of Object.entries(contact.name)) if (value) fields.add(`name.${part}`);
  for (const [part, value] of Object.entries(contact.organization))
    if (value) fields.add(`organization.${part}`);
  const record = contact as unknown as Record<string, unknown>;
  for (const field of CONTACT_SCALAR_FIELDS) {
    const value = record[field];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) fields.add(field);
  }
  for (const phone of contact.phones) fields.add(`phones.${phone.kind}`);
  for (const email of contact.emails) fields.add(`emails.${email.kind}`);
  for (const url of contact.urls) fields.add(`urls.${url.kind}`);
  for (const address of contact.addresses) {
    for (const part of ADDRESS_PARTS)
      if (address[part] !== undefined) fields.add(`addresses.${address.kind}.${part}`);
  }
  for (const extension of contact.extensions) fields.add(`extensions.${extension.family}.${extension.name}`);
  return fields;
}

import {
  ADDRESS_PARTS,
  type Contact,
  type ContactAddress,
  type ContactExtension,
  type ContactFormatFamily,
  PLACE_KINDS,
} from '../model/contact.js';
import { CONTACT_SCALAR_FIELDS } from './fields.js';
import { contactFieldsPresent } from './present-fields.js';

/** A deep copy through JSON: the model is JSON-safe by design. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function familyOf(contact: Contact): ContactFormatFamily | undefined {
  if (contact.source === undefined) return undefined;
  return contact.source === 'sifc' ? 'sifc' : 'vcard';
}

function holdsExtension(fields: ReadonlySet<string>, extension: ContactExtension): boolean {
  return (
    fields.has(`extensions.${extension.family}.${extension.name}`) ||
    fields.has(`extensions.${extension.family}.*`)
  );
}

/**
 * Field-level merge of an update from a device into the stored contact.
 *
 * `deviceFields` are the canonical fields the device can hold (see
 * `fieldsFromCtCap`, `contactFieldsForContentType`). For each field the
 * device can hold, the incoming value wins, an absent one deletes; for each
 * field it cannot hold, the stored value stays; a field the incoming contact
 * has a value for counts as held (CTCaps are often incomplete). Lists merge per kind
 * (`phones.cell`...), addresses per kind and part. Extensions of the
 * incoming contact's format family follow `extensions.<family>.<name>`;
 * extensions of the other family are always kept, since no device of this
 * format can hold them. `deviceFields` undefined: the device holds every
 * canonical field. Pure: neither argument is changed.
 */
export function mergeContact(
  stored: Contact,
  incoming: Contact,
  deviceFields: ReadonlySet<string> | undefined,
): Contact {
  const inc = clone(incoming);
  const old = clone(stored);
  const incomingFamily = familyOf(incoming) ?? inc.extensions[0]?.family;
  const keptOtherFamily = old.extensions.filter((e) => e.family !== incomingFamily);
  if (deviceFields === undefined) {
    inc.extensions = [...inc.extensions, ...keptOtherFamily];
    return inc;
  }
  // A field the device sent a value for is one it holds, whatever its CTCap says.
  const present = contactFieldsPresent(inc);
  const holds = (field: string): boolean => deviceFields.has(field) || present.has(field);
  const result = inc;

  for (const part of ['family', 'given', 'middle', 'prefix', 'suffix'] as const) {
    if (!holds(`name.${part}`)) assignOrDelete(result.name, part, old.name[part]);
  }
  for (const part of ['company', 'department', 'officeLocation'] as const) {
    if (!holds(`organization.${part}`)) assignOrDelete(result.organization, part, old.organization[part]);
  }
  for (const field of CONTACT_SCALAR_FIELDS) {
    if (holds(field)) continue;
    const key = field as keyof Contact;
    const record = result as unknown as Record<string, unknown>;
    const value = (old as unknown as Record<string, unknown>)[key];
    if (value === undefined) delete record[key];
    else record[key] = value;
  }
  result.phones = [
    ...inc.phones.filter((p) => holds(`phones.${p.kind}`)),
    ...old.phones.filter((p) => !holds(`phones.${p.kind}`)),
  ];
  result.emails = [
    ...inc.emails.filter((e) => holds(`emails.${e.kind}`)),
    ...old.emails.filter((e) => !holds(`emails.${e.kind}`)),
  ];
  result.urls = [
    ...inc.urls.filter((u) => holds(`urls.${u.kind}`)),
    ...old.urls.filter((u) => !holds(`urls.${u.kind}`)),
  ];
  result.addresses = PLACE_KINDS.flatMap((kind) =>
    mergeAddresses(
      old.addresses.filter((a) => a.kind === kind),
      inc.addresses.filter((a) => a.kind === kind),
      ADDRESS_PARTS.filter((part) => holds(`addresses.${kind}.${part}`)),
    ),
  );
  result.extensions = [
    ...inc.extensions,
    ...old.extensions.filter(
      (e) =>
        e.family !== incomingFamily ||
        (!present.has(`extensions.${e.family}.${e.name}`) && !holdsExtension(deviceFields, e)),
    ),
  ];
  return result;
}

function assignOrDelete<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/**
 * Addresses of one kind. All parts held: the incoming ones. No part held: the
 * stored ones. Some parts held: the incoming ones, with the first one's other
 * parts taken from the first stored address.
 */
function mergeAddresses(
  stored: ContactAddress[],
  incoming: ContactAddress[],
  held: ReadonlyArray<(typeof ADDRESS_PARTS)[number]>,
): ContactAddress[] {
  if (held.length === ADDRESS_PARTS.length) return incoming;
  if (held.length === 0) return stored;
  const base = stored[0];
  if (base === undefined) return incoming;
  const first: ContactAddress = incoming[0] ? { ...incoming[0] } : { ...base };
  for (const part of ADDRESS_PARTS) {
    if (held.includes(part)) {
      if (!incoming[0]) delete first[part];
      continue;
    }
    assignOrDelete(first, part, base[part]);
  }
  const hasPart = ADDRESS_PARTS.some((part) => first[part] !== undefined);
  return hasPart ? [first, ...incoming.slice(1)] : incoming.slice(1);
}

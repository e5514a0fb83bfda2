import { baseContentType, contactFormatOf } from '../content-types.js';
import { ADDRESS_PARTS, PHONE_KINDS, PLACE_KINDS } from '../model/contact.js';
import { IM_SERVICES } from '../vcard/type-mapping.js';
import { SIF_ELEMENT_TARGETS, type SifTarget } from '../sifc/elements.js';

/*
 * Canonical field names: what a device can hold, for field-level merges.
 * - scalars: `formattedName`, `fileAs`, `nickname`, `title`, `role`, `note`,
 *   `birthday`, `anniversary`, `categories`, `photo`, `uid`, `revision`,
 *   `spouse`, `children`, `manager`, `assistant`, `sensitivity`,
 *   `importance`, `ims`;
 * - parts: `name.family|given|middle|prefix|suffix`,
 *   `organization.company|department|officeLocation`;
 * - lists per kind: `phones.<PhoneKind>`, `emails.<home|work|other>`,
 *   `urls.<home|work|other>`;
 * - addresses per kind and part: `addresses.<home|work|other>.<poBox|extended|
 *   street|city|region|postalCode|country|label>`;
 * - kept properties / elements: `extensions.vcard.<NAME>`,
 *   `extensions.sifc.<Element>`, and `extensions.<family>.*` for all of a family.
 */

export const CONTACT_SCALAR_FIELDS: readonly string[] = [
  'formattedName',
  'fileAs',
  'nickname',
  'title',
  'role',
  'note',
  'birthday',
  'anniversary',
  'categories',
  'photo',
  'uid',
  'revision',
  'spouse',
  'children',
  'manager',
  'assistant',
  'sensitivity',
  'importance',
  'ims',
];

const NAME_FIELDS = ['name.family', 'name.given', 'name.middle', 'name.prefix', 'name.suffix'];
const ORG_FIELDS = ['organization.company', 'organization.department', 'organization.officeLocation'];
const PHONE_FIELDS = PHONE_KINDS.map((k) => `phones.${k}`);
const EMAIL_FIELDS = PLACE_KINDS.map((k) => `emails.${k}`);
const URL_FIELDS = PLACE_KINDS.map((k) => `urls.${k}`);
const ADR_FIELDS = PLACE_KINDS.flatMap((k) =>
  ADDRESS_PARTS.filter((p) => p !== 'label').map((p) => `addresses.${k}.${p}`),
);
const LABEL_FIELDS = PLACE_KINDS.map((k) => `addresses.${k}.label`);

/** Every canonical field name (extensions aside). */
export const CONTACT_FIELDS: readonly string[] = [
  ...NAME_FIELDS,
  ...ORG_FIELDS,
  ...CONTACT_SCALAR_FIELDS,
  ...PHONE_FIELDS,
  ...EMAIL_FIELDS,
  ...URL_FIELDS,
  ...ADR_FIELDS,
  ...LABEL_FIELDS,
];

/** vCard property name -> the canonical fields it carries. */
export const VCARD_PROPERTY_FIELDS: ReadonlyMap<string, readonly string[]> = new Map<
  string,
  readonly string[]
>([
  ['N', NAME_FIELDS],
  // FN and SIF FileAs both name the contact for display: whoever writes one rewrites both.
  ['FN', ['formattedName', 'fileAs']],
  ['NICKNAME', ['nickname']],
  ['ORG', ORG_FIELDS],
  ['TITLE', ['title']],
  ['ROLE', ['role']],
  ['TEL', PHONE_FIELDS],
  ['EMAIL', EMAIL_FIELDS],
  ['ADR', ADR_FIELDS],
  ['LABEL', LABEL_FIELDS],
  ['URL', URL_FIELDS],
  ['BDAY', ['birthday']],
  ['X-ANNIVERSARY', ['anniversary']],
  ['ANNIVERSARY', ['anniversary']],
  ['NOTE', ['note']],
  ['CATEGORIES', ['categories']],
  ['PHOTO', ['photo']],
  ['UID', ['uid']],
  ['REV', ['revision']],
  ['CLASS', ['sensitivity']],
  ['X-SPOUSE', ['spouse']],
  ['X-FUNAMBOL-CHILDREN', ['children']],
  ['X-CHILDREN', ['children']],
  ['X-MANAGER', ['manager']],
  ['X-EVOLUTION-MANAGER', ['manager']],
  ['X-ASSISTANT', ['assistant']],
  ['X-EVOLUTION-ASSISTANT', ['assistant']],
  ['IMPP', ['ims']],
  ...IM_SERVICES.flatMap((s) =>
    [s.property, ...(s.aliases ?? [])].map((p): [string, readonly string[]] => [p, ['ims']]),
  ),
]);

/** Properties of the Versit frame, not fields. */
const VCARD_FRAME = new Set(['BEGIN', 'END', 'VERSION']);

function sifTargetFields(target: SifTarget): readonly string[] {
  switch (target.type) {
    case 'text':
      return target.path === 'fileAs' ? ['fileAs', 'formattedName'] : [target.path];
    case 'phone':
      return [`phones.${target.kind}`];
    case 'email':
      return [`emails.${target.kind}`];
    case 'url':
      return [`urls.${target.kind}`];
    case 'address':
      return [`addresses.${target.kind}.${target.part}`];
    case 'special':
      return target.field === 'version' ? [] : [target.field === 'im' ? 'ims' : target.field];
  }
}

/** SIF-C element name -> the canonical fields it carries. */
export const SIFC_ELEMENT_FIELDS: ReadonlyMap<string, readonly string[]> = new Map(
  [...SIF_ELEMENT_TARGETS].map(([element, target]) => [element, sifTargetFields(target)]),
);

/**
 * The canonical fields a device can hold, from the property names of its
 * DevInf CTCap (vCard) or the element names it sends (SIF-C), for
 * `contentType`. Unknown names become `extensions.<family>.<name>`. Returns
 * undefined for a content type this package does not handle.
 */
export function fieldsFromCtCap(propNames: readonly string[], contentType: string): Set<string> | undefined {
  const format = contactFormatOf(contentType);
  if (format === undefined) return undefined;
  const fields = new Set<string>();
  for (const raw of propNames) {
    if (format === 'sifc') {
      const name = raw.trim();
      const mapped = SIFC_ELEMENT_FIELDS.get(name);
      if (mapped) for (const f of mapped) fields.add(f);
      else if (name !== '') fields.add(`extensions.sifc.${name}`);
      continue;
    }
    const name = raw.trim().toUpperCase();
    if (VCARD_FRAME.has(name) || name === '') continue;
    const mapped = VCARD_PROPERTY_FIELDS.get(name);
    if (mapped) for (const f of mapped) fields.add(f);
    else fields.add(`extensions.vcard.${name}`);
  }
  return fields;
}

/**
 * Every field a format can carry at all, plus all of its family's
 * extensions: the right `deviceFields` for a device that sent no CTCap.
 * Undefined for a content type this package does not handle.
 */
export function contactFieldsForContentType(contentType: string): Set<string> | undefined {
  const format = contactFormatOf(baseContentType(contentType));
  if (format === undefined) return undefined;
  if (format === 'sifc') {
    const fields = fieldsFromCtCap([...SIFC_ELEMENT_FIELDS.keys()], contentType)!;
    fields.add('extensions.sifc.*');
    return fields;
  }
  const fields = fieldsFromCtCap([...VCARD_PROPERTY_FIELDS.keys()], contentType)!;
  fields.add('extensions.vcard.*');
  return fields;
}

import type { ContactAddressParts, PhoneKind, PlaceKind } from '../model/contact.js';
import type { TextPath } from '../model/scalar-paths.js';

/*
 * SIF-C element names (Funambol pim-framework SIFC.java) and where each one
 * lands in the canonical contact. Tables, not code, so the reader, the writer
 * and the field mapping for merges cannot disagree.
 */

/**
 * Scalar text fields, by dotted canonical path: every text path but
 * `formattedName`, for which SIF-C has no element (the writer puts it in
 * `FileAs` when the contact has no file-as name).
 */
export type ScalarPath = Exclude<TextPath, 'formattedName'>;

export const SIF_TEXT_ELEMENTS: ReadonlyArray<readonly [element: string, path: ScalarPath]> = [
  ['Title', 'name.prefix'],
  ['FirstName', 'name.given'],
  ['MiddleName', 'name.middle'],
  ['LastName', 'name.family'],
  ['Suffix', 'name.suffix'],
  ['FileAs', 'fileAs'],
  ['NickName', 'nickname'],
  ['CompanyName', 'organization.company'],
  ['Department', 'organization.department'],
  ['OfficeLocation', 'organization.officeLocation'],
  ['JobTitle', 'title'],
  ['Profession', 'role'],
  ['Body', 'note'],
  ['Uid', 'uid'],
  ['Spouse', 'spouse'],
  ['Children', 'children'],
  ['ManagerName', 'manager'],
  ['AssistantName', 'assistant'],
];

/** Phone elements in writing order; a kind with two elements fills them in list order. */
export const SIF_PHONE_ELEMENTS: ReadonlyArray<readonly [element: string, kind: PhoneKind]> = [
  ['HomeTelephoneNumber', 'home'],
  ['Home2TelephoneNumber', 'home'],
  ['BusinessTelephoneNumber', 'work'],
  ['Business2TelephoneNumber', 'work'],
  ['MobileTelephoneNumber', 'cell'],
  ['MobileHomeTelephoneNumber', 'cell-home'],
  ['MobileBusinessTelephoneNumber', 'cell-work'],
  ['HomeFaxNumber', 'fax-home'],
  ['BusinessFaxNumber', 'fax-work'],
  ['OtherFaxNumber', 'fax-other'],
  ['PagerNumber', 'pager'],
  ['CarTelephoneNumber', 'car'],
  ['CompanyMainTelephoneNumber', 'company-main'],
  ['PrimaryTelephoneNumber', 'primary'],
  ['AssistantTelephoneNumber', 'assistant'],
  ['CallbackTelephoneNumber', 'callback'],
  ['RadioTelephoneNumber', 'radio'],
  ['TelexNumber', 'telex'],
  ['OtherTelephoneNumber', 'other'],
];

/**
 * E-mail slots. Funambol's vCard mapping makes Email1 the plain address,
 * Email2 the home one and Email3 the work one; writing puts each address in
 * the slot of its kind when free, else in the first free slot.
 */
export const SIF_EMAIL_ELEMENTS: ReadonlyArray<readonly [element: string, kind: PlaceKind]> = [
  ['Email1Address', 'other'],
  ['Email2Address', 'home'],
  ['Email3Address', 'work'],
];

export const SIF_URL_ELEMENTS: ReadonlyArray<readonly [element: string, kind: PlaceKind]> = [
  ['WebPage', 'other'],
  ['HomeWebPage', 'home'],
  ['BusinessWebPage', 'work'],
];

/** Address element prefixes per kind. `WorkAddress` is read only (Horde's SIF writer uses it). */
export const SIF_ADDRESS_PREFIXES: ReadonlyArray<readonly [prefix: string, kind: PlaceKind]> = [
  ['Home', 'home'],
  ['Business', 'work'],
  ['Other', 'other'],
];

export const SIF_READ_ONLY_ADDRESS_PREFIXES: ReadonlyArray<readonly [prefix: string, kind: PlaceKind]> = [
  ['Work', 'work'],
];

/** Address part element suffixes (after `<prefix>Address`), in writing order. */
export const SIF_ADDRESS_PARTS: ReadonlyArray<readonly [suffix: string, part: keyof ContactAddressParts]> = [
  ['PostOfficeBox', 'poBox'],
  ['Extended', 'extended'],
  ['Street', 'street'],
  ['City', 'city'],
  ['State', 'region'],
  ['PostalCode', 'postalCode'],
  ['Country', 'country'],
];

/** Label elements: `<prefix>Label`. */
export const SIF_LABEL_SUFFIX = 'Label';

export const SIF_SPECIAL_ELEMENTS = {
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  categories: 'Categories',
  photo: 'Photo',
  revision: 'Revision',
  sensitivity: 'Sensitivity',
  importance: 'Importance',
  im: 'IMAddress',
  version: 'SIFVersion',
} as const;

/** The SIF version this package writes. */
export const SIF_VERSION = '1.1';

/** How a SIF-C element is read: the kind of target and its key. */
export type SifTarget =
  | { type: 'text'; path: ScalarPath }
  | { type: 'phone'; kind: PhoneKind; slot: number }
  | { type: 'email'; kind: PlaceKind }
  | { type: 'url'; kind: PlaceKind }
  | { type: 'address'; kind: PlaceKind; part: keyof ContactAddressParts }
  | { type: 'special'; field: keyof typeof SIF_SPECIAL_ELEMENTS };

/** Every element this package understands, with its target. */
export const SIF_ELEMENT_TARGETS: ReadonlyMap<string, SifTarget> = (() => {
  const map = new Map<string, SifTarget>();
  for (const [element, path] of SIF_TEXT_ELEMENTS) map.set(element, { type: 'text', path });
  const slots = new Map<PhoneKind, number>();
  for (const [element, kind] of SIF_PHONE_ELEMENTS) {
    const slot = slots.get(kind) ?? 0;
    slots.set(kind, slot + 1);
    map.set(element, { type: 'phone', kind, slot });
  }
  for (const [element, kind] of SIF_EMAIL_ELEMENTS) map.set(element, { type: 'email', kind });
  for (const [element, kind] of SIF_URL_ELEMENTS) map.set(element, { type: 'url', kind });
  for (const [prefix, kind] of [...SIF_ADDRESS_PREFIXES, ...SIF_READ_ONLY_ADDRESS_PREFIXES]) {
    for (const [suffix, part] of SIF_ADDRESS_PARTS)
      map.set(`${prefix}Address${suffix}`, { type: 'address', kind, part });
    map.set(`${prefix}${SIF_LABEL_SUFFIX}`, { type: 'address', kind, part: 'label' });
  }
  for (const [field, element] of Object.entries(SIF_SPECIAL_ELEMENTS)) {
    map.set(element, { type: 'special', field: field as keyof typeof SIF_SPECIAL_ELEMENTS });
  }
  return map;
})();

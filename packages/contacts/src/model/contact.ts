/**
 * The canonical contact: one record per item, whatever format a device
 * speaks. Plain JSON-safe data (strings, booleans, arrays, plain objects), so
 * a store can keep it as JSON and diff it. Absent optional fields mean "no
 * value"; empty strings are never stored.
 *
 * Dates are ISO-8601 strings: `birthday` and `anniversary` are `YYYY-MM-DD`
 * (or `--MM-DD` when the year is unknown); `revision` is `YYYY-MM-DDTHH:MM:SSZ`
 * (UTC), `YYYY-MM-DDTHH:MM:SS` (floating) or `YYYY-MM-DD`.
 */
export interface Contact {
  name: ContactName;
  /** vCard FN: the name as displayed. */
  formattedName?: string;
  /** SIF FileAs: the name the contact is filed under ("Doe, John"). */
  fileAs?: string;
  nickname?: string;
  organization: ContactOrganization;
  /** Job title: vCard TITLE, SIF JobTitle. */
  title?: string;
  /** Profession / role: vCard ROLE, SIF Profession. */
  role?: string;
  phones: ContactPhone[];
  emails: ContactEmail[];
  addresses: ContactAddress[];
  urls: ContactUrl[];
  ims: ContactIm[];
  birthday?: string;
  anniversary?: string;
  note?: string;
  categories: string[];
  photo?: ContactPhoto;
  uid?: string;
  revision?: string;
  spouse?: string;
  children?: string;
  manager?: string;
  assistant?: string;
  sensitivity?: ContactSensitivity;
  importance?: ContactImportance;
  /** Properties / elements this model does not know, kept per format family. */
  extensions: ContactExtension[];
  /** The format the record was parsed from; `mergeContact` uses its family for extensions. */
  source?: ContactFormat;
}

/** The formats this package reads and writes. */
export type ContactFormat = 'vcard-2.1' | 'vcard-3.0' | 'vcard-4.0' | 'sifc';

/** The two format families of R14: Versit objects and Funambol SIF. */
export type ContactFormatFamily = 'vcard' | 'sifc';

export interface ContactName {
  family?: string;
  given?: string;
  middle?: string;
  /** Honorific prefix ("Dr."): vCard N component 4, SIF Title. */
  prefix?: string;
  suffix?: string;
}

export interface ContactOrganization {
  company?: string;
  department?: string;
  /** Office location: third ORG component (as Funambol writes it), SIF OfficeLocation. */
  officeLocation?: string;
}

/** Kinds of phone numbers: every SIF-C phone element has one, vCard TEL types map to them. */
export type PhoneKind =
  | 'home'
  | 'work'
  | 'cell'
  | 'cell-home'
  | 'cell-work'
  | 'fax-home'
  | 'fax-work'
  | 'fax-other'
  | 'pager'
  | 'car'
  | 'company-main'
  | 'primary'
  | 'assistant'
  | 'callback'
  | 'radio'
  | 'telex'
  | 'isdn'
  | 'video'
  | 'other';

/** home / work / other, used by e-mails, addresses, URLs. */
export type PlaceKind = 'home' | 'work' | 'other';

/** What vCard keeps beside the value, so a vCard round trip is exact. */
export interface VCardDetails {
  /** vCard group (`item1` of `item1.TEL`): Apple and others pair a label with it. */
  group?: string;
  /** TYPE values the kind does not explain (`MSG`, `BBS`, `DOM`, `X-CUSTOM`...), upper-cased. */
  extraTypes?: string[];
}

export interface ContactPhone extends VCardDetails {
  kind: PhoneKind;
  value: string;
  preferred?: boolean;
}

export interface ContactEmail extends VCardDetails {
  kind: PlaceKind;
  value: string;
  preferred?: boolean;
}

/** The seven ADR components plus the LABEL text. */
export interface ContactAddressParts {
  poBox?: string;
  extended?: string;
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  /** Formatted delivery label (vCard LABEL, SIF HomeLabel...). */
  label?: string;
}

export interface ContactAddress extends ContactAddressParts, VCardDetails {
  kind: PlaceKind;
  preferred?: boolean;
}

export interface ContactUrl extends VCardDetails {
  kind: PlaceKind;
  value: string;
}

export interface ContactIm extends VCardDetails {
  /** The address or handle, without a URI scheme. */
  value: string;
  /** Lower-case service name when known: `aim`, `icq`, `jabber`, `msn`, `yahoo`, `skype`, `gadugadu`, `qq`, `sip`. */
  protocol?: string;
}

/** A photo: inline bytes (base64 text, to stay JSON-safe) or a link. */
export type ContactPhoto = { data: string; mediaType?: string } | { uri: string; mediaType?: string };

/** Outlook / SIF-C sensitivity: 0 normal, 1 personal, 2 private, 3 confidential. */
export type ContactSensitivity = 'normal' | 'personal' | 'private' | 'confidential';

/** SIF-C importance: 0 low, 1 normal, 2 high. */
export type ContactImportance = 'low' | 'normal' | 'high';

/** A vCard property the model does not know, as read (value still escaped for its dialect). */
export interface VCardExtension {
  family: 'vcard';
  /** The dialect `value`'s escaping belongs to. */
  dialect: 'vcard-2.1' | 'vcard-3.0' | 'vcard-4.0';
  group?: string;
  /** Upper-cased property name. */
  name: string;
  /** Parameters without ENCODING and CHARSET (transfer details). */
  params: Array<{ name: string; values: string[] }>;
  value: string;
  /** Base64 text of a binary value. */
  binary?: string;
}

/** A SIF-C element the model does not know. */
export interface SifExtension {
  family: 'sifc';
  /** Element name, case kept. */
  name: string;
  value: string;
  /** Attributes in input order. */
  attributes?: Array<[string, string]>;
}

export type ContactExtension = VCardExtension | SifExtension;

/** A contact with no fields. */
export function emptyContact(): Contact {
  return {
    name: {},
    organization: {},
    phones: [],
    emails: [],
    addresses: [],
    urls: [],
    ims: [],
    categories: [],
    extensions: [],
  };
}

/** The parts of an address, in ADR order, then the label. */
export const ADDRESS_PARTS: ReadonlyArray<keyof ContactAddressParts> = [
  'poBox',
  'extended',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'label',
];

/** Every phone kind, in the order SIF-C and vCard writers list them. */
export const PHONE_KINDS: readonly PhoneKind[] = [
  'home',
  'work',
  'cell',
  'cell-home',
  'cell-work',
  'fax-home',
  'fax-work',
  'fax-other',
  'pager',
  'car',
  'company-main',
  'primary',
  'assistant',
  'callback',
  'radio',
  'telex',
  'isdn',
  'video',
  'other',
];

export const PLACE_KINDS: readonly PlaceKind[] = ['home', 'work', 'other'];

import type { PhoneKind, PlaceKind } from '../model/contact.js';

/*
 * vCard TYPE values <-> canonical kinds. The phone table follows what the
 * Funambol server writes for each SIF-C phone element (ContactToVcard), so
 * Funambol clients and SIF devices meet on the same numbers.
 */

/** TYPE values written for each phone kind (before PREF and extra types). */
export const PHONE_TYPES_BY_KIND: Readonly<Record<PhoneKind, readonly string[]>> = {
  home: ['HOME', 'VOICE'],
  work: ['WORK', 'VOICE'],
  cell: ['CELL'],
  'cell-home': ['CELL', 'HOME'],
  'cell-work': ['CELL', 'WORK'],
  'fax-home': ['FAX', 'HOME'],
  'fax-work': ['FAX', 'WORK'],
  'fax-other': ['FAX'],
  pager: ['PAGER'],
  car: ['CAR', 'VOICE'],
  'company-main': ['WORK', 'PREF'],
  primary: ['PREF', 'VOICE'],
  assistant: ['X-ASSISTANT'],
  callback: ['X-FUNAMBOL-CALLBACK'],
  radio: ['X-FUNAMBOL-RADIO'],
  telex: ['X-FUNAMBOL-TELEX'],
  isdn: ['ISDN'],
  video: ['VIDEO'],
  other: ['VOICE'],
};

/** TYPE values that decide a phone kind or are implied by it. */
const PHONE_KIND_TYPES = new Set([
  'HOME',
  'WORK',
  'CELL',
  'IPHONE',
  'MOBILE',
  'FAX',
  'PAGER',
  'CAR',
  'VOICE',
  'PREF',
  'MAIN',
  'OTHER',
  'ISDN',
  'VIDEO',
  'X-ASSISTANT',
  'X-EVOLUTION-ASSISTANT',
  'X-FUNAMBOL-CALLBACK',
  'X-EVOLUTION-CALLBACK',
  'X-FUNAMBOL-RADIO',
  'X-EVOLUTION-RADIO',
  'X-FUNAMBOL-TELEX',
  'X-EVOLUTION-TELEX',
]);

export interface KindReading<K> {
  kind: K;
  preferred: boolean;
  extraTypes: string[];
}

/** The phone kind of a TEL property's TYPE values (upper-cased). */
export function phoneKindOf(types: ReadonlySet<string>, prefParam: boolean): KindReading<PhoneKind> {
  const has = (t: string) => types.has(t);
  const home = has('HOME');
  const work = has('WORK');
  let pref = has('PREF') || prefParam;
  let kind: PhoneKind;
  if (has('FAX')) kind = home ? 'fax-home' : work ? 'fax-work' : 'fax-other';
  else if (has('PAGER')) kind = 'pager';
  else if (has('CELL') || has('IPHONE') || has('MOBILE'))
    kind = home ? 'cell-home' : work ? 'cell-work' : 'cell';
  else if (has('CAR')) kind = 'car';
  else if (has('X-ASSISTANT') || has('X-EVOLUTION-ASSISTANT')) kind = 'assistant';
  else if (has('X-FUNAMBOL-CALLBACK') || has('X-EVOLUTION-CALLBACK')) kind = 'callback';
  else if (has('X-FUNAMBOL-RADIO') || has('X-EVOLUTION-RADIO')) kind = 'radio';
  else if (has('X-FUNAMBOL-TELEX') || has('X-EVOLUTION-TELEX')) kind = 'telex';
  else if (has('ISDN')) kind = 'isdn';
  else if (has('VIDEO')) kind = 'video';
  else if (has('MAIN') || (work && pref && !has('VOICE') && !home)) {
    // Funambol writes the company main number as WORK;PREF (no VOICE); Apple as MAIN.
    kind = 'company-main';
    if (!has('MAIN')) pref = false;
  } else if (home) kind = 'home';
  else if (work) kind = 'work';
  else if (pref && !has('OTHER')) {
    kind = 'primary';
    pref = false;
  } else kind = 'other';
  const extraTypes = [...types].filter((t) => !PHONE_KIND_TYPES.has(t));
  return { kind, preferred: pref, extraTypes };
}

/** TYPE values of a TEL property for a phone. */
export function phoneTypesFor(
  kind: PhoneKind,
  preferred: boolean,
  extraTypes: readonly string[] = [],
): string[] {
  const types = [...PHONE_TYPES_BY_KIND[kind]];
  if (preferred && !types.includes('PREF')) {
    // OTHER keeps a preferred "other" number from reading back as the primary one.
    if (kind === 'other') types.push('OTHER');
    types.push('PREF');
  }
  for (const t of extraTypes) if (!types.includes(t)) types.push(t);
  return types;
}

/** TYPE values implied by an e-mail address (INTERNET is the default type, always written). */
const EMAIL_KIND_TYPES = new Set(['HOME', 'WORK', 'OTHER', 'PREF', 'INTERNET']);

/** The place kind of an EMAIL, URL or ADR property: HOME, WORK, otherwise other. */
export function placeKindOf(
  types: ReadonlySet<string>,
  prefParam: boolean,
  implied: ReadonlySet<string> = EMAIL_KIND_TYPES,
): KindReading<PlaceKind> {
  const kind: PlaceKind = types.has('HOME') ? 'home' : types.has('WORK') ? 'work' : 'other';
  const extraTypes = [...types].filter((t) => !implied.has(t));
  return { kind, preferred: types.has('PREF') || prefParam, extraTypes };
}

/** TYPE values implied by an address or URL kind. */
export const PLACE_KIND_TYPES: ReadonlySet<string> = new Set(['HOME', 'WORK', 'OTHER', 'PREF']);

/** TYPE values of a place kind (other: none). */
export function placeTypesFor(
  kind: PlaceKind,
  preferred: boolean,
  extraTypes: readonly string[] = [],
): string[] {
  const types = kind === 'home' ? ['HOME'] : kind === 'work' ? ['WORK'] : [];
  if (preferred) types.push('PREF');
  for (const t of extraTypes) if (!types.includes(t)) types.push(t);
  return types;
}

/** Instant-messaging services: vCard X- property, IMPP URI scheme. */
export const IM_SERVICES: ReadonlyArray<{
  protocol: string;
  property: string;
  scheme: string;
  aliases?: string[];
}> = [
  { protocol: 'aim', property: 'X-AIM', scheme: 'aim' },
  { protocol: 'icq', property: 'X-ICQ', scheme: 'icq' },
  { protocol: 'jabber', property: 'X-JABBER', scheme: 'xmpp', aliases: ['X-XMPP'] },
  { protocol: 'msn', property: 'X-MSN', scheme: 'msnim' },
  { protocol: 'yahoo', property: 'X-YAHOO', scheme: 'ymsgr' },
  { protocol: 'skype', property: 'X-SKYPE', scheme: 'skype', aliases: ['X-SKYPE-USERNAME'] },
  { protocol: 'gadugadu', property: 'X-GADUGADU', scheme: 'gg' },
  { protocol: 'qq', property: 'X-QQ', scheme: 'qq' },
  { protocol: 'gtalk', property: 'X-GOOGLE-TALK', scheme: 'gtalk', aliases: ['X-GTALK'] },
  { protocol: 'sip', property: 'X-SIP', scheme: 'sip' },
];

/** The IM protocol of an X- property name, or undefined. */
export function imProtocolOfProperty(name: string): string | undefined {
  return IM_SERVICES.find((s) => s.property === name || s.aliases?.includes(name))?.protocol;
}

/** The Funambol form of an IM address without a known service: an EMAIL with this type. */
export const FUNAMBOL_IM_TYPE = 'X-FUNAMBOL-INSTANTMESSENGER';

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

/** TYPE values a reader drops: the default (VOICE) and the preference flag, written back from `preferred`. */
const PHONE_NOISE_TYPES = new Set(['VOICE', 'PREF']);

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
    // PREF is part of that form, so it says nothing about preference.
    kind = 'company-main';
    pref = false;
  } else if (home) kind = 'home';
  else if (work) kind = 'work';
  else if (pref && !has('OTHER')) {
    kind = 'primary';
    pref = false;
  } else kind = 'other';
  // Whatever the written form of the kind does not restore is kept (VIDEO on a cell phone, IPHONE...).
  const written = new Set(phoneTypesFor(kind, pref));
  const extraTypes = [...types].filter((t) => !written.has(t) && !PHONE_NOISE_TYPES.has(t));
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

/** TYPE values a place reader drops: defaults and the preference flag. */
const PLACE_NOISE_TYPES = new Set(['INTERNET', 'PREF']);

/**
 * The place kind of an EMAIL, URL or ADR property: HOME, WORK, otherwise
 * other. TYPE values the kind does not restore are kept as extra types.
 */
export function placeKindOf(types: ReadonlySet<string>, prefParam: boolean): KindReading<PlaceKind> {
  const kind: PlaceKind = types.has('HOME') ? 'home' : types.has('WORK') ? 'work' : 'other';
  const written = new Set(placeTypesFor(kind, false));
  const extraTypes = [...types].filter((t) => !written.has(t) && !PLACE_NOISE_TYPES.has(t));
  return { kind, preferred: types.has('PREF') || prefParam, extraTypes };
}

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

import { getParamValues, type VersitParam, type VersitProperty } from '@syncds/versit';
import type { Attendee, Participant } from '../model/types.js';
import type { CalendarDialect } from './read-context.js';

/** Splits a cal-address into e-mail (for `mailto:`) or URI. */
export function addressParts(value: string): Participant {
  const v = value.trim();
  if (v === '') return {};
  if (/^mailto:/i.test(v)) return { email: v.slice(7) };
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return { uri: v };
  return { email: v };
}

function calAddress(p: Participant): string {
  if (p.email !== undefined) return `mailto:${p.email}`;
  return p.uri ?? '';
}

// vCalendar 1.0 writes "Name <address>" or a bare address.
function vcalAddress(value: string): Participant {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(value);
  if (m) {
    const out = addressParts(m[2]!);
    if (m[1]!.trim() !== '') out.name = m[1]!.trim();
    return out;
  }
  return addressParts(value);
}

const VCAL_EXPECT_TO_ROLE: Readonly<Record<string, string>> = {
  REQUIRE: 'REQ-PARTICIPANT',
  IMMEDIATE: 'REQ-PARTICIPANT',
  REQUEST: 'OPT-PARTICIPANT',
  FYI: 'NON-PARTICIPANT',
};

const ROLE_TO_VCAL_EXPECT: Readonly<Record<string, string>> = {
  'REQ-PARTICIPANT': 'REQUIRE',
  CHAIR: 'REQUIRE',
  'OPT-PARTICIPANT': 'REQUEST',
  'NON-PARTICIPANT': 'FYI',
};

/** Participation statuses each dialect knows, with the nearest equivalent for the others. */
const STATUS_TO_VCAL: Readonly<Record<string, string>> = {
  'NEEDS-ACTION': 'NEEDS ACTION',
  'IN-PROCESS': 'CONFIRMED',
};

const ICAL_PARTSTAT: ReadonlySet<string> = new Set([
  'NEEDS-ACTION',
  'ACCEPTED',
  'DECLINED',
  'TENTATIVE',
  'DELEGATED',
  'COMPLETED',
  'IN-PROCESS',
]);

const VCAL_TO_ICAL_PARTSTAT: Readonly<Record<string, string>> = {
  CONFIRMED: 'ACCEPTED',
  SENT: 'NEEDS-ACTION',
};

/** Upper-case token with vCalendar's `NEEDS ACTION` spelled the iCalendar way. */
export function normalizeToken(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, '-');
}

function first(property: VersitProperty, name: string): string | undefined {
  const v = getParamValues(property, name)[0];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** True when a vCalendar 1.0 ATTENDEE names the organizer. */
export function isVcalOrganizer(property: VersitProperty): boolean {
  const role = first(property, 'ROLE')?.toUpperCase();
  return role === 'ORGANIZER' || role === 'OWNER';
}

export function readParticipant(
  property: VersitProperty,
  dialect: CalendarDialect,
  text: string,
): Participant {
  const p = dialect === 'vcalendar-1.0' ? vcalAddress(text) : addressParts(text);
  const cn = first(property, 'CN');
  if (cn !== undefined) p.name = cn;
  return p;
}

export function readAttendee(property: VersitProperty, dialect: CalendarDialect, text: string): Attendee {
  const a: Attendee = readParticipant(property, dialect, text);
  if (dialect === 'vcalendar-1.0') {
    const expect = first(property, 'EXPECT')?.toUpperCase();
    if (expect !== undefined) a.role = VCAL_EXPECT_TO_ROLE[expect] ?? expect;
    const status = first(property, 'STATUS');
    if (status !== undefined) a.status = normalizeToken(status);
    const rsvp = first(property, 'RSVP')?.toUpperCase();
    if (rsvp !== undefined) a.rsvp = rsvp === 'YES' || rsvp === 'TRUE';
    return a;
  }
  const role = first(property, 'ROLE');
  if (role !== undefined) a.role = role.toUpperCase();
  const status = first(property, 'PARTSTAT');
  if (status !== undefined) a.status = normalizeToken(status);
  const rsvp = first(property, 'RSVP')?.toUpperCase();
  if (rsvp !== undefined) a.rsvp = rsvp === 'TRUE' || rsvp === 'YES';
  const type = first(property, 'CUTYPE');
  if (type !== undefined) a.type = type.toUpperCase();
  return a;
}

/** Parameters and value of an ORGANIZER (iCalendar) or ATTENDEE;ROLE=ORGANIZER (vCalendar). */
export function writeOrganizer(
  p: Participant,
  dialect: CalendarDialect,
): { params: VersitParam[]; value: string } {
  if (dialect === 'vcalendar-1.0') {
    return { params: [{ name: 'ROLE', values: ['ORGANIZER'] }], value: vcalValue(p) };
  }
  const params: VersitParam[] = [];
  if (p.name !== undefined) params.push({ name: 'CN', values: [p.name] });
  return { params, value: calAddress(p) };
}

function vcalValue(p: Participant): string {
  const address = p.email ?? p.uri ?? '';
  return p.name !== undefined && address !== ''
    ? `${p.name} <${address}>`
    : p.name !== undefined
      ? p.name
      : address;
}

export function writeAttendee(
  a: Attendee,
  dialect: CalendarDialect,
): { params: VersitParam[]; value: string } {
  const params: VersitParam[] = [];
  if (dialect === 'vcalendar-1.0') {
    params.push({ name: 'ROLE', values: ['ATTENDEE'] });
    if (a.status !== undefined)
      params.push({ name: 'STATUS', values: [STATUS_TO_VCAL[a.status] ?? a.status] });
    if (a.rsvp !== undefined) params.push({ name: 'RSVP', values: [a.rsvp ? 'YES' : 'NO'] });
    const expect = a.role === undefined ? undefined : ROLE_TO_VCAL_EXPECT[a.role];
    if (expect !== undefined) params.push({ name: 'EXPECT', values: [expect] });
    return { params, value: vcalValue(a) };
  }
  if (a.name !== undefined) params.push({ name: 'CN', values: [a.name] });
  if (a.role !== undefined) params.push({ name: 'ROLE', values: [a.role] });
  if (a.status !== undefined) {
    const partstat = VCAL_TO_ICAL_PARTSTAT[a.status] ?? a.status;
    if (ICAL_PARTSTAT.has(partstat)) params.push({ name: 'PARTSTAT', values: [partstat] });
  }
  if (a.rsvp !== undefined) params.push({ name: 'RSVP', values: [a.rsvp ? 'TRUE' : 'FALSE'] });
  if (a.type !== undefined) params.push({ name: 'CUTYPE', values: [a.type] });
  return { params, value: calAddress(a) };
}

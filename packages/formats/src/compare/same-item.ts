import type { CalendarTime } from '@syncds/calendar';
import type { Contact } from '@syncds/contacts';
import { type Note, toPlainText } from '@syncds/notes';
import type { CanonicalRecord } from '../record/canonical-record.js';

/** Lower-case, Unicode NFC, whitespace runs as one space, trimmed: how texts are compared. */
export function normalizeText(text: string | undefined): string {
  return (text ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Digits a phone number is compared by: the last 7 (national and international forms of one number agree on them). */
const PHONE_DIGITS = 7;

/** A phone number reduced to its last digits; '' when it has none. */
export function normalizePhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.slice(-PHONE_DIGITS);
}

/** The name a contact is known by: given, middle and family name, else the formatted name, FileAs or company. */
export function contactNameKey(contact: Contact): string {
  const parts = [contact.name.given, contact.name.middle, contact.name.family].filter((p) => p !== undefined);
  const candidates = [parts.join(' '), contact.formattedName, contact.fileAs, contact.organization.company];
  for (const candidate of candidates) {
    const key = normalizeText(candidate);
    if (key !== '') return key;
  }
  return '';
}

function contactIdentifiers(contact: Contact): Set<string> {
  const ids = new Set<string>();
  for (const phone of contact.phones) {
    const key = normalizePhone(phone.value);
    if (key !== '') ids.add(`tel:${key}`);
  }
  for (const email of contact.emails) {
    const key = normalizeText(email.value);
    if (key !== '') ids.add(`mail:${key}`);
  }
  return ids;
}

function sameContact(a: Contact, b: Contact): boolean {
  const nameA = contactNameKey(a);
  const idsA = contactIdentifiers(a);
  const idsB = contactIdentifiers(b);
  if (nameA !== contactNameKey(b)) return false;
  if (nameA === '' && idsA.size === 0) return false;
  if (idsA.size === 0 || idsB.size === 0) return nameA !== '';
  for (const id of idsA) if (idsB.has(id)) return true;
  return false;
}

/** A time as one comparable string: the instant for UTC and zoned times, the wall time or date otherwise. */
export function timeKey(time: CalendarTime | undefined): string {
  if (time === undefined) return '';
  switch (time.kind) {
    case 'date':
      return time.date;
    case 'utc':
      return time.utc;
    case 'zoned':
      return time.utc;
    case 'floating':
      return time.local;
  }
}

function noteText(note: Note): string {
  return normalizeText(toPlainText(note, { lineBreak: '\n' }));
}

/**
 * Whether two records are the same item for a slow sync, which pairs a
 * device's items with the server's without ids (R8, complaint 1). Records of
 * different kinds never are. Texts are compared normalised (case, Unicode
 * NFC, runs of whitespace), so a format's spelling does not matter:
 *
 * - contacts: the same name (given + middle + family, else formatted name,
 *   FileAs, company) and, when both have phone numbers or e-mail addresses, at
 *   least one in common (phones by their last 7 digits); a contact without
 *   name is compared by those alone;
 * - events: the same start (instant for UTC and zoned times, the date of an
 *   all-day event, the wall time of a floating one) and the same summary;
 * - tasks: the same summary and the same due time (or both without);
 * - notes: the same text as text/plain renders it (subject line plus body).
 */
export function sameItem(a: CanonicalRecord, b: CanonicalRecord): boolean {
  if (a.kind === 'contact' && b.kind === 'contact') return sameContact(a.contact, b.contact);
  if (a.kind === 'event' && b.kind === 'event') {
    return (
      timeKey(a.event.start) === timeKey(b.event.start) &&
      normalizeText(a.event.summary) === normalizeText(b.event.summary)
    );
  }
  if (a.kind === 'task' && b.kind === 'task') {
    return (
      normalizeText(a.task.summary) === normalizeText(b.task.summary) &&
      timeKey(a.task.due) === timeKey(b.task.due)
    );
  }
  if (a.kind === 'note' && b.kind === 'note') return noteText(a.note) === noteText(b.note);
  return false;
}

import { type CanonicalRecord, parseItem } from '@syncds/formats';

/** Test items as a desktop client (SyncEvolution's file backend) stores them. */
export function vcard(given: string, family: string, phone: string, email: string, note?: string): string {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${family};${given};;;`,
    `FN:${given} ${family}`,
    `TEL;TYPE=CELL:${phone}`,
    `EMAIL;TYPE=INTERNET:${email}`,
    ...(note === undefined ? [] : [`NOTE:${note}`]),
    'END:VCARD',
    '',
  ].join('\r\n');
}

export function vevent(uid: string, summary: string, start: string, end: string, location?: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//syncds//tests//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${summary}`,
    ...(location === undefined ? [] : [`LOCATION:${location}`]),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export function vtodo(uid: string, summary: string, due: string, priority = 1): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//syncds//tests//EN',
    'BEGIN:VTODO',
    `UID:${uid}`,
    `SUMMARY:${summary}`,
    `DUE:${due}`,
    `PRIORITY:${priority}`,
    'END:VTODO',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const TYPES = {
  contacts: 'text/vcard',
  calendar: 'text/calendar',
  todo: 'text/calendar',
  memo: 'text/plain',
} as const;

/** A calendar time as the instant (or wall time / date) it names, whatever zone form carried it. */
function when(t: unknown): string | undefined {
  if (t === undefined || t === null) return undefined;
  const v = t as { utc?: string; local?: string; date?: string };
  return v.utc ?? v.local ?? v.date;
}

/** What a test compares of an item, whatever format it went through. */
export function essence(store: keyof typeof TYPES, text: string): string {
  const r: CanonicalRecord = parseItem(text, TYPES[store], store === 'memo' ? { kind: 'note' } : {});
  switch (r.kind) {
    case 'contact':
      return JSON.stringify({
        name: [r.contact.name.given, r.contact.name.family],
        phones: r.contact.phones.map((p) => p.value),
        emails: r.contact.emails.map((e) => e.value),
        note: r.contact.note,
      });
    case 'event':
      return JSON.stringify({
        summary: r.event.summary,
        start: when(r.event.start),
        end: when(r.event.end),
        location: r.event.location,
      });
    case 'task':
      return JSON.stringify({ summary: r.task.summary, due: when(r.task.due), priority: r.task.priority });
    case 'note':
      return JSON.stringify({
        text: `${r.note.subject ?? ''}\n${r.note.body ?? ''}`.replace(/\r\n/g, '\n').trim(),
      });
  }
}

/** The sorted essences of a device store's items: equal arrays mean the same data. */
export function essences(store: keyof typeof TYPES, items: Map<string, string>): string[] {
  return [...items.values()].map((t) => essence(store, t)).sort();
}

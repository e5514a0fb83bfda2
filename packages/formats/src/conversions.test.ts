import type { CalendarEvent, CalendarTask } from '@syncds/calendar';
import type { Contact } from '@syncds/contacts';
import type { Note } from '@syncds/notes';
import { type CapturedItem, messageItems, sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { otherFamily } from './choice/choose-format.js';
import { parseItem } from './codec/parse-item.js';
import { serializeItem } from './codec/serialize-item.js';
import { timeKey } from './compare/same-item.js';
import type { CanonicalRecord } from './record/canonical-record.js';

/**
 * Through the other family and back, via the registry only. SIF-N goes to
 * vNote (the Versit note format that holds a subject and categories; plain
 * text is covered by the notes package's own tests).
 */
function roundTrip(
  record: CanonicalRecord,
  contentType: string,
): { other: CanonicalRecord; back: CanonicalRecord } {
  const target =
    contentType === 'text/x-s4j-sifn'
      ? { contentType: 'text/x-vnote', version: '1.1' }
      : otherFamily(contentType, record.kind)!;
  const other = parseItem(
    serializeItem(record, target.contentType, { version: target.version }),
    target.contentType,
  );
  const back = parseItem(serializeItem(other, contentType), contentType);
  return { other, back };
}

// The fields SIF and Versit can both hold, per kind: what the tests compare.
const sortedBy = <T>(items: T[], key: (t: T) => string): T[] =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));

/** Contact: name, phones (kind and number), e-mails, addresses, company, department, title, note. */
function contactFields(c: Contact): unknown {
  return {
    name: c.name,
    phones: sortedBy(
      c.phones.map((p) => ({ kind: p.kind, value: p.value })),
      (p) => p.kind + p.value,
    ),
    emails: sortedBy(
      c.emails.map((e) => e.value),
      (e) => e,
    ),
    addresses: sortedBy(
      c.addresses.map(({ kind, poBox, extended, street, city, region, postalCode, country }) => ({
        kind,
        poBox,
        extended,
        street,
        city,
        region,
        postalCode,
        country,
      })),
      (a) => a.kind,
    ),
    company: c.organization.company,
    department: c.organization.department,
    title: c.title,
    note: c.note,
  };
}

/** Event: start and end instants, summary, description, location, rule, exceptions, alarm offsets. */
function eventFields(e: CalendarEvent): unknown {
  return {
    start: timeKey(e.start),
    end: timeKey(e.end),
    summary: e.summary,
    description: e.description,
    location: e.location,
    recurrence: e.recurrence,
    exceptionDates: (e.exceptionDates ?? []).map(timeKey),
    alarms: (e.alarms ?? []).map((a) => ('offset' in a.trigger ? a.trigger.offset : timeKey(a.trigger.at))),
  };
}

/** Task: summary, description, start, due, completed. */
function taskFields(t: CalendarTask): unknown {
  return {
    summary: t.summary,
    description: t.description,
    start: timeKey(t.start),
    due: timeKey(t.due),
    completed: timeKey(t.completed),
  };
}

/** Note: subject, body, categories (text/plain holds the text only: the notes package tests that path). */
function noteFields(n: Note): unknown {
  return { subject: n.subject, body: n.body, categories: n.categories };
}

function shared(record: CanonicalRecord): unknown {
  switch (record.kind) {
    case 'contact':
      return contactFields(record.contact);
    case 'event':
      return eventFields(record.event);
    case 'task':
      return taskFields(record.task);
    case 'note':
      return noteFields(record.note);
  }
}

const SESSIONS = [
  'P900_tasksandcalendar',
  'sync4j_pocketpc_contacts',
  'sync4j_pocketpc_calendar',
  'sync4j_pocketpc_notes',
  'funambol_outlook3015_calendar',
  'synthesis_tasks',
];
const captures: CapturedItem[] = [
  ...SESSIONS.flatMap((s) => [...sessionItems(s, 'client'), ...sessionItems(s, 'server')]),
  // A chunk of a large object (msg9's last vCard, MoreData) is not an item on its own.
  ...['msg2', 'msg6', 'msg7', 'msg9', 'msg11', 'msg13', 'msg15'].flatMap((m) =>
    messageItems(`wbxml/funambol/${m}.xml`).filter((item) => !item.moreData),
  ),
];

describe('every captured item converts to the other family and back', () => {
  it.each(captures.map((item, i) => [`${i} ${item.file} ${item.type}`, item] as const))('%s', (_, item) => {
    const record = parseItem(item.bytes, item.type);
    const { other, back } = roundTrip(record, item.type);
    expect(other.kind).toBe(record.kind);
    expect(shared(other)).toEqual(shared(record));
    expect(shared(back)).toEqual(shared(record));
  });
});

describe('SIF-C -> vCard 2.1 through the registry', () => {
  const amemiya = messageItems('wbxml/funambol/msg2.xml')[2]!;

  it('keeps name, phones, e-mails, address, company and title of a real item', () => {
    const vcard = new TextDecoder().decode(
      serializeItem(parseItem(amemiya.bytes, amemiya.type), 'text/x-vcard'),
    );
    expect(vcard.startsWith('BEGIN:VCARD\r\nVERSION:2.1\r\n')).toBe(true);
    expect(vcard).toContain("\r\nN:Amemiya;Masa'aki;;;\r\n");
    expect(vcard).toContain('\r\nTEL;WORK;VOICE:+81 (03) 3500 3030\r\n');
    expect(vcard).toContain('\r\nTEL;CELL:+81 (090) 5195 2053\r\n');
    const back = parseItem(vcard, 'text/x-vcard') as { contact: Contact };
    expect(contactFields(back.contact)).toEqual({
      name: { given: "Masa'aki", family: 'Amemiya' },
      phones: [
        { kind: 'cell', value: '+81 (090) 5195 2053' },
        { kind: 'fax-work', value: '+81 (03) 3502 5587' },
        { kind: 'work', value: '+81 (03) 3500 3030' },
      ],
      emails: [],
      addresses: [
        {
          kind: 'work',
          poBox: undefined,
          extended: undefined,
          street: '9F, Dai 11 Toyo-Kaiji Bldg.\n1-5-11 Nishi-Shinibashi Minato-ku',
          city: 'Tokyo',
          region: undefined,
          postalCode: '105-0003',
          country: 'Japan',
        },
      ],
      company: 'ThirdNetworks',
      department: undefined,
      title: 'President',
      note: undefined,
    });
  });

  it('keeps the note (Body) and the e-mails', () => {
    const sifc =
      '<?xml version="1.0" encoding="UTF-8"?><contact><SIFVersion>1.1</SIFVersion><FirstName>Jana</FirstName>' +
      '<LastName>Nováková</LastName><CompanyName>Firma s.r.o.</CompanyName><Email1Address>jana@firma.cz</Email1Address>' +
      '<Email2Address>jana@home.cz</Email2Address><HomeTelephoneNumber>+420 123 456 789</HomeTelephoneNumber>' +
      '<HomeAddressStreet>Dlouhá 5</HomeAddressStreet><HomeAddressCity>Praha</HomeAddressCity>' +
      '<HomeAddressPostalCode>110 00</HomeAddressPostalCode><HomeAddressCountry>CZ</HomeAddressCountry>' +
      '<Body>Potkali jsme se v Brně.\r\nVolat ráno.</Body></contact>';
    const record = parseItem(sifc, 'text/x-s4j-sifc');
    const vcard = parseItem(serializeItem(record, 'text/x-vcard', { version: '2.1' }), 'text/x-vcard');
    expect(contactFields((vcard as { contact: Contact }).contact)).toEqual({
      name: { given: 'Jana', family: 'Nováková' },
      phones: [{ kind: 'home', value: '+420 123 456 789' }],
      emails: ['jana@firma.cz', 'jana@home.cz'],
      addresses: [
        {
          kind: 'home',
          poBox: undefined,
          extended: undefined,
          street: 'Dlouhá 5',
          city: 'Praha',
          region: undefined,
          postalCode: '110 00',
          country: 'CZ',
        },
      ],
      company: 'Firma s.r.o.',
      department: undefined,
      title: undefined,
      note: 'Potkali jsme se v Brně.\nVolat ráno.',
    });
  });
});

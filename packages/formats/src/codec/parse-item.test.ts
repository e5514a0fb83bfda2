import { CalendarCodecError } from '@syncds/calendar';
import { ContactCodecError } from '@syncds/contacts';
import { NoteCodecError } from '@syncds/notes';
import { type CapturedItem, messageItems, sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { FormatError, isItemCodecError } from '../errors.js';
import { parseItem } from './parse-item.js';
import { serializeItem } from './serialize-item.js';

const SESSIONS = [
  'P900_tasksandcalendar',
  'sync4j_pocketpc_contacts',
  'sync4j_pocketpc_calendar',
  'sync4j_pocketpc_notes',
  'funambol_outlook3015_calendar',
  'synthesis_tasks',
];
const FUNAMBOL_MESSAGES = [
  'msg2',
  'msg6',
  'msg7',
  'msg9',
  'msg10',
  'msg11',
  'msg13',
  'msg14',
  'msg15',
  'msg19',
];

const sessionCaptures: CapturedItem[] = SESSIONS.flatMap((s) => [
  ...sessionItems(s, 'client'),
  ...sessionItems(s, 'server'),
]);
// A chunk of a large object (MoreData) is not an item on its own.
const funambolCaptures: CapturedItem[] = FUNAMBOL_MESSAGES.flatMap((m) =>
  messageItems(`wbxml/funambol/${m}.xml`).filter((item) => !item.moreData),
);

function kindCounts(items: CapturedItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const kind = parseItem(item.bytes, item.type).kind;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

describe('parseItem on every captured item', () => {
  it('reads all 49 session items (P900, Pocket PC, Outlook, Synthesis) with their kinds', () => {
    expect(sessionCaptures).toHaveLength(49);
    expect(kindCounts(sessionCaptures)).toEqual({ event: 26, task: 11, contact: 6, note: 6 });
  });

  it('reads the Funambol test messages (SIF-C, SIF-E, vCard, vCalendar)', () => {
    // msg9's last vCard is the first chunk of a large object (MoreData): not an item on its own.
    expect(funambolCaptures).toHaveLength(27);
    expect(kindCounts(funambolCaptures)).toEqual({ contact: 19, event: 8 });
  });

  it('gives each record the canonical shape of its package', () => {
    const p900 = sessionItems('P900_tasksandcalendar', 'client')[0]!;
    const record = parseItem(p900.bytes, p900.type);
    expect(record).toMatchObject({ kind: 'event', event: { kind: 'event', summary: 'client1 12-1' } });
    const note = sessionItems('sync4j_pocketpc_notes', 'client')[0]!;
    expect(parseItem(note.bytes, note.type)).toEqual({
      kind: 'note',
      note: {
        subject: 'client1',
        body: 'client1\nÜbersicht\n',
        modified: '2006-10-14T09:00:53Z',
        extensions: [],
        origin: 'sifn',
      },
    });
  });
});

describe('text/calendar: events, tasks and journals', () => {
  const journal =
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VJOURNAL\r\nSUMMARY:Diary\r\nDESCRIPTION:Rain.\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n';
  const event =
    'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20240301T090000Z\r\nSUMMARY:Review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

  it('reads a VJOURNAL as a note and a VEVENT as an event', () => {
    expect(parseItem(journal, 'text/calendar')).toMatchObject({
      kind: 'note',
      note: { subject: 'Diary', body: 'Rain.' },
    });
    expect(parseItem(event, 'text/calendar')).toMatchObject({ kind: 'event', event: { summary: 'Review' } });
  });
  it('follows the folder kind when given', () => {
    expect(() => parseItem(event, 'text/calendar', { kind: 'note' })).toThrow(
      expect.objectContaining({ code: 'WRONG_OBJECT', status: 400 }),
    );
    expect(parseItem(journal, 'text/calendar', { kind: 'note' }).kind).toBe('note');
  });
  it('writes a journal note back as text/calendar and refuses vCalendar 1.0 for it', () => {
    const note = parseItem(journal, 'text/calendar');
    const written = new TextDecoder().decode(serializeItem(note, 'text/calendar'));
    expect(written).toContain('BEGIN:VJOURNAL\r\n');
    expect(() => serializeItem(note, 'text/x-vcalendar')).toThrow(
      expect.objectContaining({ name: 'FormatError', code: 'KIND_NOT_CARRIED', status: 415 }),
    );
  });
});

describe('errors', () => {
  it('an unknown content type is a FormatError 415', () => {
    let caught: unknown;
    try {
      parseItem('x', 'application/octet-stream');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FormatError);
    expect(caught).toMatchObject({
      code: 'UNSUPPORTED_CONTENT_TYPE',
      status: 415,
      contentType: 'application/octet-stream',
    });
    expect(isItemCodecError(caught)).toBe(true);
  });

  it.each([
    [
      'broken vCard folding',
      'BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:first\r\nlost fold\r\nEND:VCARD\r\n',
      'text/x-vcard',
      ContactCodecError,
      400,
    ],
    [
      'vCard with an unknown charset',
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=X-NOPE;ENCODING=QUOTED-PRINTABLE:=41\r\nEND:VCARD\r\n',
      'text/x-vcard',
      ContactCodecError,
      415,
    ],
    [
      'vCalendar with an invalid date',
      'BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VEVENT\r\nDTSTART:20241340T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      'text/x-vcalendar',
      CalendarCodecError,
      400,
    ],
    ['SIF-N that is not XML', 'not a note', 'text/x-s4j-sifn', NoteCodecError, 400],
    [
      'a 10 MB vNote line',
      `BEGIN:VNOTE\r\nBODY:${'x'.repeat(10 * 1024 * 1024)}\r\nEND:VNOTE\r\n`,
      'text/x-vnote',
      NoteCodecError,
      413,
    ],
  ])('%s -> the codec error with status %i', (_, input, type, errorClass, status) => {
    let caught: unknown;
    try {
      parseItem(input, type, { maxItemBytes: 16 * 1024 * 1024 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(errorClass);
    expect((caught as { status: number }).status).toBe(status);
    expect(isItemCodecError(caught)).toBe(true);
  });

  it('applies the shared limits to each codec', () => {
    const card = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\nEND:VCARD\r\n';
    expect(() => parseItem(card, 'text/x-vcard', { maxItemBytes: 10 })).toThrow(
      expect.objectContaining({ status: 413 }),
    );
    expect(() =>
      parseItem('<note><Body>x</Body><A/><B/></note>', 'text/x-s4j-sifn', { maxFields: 2 }),
    ).toThrow(expect.objectContaining({ code: 'TOO_MANY_FIELDS', status: 413 }));
    expect(isItemCodecError(new Error('x'))).toBe(false);
  });
});

describe('serializeItem', () => {
  it('writes UTF-8 bytes', () => {
    const record = parseItem('Ünïcode note', 'text/plain');
    expect(Buffer.from(serializeItem(record, 'text/plain')).toString('hex')).toBe(
      Buffer.from('Ünïcode note', 'utf8').toString('hex'),
    );
  });
  it('refuses a kind the type cannot carry and a type outside the registry', () => {
    const task = parseItem(
      'BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VTODO\r\nSUMMARY:Call\r\nEND:VTODO\r\nEND:VCALENDAR\r\n',
      'text/x-vcalendar',
    );
    expect(() => serializeItem(task, 'text/x-s4j-sife')).toThrow(
      expect.objectContaining({ code: 'KIND_NOT_CARRIED' }),
    );
    expect(() => serializeItem(task, 'text/x-vcard')).toThrow(
      expect.objectContaining({ code: 'KIND_NOT_CARRIED' }),
    );
    expect(() => serializeItem(task, 'image/png')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT_TYPE' }),
    );
  });
  it('writes the version asked for (Horde: text/x-vcard 3.0)', () => {
    const card = parseItem('BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\nEND:VCARD\r\n', 'text/x-vcard');
    expect(new TextDecoder().decode(serializeItem(card, 'text/x-vcard', { version: '3.0' }))).toContain(
      'VERSION:3.0\r\n',
    );
    expect(new TextDecoder().decode(serializeItem(card, 'text/x-vcard'))).toContain('VERSION:2.1\r\n');
  });
});

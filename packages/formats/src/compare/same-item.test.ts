import { messageItems, sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { parseItem } from '../codec/parse-item.js';
import { serializeItem } from '../codec/serialize-item.js';
import type { CanonicalRecord } from '../record/canonical-record.js';
import { normalizePhone, normalizeText, sameItem, timeKey } from './same-item.js';

const convert = (record: CanonicalRecord, type: string, version?: string): CanonicalRecord =>
  parseItem(serializeItem(record, type, version === undefined ? {} : { version }), type);
const vcard = (...lines: string[]): CanonicalRecord =>
  parseItem(['BEGIN:VCARD', 'VERSION:2.1', ...lines, 'END:VCARD', ''].join('\r\n'), 'text/x-vcard');

describe('normalisation', () => {
  it('texts: case, NFC, whitespace', () => {
    expect(normalizeText('  Team\tMEETING \n')).toBe('team meeting');
    expect(normalizeText('Cafe\u0301')).toBe(normalizeText('Café'));
    expect(normalizeText(undefined)).toBe('');
  });
  it('phones: the last 7 digits', () => {
    expect(normalizePhone('+49 (521) 170-372')).toBe(normalizePhone('0049 521 170372'));
    expect(normalizePhone('+81 (03) 3500 3030')).toBe('5003030');
    expect(normalizePhone('n/a')).toBe('');
  });
  it('times: the instant, the date or the wall time', () => {
    expect(
      timeKey({
        kind: 'zoned',
        utc: '2024-03-01T08:00:00Z',
        local: '2024-03-01T09:00:00',
        tzid: 'Europe/Berlin',
      }),
    ).toBe('2024-03-01T08:00:00Z');
    expect(timeKey({ kind: 'date', date: '2024-03-01' })).toBe('2024-03-01');
    expect(timeKey(undefined)).toBe('');
  });
});

describe('sameItem pairs a device item with the server copy in another format', () => {
  it('every captured item is the same as its conversion to the other family', () => {
    const items = [
      ...sessionItems('sync4j_pocketpc_contacts', 'client'),
      ...sessionItems('sync4j_pocketpc_calendar', 'client'),
      ...sessionItems('P900_tasksandcalendar', 'client'),
      ...sessionItems('sync4j_pocketpc_notes', 'client'),
      ...messageItems('wbxml/funambol/msg2.xml'),
    ];
    expect(items).toHaveLength(21);
    for (const item of items) {
      const record = parseItem(item.bytes, item.type);
      const target =
        record.kind === 'contact'
          ? item.type.includes('sif')
            ? 'text/x-vcard'
            : 'text/x-s4j-sifc'
          : record.kind === 'note'
            ? 'text/x-vnote'
            : record.kind === 'event'
              ? item.type.includes('sif')
                ? 'text/x-vcalendar'
                : 'text/x-s4j-sife'
              : item.type.includes('sif')
                ? 'text/x-vcalendar'
                : 'text/x-s4j-sift';
      expect(sameItem(record, convert(record, target))).toBe(true);
    }
  });

  it('contacts: same name and a shared phone or e-mail; different people are not', () => {
    const jane = vcard('N:Doe;Jane', 'TEL;CELL:+49 170 1234567', 'EMAIL:jane@example.com');
    expect(sameItem(jane, vcard('N:DOE;jane', 'TEL;CELL:0170/1234567'))).toBe(true);
    expect(sameItem(jane, vcard('N:Doe;Jane'))).toBe(true);
    expect(sameItem(jane, vcard('N:Doe;Jane', 'TEL;CELL:+49 170 7654321'))).toBe(false);
    expect(sameItem(jane, vcard('N:Doe;John', 'TEL;CELL:+49 170 1234567'))).toBe(false);
    expect(sameItem(vcard('TEL:555-1234567'), vcard('TEL:+1 555 1234567'))).toBe(true);
    expect(sameItem(vcard('NOTE:x'), vcard('NOTE:x'))).toBe(false);
  });

  it('events: same start and summary, whatever the format spells', () => {
    const sife = messageItems('wbxml/funambol/msg7.xml')[0]!;
    const event = parseItem(sife.bytes, sife.type);
    const vcal = convert(event, 'text/x-vcalendar', '1.0');
    expect(sameItem(event, vcal)).toBe(true);
    if (vcal.kind !== 'event') throw new Error('expected an event');
    expect(
      sameItem(event, { kind: 'event', event: { ...vcal.event, summary: `${vcal.event.summary} (moved)` } }),
    ).toBe(false);
    expect(
      sameItem(event, {
        kind: 'event',
        event: { ...vcal.event, start: { kind: 'utc', utc: '2000-01-01T00:00:00Z' } },
      }),
    ).toBe(false);
  });

  it('tasks: same summary and due', () => {
    const task = (due: string): CanonicalRecord =>
      parseItem(
        `BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VTODO\r\nSUMMARY:Call  Bob\r\nDUE:${due}\r\nEND:VTODO\r\nEND:VCALENDAR\r\n`,
        'text/x-vcalendar',
      );
    expect(sameItem(task('20240301T120000Z'), convert(task('20240301T120000Z'), 'text/x-s4j-sift'))).toBe(
      true,
    );
    expect(sameItem(task('20240301T120000Z'), task('20240302T120000Z'))).toBe(false);
  });

  it('notes: the same text, even when one side only has plain text', () => {
    const vnote = parseItem(
      'BEGIN:VNOTE\r\nVERSION:1.1\r\nSUMMARY:Shopping\r\nBODY:milk\r\nEND:VNOTE\r\n',
      'text/x-vnote',
    );
    expect(sameItem(vnote, parseItem('Shopping\r\nmilk', 'text/plain'))).toBe(true);
    expect(sameItem(vnote, parseItem('Shopping\r\nbread', 'text/plain'))).toBe(false);
  });

  it('never pairs different kinds', () => {
    expect(sameItem(parseItem('x', 'text/plain'), vcard('N:x'))).toBe(false);
  });
});

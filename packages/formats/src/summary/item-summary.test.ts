import { messageItems, sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { parseItem } from '../codec/parse-item.js';
import { itemSummary, MAX_SUMMARY_LENGTH } from './item-summary.js';

describe('itemSummary', () => {
  it('describes captured items in one short line', () => {
    const p900 = sessionItems('P900_tasksandcalendar', 'client').map((i) =>
      itemSummary(parseItem(i.bytes, i.type)),
    );
    expect(p900.slice(0, 3)).toEqual([
      'event 2006-12-22T11:00:00Z "client1 12-1"',
      'event 2006-12-25 (all day) "cIient1 christmas all day"',
      'task "clienttask1"',
    ]);
    const amemiya = messageItems('wbxml/funambol/msg2.xml')[2]!;
    expect(itemSummary(parseItem(amemiya.bytes, amemiya.type))).toBe(
      'contact "Masa\'aki Amemiya" +81 (03) 3500 3030',
    );
    const note = sessionItems('sync4j_pocketpc_notes', 'client')[0]!;
    expect(itemSummary(parseItem(note.bytes, note.type))).toBe('note "client1"');
  });

  it('names e-mail, recurrence, due dates and untitled items', () => {
    const card = parseItem(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jane\r\nEMAIL:jane@example.com\r\nEND:VCARD\r\n',
      'text/x-vcard',
    );
    expect(itemSummary(card)).toBe('contact "Jane" <jane@example.com>');
    const weekly = parseItem(
      'BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VEVENT\r\nDTSTART:20240301T090000Z\r\nRRULE:W1 FR #4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      'text/x-vcalendar',
    );
    expect(itemSummary(weekly)).toBe('event 2024-03-01T09:00:00Z (untitled) (recurring)');
    const task = parseItem(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nSUMMARY:Pay\r\nDUE;VALUE=DATE:20240315\r\nEND:VTODO\r\nEND:VCALENDAR\r\n',
      'text/calendar',
    );
    expect(itemSummary(task)).toBe('task "Pay" due 2024-03-15 (all day)');
    expect(itemSummary(parseItem('\r\n\r\n  second line', 'text/plain'))).toBe('note "second line"');
  });

  it('stays on one line and within the limit', () => {
    const long = parseItem(`${'word '.repeat(40)}\r\nmore`, 'text/plain');
    const summary = itemSummary(long);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
    expect(summary).toBe(`note "${'word '.repeat(9)}wo…"`);
  });
});

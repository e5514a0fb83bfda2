import { describe, expect, it } from 'vitest';
import { parseItem } from '../codec/parse-item.js';
import type { CanonicalRecord } from '../record/canonical-record.js';
import { datastoresOf, readVector } from '../test-util/devinf.test-util.js';
import { calendarItemOf, deviceFieldsOf, fieldsFromCtCap, mergeItem } from './merge-item.js';

const w910i = datastoresOf(readVector('wbxml/funambol/sonyericsson-W910i.xml'));
const p900 = datastoresOf(readVector('sessions/P900_tasksandcalendar/syncml_client_10.xml'));
const agenda = p900.get('c:\\Documents\\agenda\\agenda')!;

const card = (lines: string[]): CanonicalRecord => parseItem(`${lines.join('\r\n')}\r\n`, 'text/x-vcard');

describe('fieldsFromCtCap / deviceFieldsOf (the codec packages decide)', () => {
  it('P900: its vCalendar CTCap lists LOCATION and SUMMARY but no URL', () => {
    const fields = deviceFieldsOf(agenda, 'text/x-vcalendar')!;
    expect(fields.has('location')).toBe(true);
    expect(fields.has('summary')).toBe(true);
    expect(fields.has('url')).toBe(false);
  });
  it('W910i contacts: NOTE is listed, so the note is a field it holds', () => {
    expect(deviceFieldsOf(w910i.get('Contacts'), 'text/x-vcard')!.has('note')).toBe(true);
  });
  it('no CTCap for the type: every field the format carries', () => {
    expect(deviceFieldsOf(w910i.get('Notes'), 'text/plain')).toEqual(new Set(['subject', 'body']));
    expect(deviceFieldsOf(undefined, 'text/x-s4j-sifn')!.has('color')).toBe(true);
  });
  it('tells journal notes from events under text/calendar by the kind', () => {
    expect(fieldsFromCtCap(['DESCRIPTION'], 'text/calendar', { kind: 'note' })).toEqual(new Set(['body']));
    expect(fieldsFromCtCap(['DESCRIPTION'], 'text/calendar')).toEqual(new Set(['description']));
    expect(fieldsFromCtCap(['N'], 'image/png')).toBeUndefined();
  });
});

describe('mergeItem', () => {
  const stored = card([
    'BEGIN:VCARD',
    'VERSION:2.1',
    'N:Doe;Jane',
    'TEL;CELL:+49 170 1',
    'NOTE:met in Berlin',
    'END:VCARD',
  ]);

  it('keeps the note when a phone without NOTE in its CTCap updates the contact', () => {
    const phone = fieldsFromCtCap(['N', 'TEL'], 'text/x-vcard');
    const update = card(['BEGIN:VCARD', 'VERSION:2.1', 'N:Doe;Jane', 'TEL;CELL:+49 170 2', 'END:VCARD']);
    const merged = mergeItem(stored, update, phone);
    expect(merged.kind).toBe('contact');
    if (merged.kind !== 'contact') return;
    expect(merged.contact.note).toBe('met in Berlin');
    expect(merged.contact.phones.map((p) => p.value)).toEqual(['+49 170 2']);
  });

  it('deletes the note when a device that holds NOTE sent none', () => {
    const update = card(['BEGIN:VCARD', 'VERSION:2.1', 'N:Doe;Jane', 'TEL;CELL:+49 170 1', 'END:VCARD']);
    const merged = mergeItem(stored, update, deviceFieldsOf(w910i.get('Contacts'), 'text/x-vcard'));
    expect(merged.kind === 'contact' && merged.contact.note).toBeUndefined();
  });

  it('merges events, tasks and notes through their packages', () => {
    const event = (summary: string, location?: string): CanonicalRecord =>
      parseItem(
        [
          'BEGIN:VCALENDAR',
          'VERSION:1.0',
          'BEGIN:VEVENT',
          'DTSTART:20240301T090000Z',
          `SUMMARY:${summary}`,
          ...(location ? [`LOCATION:${location}`] : []),
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
        'text/x-vcalendar',
      );
    const merged = mergeItem(event('Review', 'Room 1'), event('Review 2'), new Set(['summary', 'start']));
    expect(calendarItemOf(merged)).toMatchObject({ summary: 'Review 2', location: 'Room 1' });
    const note = (text: string): CanonicalRecord => parseItem(text, 'text/plain');
    expect(mergeItem(note('a'), note('b'), undefined)).toMatchObject({ kind: 'note', note: { body: 'b' } });
  });

  it('takes the incoming record when the kind changed', () => {
    const note = parseItem('Call Bob', 'text/plain');
    expect(mergeItem(stored, note, undefined)).toEqual(note);
    expect(mergeItem(stored, note, undefined)).not.toBe(note);
    expect(calendarItemOf(note)).toBeUndefined();
  });
});

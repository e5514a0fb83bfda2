import { parseItem } from '@syncds/formats';
import { describe, expect, test } from 'vitest';
import { BenchError } from '../../runner/errors.js';
import type { CorpusItem } from '../corpus/item-corpus.js';
import { generatedItems } from '../corpus/generated-items.js';
import { checkRoundTrip, readWritten, recordFormat, relabelled } from './round-trip.js';

const encoder = new TextEncoder();
const item = (source: string, contentType: string, text: string): CorpusItem => ({
  source,
  contentType,
  version: undefined,
  bytes: encoder.encode(text),
  generated: true,
});

function thrown(fn: () => unknown): BenchError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BenchError);
    return e as BenchError;
  }
  throw new Error('nothing thrown');
}

const VNOTE = 'BEGIN:VNOTE\r\nVERSION:1.1\r\nBODY:Shopping\\nmilk\r\nEND:VNOTE\r\n';

describe('checkRoundTrip', () => {
  test('a record that survives its round trip passes and gives the bytes written', () => {
    const it = item('test#0', 'text/x-vnote', VNOTE);
    const trip = checkRoundTrip(
      'items/parse/vnote-1.1',
      it,
      'vnote-1.1',
      parseItem(it.bytes, it.contentType),
    );
    expect(trip.knownIssue).toBeNull();
    expect(new TextDecoder().decode(trip.written)).toContain('BEGIN:VNOTE');
    expect(readWritten(trip.written, 'vnote-1.1')).toEqual(parseItem(it.bytes, it.contentType));
  });

  test('a record that does not read back as itself fails, naming the item and the field', () => {
    // A journal status, which vNote has no property for: what comes back lacks it.
    const it = item('test#1', 'text/x-vnote', VNOTE);
    const record = parseItem(it.bytes, it.contentType);
    if (record.kind !== 'note') throw new Error('not a note');
    const tampered = { ...record, note: { ...record.note, status: 'FINAL' } };
    const error = thrown(() => checkRoundTrip('items/parse/vnote-1.1', it, 'vnote-1.1', tampered));
    expect(error.code).toBe('CHECK_FAILED');
    expect(error.path).toBe('items/parse/vnote-1.1');
    expect(error.message).toMatch(/^test#1: the round trip \(vnote-1\.1\) differs: \$\.note\.status: /);
  });

  test('a known issue is accepted only where it is known, and only while it occurs', () => {
    // A synthetic entry: a vNote whose status is said to come back wrong.
    const it = item('test#7', 'text/x-vnote', VNOTE);
    const record = parseItem(it.bytes, it.contentType);
    const known = [{ source: 'test#7', path: '$.note.status', issue: 'status lost (test)' }];
    const broken = JSON.parse(JSON.stringify(record)) as { note: { status?: string } };
    broken.note.status = 'CHANGED';
    // Differs exactly at the known path: excused, and the issue is named.
    expect(checkRoundTrip('c', it, 'vnote-1.1', broken as never, known).knownIssue).toBe(
      'status lost (test)',
    );
    // The same item under another name is not excused.
    expect(
      thrown(() => checkRoundTrip('c', { ...it, source: 'elsewhere#0' }, 'vnote-1.1', broken as never, known))
        .message,
    ).toMatch(/^elsewhere#0: the round trip \(vnote-1\.1\) differs: \$\.note\.status: /);
    // A listed item whose round trip is right says the entry is stale.
    expect(thrown(() => checkRoundTrip('c', it, 'vnote-1.1', record, known)).message).toBe(
      'test#7: the known issue at $.note.status no longer occurs; remove it from KNOWN_ROUND_TRIP_ISSUES',
    );
  });

  test('vCard 4.0 is written as 3.0 and reads back with the 3.0 labels', () => {
    const [first] = generatedItems('vcard-4.0');
    const it = item('generated/vcard-4.0#0', first!.contentType, first!.text);
    const record = parseItem(it.bytes, it.contentType);
    expect(recordFormat(record)).toBe('vcard-4.0');
    const trip = checkRoundTrip('items/parse/vcard-4.0', it, 'vcard-4.0', record);
    expect(new TextDecoder().decode(trip.written)).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    const back = readWritten(trip.written, 'vcard-3.0');
    expect(back).toEqual(relabelled(record, 'vcard-3.0'));
    if (back.kind !== 'contact') throw new Error('not a contact');
    expect(back.contact.source).toBe('vcard-3.0');
    expect(back.contact.extensions.map((e) => (e.family === 'vcard' ? [e.name, e.dialect] : e.name))).toEqual(
      [['KIND', 'vcard-3.0']],
    );
  });
});

test('recordFormat names the format of each kind of record', () => {
  const read = (contentType: string, text: string) => recordFormat(parseItem(text, contentType));
  expect(read('text/x-vcard', 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:A\r\nEND:VCARD\r\n')).toBe('vcard-2.1');
  expect(read('text/x-s4j-sifc', '<contact><LastName>A</LastName></contact>')).toBe('sifc');
  const vcal = (v: string, c: string) =>
    `BEGIN:VCALENDAR\r\nVERSION:${v}\r\nBEGIN:${c}\r\nSUMMARY:x\r\nEND:${c}\r\nEND:VCALENDAR\r\n`;
  expect(read('text/calendar', vcal('1.0', 'VTODO'))).toBe('vcalendar-1.0');
  expect(read('text/calendar', vcal('2.0', 'VEVENT'))).toBe('icalendar-2.0');
  expect(read('text/calendar', vcal('2.0', 'VJOURNAL'))).toBe('vjournal');
  expect(read('text/x-s4j-sife', '<appointment><Subject>x</Subject></appointment>')).toBe('sife');
  expect(read('text/x-s4j-sift', '<task><Subject>x</Subject></task>')).toBe('sift');
  expect(read('text/plain', 'x')).toBe('plain');
  expect(read('text/x-vnote', VNOTE)).toBe('vnote-1.1');
  expect(read('text/x-s4j-sifn', '<note><Body>x</Body></note>')).toBe('sifn');
});

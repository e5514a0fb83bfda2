import { describe, expect, it } from 'vitest';
import { NoteCodecError } from '../errors.js';
import type { Note } from '../model/note.js';
import { parseVNote, toVNote } from './vnote.js';
import { parseVJournal, toVJournal } from './vjournal.js';

const crlf = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;

// RFC 5545 §3.6.3 style journal with a zone, as a CalDAV client sends it.
const journal = crlf(
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Client//EN',
  'X-WR-CALNAME:Diary',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VJOURNAL',
  'UID:19970901T130000Z-123405@example.com',
  'DTSTAMP:19970901T130000Z',
  'DTSTART;TZID=Europe/Berlin:19970317T090000',
  'SUMMARY:Staff meeting minutes',
  'DESCRIPTION:1. Staff meeting: Participants include Joe\\, Lisa\\, and Bob.\\n2. Telephone',
  '  update',
  'CATEGORIES:Work,Minutes',
  'CATEGORIES:Meetings',
  'CLASS:CONFIDENTIAL',
  'STATUS:final',
  'CREATED:19970301T080000Z',
  'LAST-MODIFIED:19970302T080000Z',
  'ATTENDEE;CN=Joe:mailto:joe@example.com',
  'END:VJOURNAL',
  'END:VCALENDAR',
);

describe('parseVJournal', () => {
  it('reads the journal fields, keeps the zone, calendar and unknown properties', () => {
    expect(parseVJournal(journal)).toEqual({
      uid: '19970901T130000Z-123405@example.com',
      entryDate: '1997-03-17T09:00:00',
      entryTimeZone: 'Europe/Berlin',
      subject: 'Staff meeting minutes',
      body: '1. Staff meeting: Participants include Joe, Lisa, and Bob.\n2. Telephone update',
      categories: ['Work', 'Minutes', 'Meetings'],
      classification: 'CONFIDENTIAL',
      status: 'FINAL',
      created: '1997-03-01T08:00:00Z',
      modified: '1997-03-02T08:00:00Z',
      extensions: [
        {
          family: 'versit',
          scope: 'calendar',
          dialect: 'icalendar-2.0',
          name: 'X-WR-CALNAME',
          params: [],
          value: 'Diary',
        },
        {
          family: 'versit',
          scope: 'calendar',
          dialect: 'icalendar-2.0',
          component: {
            name: 'VTIMEZONE',
            properties: [{ name: 'TZID', params: [], value: 'Europe/Berlin' }],
            components: [
              {
                name: 'STANDARD',
                properties: [
                  { name: 'DTSTART', params: [], value: '19701025T030000' },
                  { name: 'TZOFFSETFROM', params: [], value: '+0200' },
                  { name: 'TZOFFSETTO', params: [], value: '+0100' },
                ],
                components: [],
              },
            ],
          },
        },
        {
          family: 'versit',
          scope: 'item',
          dialect: 'icalendar-2.0',
          name: 'DTSTAMP',
          params: [],
          value: '19970901T130000Z',
        },
        {
          family: 'versit',
          scope: 'item',
          dialect: 'icalendar-2.0',
          name: 'ATTENDEE',
          params: [{ name: 'CN', values: ['Joe'] }],
          value: 'mailto:joe@example.com',
        },
      ],
      origin: 'vjournal-2.0',
    });
  });

  it('reads an all-day entry', () => {
    const note = parseVJournal(
      crlf(
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VJOURNAL',
        'DTSTART;VALUE=DATE:20240229',
        'END:VJOURNAL',
        'END:VCALENDAR',
      ),
    );
    expect(note).toEqual({ entryDate: '2024-02-29', extensions: [], origin: 'vjournal-2.0' });
  });

  it('round-trips: parse, write, parse gives the same note', () => {
    const first = parseVJournal(journal);
    const written = toVJournal(first);
    expect(parseVJournal(written)).toEqual(first);
    expect(written).toContain('\r\nDTSTART;TZID=Europe/Berlin:19970317T090000\r\n');
    expect(written).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
    expect(written.match(/DTSTAMP/g)).toHaveLength(1);
  });

  it.each([
    ['a VEVENT', crlf('BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR')],
    [
      'vCalendar 1.0',
      crlf('BEGIN:VCALENDAR', 'VERSION:1.0', 'BEGIN:VJOURNAL', 'END:VJOURNAL', 'END:VCALENDAR'),
    ],
    ['a vNote', crlf('BEGIN:VNOTE', 'VERSION:1.1', 'END:VNOTE')],
  ])('rejects %s with 400 WRONG_OBJECT', (_, input) => {
    expect(() => parseVJournal(input)).toThrow(NoteCodecError);
    expect(() => parseVJournal(input)).toThrow(
      expect.objectContaining({ code: 'WRONG_OBJECT', status: 400 }),
    );
  });

  it('rejects an invalid DTSTART', () => {
    const input = crlf(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VJOURNAL',
      'DTSTART:20240230',
      'END:VJOURNAL',
      'END:VCALENDAR',
    );
    expect(() => parseVJournal(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', property: 'DTSTART', line: 4 }),
    );
  });
});

describe('toVJournal', () => {
  it('writes a minimal journal, DTSTAMP from modified', () => {
    const note: Note = { subject: 'A; b, c', body: 'x\ny', modified: '2024-01-31T10:00:00Z', extensions: [] };
    expect(toVJournal(note)).toBe(
      crlf(
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//syncds//notes//EN',
        'BEGIN:VJOURNAL',
        'DTSTAMP:20240131T100000Z',
        'SUMMARY:A\\; b\\, c',
        'DESCRIPTION:x\\ny',
        'LAST-MODIFIED:20240131T100000Z',
        'END:VJOURNAL',
        'END:VCALENDAR',
      ),
    );
  });
  it('takes DTSTAMP from the timestamp option when the note has no date', () => {
    expect(toVJournal({ extensions: [] }, { timestamp: '2024-01-31T10:00:00Z' })).toContain(
      'DTSTAMP:20240131T100000Z\r\n',
    );
    expect(toVJournal({ extensions: [] })).not.toContain('DTSTAMP');
  });
  it('gives vNote extensions to a vJournal with the escapes of iCalendar', () => {
    const fromVNote = parseVNote(
      crlf('BEGIN:VNOTE', 'VERSION:1.1', 'BODY:x', 'X-TAGS:a,b;c\\;d', 'END:VNOTE'),
    );
    expect(toVJournal(fromVNote)).toContain('\r\nX-TAGS:a\\,b;c\\;d\r\n');
    const back = parseVJournal(toVJournal(fromVNote));
    expect(toVNote(back)).toContain('\r\nX-TAGS:a,b;c\\;d\r\n');
  });
});

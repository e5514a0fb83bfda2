import { describe, expect, it } from 'vitest';
import { parseCalendarItem } from '../codec.js';
import { lines } from '../test-util/lines.test-util.js';
import { parseVCalendar, toVCalendar } from './vcalendar.js';
import { rejects } from '../test-util/errors.test-util.js';

const vevent = (...props: string[]): string =>
  lines('BEGIN:VCALENDAR', 'VERSION:1.0', 'BEGIN:VEVENT', ...props, 'END:VEVENT', 'END:VCALENDAR');

describe('bad vCalendar / iCalendar items give typed errors with the status to answer', () => {
  it('broken folding: a continuation without its leading space', () => {
    const text = vevent('SUMMARY:Lunch', 'DESCRIPTION:first line', 'second line without a fold marker');
    expect(rejects(() => parseVCalendar(text))).toMatchObject({
      code: 'MALFORMED_ITEM',
      status: 400,
      line: 6,
    });
  });

  it('an unknown charset', () => {
    const text = vevent('SUMMARY;CHARSET=X-KLINGON;ENCODING=QUOTED-PRINTABLE:=C3=BC');
    expect(rejects(() => parseVCalendar(text))).toMatchObject({
      code: 'UNKNOWN_CHARSET',
      status: 415,
      line: 4,
      property: 'SUMMARY',
    });
  });

  it('reads declared charsets (ISO-8859-2, windows-1250) from bytes', () => {
    const text = vevent(
      'SUMMARY;CHARSET=ISO-8859-2:@@',
      'LOCATION;CHARSET=windows-1250;ENCODING=QUOTED-PRINTABLE:=8A',
    );
    const bytes = new TextEncoder().encode(text);
    // "@@" stands in for the ISO-8859-2 bytes of "Łó".
    const at = text.indexOf('@@');
    const input = new Uint8Array(bytes.length);
    input.set(bytes);
    input[at] = 0xa3;
    input[at + 1] = 0xf3;
    const item = parseVCalendar(input);
    expect(item.summary).toBe('Łó');
    expect(item.location).toBe('Š');
  });

  it.each([
    ['DTSTART:20061332T250000', 'DTSTART'],
    ['DTEND:2006-02-30', 'DTEND'],
    ['LAST-MODIFIED:tomorrow', 'LAST-MODIFIED'],
    ['AALARM:2006122', 'AALARM'],
    ['EXDATE:20061224T000000;2006', 'EXDATE'],
  ])('an invalid date: %s', (line, property) => {
    expect(rejects(() => parseVCalendar(vevent('SUMMARY:x', line)))).toMatchObject({
      code: 'INVALID_DATE',
      status: 400,
      property,
      line: 5,
    });
  });

  it('an invalid rule and an unsupported one', () => {
    expect(rejects(() => parseVCalendar(vevent('DTSTART:20080101T100000', 'RRULE:Q1 #3')))).toMatchObject({
      code: 'INVALID_RULE',
      status: 400,
      property: 'RRULE',
      line: 5,
    });
    expect(
      rejects(() => parseVCalendar(vevent('DTSTART:20080101T100000', 'RRULE:YM1 6 MP1 1+ SU #0'))),
    ).toMatchObject({
      code: 'UNSUPPORTED_RULE',
      status: 415,
    });
  });

  it('an invalid DAYLIGHT or TZ', () => {
    const text = lines(
      'BEGIN:VCALENDAR',
      'VERSION:1.0',
      'TZ:+01',
      'DAYLIGHT:TRUE;+02;20081026T030000;20080330T020000;;',
      'BEGIN:VEVENT',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    expect(rejects(() => parseVCalendar(text))).toMatchObject({
      code: 'INVALID_TIMEZONE',
      status: 400,
      property: 'DAYLIGHT',
      line: 4,
    });
    expect(rejects(() => parseVCalendar(text.replace('TZ:+01', 'TZ:one')))).toMatchObject({
      code: 'INVALID_TIMEZONE',
      property: 'TZ',
    });
  });

  it('a 10 MB photo line: the item limit (413)', () => {
    const huge = vevent(`ATTACH;ENCODING=BASE64;TYPE=JPEG:${'A'.repeat(10 * 1024 * 1024)}`);
    expect(rejects(() => parseVCalendar(huge))).toMatchObject({ code: 'LIMIT_EXCEEDED', status: 413 });
    // With a larger item limit the line limit answers the same way.
    expect(rejects(() => parseVCalendar(huge, { maxItemBytes: 64 * 1024 * 1024 }))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      status: 413,
      line: 4,
    });
  });

  it('too many properties, too many exception dates', () => {
    const many = vevent(...Array.from({ length: 100 }, (_, i) => `X-P${i}:v`));
    expect(rejects(() => parseVCalendar(many, { maxProperties: 50 }))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      status: 413,
    });
    const exdates = vevent(
      'DTSTART:20080101T100000',
      'RRULE:D1 #0',
      `EXDATE:${Array.from({ length: 30 }, (_, i) => `200802${String((i % 28) + 1).padStart(2, '0')}T100000`).join(';')}`,
    );
    expect(rejects(() => parseVCalendar(exdates, { maxRecurrenceDates: 10 }))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      status: 413,
      property: 'EXDATE',
    });
  });

  it.each([
    ['a vCard', lines('BEGIN:VCARD', 'VERSION:2.1', 'N:A', 'END:VCARD'), 'MISSING_COMPONENT', 400],
    [
      'a calendar without event or task',
      lines('BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR'),
      'MISSING_COMPONENT',
      400,
    ],
    [
      'an unknown version',
      lines('BEGIN:VCALENDAR', 'VERSION:3.0', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR'),
      'UNSUPPORTED_VERSION',
      415,
    ],
    [
      'an unterminated component',
      lines('BEGIN:VCALENDAR', 'VERSION:1.0', 'BEGIN:VEVENT'),
      'MALFORMED_ITEM',
      400,
    ],
    ['empty input', '', 'MALFORMED_ITEM', 400],
    [
      'two calendars',
      `${lines('BEGIN:VCALENDAR', 'END:VCALENDAR')}${lines('BEGIN:VCALENDAR', 'END:VCALENDAR')}`,
      'MALFORMED_ITEM',
      400,
    ],
  ])('%s', (_, text, code, status) => {
    expect(rejects(() => parseCalendarItem(text, 'text/x-vcalendar'))).toMatchObject({ code, status });
  });

  it('keeps out-of-range minor values as extensions instead of failing', () => {
    const item = parseVCalendar(vevent('SUMMARY:x', 'PRIORITY:high', 'SEQUENCE:-1'));
    expect(item.priority).toBeUndefined();
    expect(item.extensions?.map((e) => e.name)).toEqual(['PRIORITY', 'SEQUENCE']);
    expect(toVCalendar(item, '1.0')).toContain('PRIORITY:high\r\nSEQUENCE:-1\r\n');
  });
});

import { describe, expect, it } from 'vitest';
import { CalendarCodecError } from '../errors.js';
import type { CalendarTime, RecurrenceRule } from '../model/types.js';
import { formatRRule, formatVCalRRule, parseRRule, parseVCalRRule } from './rule-text.js';

const MONDAY_0900: CalendarTime = { kind: 'floating', local: '2008-01-07T09:00:00' };

function code(fn: () => unknown): [string, number] {
  try {
    fn();
  } catch (error) {
    if (error instanceof CalendarCodecError) return [error.code, error.status];
    throw error;
  }
  throw new Error('no error');
}

describe('iCalendar RRULE text', () => {
  it('reads and writes every part', () => {
    const text =
      'FREQ=MONTHLY;UNTIL=20081231T230000Z;INTERVAL=2;BYDAY=MO,-1FR;BYMONTH=1,7;BYSETPOS=-1;WKST=SU';
    const rule = parseRRule(text);
    expect(rule).toEqual({
      freq: 'MONTHLY',
      interval: 2,
      until: { kind: 'utc', utc: '2008-12-31T23:00:00Z' },
      byDay: [{ day: 'MO' }, { day: 'FR', nth: -1 }],
      byMonth: [1, 7],
      bySetPos: [-1],
      wkst: 'SU',
    });
    expect(formatRRule(rule)).toBe(text);
    expect(formatRRule(parseRRule('FREQ=YEARLY;UNTIL=20090101;BYMONTHDAY=-1'))).toBe(
      'FREQ=YEARLY;UNTIL=20090101;BYMONTHDAY=-1',
    );
  });

  it.each([
    ['FREQ=FORTNIGHTLY', 'INVALID_RULE'],
    ['INTERVAL=2', 'INVALID_RULE'],
    ['FREQ=DAILY;COUNT=0', 'INVALID_RULE'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20080101', 'INVALID_RULE'],
    ['FREQ=WEEKLY;BYDAY=XX', 'INVALID_RULE'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'INVALID_RULE'],
    ['FREQ=DAILY;UNTIL=20081301', 'INVALID_RULE'],
  ])('rejects %s', (text, expected) => {
    expect(code(() => parseRRule(text))).toEqual([expected, 400]);
  });
});

describe('vCalendar 1.0 RRULE text', () => {
  const cases: Array<[string, RecurrenceRule]> = [
    ['D1 #10', { freq: 'DAILY', interval: 1, count: 10 }],
    // "#10" counts weeks: 10 weeks on Monday and Thursday are 20 occurrences.
    ['W1 MO TH #10', { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }, { day: 'TH' }], count: 20 }],
    [
      'W2 TU 20081231T000000Z',
      {
        freq: 'WEEKLY',
        interval: 2,
        byDay: [{ day: 'TU' }],
        until: { kind: 'utc', utc: '2008-12-31T00:00:00Z' },
      },
    ],
    ['MP1 1+ MO #0', { freq: 'MONTHLY', interval: 1, byDay: [{ day: 'MO', nth: 1 }] }],
    [
      'MP2 1+ SU 1- SU #10',
      {
        freq: 'MONTHLY',
        interval: 2,
        byDay: [
          { day: 'SU', nth: 1 },
          { day: 'SU', nth: -1 },
        ],
        count: 20,
      },
    ],
    ['MD1 15 #0', { freq: 'MONTHLY', interval: 1, byMonthDay: [15] }],
    ['MD1 1 LD #0', { freq: 'MONTHLY', interval: 1, byMonthDay: [1, -1] }],
    ['YM1 6 #0', { freq: 'YEARLY', interval: 1, byMonth: [6] }],
    ['YD1 100 #0', { freq: 'YEARLY', interval: 1, byYearDay: [100] }],
    // No duration is "#2" (vCalendar 1.0).
    ['D2', { freq: 'DAILY', interval: 2, count: 2 }],
    ['M30 #4', { freq: 'MINUTELY', interval: 30, count: 4 }],
  ];

  it.each(cases)('reads %s', (text, rule) => {
    expect(parseVCalRRule(text, MONDAY_0900)).toEqual(rule);
  });

  it('reads counts as occurrences when asked to', () => {
    expect(parseVCalRRule('W1 MO TH #10', MONDAY_0900, { countMode: 'occurrences' }).count).toBe(10);
  });

  it.each([
    ['D1 #10', 'D1 #10'],
    ['W1 MO TH #10', 'W1 MO TH #10'],
    ['W2 TU 20081231T000000Z', 'W2 TU 20081231T000000Z'],
    ['MP1 1+ MO #0', 'MP1 1+ MO #0'],
    ['MP2 1+ SU 1- SU #10', 'MP2 1+ SU 1- SU #10'],
    ['MD1 15 #0', 'MD1 15 #0'],
    ['MD1 1 LD #0', 'MD1 1 1- #0'],
    ['YM1 6 #0', 'YM1 6 #0'],
    ['YD1 100 #0', 'YD1 100 #0'],
  ])('writes %s back as %s', (text, written) => {
    expect(formatVCalRRule(parseVCalRRule(text, MONDAY_0900), MONDAY_0900)).toBe(written);
  });

  it('states iCalendar rules vCalendar lacks a keyword for', () => {
    // Yearly on the last Sunday of March is the last Sunday every 12 months.
    expect(
      formatVCalRRule(parseRRule('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'), {
        kind: 'floating',
        local: '2008-03-30T02:00:00',
      }),
    ).toBe('MP12 1- SU #0');
    expect(formatVCalRRule(parseRRule('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=5'), MONDAY_0900)).toBe(
      'W1 MO TU WE TH FR #1',
    );
    expect(formatVCalRRule(parseRRule('FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1'), MONDAY_0900)).toBe(
      'MP1 1- FR #0',
    );
    // A count that is not a whole number of weeks is written as the last occurrence.
    expect(formatVCalRRule(parseRRule('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3'), MONDAY_0900)).toBe(
      'W1 MO TH 20080114T090000',
    );
    expect(
      formatVCalRRule(parseRRule('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3'), MONDAY_0900, {
        countMode: 'occurrences',
      }),
    ).toBe('W1 MO TH #3');
  });

  it('returns undefined for rules vCalendar 1.0 cannot state', () => {
    expect(
      formatVCalRRule(parseRRule('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'), MONDAY_0900),
    ).toBeUndefined();
    expect(formatVCalRRule(parseRRule('FREQ=YEARLY;BYWEEKNO=20'), MONDAY_0900)).toBeUndefined();
    expect(formatVCalRRule(parseRRule('FREQ=HOURLY'), MONDAY_0900)).toBeUndefined();
  });

  it.each([
    ['X1 #3', 'INVALID_RULE', 400],
    ['W1 XX #3', 'INVALID_RULE', 400],
    ['MP1 7+ MO', 'INVALID_RULE', 400],
    ['MD1 40', 'INVALID_RULE', 400],
    ['D1 #abc', 'INVALID_RULE', 400],
    ['W1 MO #2 junk', 'INVALID_RULE', 400],
    ['D1 20081301T000000', 'INVALID_DATE', 400],
    ['YM1 6 MP1 1+ SU #0', 'UNSUPPORTED_RULE', 415],
  ])('rejects %s', (text, expected, status) => {
    expect(code(() => parseVCalRRule(text, MONDAY_0900))).toEqual([expected, status]);
  });
});

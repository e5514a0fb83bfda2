import { describe, expect, it } from 'vitest';
import type { RecurrenceRule } from '../model/types.js';
import { formatLocal } from '../time/civil.js';
import { parseCanonicalLocal } from '../time/text.js';
import { expandRule } from './expand.js';
import { parseRRule } from './rule-text.js';

const bounds = { limit: 1000, maxPeriods: 10_000 };

function expand(rule: string, start: string, extra: Partial<typeof bounds> & { to?: string } = {}): string[] {
  const r: RecurrenceRule = parseRRule(rule);
  const until = r.until
    ? parseCanonicalLocal(
        r.until.kind === 'utc'
          ? r.until.utc.slice(0, -1)
          : r.until.kind === 'floating'
            ? r.until.local
            : `${(r.until as { date: string }).date}T23:59:59`,
      )
    : undefined;
  return expandRule(r, parseCanonicalLocal(start), {
    ...bounds,
    ...extra,
    until,
    to: extra.to === undefined ? undefined : parseCanonicalLocal(extra.to),
  }).map(formatLocal);
}

// Examples of RFC 5545 §3.8.5.3 (dates only, times at 09:00 of the start).
describe('expandRule (RFC 5545 examples)', () => {
  it('daily for 10 occurrences', () => {
    expect(expand('FREQ=DAILY;COUNT=10', '1997-09-02T09:00:00')).toHaveLength(10);
    expect(expand('FREQ=DAILY;COUNT=10', '1997-09-02T09:00:00').at(-1)).toBe('1997-09-11T09:00:00');
  });

  it('every other day until a date, and DTSTART counts first', () => {
    expect(expand('FREQ=DAILY;INTERVAL=10;COUNT=5', '1997-09-02T09:00:00')).toEqual([
      '1997-09-02T09:00:00',
      '1997-09-12T09:00:00',
      '1997-09-22T09:00:00',
      '1997-10-02T09:00:00',
      '1997-10-12T09:00:00',
    ]);
  });

  it('weekly on Tuesday and Thursday for five weeks', () => {
    expect(
      expand('FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH', '1997-09-02T09:00:00').map((t) => t.slice(0, 10)),
    ).toEqual([
      '1997-09-02',
      '1997-09-04',
      '1997-09-09',
      '1997-09-11',
      '1997-09-16',
      '1997-09-18',
      '1997-09-23',
      '1997-09-25',
      '1997-09-30',
      '1997-10-02',
    ]);
  });

  it('every other week on Monday, Wednesday, Friday until a date', () => {
    const out = expand(
      'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR',
      '1997-09-01T09:00:00',
    );
    expect(out).toHaveLength(25);
    expect(out.slice(0, 6).map((t) => t.slice(0, 10))).toEqual([
      '1997-09-01',
      '1997-09-03',
      '1997-09-05',
      '1997-09-15',
      '1997-09-17',
      '1997-09-19',
    ]);
    expect(out.at(-1)).toBe('1997-12-22T09:00:00');
  });

  it('monthly on the first Friday, and on the first and last Sunday', () => {
    expect(
      expand('FREQ=MONTHLY;COUNT=4;BYDAY=1FR', '1997-09-05T09:00:00').map((t) => t.slice(0, 10)),
    ).toEqual(['1997-09-05', '1997-10-03', '1997-11-07', '1997-12-05']);
    expect(
      expand('FREQ=MONTHLY;INTERVAL=2;COUNT=6;BYDAY=1SU,-1SU', '1997-09-07T09:00:00').map((t) =>
        t.slice(0, 10),
      ),
    ).toEqual(['1997-09-07', '1997-09-28', '1997-11-02', '1997-11-30', '1998-01-04', '1998-01-25']);
  });

  it('monthly on the last weekday (BYSETPOS) and on the third-to-last day', () => {
    expect(
      expand('FREQ=MONTHLY;COUNT=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '1997-09-30T09:00:00').map((t) =>
        t.slice(0, 10),
      ),
    ).toEqual(['1997-09-30', '1997-10-31', '1997-11-28']);
    expect(
      expand('FREQ=MONTHLY;COUNT=4;BYMONTHDAY=-3', '1997-09-28T09:00:00').map((t) => t.slice(0, 10)),
    ).toEqual(['1997-09-28', '1997-10-29', '1997-11-28', '1997-12-29']);
  });

  it('yearly in June and July, every third year on days 1, 100, 200, and the 20th Monday', () => {
    expect(
      expand('FREQ=YEARLY;COUNT=6;BYMONTH=6,7', '1997-06-10T09:00:00').map((t) => t.slice(0, 10)),
    ).toEqual(['1997-06-10', '1997-07-10', '1998-06-10', '1998-07-10', '1999-06-10', '1999-07-10']);
    expect(
      expand('FREQ=YEARLY;INTERVAL=3;COUNT=5;BYYEARDAY=1,100,200', '1997-01-01T09:00:00').map((t) =>
        t.slice(0, 10),
      ),
    ).toEqual(['1997-01-01', '1997-04-10', '1997-07-19', '2000-01-01', '2000-04-09']);
    expect(
      expand('FREQ=YEARLY;COUNT=3;BYDAY=20MO', '1997-05-19T09:00:00').map((t) => t.slice(0, 10)),
    ).toEqual(['1997-05-19', '1998-05-18', '1999-05-17']);
    expect(
      expand('FREQ=YEARLY;COUNT=3;BYWEEKNO=20;BYDAY=MO', '1997-05-12T09:00:00').map((t) => t.slice(0, 10)),
    ).toEqual(['1997-05-12', '1998-05-11', '1999-05-17']);
  });

  it('Friday the 13th, skipping months that never match, within bounds', () => {
    const out = expand('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', '1997-09-02T09:00:00', { limit: 4 });
    expect(out.map((t) => t.slice(0, 10))).toEqual(['1997-09-02', '1998-02-13', '1998-03-13', '1998-11-13']);
  });

  it('ends on rules that never match (Feb 30) within maxPeriods', () => {
    expect(expand('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', '2000-01-01T00:00:00', { maxPeriods: 500 })).toEqual(
      ['2000-01-01T00:00:00'],
    );
  });

  it('skips to the requested window without COUNT', () => {
    const out = expandRule(parseRRule('FREQ=DAILY'), parseCanonicalLocal('2000-01-01T08:00:00'), {
      from: parseCanonicalLocal('2030-06-01T00:00:00'),
      limit: 2,
      maxPeriods: 10,
    }).map(formatLocal);
    expect(out).toEqual(['2030-06-01T08:00:00', '2030-06-02T08:00:00']);
  });
});

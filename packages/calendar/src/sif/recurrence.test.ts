import { describe, expect, it } from 'vitest';
import type { RecurrenceRule } from '../model/types.js';
import { expandRule } from '../recurrence/expand.js';
import { parseRRule } from '../recurrence/rule-text.js';
import { formatLocal } from '../time/civil.js';
import { parseCanonicalLocal } from '../time/text.js';
import { ruleFromSif, type SifPattern, sifFromRule } from './recurrence.js';

// Friday 2009-01-16 10:00 on the item's clock.
const START = parseCanonicalLocal('2009-01-16T10:00:00');

const pattern = (p: Partial<SifPattern>): SifPattern => ({
  type: 0,
  interval: 1,
  dayOfWeekMask: 0,
  dayOfMonth: 0,
  monthOfYear: 0,
  instance: 0,
  ...p,
});

function dates(rule: RecurrenceRule, n: number): string[] {
  return expandRule({ ...rule, count: n }, START, { limit: n, maxPeriods: 1000 }).map((t) =>
    formatLocal(t).slice(0, 10),
  );
}

describe('SIF (Outlook) patterns and canonical rules', () => {
  const cases: Array<[string, Partial<SifPattern>, string]> = [
    ['daily every 3 days', { type: 0, interval: 3 }, 'FREQ=DAILY;INTERVAL=3'],
    ['every weekday (daily with a mask)', { type: 0, dayOfWeekMask: 62 }, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ['weekly on Friday', { type: 1, dayOfWeekMask: 32 }, 'FREQ=WEEKLY;BYDAY=FR'],
    [
      'every other week on Monday and Friday',
      { type: 1, interval: 2, dayOfWeekMask: 34 },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR',
    ],
    ['monthly on the 16th', { type: 2, dayOfMonth: 16 }, 'FREQ=MONTHLY;BYMONTHDAY=16'],
    ['monthly on the 31st, i.e. the last day', { type: 2, dayOfMonth: 31 }, 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    [
      'monthly on the 30th or the last day',
      { type: 2, dayOfMonth: 30 },
      'FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1',
    ],
    ['third Friday of the month', { type: 3, instance: 3, dayOfWeekMask: 32 }, 'FREQ=MONTHLY;BYDAY=3FR'],
    [
      'last weekday of the month',
      { type: 3, instance: 5, dayOfWeekMask: 62 },
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    ],
    [
      'yearly on 16 January',
      { type: 5, dayOfMonth: 16, monthOfYear: 1 },
      'FREQ=YEARLY;BYMONTHDAY=16;BYMONTH=1',
    ],
    [
      'last Sunday of March every year',
      { type: 6, instance: 5, dayOfWeekMask: 1, monthOfYear: 3 },
      'FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
    ],
  ];

  it.each(cases)('%s', (_, sif, ical) => {
    const rule = ruleFromSif(pattern(sif), START);
    expect(rule).toEqual(parseRRule(ical));
    expect(sifFromRule(rule, START)).toEqual(
      pattern(sif.type === 0 && sif.dayOfWeekMask ? { ...sif, type: 1 } : sif),
    );
  });

  it('fills a pattern without days from the start', () => {
    expect(ruleFromSif(pattern({ type: 1 }), START)).toEqual(parseRRule('FREQ=WEEKLY;BYDAY=FR'));
    expect(ruleFromSif(pattern({ type: 2 }), START)).toEqual(parseRRule('FREQ=MONTHLY;BYMONTHDAY=16'));
    expect(ruleFromSif(pattern({ type: 5 }), START)).toEqual(
      parseRRule('FREQ=YEARLY;BYMONTHDAY=16;BYMONTH=1'),
    );
    expect(sifFromRule(parseRRule('FREQ=MONTHLY'), START)).toEqual(pattern({ type: 2, dayOfMonth: 16 }));
    expect(sifFromRule(parseRRule('FREQ=YEARLY'), START)).toEqual(
      pattern({ type: 5, dayOfMonth: 16, monthOfYear: 1 }),
    );
  });

  it("follows Outlook's month-end reading: day 30 in February is its last day", () => {
    const rule = ruleFromSif(
      pattern({ type: 2, dayOfMonth: 30 }),
      parseCanonicalLocal('2009-01-30T10:00:00'),
    );
    expect(
      expandRule({ ...rule, count: 3 }, parseCanonicalLocal('2009-01-30T10:00:00'), {
        limit: 3,
        maxPeriods: 100,
      }).map((t) => formatLocal(t).slice(0, 10)),
    ).toEqual(['2009-01-30', '2009-02-28', '2009-03-30']);
    expect(dates(ruleFromSif(pattern({ type: 3, instance: 5, dayOfWeekMask: 62 }), START), 3)).toEqual([
      '2009-01-16',
      '2009-01-30',
      '2009-02-27',
    ]);
  });

  it.each([
    'FREQ=YEARLY;BYWEEKNO=20',
    'FREQ=MONTHLY;BYMONTHDAY=1,15',
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=HOURLY',
    'FREQ=YEARLY;BYMONTH=1,7',
    'FREQ=MONTHLY;BYDAY=2MO,4MO',
    'FREQ=YEARLY;BYYEARDAY=100',
  ])('has no SIF pattern for %s', (rule) => {
    expect(sifFromRule(parseRRule(rule), START)).toBeUndefined();
  });
});

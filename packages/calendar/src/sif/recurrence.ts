import { CalendarCodecError } from '../errors.js';
import type { RecurrenceRule, Weekday, WeekdayNum } from '../model/types.js';
import { civilFromSeconds, SECONDS_PER_DAY, weekdayOfDays } from '../time/civil.js';
import { weekdayIndex, WEEKDAYS } from '../recurrence/weekday.js';
import { usesOnlyParts } from '../recurrence/rule-parts.js';

/**
 * The recurrence elements SIF-E and SIF-T share, in document order: the
 * pattern (Outlook's RecurrencePattern), then `Exceptions` (its removed and
 * added dates).
 */
export const SIF_RECURRENCE_ELEMENTS: readonly string[] = [
  'IsRecurring',
  'RecurrenceType',
  'Interval',
  'DayOfWeekMask',
  'DayOfMonth',
  'MonthOfYear',
  'Instance',
  'PatternStartDate',
  'PatternEndDate',
  'NoEndDate',
  'Occurrences',
  'Exceptions',
];

/** The recurrence elements of SIF-E / SIF-T (Outlook's RecurrencePattern). */
export interface SifPattern {
  /** 0 daily, 1 weekly, 2 monthly, 3 month-nth, 5 yearly, 6 year-nth. */
  type: number;
  interval: number;
  /** Sun 1, Mon 2, Tue 4, Wed 8, Thu 16, Fri 32, Sat 64. */
  dayOfWeekMask: number;
  dayOfMonth: number;
  monthOfYear: number;
  /** 1-4, 5 = last. */
  instance: number;
}

function daysOfMask(mask: number): Weekday[] {
  const out: Weekday[] = [];
  for (let i = 0; i < 7; i++) if (mask & (1 << i)) out.push(WEEKDAYS[i]!);
  return out;
}

function maskOfDays(days: readonly WeekdayNum[]): number {
  let mask = 0;
  for (const d of days) mask |= 1 << weekdayIndex(d.day);
  return mask;
}

function nthOfInstance(instance: number): number {
  return instance >= 5 ? -1 : Math.max(1, instance);
}

// Outlook reads day 29-31 of a shorter month as its last day; RFC 5545 skips
// that month. "Day d or the last day" is BYMONTHDAY=28..d with BYSETPOS=-1.
function outlookMonthDay(day: number): Pick<RecurrenceRule, 'byMonthDay' | 'bySetPos'> {
  if (day >= 31) return { byMonthDay: [-1] };
  if (day >= 29) {
    const days: number[] = [];
    for (let d = 28; d <= day; d++) days.push(d);
    return { byMonthDay: days, bySetPos: [-1] };
  }
  return { byMonthDay: [day] };
}

function monthDayOfRule(rule: RecurrenceRule): number | undefined {
  const days = rule.byMonthDay;
  if (!days) return undefined;
  if (days.length === 1 && days[0] === -1 && !rule.bySetPos) return 31;
  if (days.length === 1 && days[0]! > 0 && days[0]! <= 28 && !rule.bySetPos) return days[0];
  if (days.length === 1 && days[0]! > 28 && !rule.bySetPos) return undefined;
  // 28..d with BYSETPOS=-1 (the shape read from Outlook's 29 and 30).
  if (rule.bySetPos?.length === 1 && rule.bySetPos[0] === -1 && days[0] === 28) {
    const last = days[days.length - 1]!;
    if (days.every((d, i) => d === 28 + i) && last >= 29 && last <= 30) return last;
  }
  return undefined;
}

/** The canonical rule of a SIF pattern; `start` is the item's start on its own clock. */
export function ruleFromSif(p: SifPattern, start: number): RecurrenceRule {
  const interval = Math.max(1, p.interval);
  const startDay = Math.floor(start / SECONDS_PER_DAY);
  const c = civilFromSeconds(start);
  const days = daysOfMask(p.dayOfWeekMask);
  const weekdayOfStart = WEEKDAYS[weekdayOfDays(startDay)]!;
  const byNth = (): Pick<RecurrenceRule, 'byDay' | 'bySetPos'> => {
    const nth = nthOfInstance(p.instance);
    if (days.length <= 1) return { byDay: [{ day: days[0] ?? weekdayOfStart, nth }] };
    return { byDay: days.map((day) => ({ day })), bySetPos: [nth] };
  };
  switch (p.type) {
    case 0:
      // "Every weekday" arrives as daily with a day mask.
      if (p.dayOfWeekMask !== 0 && p.dayOfWeekMask !== 127) {
        return { freq: 'WEEKLY', interval: 1, byDay: days.map((day) => ({ day })) };
      }
      return { freq: 'DAILY', interval };
    case 1:
      return {
        freq: 'WEEKLY',
        interval,
        byDay: (days.length > 0 ? days : [weekdayOfStart]).map((day) => ({ day })),
      };
    case 2:
      return { freq: 'MONTHLY', interval, ...outlookMonthDay(p.dayOfMonth > 0 ? p.dayOfMonth : c.day) };
    case 3:
      return { freq: 'MONTHLY', interval, ...byNth() };
    case 5:
      return {
        freq: 'YEARLY',
        interval,
        byMonth: [p.monthOfYear > 0 ? p.monthOfYear : c.month],
        ...outlookMonthDay(p.dayOfMonth > 0 ? p.dayOfMonth : c.day),
      };
    case 6:
      return { freq: 'YEARLY', interval, byMonth: [p.monthOfYear > 0 ? p.monthOfYear : c.month], ...byNth() };
    default:
      throw new CalendarCodecError('UNSUPPORTED_RULE', `unknown SIF RecurrenceType ${p.type}`);
  }
}

function instanceOf(nth: number): number | undefined {
  if (nth === -1) return 5;
  return nth >= 1 && nth <= 4 ? nth : undefined;
}

/** The n-th weekday (or n-th of several weekdays) as Instance + DayOfWeekMask. */
function nthPattern(rule: RecurrenceRule): { instance: number; mask: number } | undefined {
  const byDay = rule.byDay ?? [];
  if (byDay.length === 1 && byDay[0]!.nth !== undefined && !rule.bySetPos) {
    const instance = instanceOf(byDay[0]!.nth);
    return instance === undefined ? undefined : { instance, mask: maskOfDays(byDay) };
  }
  if (byDay.length >= 1 && byDay.every((d) => d.nth === undefined) && rule.bySetPos?.length === 1) {
    const instance = instanceOf(rule.bySetPos[0]!);
    return instance === undefined ? undefined : { instance, mask: maskOfDays(byDay) };
  }
  return undefined;
}

/**
 * The SIF pattern of a rule, or undefined when Outlook's patterns cannot
 * state it (BYWEEKNO, BYYEARDAY, several month days, hours...).
 */
export function sifFromRule(rule: RecurrenceRule, start: number): SifPattern | undefined {
  const c = civilFromSeconds(start);
  const base: SifPattern = {
    type: 0,
    interval: rule.interval,
    dayOfWeekMask: 0,
    dayOfMonth: 0,
    monthOfYear: 0,
    instance: 0,
  };
  switch (rule.freq) {
    case 'DAILY':
      if (usesOnlyParts(rule, [])) return base;
      if (
        rule.interval === 1 &&
        usesOnlyParts(rule, ['byDay']) &&
        rule.byDay!.every((d) => d.nth === undefined)
      ) {
        return { ...base, type: 1, dayOfWeekMask: maskOfDays(rule.byDay!) };
      }
      return undefined;
    case 'WEEKLY': {
      if (!usesOnlyParts(rule, ['byDay'])) return undefined;
      if (rule.byDay?.some((d) => d.nth !== undefined)) return undefined;
      const mask = rule.byDay
        ? maskOfDays(rule.byDay)
        : 1 << weekdayOfDays(Math.floor(start / SECONDS_PER_DAY));
      return { ...base, type: 1, dayOfWeekMask: mask };
    }
    case 'MONTHLY': {
      if (usesOnlyParts(rule, [])) return { ...base, type: 2, dayOfMonth: c.day };
      if (usesOnlyParts(rule, ['byMonthDay', 'bySetPos'])) {
        const day = monthDayOfRule(rule);
        return day === undefined ? undefined : { ...base, type: 2, dayOfMonth: day };
      }
      if (!usesOnlyParts(rule, ['byDay', 'bySetPos'])) return undefined;
      const nth = nthPattern(rule);
      return nth === undefined
        ? undefined
        : { ...base, type: 3, instance: nth.instance, dayOfWeekMask: nth.mask };
    }
    case 'YEARLY': {
      const months = rule.byMonth ?? [c.month];
      if (months.length !== 1) return undefined;
      const month = months[0]!;
      if (usesOnlyParts(rule, ['byMonth']))
        return { ...base, type: 5, monthOfYear: month, dayOfMonth: c.day };
      if (usesOnlyParts(rule, ['byMonth', 'byMonthDay', 'bySetPos']) && rule.byMonthDay) {
        const day = monthDayOfRule(rule);
        return day === undefined ? undefined : { ...base, type: 5, monthOfYear: month, dayOfMonth: day };
      }
      if (!usesOnlyParts(rule, ['byMonth', 'byDay', 'bySetPos']) || !rule.byDay) return undefined;
      const nth = nthPattern(rule);
      return nth === undefined
        ? undefined
        : { ...base, type: 6, monthOfYear: month, instance: nth.instance, dayOfWeekMask: nth.mask };
    }
    default:
      return undefined;
  }
}

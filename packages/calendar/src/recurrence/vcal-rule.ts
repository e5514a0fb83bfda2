import { CalendarCodecError } from '../errors.js';
import type { CalendarTime, Frequency, RecurrenceRule, Weekday, WeekdayNum } from '../model/types.js';
import { civilFromSeconds, SECONDS_PER_DAY } from '../time/civil.js';
import { expandRule, periodIndex } from './expand.js';
import { weekdayFromToken, WEEKDAYS } from './weekday.js';
import { usesOnlyParts } from './rule-parts.js';

/**
 * What `#N` counts in a vCalendar 1.0 rule. The specification's own examples
 * read it both ways ("W1 TU TH #5": weekly for 5 weeks; "MP2 1+ SU 1- SU
 * #10": 10 occurrences). `intervals` follows the first reading, as
 * libsynthesis does; the two only differ for rules with several occurrences
 * per interval.
 */
export type VCalCountMode = 'intervals' | 'occurrences';

/** What a vCalendar 1.0 rule needs from the item it belongs to. */
export interface VCalRuleContext {
  /** DTSTART on the item's own clock (wall seconds). */
  start: number;
  countMode: VCalCountMode;
  /** Bound on the periods scanned when converting counts. */
  maxPeriods: number;
}

/** The duration a vCalendar 1.0 rule has when it names none (vCalendar 1.0 §2.1.11.1: `#2`). */
export const VCAL_DEFAULT_COUNT = 2;

const FREQ_TOKEN = /^(MP|MD|YM|YD|D|W|M)(\d*)$/;

function bad(text: string, why: string): CalendarCodecError {
  return new CalendarCodecError('INVALID_RULE', `invalid vCalendar 1.0 rule "${text.slice(0, 80)}": ${why}`);
}

function isEndDate(token: string): boolean {
  return /^\d{8}(T\d{4,6}Z?)?$/i.test(token);
}

/**
 * Reads a vCalendar 1.0 RRULE (`D1 #10`, `W1 MO TH #10`, `W2 TU
 * 20081231T000000Z`, `MP1 1+ MO #0`, `MD1 15 LD #0`, `YM1 6 #0`, `YD1 100
 * #0`). A second rule nested after the first is `UNSUPPORTED_RULE`.
 */
export function parseVCalRule(
  text: string,
  parseEnd: (raw: string) => CalendarTime,
  ctx: VCalRuleContext,
): RecurrenceRule {
  const tokens = text
    .trim()
    .toUpperCase()
    .split(/\s+/)
    .filter((t) => t !== '');
  const head = FREQ_TOKEN.exec(tokens[0] ?? '');
  if (!head) throw bad(text, 'unknown frequency');
  const kind = head[1]!;
  const interval = head[2] === '' ? 1 : Number.parseInt(head[2]!, 10);
  if (!(interval >= 1) || interval > 999_999) throw bad(text, 'interval out of range');
  const freq: Frequency =
    kind === 'D'
      ? 'DAILY'
      : kind === 'W'
        ? 'WEEKLY'
        : kind === 'M'
          ? 'MINUTELY'
          : kind[0] === 'M'
            ? 'MONTHLY'
            : 'YEARLY';
  const rule: RecurrenceRule = { freq, interval };
  const startCivil = civilFromSeconds(ctx.start);
  let i = 1;
  const days: WeekdayNum[] = [];
  const numbers: number[] = [];
  const times: Array<{ hour: number; minute: number }> = [];
  let nth: number | undefined;
  for (; i < tokens.length; i++) {
    const raw = tokens[i]!;
    if (raw.startsWith('#') || isEndDate(raw)) break;
    if (FREQ_TOKEN.test(raw))
      throw new CalendarCodecError(
        'UNSUPPORTED_RULE',
        `nested vCalendar 1.0 rules are not supported: "${text}"`,
      );
    // `$` marks an instance that applies at the end of the list; it changes nothing here.
    const token = raw.endsWith('$') ? raw.slice(0, -1) : raw;
    const time = /^(\d{2})(\d{2})$/.exec(token);
    if (time && (kind === 'D' || kind === 'W')) {
      const hour = Number(time[1]);
      const minute = Number(time[2]);
      if (hour > 23 || minute > 59) throw bad(text, `time "${token}"`);
      times.push({ hour, minute });
      continue;
    }
    const day = weekdayFromToken(token);
    if (day && (kind === 'W' || kind === 'MP')) {
      days.push(kind === 'MP' ? { day, nth: nth ?? 1 } : { day });
      continue;
    }
    if (kind === 'MP') {
      const m = /^([1-5])([+-]?)$/.exec(token);
      if (!m) throw bad(text, `occurrence "${token}"`);
      nth = m[2] === '-' ? -Number(m[1]) : Number(m[1]);
      continue;
    }
    if (kind === 'MD' && token === 'LD') {
      numbers.push(-1);
      continue;
    }
    if (kind === 'MD' || kind === 'YD' || kind === 'YM') {
      const m = /^(\d{1,3})([+-]?)$/.exec(token);
      if (!m) throw bad(text, `value "${token}"`);
      const n = Number(m[1]);
      const max = kind === 'MD' ? 31 : kind === 'YD' ? 366 : 12;
      if (n < 1 || n > max || (kind === 'YM' && m[2] === '-'))
        throw bad(text, `value "${token}" out of range`);
      numbers.push(m[2] === '-' ? -n : n);
      continue;
    }
    throw bad(text, `unexpected "${token}"`);
  }
  if (kind === 'MP' && nth !== undefined && days.length === 0) {
    days.push({ day: WEEKDAYS[weekdayOfStart(ctx.start)]!, nth });
  }
  if (days.length > 0) rule.byDay = days;
  if (numbers.length > 0) {
    if (kind === 'MD') rule.byMonthDay = numbers;
    else if (kind === 'YM') rule.byMonth = numbers;
    else rule.byYearDay = numbers;
  }
  if (kind === 'MP' && days.length === 0) {
    rule.byDay = [{ day: WEEKDAYS[weekdayOfStart(ctx.start)]!, nth: Math.ceil(startCivil.day / 7) }];
  }
  if (times.length > 0) {
    const minutes = new Set(times.map((t) => t.minute));
    if (minutes.size > 1)
      throw new CalendarCodecError('UNSUPPORTED_RULE', `time list with different minutes: "${text}"`);
    rule.byHour = [...new Set(times.map((t) => t.hour))].sort((a, b) => a - b);
    rule.byMinute = [times[0]!.minute];
  }
  const duration = tokens[i];
  if (i + 1 < tokens.length) {
    const rest = tokens[i + 1]!;
    throw FREQ_TOKEN.test(rest)
      ? new CalendarCodecError('UNSUPPORTED_RULE', `nested vCalendar 1.0 rules are not supported: "${text}"`)
      : bad(text, `unexpected "${rest}" after the duration`);
  }
  let count = VCAL_DEFAULT_COUNT;
  if (duration !== undefined && !duration.startsWith('#')) {
    rule.until = parseEnd(duration);
    return rule;
  }
  if (duration !== undefined) {
    if (!/^#\d{1,9}$/.test(duration)) throw bad(text, `duration "${duration}"`);
    count = Number(duration.slice(1));
  }
  if (count === 0) return rule;
  rule.count =
    ctx.countMode === 'occurrences' || singlePerPeriod(rule)
      ? count
      : Math.max(
          1,
          expandRule(rule, ctx.start, { limit: Number.MAX_SAFE_INTEGER, maxPeriods: count, periods: count })
            .length,
        );
  return rule;
}

function weekdayOfStart(start: number): number {
  return (((Math.floor(start / SECONDS_PER_DAY) + 4) % 7) + 7) % 7;
}

/** True when the rule yields at most one occurrence per interval. */
function singlePerPeriod(rule: RecurrenceRule): boolean {
  const lists = [rule.byDay, rule.byMonthDay, rule.byMonth, rule.byYearDay, rule.byHour, rule.byMinute];
  let multi = false;
  for (const list of lists) if (list && list.length > 1) multi = true;
  if (rule.freq === 'MONTHLY' && rule.byDay?.some((d) => d.nth === undefined)) multi = true;
  if (rule.freq === 'YEARLY' && rule.byDay && !rule.byMonth) multi = true;
  return !multi;
}

/** How a vCalendar 1.0 writer formats times. */
export interface VCalRuleWriter extends VCalRuleContext {
  formatUntil(until: CalendarTime): string;
  /** Formats an occurrence (wall seconds of the item clock) as an end date. */
  formatOccurrence(wall: number): string;
}

/**
 * Writes a vCalendar 1.0 RRULE, or returns undefined when the rule has parts
 * vCalendar 1.0 cannot say (BYSETPOS over several days, BYWEEKNO, BYHOUR
 * with different minutes...).
 */
export function formatVCalRule(rule: RecurrenceRule, w: VCalRuleWriter): string | undefined {
  const body = ruleBody(rule, w.start);
  if (body === undefined) return undefined;
  if (rule.until !== undefined) return `${body.text} ${w.formatUntil(rule.until)}`;
  if (rule.count === undefined) return `${body.text} #0`;
  if (w.countMode === 'occurrences' || singlePerPeriod(body.rule)) return `${body.text} #${rule.count}`;
  // Several occurrences per interval: say "#N intervals" only when N intervals hold exactly COUNT.
  const occurrences = expandRule(body.rule, w.start, { limit: rule.count, maxPeriods: w.maxPeriods });
  const last = occurrences[occurrences.length - 1]!;
  if (occurrences.length === rule.count) {
    const periods = periodIndex(body.rule, w.start, last) + 1;
    const inPeriods = expandRule(body.rule, w.start, {
      limit: Number.MAX_SAFE_INTEGER,
      maxPeriods: periods,
      periods,
    }).length;
    if (inPeriods === rule.count) return `${body.text} #${periods}`;
  }
  return `${body.text} ${w.formatOccurrence(last)}`;
}

interface RuleBody {
  text: string;
  /** The rule as the body states it (what the device will expand), without COUNT/UNTIL. */
  rule: RecurrenceRule;
}

function weekdays(days: WeekdayNum[]): string {
  return days.map((d) => d.day).join(' ');
}

function ruleBody(rule: RecurrenceRule, start: number): RuleBody | undefined {
  const i = rule.interval;
  const base: RecurrenceRule = { freq: rule.freq, interval: i };
  if (rule.wkst !== undefined) base.wkst = rule.wkst;
  const c = civilFromSeconds(start);
  switch (rule.freq) {
    case 'MINUTELY':
      return usesOnlyParts(rule, []) ? { text: `M${i}`, rule: base } : undefined;
    case 'DAILY': {
      if (usesOnlyParts(rule, [])) return { text: `D${i}`, rule: base };
      // Daily on some weekdays is weekly on those days.
      if (i === 1 && usesOnlyParts(rule, ['byDay']) && rule.byDay!.every((d) => d.nth === undefined)) {
        return { text: `W1 ${weekdays(rule.byDay!)}`, rule: { ...base, freq: 'WEEKLY', byDay: rule.byDay! } };
      }
      return undefined;
    }
    case 'WEEKLY': {
      if (!usesOnlyParts(rule, ['byDay'])) return undefined;
      if (!rule.byDay) return { text: `W${i}`, rule: base };
      if (rule.byDay.some((d) => d.nth !== undefined)) return undefined;
      return { text: `W${i} ${weekdays(rule.byDay)}`, rule: { ...base, byDay: rule.byDay } };
    }
    case 'MONTHLY':
      return monthlyBody(rule, base, c.day);
    case 'YEARLY':
      return yearlyBody(rule, base, c.month, c.day);
    default:
      return undefined;
  }
}

function positionList(days: WeekdayNum[]): string {
  // Consecutive days with the same ordinal share one "n+" / "n-" token.
  const out: string[] = [];
  let current: number | undefined;
  for (const d of days) {
    const nth = d.nth!;
    if (nth !== current) {
      out.push(nth > 0 ? `${nth}+` : `${-nth}-`);
      current = nth;
    }
    out.push(d.day);
  }
  return out.join(' ');
}

function monthlyBody(rule: RecurrenceRule, base: RecurrenceRule, startDom: number): RuleBody | undefined {
  const i = rule.interval;
  if (usesOnlyParts(rule, []))
    return { text: `MD${i} ${startDom}`, rule: { ...base, byMonthDay: [startDom] } };
  if (usesOnlyParts(rule, ['byMonthDay'])) {
    const list = rule.byMonthDay!.map((n) => (n > 0 ? `${n}` : `${-n}-`)).join(' ');
    return { text: `MD${i} ${list}`, rule: { ...base, byMonthDay: rule.byMonthDay! } };
  }
  let byDay: WeekdayNum[] | undefined;
  if (usesOnlyParts(rule, ['byDay'])) {
    byDay = rule.byDay!.flatMap((d) =>
      d.nth === undefined
        ? [1, 2, 3, 4, 5].map((nth) => ({ day: d.day, nth }))
        : [{ day: d.day, nth: d.nth }],
    );
  } else if (
    usesOnlyParts(rule, ['byDay', 'bySetPos']) &&
    rule.byDay!.length === 1 &&
    rule.byDay![0]!.nth === undefined &&
    rule.bySetPos!.length === 1
  ) {
    byDay = [{ day: rule.byDay![0]!.day, nth: rule.bySetPos![0]! }];
  }
  if (!byDay || byDay.some((d) => Math.abs(d.nth!) > 5)) return undefined;
  return { text: `MP${i} ${positionList(byDay)}`, rule: { ...base, byDay } };
}

function yearlyBody(
  rule: RecurrenceRule,
  base: RecurrenceRule,
  startMonth: number,
  startDom: number,
): RuleBody | undefined {
  const i = rule.interval;
  if (usesOnlyParts(rule, []))
    return { text: `YM${i} ${startMonth}`, rule: { ...base, byMonth: [startMonth] } };
  if (usesOnlyParts(rule, ['byMonth'])) {
    return { text: `YM${i} ${rule.byMonth!.join(' ')}`, rule: { ...base, byMonth: rule.byMonth! } };
  }
  if (
    usesOnlyParts(rule, ['byMonth', 'byMonthDay']) &&
    rule.byMonthDay!.length === 1 &&
    rule.byMonthDay![0] === startDom
  ) {
    return { text: `YM${i} ${rule.byMonth!.join(' ')}`, rule: { ...base, byMonth: rule.byMonth! } };
  }
  if (usesOnlyParts(rule, ['byYearDay'])) {
    const list = rule.byYearDay!.map((n) => (n > 0 ? `${n}` : `${-n}-`)).join(' ');
    return { text: `YD${i} ${list}`, rule: { ...base, byYearDay: rule.byYearDay! } };
  }
  // The n-th weekday of one month every year is the n-th weekday every 12 months.
  if (
    usesOnlyParts(rule, ['byMonth', 'byDay']) &&
    rule.byMonth!.length === 1 &&
    rule.byMonth![0] === startMonth &&
    rule.byDay!.every((d) => d.nth !== undefined && Math.abs(d.nth) <= 5)
  ) {
    const byDay = rule.byDay!.map((d) => ({ day: d.day as Weekday, nth: d.nth }));
    return {
      text: `MP${12 * i} ${positionList(byDay)}`,
      rule: { freq: 'MONTHLY', interval: 12 * i, byDay },
    };
  }
  return undefined;
}

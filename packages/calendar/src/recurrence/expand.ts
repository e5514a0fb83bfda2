import type { RecurrenceRule, WeekdayNum } from '../model/types.js';
import {
  addMonths,
  civilFromSeconds,
  daysFromCivil,
  daysInMonth,
  daysInYear,
  SECONDS_PER_DAY,
  weekdayOfDays,
} from '../time/civil.js';
import { weekdayIndex } from './weekday.js';

/** Bounds of one expansion; every run is bounded by `limit` and `maxPeriods`. */
export interface ExpansionBounds {
  /** Return only occurrences at or after this (earlier ones still count toward COUNT). */
  from?: number | undefined;
  /** Stop after this time (inclusive). */
  to?: number | undefined;
  /** The rule's UNTIL converted to the same wall clock as `start` (inclusive). */
  until?: number | undefined;
  /** Most occurrences returned. */
  limit: number;
  /** Most periods (years, months, weeks, days...) scanned, so rules that never match end. */
  maxPeriods: number;
  /** Scan only the first N periods (vCalendar 1.0 `#N` counts intervals). */
  periods?: number | undefined;
}

interface RuleContext {
  rule: RecurrenceRule;
  start: number;
  startDay: number;
  startYear: number;
  startMonth: number;
  startDom: number;
  startWeekday: number;
  startTime: number;
  hour: number;
  minute: number;
  second: number;
  wkst: number;
  startWeekStart: number;
}

/**
 * Occurrences of `rule` starting at `start` (wall seconds of the item's own
 * clock), DTSTART first, in ascending order. Follows RFC 5545 §3.3.10 for
 * DAILY/WEEKLY/MONTHLY/YEARLY with every BYxxx part; HOURLY, MINUTELY and
 * SECONDLY apply their BYxxx parts as limits only.
 */
export function expandRule(rule: RecurrenceRule, start: number, bounds: ExpansionBounds): number[] {
  const ctx = context(rule, start);
  const out: number[] = [];
  const from = bounds.from ?? Number.NEGATIVE_INFINITY;
  const to = Math.min(bounds.to ?? Number.POSITIVE_INFINITY, bounds.until ?? Number.POSITIVE_INFINITY);
  let counted = 0;
  const count = rule.count;
  if (start > to || bounds.limit <= 0) return out;
  counted++;
  if (start >= from) out.push(start);
  if ((count !== undefined && counted >= count) || out.length >= bounds.limit) return out;

  const interval = Math.max(1, Math.floor(rule.interval));
  // Without COUNT nothing before `from` matters, so scanning may begin at its period.
  let first = 0;
  if (count === undefined && bounds.periods === undefined && from > start) {
    first = Math.max(0, periodIndexOf(ctx, from, interval) - 1);
  }
  const lastPeriod = Math.min(first + bounds.maxPeriods, bounds.periods ?? Number.POSITIVE_INFINITY);
  for (let p = first; p < lastPeriod; p++) {
    const candidates = applySetPos(rule.bySetPos, periodCandidates(ctx, p, interval));
    for (const t of candidates) {
      if (t <= start) continue;
      if (t > to) return out;
      counted++;
      if (t >= from) out.push(t);
      if ((count !== undefined && counted >= count) || out.length >= bounds.limit) return out;
    }
  }
  return out;
}

/** Index of the interval period (0 = the one holding `start`) that `t` falls in. */
export function periodIndex(rule: RecurrenceRule, start: number, t: number): number {
  return periodIndexOf(context(rule, start), t, Math.max(1, Math.floor(rule.interval)));
}

function context(rule: RecurrenceRule, start: number): RuleContext {
  const c = civilFromSeconds(start);
  const startDay = Math.floor(start / SECONDS_PER_DAY);
  const startWeekday = weekdayOfDays(startDay);
  const wkst = weekdayIndex(rule.wkst ?? 'MO');
  return {
    rule,
    start,
    startDay,
    startYear: c.year,
    startMonth: c.month,
    startDom: c.day,
    startWeekday,
    startTime: start - startDay * SECONDS_PER_DAY,
    hour: c.hour,
    minute: c.minute,
    second: c.second,
    wkst,
    startWeekStart: startDay - ((startWeekday - wkst + 7) % 7),
  };
}

function periodIndexOf(ctx: RuleContext, t: number, interval: number): number {
  const day = Math.floor(t / SECONDS_PER_DAY);
  switch (ctx.rule.freq) {
    case 'YEARLY':
      return Math.floor((civilFromSeconds(t).year - ctx.startYear) / interval);
    case 'MONTHLY': {
      const c = civilFromSeconds(t);
      return Math.floor((c.year * 12 + c.month - (ctx.startYear * 12 + ctx.startMonth)) / interval);
    }
    case 'WEEKLY': {
      const weekStart = day - ((weekdayOfDays(day) - ctx.wkst + 7) % 7);
      return Math.floor((weekStart - ctx.startWeekStart) / (7 * interval));
    }
    case 'DAILY':
      return Math.floor((day - ctx.startDay) / interval);
    case 'HOURLY':
      return Math.floor((t - ctx.start) / (3600 * interval));
    case 'MINUTELY':
      return Math.floor((t - ctx.start) / (60 * interval));
    case 'SECONDLY':
      return Math.floor((t - ctx.start) / interval);
  }
}

function periodCandidates(ctx: RuleContext, p: number, interval: number): number[] {
  const rule = ctx.rule;
  let days: number[];
  switch (rule.freq) {
    case 'YEARLY':
      days = yearlyDays(ctx, ctx.startYear + p * interval);
      break;
    case 'MONTHLY': {
      const ym = addMonths(ctx.startYear, ctx.startMonth, p * interval);
      days = monthlyDays(ctx, ym.year, ym.month);
      break;
    }
    case 'WEEKLY':
      days = weeklyDays(ctx, ctx.startWeekStart + p * interval * 7);
      break;
    case 'DAILY':
      days = dailyDays(ctx, ctx.startDay + p * interval);
      break;
    default:
      return subDailyCandidates(ctx, p, interval);
  }
  const times = timesOfDay(ctx);
  const out: number[] = [];
  for (const d of days) for (const s of times) out.push(d * SECONDS_PER_DAY + s);
  out.sort((a, b) => a - b);
  return dedupe(out);
}

function timesOfDay(ctx: RuleContext): number[] {
  const r = ctx.rule;
  if (!r.byHour && !r.byMinute && !r.bySecond) return [ctx.startTime];
  const out: number[] = [];
  for (const h of r.byHour ?? [ctx.hour]) {
    for (const m of r.byMinute ?? [ctx.minute]) {
      for (const s of r.bySecond ?? [ctx.second]) {
        if (h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60) out.push(h * 3600 + m * 60 + s);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

function yearlyDays(ctx: RuleContext, year: number): number[] {
  const r = ctx.rule;
  if (year < 1 || year > 9999) return [];
  const jan1 = daysFromCivil(year, 1, 1);
  const yearLength = daysInYear(year);
  let days: number[];
  if (r.byYearDay) {
    days = [];
    for (const n of r.byYearDay) {
      const index = n > 0 ? n - 1 : yearLength + n;
      if (index >= 0 && index < yearLength) days.push(jan1 + index);
    }
    days = limitByMonth(r.byMonth, limitByMonthDay(r.byMonthDay, limitByWeekday(r.byDay, days)));
  } else if (r.byWeekNo) {
    days = weekNumberDays(ctx, year);
    days = limitByMonth(r.byMonth, limitByMonthDay(r.byMonthDay, days));
  } else if (r.byMonthDay) {
    days = [];
    for (const month of r.byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      days.push(...monthDays(year, month, r.byMonthDay));
    }
    days = limitByWeekday(r.byDay, days);
  } else if (r.byDay) {
    days = [];
    if (r.byMonth) {
      for (const month of r.byMonth) {
        const firstDay = daysFromCivil(year, month, 1);
        days.push(...expandByDay(r.byDay, firstDay, firstDay + daysInMonth(year, month) - 1));
      }
    } else {
      days = expandByDay(r.byDay, jan1, jan1 + yearLength - 1);
    }
  } else if (r.byMonth) {
    days = [];
    for (const month of r.byMonth) {
      if (month >= 1 && month <= 12 && ctx.startDom <= daysInMonth(year, month)) {
        days.push(daysFromCivil(year, month, ctx.startDom));
      }
    }
  } else {
    days =
      ctx.startDom <= daysInMonth(year, ctx.startMonth)
        ? [daysFromCivil(year, ctx.startMonth, ctx.startDom)]
        : [];
  }
  return days.sort((a, b) => a - b);
}

function weekNumberDays(ctx: RuleContext, year: number): number[] {
  const r = ctx.rule;
  const week1 = firstWeekStart(year, ctx.wkst);
  const weeks = (firstWeekStart(year + 1, ctx.wkst) - week1) / 7;
  const weekdays = r.byDay ? new Set(r.byDay.map((d) => weekdayIndex(d.day))) : new Set([ctx.startWeekday]);
  const out: number[] = [];
  for (const n of r.byWeekNo ?? []) {
    const index = n > 0 ? n - 1 : weeks + n;
    if (index < 0 || index >= weeks) continue;
    const weekStart = week1 + index * 7;
    for (let i = 0; i < 7; i++) {
      if (weekdays.has(weekdayOfDays(weekStart + i))) out.push(weekStart + i);
    }
  }
  return out;
}

// Week 1 is the first week (starting on wkst) with at least four days in the year.
function firstWeekStart(year: number, wkst: number): number {
  const jan1 = daysFromCivil(year, 1, 1);
  let start = jan1 - ((weekdayOfDays(jan1) - wkst + 7) % 7);
  if (jan1 - start > 3) start += 7;
  return start;
}

function monthlyDays(ctx: RuleContext, year: number, month: number): number[] {
  const r = ctx.rule;
  if (year < 1 || year > 9999) return [];
  if (r.byMonth && !r.byMonth.includes(month)) return [];
  if (r.byMonthDay)
    return limitByWeekday(r.byDay, monthDays(year, month, r.byMonthDay)).sort((a, b) => a - b);
  if (r.byDay) {
    const firstDay = daysFromCivil(year, month, 1);
    return expandByDay(r.byDay, firstDay, firstDay + daysInMonth(year, month) - 1);
  }
  return ctx.startDom <= daysInMonth(year, month) ? [daysFromCivil(year, month, ctx.startDom)] : [];
}

function weeklyDays(ctx: RuleContext, weekStart: number): number[] {
  const r = ctx.rule;
  const weekdays = r.byDay ? new Set(r.byDay.map((d) => weekdayIndex(d.day))) : new Set([ctx.startWeekday]);
  const out: number[] = [];
  for (let i = 0; i < 7; i++) {
    if (weekdays.has(weekdayOfDays(weekStart + i))) out.push(weekStart + i);
  }
  return limitByMonth(r.byMonth, out);
}

function dailyDays(ctx: RuleContext, day: number): number[] {
  const r = ctx.rule;
  return limitByMonth(r.byMonth, limitByMonthDay(r.byMonthDay, limitByWeekday(r.byDay, [day])));
}

function subDailyCandidates(ctx: RuleContext, p: number, interval: number): number[] {
  const r = ctx.rule;
  const unit = r.freq === 'HOURLY' ? 3600 : r.freq === 'MINUTELY' ? 60 : 1;
  const t = ctx.start + p * interval * unit;
  const day = Math.floor(t / SECONDS_PER_DAY);
  if (limitByMonth(r.byMonth, limitByMonthDay(r.byMonthDay, limitByWeekday(r.byDay, [day]))).length === 0)
    return [];
  const c = civilFromSeconds(t);
  if (r.byHour && !r.byHour.includes(c.hour)) return [];
  if (r.byMinute && !r.byMinute.includes(c.minute)) return [];
  if (r.bySecond && !r.bySecond.includes(c.second)) return [];
  return [t];
}

function monthDays(year: number, month: number, byMonthDay: number[]): number[] {
  if (month < 1 || month > 12) return [];
  const length = daysInMonth(year, month);
  const firstDay = daysFromCivil(year, month, 1);
  const out: number[] = [];
  for (const n of byMonthDay) {
    const dom = n > 0 ? n : length + n + 1;
    if (dom >= 1 && dom <= length) out.push(firstDay + dom - 1);
  }
  return out;
}

// All days in [first, last] matching the BYDAY list; an ordinal picks the
// n-th (or n-th last) such weekday within the range.
function expandByDay(byDay: WeekdayNum[], first: number, last: number): number[] {
  const out: number[] = [];
  for (const wd of byDay) {
    const target = weekdayIndex(wd.day);
    const firstMatch = first + ((target - weekdayOfDays(first) + 7) % 7);
    if (wd.nth === undefined || wd.nth === 0) {
      for (let d = firstMatch; d <= last; d += 7) out.push(d);
    } else if (wd.nth > 0) {
      const d = firstMatch + (wd.nth - 1) * 7;
      if (d <= last) out.push(d);
    } else {
      const lastMatch = last - ((weekdayOfDays(last) - target + 7) % 7);
      const d = lastMatch + (wd.nth + 1) * 7;
      if (d >= first) out.push(d);
    }
  }
  return dedupe(out.sort((a, b) => a - b));
}

function limitByWeekday(byDay: WeekdayNum[] | undefined, days: number[]): number[] {
  if (!byDay) return days;
  const set = new Set(byDay.map((d) => weekdayIndex(d.day)));
  return days.filter((d) => set.has(weekdayOfDays(d)));
}

function limitByMonthDay(byMonthDay: number[] | undefined, days: number[]): number[] {
  if (!byMonthDay) return days;
  return days.filter((d) => {
    const c = civilFromSeconds(d * SECONDS_PER_DAY);
    const length = daysInMonth(c.year, c.month);
    return byMonthDay.some((n) => (n > 0 ? n : length + n + 1) === c.day);
  });
}

function limitByMonth(byMonth: number[] | undefined, days: number[]): number[] {
  if (!byMonth) return days;
  return days.filter((d) => byMonth.includes(civilFromSeconds(d * SECONDS_PER_DAY).month));
}

function applySetPos(bySetPos: number[] | undefined, candidates: number[]): number[] {
  if (!bySetPos || candidates.length === 0) return candidates;
  const picked: number[] = [];
  for (const pos of bySetPos) {
    const index = pos > 0 ? pos - 1 : candidates.length + pos;
    if (index >= 0 && index < candidates.length) picked.push(candidates[index]!);
  }
  return dedupe(picked.sort((a, b) => a - b));
}

function dedupe(sorted: number[]): number[] {
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  return out;
}

import type { RecurrenceRule, TimeZoneDefinition, TimeZoneObservance } from '../model/types.js';
import { expandRule } from '../recurrence/expand.js';
import { WEEKDAYS } from '../recurrence/weekday.js';
import {
  civilFromSeconds,
  daysFromCivil,
  daysInMonth,
  formatLocal,
  SECONDS_PER_DAY,
  weekdayOfDays,
} from './civil.js';
import type { Transition, ZoneRules } from './zone.js';

export type { Transition } from './zone.js';

/** One daylight-saving period: start and end as UTC seconds. */
export interface DaylightPeriod {
  daylightOffset: number;
  start: number;
  end: number;
}

/** A zone summarised the way vCalendar 1.0 (TZ + DAYLIGHT) and SIF (BasicOffset + DayLight) describe it. */
export interface DaylightSummary {
  standardOffset: number;
  periods: DaylightPeriod[];
}

// Sampling step when searching for offset changes; daylight periods are months long.
const SCAN_STEP = SECONDS_PER_DAY;

/** Offset changes after `from` and up to `to` (UTC seconds), at most `max`. */
export function transitionsBetween(rules: ZoneRules, from: number, to: number, max: number): Transition[] {
  if (rules.transitionsBetween) return rules.transitionsBetween(from, to, max);
  // Rules that cannot list their changes (an IANA zone through Intl): a day-by-day search, each
  // change then pinned to the second.
  const out: Transition[] = [];
  let t = from;
  let offset = rules.offsetAt(t);
  while (t < to && out.length < max) {
    const next = Math.min(t + SCAN_STEP, to);
    const nextOffset = rules.offsetAt(next);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (rules.offsetAt(mid) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, offsetBefore: offset, offsetAfter: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return out;
}

/** Standard offset and daylight periods of the years `fromYear` to `toYear` (inclusive). */
export function summariseDaylight(rules: ZoneRules, fromYear: number, toYear: number): DaylightSummary {
  const rangeStart = daysFromCivil(fromYear, 1, 1) * SECONDS_PER_DAY;
  const rangeEnd = daysFromCivil(toYear + 1, 1, 1) * SECONDS_PER_DAY;
  // One extra year each side pairs daylight periods that straddle New Year (southern hemisphere).
  const transitions = transitionsBetween(
    rules,
    rangeStart - 366 * SECONDS_PER_DAY,
    rangeEnd + 366 * SECONDS_PER_DAY,
    4 * (toYear - fromYear + 3),
  );
  const periods: DaylightPeriod[] = [];
  let standardOffset = rules.offsetAt(rangeStart);
  for (const tr of transitions) if (tr.offsetAfter < tr.offsetBefore) standardOffset = tr.offsetAfter;
  if (transitions.length === 0) return { standardOffset, periods };
  standardOffset = Math.min(...transitions.map((tr) => Math.min(tr.offsetBefore, tr.offsetAfter)));
  for (let i = 0; i < transitions.length; i++) {
    const startTr = transitions[i]!;
    if (startTr.offsetAfter <= startTr.offsetBefore) continue;
    const endTr = transitions.slice(i + 1).find((tr) => tr.offsetAfter < tr.offsetBefore);
    if (!endTr) continue;
    if (endTr.at <= rangeStart || startTr.at >= rangeEnd) continue;
    periods.push({ daylightOffset: startTr.offsetAfter, start: startTr.at, end: endTr.at });
  }
  return { standardOffset, periods };
}

/**
 * The yearly rule (`BYMONTH=m;BYDAY=nWD`, `-1WD` for "last", or a fixed
 * month day) that produces every one of the given local onsets, if one does.
 */
export function inferYearlyRule(onsets: readonly number[]): RecurrenceRule | undefined {
  if (onsets.length === 0) return undefined;
  const parts = onsets.map((t) => {
    const c = civilFromSeconds(t);
    const day = daysFromCivil(c.year, c.month, c.day);
    return {
      ...c,
      year: c.year,
      time: t - day * SECONDS_PER_DAY,
      weekday: weekdayOfDays(day),
      nth: Math.ceil(c.day / 7),
      last: c.day + 7 > daysInMonth(c.year, c.month),
    };
  });
  const first = parts[0]!;
  const sameAll = (f: (p: (typeof parts)[number]) => unknown): boolean =>
    parts.every((p) => f(p) === f(first));
  if (!sameAll((p) => p.month) || !sameAll((p) => p.time)) return undefined;
  if (new Set(parts.map((p) => p.year)).size !== parts.length) return undefined;
  let rule: RecurrenceRule | undefined;
  if (sameAll((p) => p.weekday)) {
    const day = WEEKDAYS[first.weekday]!;
    if (parts.every((p) => p.last))
      rule = { freq: 'YEARLY', interval: 1, byMonth: [first.month], byDay: [{ day, nth: -1 }] };
    else if (sameAll((p) => p.nth))
      rule = { freq: 'YEARLY', interval: 1, byMonth: [first.month], byDay: [{ day, nth: first.nth }] };
  }
  if (!rule && sameAll((p) => p.day))
    rule = { freq: 'YEARLY', interval: 1, byMonth: [first.month], byMonthDay: [first.day] };
  if (!rule) return undefined;
  // The rule must reproduce every onset from the first one on.
  const sorted = [...onsets].sort((a, b) => a - b);
  const generated = new Set(
    expandRule(rule, sorted[0]!, { to: sorted[sorted.length - 1]!, limit: 10_000, maxPeriods: 10_000 }),
  );
  return sorted.every((t) => generated.has(t)) ? rule : undefined;
}

/** One daylight period written as local times: start on the standard clock, end on the daylight clock. */
export interface LocalDaylightPeriod {
  daylightOffset: number;
  startLocal: number;
  endLocal: number;
}

/**
 * A zone definition from a standard offset and daylight periods (vCalendar 1.0
 * TZ/DAYLIGHT, SIF Timezone). Periods sharing one pattern become a yearly rule,
 * so the zone keeps working for years the item did not list.
 */
export function definitionFromDaylight(
  tzid: string,
  standardOffset: number,
  periods: readonly LocalDaylightPeriod[],
  names: { standard?: string | undefined; daylight?: string | undefined } = {},
): TimeZoneDefinition {
  if (periods.length === 0) {
    return {
      tzid,
      observances: [
        withName(
          {
            kind: 'standard',
            start: '1970-01-01T00:00:00',
            offsetFrom: standardOffset,
            offsetTo: standardOffset,
          },
          names.standard,
        ),
      ],
    };
  }
  const sorted = [...periods].sort((a, b) => a.startLocal - b.startLocal);
  const daylightOffset = sorted[0]!.daylightOffset;
  if (sorted.some((p) => p.daylightOffset !== daylightOffset)) {
    const observances: TimeZoneObservance[] = [];
    for (const p of sorted) {
      observances.push(
        withName(
          {
            kind: 'daylight',
            start: formatLocal(p.startLocal),
            offsetFrom: standardOffset,
            offsetTo: p.daylightOffset,
          },
          names.daylight,
        ),
        withName(
          {
            kind: 'standard',
            start: formatLocal(p.endLocal),
            offsetFrom: p.daylightOffset,
            offsetTo: standardOffset,
          },
          names.standard,
        ),
      );
    }
    return { tzid, observances };
  }
  const daylight = observanceFromOnsets(
    'daylight',
    sorted.map((p) => p.startLocal),
    standardOffset,
    daylightOffset,
  );
  const standard = observanceFromOnsets(
    'standard',
    sorted.map((p) => p.endLocal),
    daylightOffset,
    standardOffset,
  );
  return { tzid, observances: [withName(daylight, names.daylight), withName(standard, names.standard)] };
}

function observanceFromOnsets(
  kind: 'standard' | 'daylight',
  onsets: number[],
  offsetFrom: number,
  offsetTo: number,
): TimeZoneObservance {
  const rule = inferYearlyRule(onsets);
  const observance: TimeZoneObservance = { kind, start: formatLocal(onsets[0]!), offsetFrom, offsetTo };
  if (rule) observance.rule = rule;
  else if (onsets.length > 1) observance.dates = onsets.slice(1).map(formatLocal);
  return observance;
}

function withName(o: TimeZoneObservance, name: string | undefined): TimeZoneObservance {
  if (name) o.name = name;
  return o;
}

/**
 * A self-contained definition of a zone for the years `fromYear`-`toYear`
 * (for writing a VTIMEZONE when only an IANA name is known).
 */
export function definitionFromRules(
  tzid: string,
  rules: ZoneRules,
  fromYear: number,
  toYear: number,
): TimeZoneDefinition {
  const summary = summariseDaylight(rules, fromYear, toYear);
  const periods: LocalDaylightPeriod[] = summary.periods.map((p) => ({
    daylightOffset: p.daylightOffset,
    startLocal: p.start + summary.standardOffset,
    endLocal: p.end + p.daylightOffset,
  }));
  return definitionFromDaylight(tzid, summary.standardOffset, periods);
}

import { CalendarCodecError } from '../errors.js';
import type { TimeZoneDefinition, TimeZoneObservance } from '../model/types.js';
import { expandRule } from '../recurrence/expand.js';
import { civilFromSeconds, daysFromCivil, SECONDS_PER_DAY } from './civil.js';
import { parseCanonicalLocal } from './text.js';
import { timeToWallSeconds } from './time-value.js';

/** One change of a zone's UTC offset. */
export interface Transition {
  /** UTC seconds: the first instant of the new offset. */
  at: number;
  offsetBefore: number;
  offsetAfter: number;
}

/** The UTC offset of a zone at any instant. */
export interface ZoneRules {
  /** Seconds east of UTC in effect at `utc` (UTC seconds). */
  offsetAt(utc: number): number;
  /**
   * The offset changes after `from` and up to `to` (UTC seconds), at most `max`, ascending. Rules
   * that can list them exactly have it; for the others they are searched for with `offsetAt`.
   */
  transitionsBetween?(from: number, to: number, max: number): Transition[];
}

/** Most onsets of one observance evaluated while looking up an offset. */
const MAX_ONSETS_PER_LOOKUP = 2_000;

// Any real zone changes its offset at most once in two days, so the offsets
// two days either side of a wall time are the only two that can apply.
const NEIGHBOURHOOD = 2 * SECONDS_PER_DAY;

/**
 * UTC seconds of a wall time in a zone. A time that occurs twice (clocks
 * turned back) is the first occurrence; a time skipped by a forward jump uses
 * the offset before the gap, which lands after it: RFC 5545 §3.3.5.
 */
export function localToUtc(local: number, rules: ZoneRules): number {
  const before = rules.offsetAt(local - NEIGHBOURHOOD);
  const after = rules.offsetAt(local + NEIGHBOURHOOD);
  const candidates: number[] = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const utc = local - offset;
    if (rules.offsetAt(utc) === offset) candidates.push(utc);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  return local - before;
}

/** Wall seconds of an instant in a zone. */
export function utcToLocal(utc: number, rules: ZoneRules): number {
  return utc + rules.offsetAt(utc);
}

interface PreparedObservance {
  observance: TimeZoneObservance;
  /** First onset, UTC seconds. */
  startUtc: number;
  startLocal: number;
  /** Extra onsets, UTC seconds, ascending. */
  dates: number[];
  untilLocal: number | undefined;
}

interface Onset {
  utc: number;
  offset: number;
}

/** Years of onsets kept per zone. */
const YEAR_CACHE_SIZE = 64;

/** A zone evaluated from its observances (VTIMEZONE, vCalendar DAYLIGHT, SIF DayLight). */
export class ObservanceZone implements ZoneRules {
  private readonly prepared: PreparedObservance[];
  private readonly earliest: PreparedObservance | undefined;
  private readonly byYear = new Map<number, Onset[]>();

  constructor(definition: TimeZoneDefinition) {
    this.prepared = definition.observances.map((observance) => {
      const startLocal = parseCanonicalLocal(observance.start);
      const dates = (observance.dates ?? [])
        .map((d) => parseCanonicalLocal(d) - observance.offsetFrom)
        .sort((a, b) => a - b);
      const until = observance.rule?.until;
      // UNTIL of a VTIMEZONE rule is UTC; onsets are compared on the wall clock before the change.
      const untilLocal = until === undefined ? undefined : timeToWallSeconds(until, observance.offsetFrom);
      return { observance, startUtc: startLocal - observance.offsetFrom, startLocal, dates, untilLocal };
    });
    let earliest: PreparedObservance | undefined;
    for (const p of this.prepared) if (!earliest || p.startUtc < earliest.startUtc) earliest = p;
    this.earliest = earliest;
  }

  offsetAt(utc: number): number {
    // Most lookups find an onset in the same or the previous year: those are cached.
    const year = civilFromSeconds(utc).year;
    for (const y of [year, year - 1]) {
      const onsets = this.onsetsOfYear(y);
      let found: Onset | undefined;
      for (const o of onsets) {
        if (o.utc > utc) break;
        found = o;
      }
      if (found) return found.offset;
    }
    let best: { onset: number; offset: number } | undefined;
    for (const p of this.prepared) {
      const onset = lastOnsetAtOrBefore(p, utc);
      if (onset !== undefined && (!best || onset > best.onset))
        best = { onset, offset: p.observance.offsetTo };
    }
    if (best) return best.offset;
    // Before the first onset the zone keeps the offset the first observance changes from.
    return this.earliest?.observance.offsetFrom ?? 0;
  }

  transitionsBetween(from: number, to: number, max: number): Transition[] {
    // The onsets, year by year, are where the offset can change; an onset that keeps the offset
    // (a rule restating it) is no transition.
    const out: Transition[] = [];
    let offset = this.offsetAt(from);
    const lastYear = civilFromSeconds(to).year;
    for (let year = civilFromSeconds(from).year; year <= lastYear; year++) {
      for (const onset of this.onsetsOfYear(year)) {
        if (onset.utc <= from || onset.utc > to || onset.offset === offset) continue;
        if (out.length >= max) return out;
        out.push({ at: onset.utc, offsetBefore: offset, offsetAfter: onset.offset });
        offset = onset.offset;
      }
    }
    return out;
  }

  /** Every onset (UTC) of every observance within one year, ascending. */
  private onsetsOfYear(year: number): Onset[] {
    const hit = this.byYear.get(year);
    if (hit) return hit;
    const from = daysFromCivil(year, 1, 1) * SECONDS_PER_DAY;
    const to = daysFromCivil(year + 1, 1, 1) * SECONDS_PER_DAY;
    const out: Onset[] = [];
    for (const p of this.prepared) {
      const offsetFrom = p.observance.offsetFrom;
      const add = (u: number): void => {
        if (u >= from && u < to && u >= p.startUtc) out.push({ utc: u, offset: p.observance.offsetTo });
      };
      add(p.startUtc);
      for (const d of p.dates) add(d);
      const rule = p.observance.rule;
      if (rule && p.startUtc < to) {
        const onsets = expandRule(rule, p.startLocal, {
          from: from + offsetFrom - SECONDS_PER_DAY,
          to: to + offsetFrom + SECONDS_PER_DAY,
          until: p.untilLocal,
          limit: MAX_ONSETS_PER_LOOKUP,
          maxPeriods: MAX_ONSETS_PER_LOOKUP,
        });
        for (const local of onsets) add(local - offsetFrom);
      }
    }
    out.sort((a, b) => a.utc - b.utc);
    if (this.byYear.size >= YEAR_CACHE_SIZE) this.byYear.clear();
    this.byYear.set(year, out);
    return out;
  }
}

function lastOnsetAtOrBefore(p: PreparedObservance, utc: number): number | undefined {
  if (p.startUtc > utc) return undefined;
  let best = p.startUtc;
  for (const d of p.dates) if (d <= utc && d > best) best = d;
  const rule = p.observance.rule;
  if (rule) {
    const offsetFrom = p.observance.offsetFrom;
    const localLimit = utc + offsetFrom;
    // Onsets of real rules repeat at least every year: a two-year window finds the last one.
    const bounds = { until: p.untilLocal, limit: MAX_ONSETS_PER_LOOKUP, maxPeriods: MAX_ONSETS_PER_LOOKUP };
    let onsets = expandRule(rule, p.startLocal, {
      ...bounds,
      from: localLimit - 2 * 366 * SECONDS_PER_DAY,
      to: localLimit,
    });
    if (onsets.length === 0 || onsets[onsets.length - 1]! <= p.startLocal) {
      onsets = expandRule(rule, p.startLocal, { ...bounds, to: localLimit });
    }
    const last = onsets[onsets.length - 1];
    if (last !== undefined && last - offsetFrom > best) best = last - offsetFrom;
  }
  return best;
}

/** An IANA zone resolved with the runtime's ICU data (`Intl.DateTimeFormat`). */
export class IntlZone implements ZoneRules {
  readonly tzid: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  constructor(tzid: string) {
    this.tzid = tzid;
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: tzid,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch (cause) {
      throw new CalendarCodecError('UNKNOWN_TIMEZONE', `unknown time zone "${tzid}"`, { cause });
    }
  }

  offsetAt(utc: number): number {
    // Offsets change on whole minutes (even historical ones at whole seconds of a minute), so one
    // lookup per minute is enough.
    const key = Math.floor(utc / 60);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const parts = this.format.formatToParts(new Date(utc * 1000));
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of parts) {
      const v = Number(part.value);
      switch (part.type) {
        case 'year':
          year = v;
          break;
        case 'month':
          month = v;
          break;
        case 'day':
          day = v;
          break;
        case 'hour':
          hour = v;
          break;
        case 'minute':
          minute = v;
          break;
        case 'second':
          second = v;
          break;
        case 'era':
          bc = part.value.startsWith('B');
          break;
      }
    }
    if (bc) year = 1 - year;
    const wall = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    const offset = wall - Math.floor(utc);
    if (this.cache.size > 4096) this.cache.clear();
    this.cache.set(key, offset);
    return offset;
  }
}

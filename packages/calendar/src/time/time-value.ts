import type { CalendarTime, DateValue, FloatingTime, UtcTime, ZonedTime } from '../model/types.js';
import { formatDate, formatLocal, formatUtc, SECONDS_PER_DAY } from './civil.js';
import { parseCanonicalDate, parseCanonicalLocal, parseCanonicalUtc } from './text.js';

export function dateValue(day: number): DateValue {
  return { kind: 'date', date: formatDate(day) };
}

export function utcTime(utc: number): UtcTime {
  return { kind: 'utc', utc: formatUtc(utc) };
}

export function floatingTime(local: number): FloatingTime {
  return { kind: 'floating', local: formatLocal(local) };
}

export function zonedTime(local: number, utc: number, tzid: string): ZonedTime {
  return { kind: 'zoned', utc: formatUtc(utc), local: formatLocal(local), tzid };
}

/** Day number of a date value. */
export function dayOf(t: DateValue): number {
  return parseCanonicalDate(t.date);
}

/**
 * Seconds of a time on a clock `offset` seconds east of UTC: instants are
 * moved onto that clock; dates and floating times are taken as they read.
 */
export function timeToWallSeconds(t: CalendarTime, offset: number): number {
  switch (t.kind) {
    case 'date':
      return parseCanonicalDate(t.date) * SECONDS_PER_DAY;
    case 'floating':
      return parseCanonicalLocal(t.local);
    case 'utc':
    case 'zoned':
      return parseCanonicalUtc(t.utc) + offset;
  }
}

/** The instant of a UTC or zoned time; undefined for dates and floating times. */
export function instantOf(t: CalendarTime): number | undefined {
  return t.kind === 'utc' || t.kind === 'zoned' ? parseCanonicalUtc(t.utc) : undefined;
}

/** The wall-clock reading of a time (local for zoned and floating, UTC for UTC, midnight for a date). */
export function wallOf(t: CalendarTime): number {
  switch (t.kind) {
    case 'date':
      return parseCanonicalDate(t.date) * SECONDS_PER_DAY;
    case 'floating':
    case 'zoned':
      return parseCanonicalLocal(t.local);
    case 'utc':
      return parseCanonicalUtc(t.utc);
  }
}

/** True when both name the same moment the same way. */
export function sameTime(a: CalendarTime | undefined, b: CalendarTime | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'date':
      return a.date === (b as DateValue).date;
    case 'floating':
      return a.local === (b as FloatingTime).local;
    case 'utc':
      return a.utc === (b as UtcTime).utc;
    case 'zoned':
      return (
        a.utc === (b as ZonedTime).utc &&
        a.local === (b as ZonedTime).local &&
        a.tzid === (b as ZonedTime).tzid
      );
  }
}

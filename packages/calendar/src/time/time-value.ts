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

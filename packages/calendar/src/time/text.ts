import { CalendarCodecError } from '../errors.js';
import { daysFromCivil, daysInMonth, MAX_YEAR, MIN_YEAR, SECONDS_PER_DAY } from './civil.js';

/** A date or date-time as written in an item, decoded to wall seconds. */
export interface WireDateTime {
  /** Wall seconds: UTC when `utc`, else the local clock; midnight for a date. */
  seconds: number;
  /** Written as a date with no time part. */
  dateOnly: boolean;
  /** Written with `Z` (or an explicit offset, already applied). */
  utc: boolean;
  /** Written as `T240000`: the end of the day, kept as midnight of the next day. */
  endOfDay: boolean;
}

const enum Ch {
  Zero = 48,
  Nine = 57,
}

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (c < Ch.Zero || c > Ch.Nine) return -1;
    value = value * 10 + (c - Ch.Zero);
  }
  return value;
}

function invalid(text: string, why: string): CalendarCodecError {
  return new CalendarCodecError('INVALID_DATE', `invalid date "${text.slice(0, 40)}": ${why}`);
}

/**
 * Reads the date forms devices send: `YYYYMMDD`, `YYYY-MM-DD`,
 * `YYYYMMDDTHHMM[SS][.fff][Z|±HH[:]MM]` and the same with `-`/`:` separators.
 * Throws `INVALID_DATE` for anything else or for out-of-range fields.
 */
export function parseWireDateTime(input: string): WireDateTime {
  const text = input.trim();
  let pos = 0;
  const year = digits(text, 0, 4);
  if (year < 0 || text.length < 8) throw invalid(input, 'expected YYYYMMDD');
  pos = 4;
  const extended = text.charCodeAt(pos) === 45; // '-'
  if (extended) pos++;
  const month = digits(text, pos, 2);
  pos += 2;
  if (extended) {
    if (text.charCodeAt(pos) !== 45) throw invalid(input, 'expected YYYY-MM-DD');
    pos++;
  }
  const day = digits(text, pos, 2);
  pos += 2;
  if (month < 0 || day < 0) throw invalid(input, 'expected YYYYMMDD');
  if (year < MIN_YEAR || year > MAX_YEAR) throw invalid(input, 'year out of range');
  if (month < 1 || month > 12) throw invalid(input, 'month out of range');
  if (day < 1 || day > daysInMonth(year, month)) throw invalid(input, 'day out of range');
  const dayNumber = daysFromCivil(year, month, day);
  if (pos === text.length) {
    return { seconds: dayNumber * SECONDS_PER_DAY, dateOnly: true, utc: false, endOfDay: false };
  }
  const t = text.charCodeAt(pos);
  if (t !== 84 && t !== 116 && t !== 32) throw invalid(input, 'expected T before the time'); // 'T' 't' ' '
  pos++;
  const hour = digits(text, pos, 2);
  pos += 2;
  const colons = text.charCodeAt(pos) === 58;
  if (colons) pos++;
  const minute = digits(text, pos, 2);
  pos += 2;
  let second = 0;
  if (pos < text.length && (colons ? text.charCodeAt(pos) === 58 : isDigit(text.charCodeAt(pos)))) {
    if (colons) pos++;
    second = digits(text, pos, 2);
    pos += 2;
  }
  if (hour < 0 || minute < 0 || second < 0) throw invalid(input, 'expected HHMMSS');
  // Fractions of a second carry no meaning for calendars; they are dropped.
  if (text.charCodeAt(pos) === 46 || text.charCodeAt(pos) === 44) {
    pos++;
    while (pos < text.length && isDigit(text.charCodeAt(pos))) pos++;
  }
  let utc = false;
  let offset = 0;
  if (pos < text.length) {
    const z = text.charCodeAt(pos);
    if (z === 90 || z === 122) {
      utc = true;
      pos++;
    } else if (z === 43 || z === 45) {
      const sign = z === 45 ? -1 : 1;
      pos++;
      const oh = digits(text, pos, 2);
      pos += 2;
      if (text.charCodeAt(pos) === 58) pos++;
      const om = pos < text.length ? digits(text, pos, 2) : 0;
      if (pos < text.length) pos += 2;
      if (oh < 0 || om < 0 || oh > 23 || om > 59) throw invalid(input, 'bad UTC offset');
      utc = true;
      offset = sign * (oh * 3600 + om * 60);
    }
  }
  if (pos !== text.length) throw invalid(input, 'trailing characters');
  if (second === 60) second = 59; // a leap second is read as the second before it
  const endOfDay = hour === 24 && minute === 0 && second === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) throw invalid(input, 'time out of range');
  const seconds = dayNumber * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset;
  return { seconds, dateOnly: false, utc, endOfDay };
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

const CANONICAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CANONICAL_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function canonical(text: unknown, pattern: RegExp, what: string): number {
  if (typeof text !== 'string' || !pattern.test(text)) {
    throw new CalendarCodecError(
      'INVALID_VALUE',
      `not a canonical ${what}: ${JSON.stringify(text)?.slice(0, 40)}`,
    );
  }
  const parsed = parseWireDateTime(text);
  if (parsed.endOfDay) throw new CalendarCodecError('INVALID_VALUE', `not a canonical ${what}: ${text}`);
  return parsed.seconds;
}

/** Day number of a canonical `YYYY-MM-DD`. */
export function parseCanonicalDate(text: string): number {
  return canonical(text, CANONICAL_DATE, 'date (YYYY-MM-DD)') / SECONDS_PER_DAY;
}

/** Wall seconds of a canonical `YYYY-MM-DDTHH:MM:SS`. */
export function parseCanonicalLocal(text: string): number {
  return canonical(text, CANONICAL_LOCAL, 'local time (YYYY-MM-DDTHH:MM:SS)');
}

/** UTC seconds of a canonical `YYYY-MM-DDTHH:MM:SSZ`. */
export function parseCanonicalUtc(text: string): number {
  return canonical(text, CANONICAL_UTC, 'UTC time (YYYY-MM-DDTHH:MM:SSZ)');
}

/*
 * Date forms met in contacts. Readers accept the ISO-8601 basic and extended
 * forms devices send; the canonical model holds the extended form.
 */

function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const FULL_DATE = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/;
const NO_YEAR = /^--(\d{2})-?(\d{2})$/;

/**
 * A calendar date (BDAY, X-ANNIVERSARY, SIF Birthday): `YYYY-MM-DD`,
 * `YYYYMMDD`, either followed by a time part (ignored: a birthday is a day),
 * or `--MM-DD` / `--MMDD` without year. Returns the canonical `YYYY-MM-DD` or
 * `--MM-DD`, or undefined when the text is not a valid date.
 */
export function parseCalendarDate(text: string): string | undefined {
  const value = text.trim();
  let year: number | undefined;
  let month: number;
  let day: number;
  const full = FULL_DATE.exec(value);
  if (full) {
    year = Number(full[1]);
    month = Number(full[2]);
    day = Number(full[3]);
  } else {
    const partial = NO_YEAR.exec(value);
    if (!partial) return undefined;
    month = Number(partial[1]);
    day = Number(partial[2]);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return year === undefined ? `--${pad(month)}-${pad(day)}` : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const TIMESTAMP =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A revision time stamp (REV, SIF Revision), basic or extended form, with `Z`,
 * a UTC offset (converted to UTC) or none (floating), or a date alone.
 * Returns `YYYY-MM-DDTHH:MM:SSZ`, `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD`, or
 * undefined when invalid.
 */
export function parseTimestamp(text: string): string | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const date = parseCalendarDate(`${m[1]}-${m[2]}-${m[3]}`);
  if (date === undefined) return undefined;
  if (m[4] === undefined) return date;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const zone = m[7];
  const local = `${date}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}`;
  if (zone === undefined) return local;
  if (zone === 'Z') return `${local}Z`;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  const utc =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute, Math.min(second, 59)) -
    offsetMinutes * 60_000;
  return `${new Date(utc).toISOString().slice(0, 19)}Z`;
}

/** A canonical time stamp in the basic form (`YYYYMMDDTHHMMSSZ`). */
export function toBasicTimestamp(timestamp: string): string {
  return timestamp.replaceAll('-', '').replaceAll(':', '');
}

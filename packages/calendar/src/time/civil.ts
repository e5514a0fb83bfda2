/**
 * Proleptic Gregorian calendar arithmetic on plain integers. Times are "wall
 * seconds": seconds since 1970-01-01T00:00:00 of whatever clock they belong to
 * (UTC for instants, the local wall clock for local times), so one set of
 * functions serves both.
 */

export const SECONDS_PER_DAY = 86_400;

/** Smallest and largest year this package reads or writes. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface CivilDateTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

// Days from 1970-01-01 to the given date (Howard Hinnant's days_from_civil).
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function dayOfSeconds(seconds: number): number {
  return Math.floor(seconds / SECONDS_PER_DAY);
}

export function secondOfDay(seconds: number): number {
  return seconds - dayOfSeconds(seconds) * SECONDS_PER_DAY;
}

export function civilFromSeconds(seconds: number): CivilDateTime {
  const days = dayOfSeconds(seconds);
  const date = civilFromDays(days);
  let rest = seconds - days * SECONDS_PER_DAY;
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  return { ...date, hour, minute, second: rest - minute * 60 };
}

/** Adds months to a year/month pair (month 1-12). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatDate(days: number): string {
  const d = civilFromDays(days);
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` of wall seconds. */
export function formatLocal(seconds: number): string {
  const t = civilFromSeconds(seconds);
  return `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}`;
}

/** `YYYY-MM-DDTHH:MM:SSZ` of UTC seconds. */
export function formatUtc(seconds: number): string {
  return `${formatLocal(seconds)}Z`;
}

/** `YYYYMMDD` of a day number (Versit / SIF basic form). */
export function formatBasicDate(days: number): string {
  const d = civilFromDays(days);
  return `${pad(d.year, 4)}${pad(d.month, 2)}${pad(d.day, 2)}`;
}

/** `YYYYMMDDTHHMMSS` of wall seconds (Versit / SIF basic form). */
export function formatBasicLocal(seconds: number): string {
  const t = civilFromSeconds(seconds);
  return `${pad(t.year, 4)}${pad(t.month, 2)}${pad(t.day, 2)}T${pad(t.hour, 2)}${pad(t.minute, 2)}${pad(t.second, 2)}`;
}

/** `+HHMM` / `-HHMM` (or `+HHMMSS` when seconds are not zero) of an offset in seconds. */
export function formatOffset(offset: number, separator = ''): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  const seconds = abs % 60;
  const base = `${sign}${pad(hours, 2)}${separator}${pad(minutes, 2)}`;
  return seconds === 0 ? base : `${base}${separator}${pad(seconds, 2)}`;
}

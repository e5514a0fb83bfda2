/**
 * Date values of the note formats. Devices write ISO-8601 basic form
 * (`20061014T090053Z`, vNote, SIF `Date`), SIF also extended form
 * (`2006-10-14`, `2006-10-14T09:00:53`); the canonical model keeps the
 * extended form with `Z` for UTC, no suffix for floating local time.
 */

const BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/;
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z)?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A date or date-time in basic or extended ISO-8601 form, as the canonical
 * extended string; undefined when the text is not one or names an impossible
 * date or time (month 13, February 30, hour 24...). Fractions of seconds are
 * dropped; a leap second (`:60`) is accepted as written.
 */
export function parseDateValue(text: string): string | undefined {
  const trimmed = text.trim();
  const m = BASIC.exec(trimmed) ?? EXTENDED.exec(trimmed);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, z] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return date;
  const second = s ?? '00';
  if (Number(h) > 23 || Number(mi) > 59 || Number(second) > 60) return undefined;
  return `${date}T${h}:${mi}:${second}${z ?? ''}`;
}

/** A canonical date value in ISO-8601 basic form: `2006-10-14T09:00:53Z` -> `20061014T090053Z`. */
export function formatBasicDate(value: string): string {
  return value.replace(/[-:]/g, '');
}

/** True for a canonical date without a time. */
export function isDateOnly(value: string): boolean {
  return value.length === 10;
}

import type { CalendarItem, CalendarTime } from '../model/types.js';

/** A time as compared across formats: zoned times by instant and wall clock, not by zone id. */
export function comparableTime(t: CalendarTime | undefined): unknown {
  if (t === undefined) return undefined;
  return t.kind === 'zoned' ? { kind: 'zoned', utc: t.utc, local: t.local } : t;
}

/** Outlook's three importance levels of an iCalendar priority (the precision SIF keeps). */
export function importanceLevel(priority: number | undefined): string | undefined {
  if (priority === undefined) return undefined;
  if (priority >= 1 && priority <= 4) return 'high';
  return priority === 5 ? 'normal' : 'low';
}

/** The named fields of an item, times made comparable across formats. */
export function pick(item: CalendarItem, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = item as unknown as Record<string, unknown>;
  for (const field of fields) {
    const value = record[field];
    if (field === 'priority') out[field] = importanceLevel(value as number | undefined);
    else if (field === 'alarms') {
      out[field] = (value as CalendarItem['alarms'])?.map((a) => ({
        trigger: a.trigger,
        attachment: a.attachment,
      }));
    } else if (field === 'exceptionDates' || field === 'recurrenceDates') {
      out[field] = (value as CalendarTime[] | undefined)?.map(comparableTime);
    } else if (value !== null && typeof value === 'object' && 'kind' in (value as object)) {
      out[field] = comparableTime(value as CalendarTime);
    } else out[field] = value;
  }
  return out;
}

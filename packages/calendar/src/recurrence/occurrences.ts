import type { CalendarItem, CalendarTime } from '../model/types.js';
import { DEFAULT_MAX_RULE_PERIODS } from '../options.js';
import { SECONDS_PER_DAY } from '../time/civil.js';
import { ItemClock } from '../time/clock.js';
import { ZoneTable } from '../time/zone-table.js';
import { expandRule } from './expand.js';

/** Options of {@link expandOccurrences}. */
export interface OccurrenceOptions {
  /** First occurrence start of interest (inclusive). */
  from?: CalendarTime | undefined;
  /** Last occurrence start of interest (inclusive). */
  to?: CalendarTime | undefined;
  /** Most occurrences returned. Default {@link DEFAULT_MAX_OCCURRENCES}. */
  limit?: number | undefined;
  /** Most rule periods scanned. Default 50 000. */
  maxPeriods?: number | undefined;
}

/** 1 000 occurrences per call. */
export const DEFAULT_MAX_OCCURRENCES = 1_000;

/**
 * Start times of an item's occurrences in ascending order: its rule
 * (RFC 5545 semantics, DTSTART first), plus its recurrence dates, minus its
 * exception dates. Times have the kind of the start (zoned times carry their
 * instant, computed across daylight-saving changes). An item without a start
 * (or due date) has none; one without a rule has its start.
 */
export function expandOccurrences(item: CalendarItem, options: OccurrenceOptions = {}): CalendarTime[] {
  const anchor = item.start ?? (item.kind === 'task' ? item.due : undefined);
  if (!anchor) return [];
  const zones = new ZoneTable(item.timeZones);
  const clock = new ItemClock(anchor, zones);
  const start = clock.wall(anchor);
  const limit = options.limit ?? DEFAULT_MAX_OCCURRENCES;
  const from = options.from === undefined ? undefined : clock.wall(options.from);
  const to = options.to === undefined ? undefined : clock.wall(options.to);
  // Dates compare by day, date-times by the second.
  const key = (wall: number): number => (anchor.kind === 'date' ? Math.floor(wall / SECONDS_PER_DAY) : wall);
  const excluded = new Set((item.exceptionDates ?? []).map((t) => key(clock.wall(t))));
  let walls: number[];
  if (item.recurrence) {
    const until = item.recurrence.until === undefined ? undefined : clock.wall(item.recurrence.until);
    walls = expandRule(item.recurrence, start, {
      from,
      to,
      until,
      // Exceptions may remove some: scan far enough to still fill the limit.
      limit: limit + excluded.size,
      maxPeriods: options.maxPeriods ?? DEFAULT_MAX_RULE_PERIODS,
    });
  } else {
    walls = [start];
  }
  for (const t of item.recurrenceDates ?? []) walls.push(clock.wall(t));
  const seen = new Set<number>();
  const out: number[] = [];
  for (const wall of walls.sort((a, b) => a - b)) {
    const k = key(wall);
    if (excluded.has(k) || seen.has(k)) continue;
    if ((from !== undefined && wall < from) || (to !== undefined && wall > to)) continue;
    seen.add(k);
    out.push(wall);
    if (out.length >= limit) break;
  }
  return out.map((wall) => clock.time(wall));
}

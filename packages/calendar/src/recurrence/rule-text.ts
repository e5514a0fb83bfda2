import type { CalendarTime, RecurrenceRule, TimeZoneDefinition } from '../model/types.js';
import { DEFAULT_MAX_RULE_PERIODS } from '../options.js';
import { formatBasicDate, formatBasicLocal, SECONDS_PER_DAY } from '../time/civil.js';
import { ItemClock } from '../time/clock.js';
import { parseCanonicalUtc, parseWireDateTime } from '../time/text.js';
import { dateValue, floatingTime, utcTime } from '../time/time-value.js';
import { ZoneTable } from '../time/zone-table.js';
import { formatICalRule, parseICalRule } from './ical-rule.js';
import { formatVCalRule, parseVCalRule, type VCalCountMode } from './vcal-rule.js';

function wireTime(raw: string): CalendarTime {
  const w = parseWireDateTime(raw);
  if (w.dateOnly) return dateValue(w.seconds / SECONDS_PER_DAY);
  return w.utc ? utcTime(w.seconds) : floatingTime(w.seconds);
}

function formatTime(t: CalendarTime): string {
  switch (t.kind) {
    case 'date':
      return formatBasicDate(parseWireDateTime(t.date).seconds / SECONDS_PER_DAY);
    case 'floating':
      return formatBasicLocal(parseWireDateTime(t.local).seconds);
    default:
      return `${formatBasicLocal(parseCanonicalUtc(t.utc))}Z`;
  }
}

/** Reads an iCalendar RRULE value (`FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10`); throws `INVALID_RULE`. */
export function parseRRule(text: string): RecurrenceRule {
  return parseICalRule(text, wireTime);
}

/** Writes an iCalendar RRULE value (UNTIL as a date, a UTC time or a local time, as the rule holds it). */
export function formatRRule(rule: RecurrenceRule): string {
  return formatICalRule(rule, formatTime);
}

/** Options of the vCalendar 1.0 rule functions. */
export interface VCalRuleOptions {
  /** What `#N` counts. Default `intervals`. */
  countMode?: VCalCountMode | undefined;
  /** Zones a zoned start refers to (IANA names need none). */
  timeZones?: readonly TimeZoneDefinition[] | undefined;
}

/** Reads a vCalendar 1.0 RRULE (`W1 MO TH #10`) for an item starting at `start`. */
export function parseVCalRRule(
  text: string,
  start: CalendarTime,
  options: VCalRuleOptions = {},
): RecurrenceRule {
  const clock = new ItemClock(start, new ZoneTable(options.timeZones));
  return parseVCalRule(text, wireTime, {
    start: clock.wall(start),
    countMode: options.countMode ?? 'intervals',
    maxPeriods: DEFAULT_MAX_RULE_PERIODS,
  });
}

/** Writes a vCalendar 1.0 RRULE, or undefined when vCalendar 1.0 cannot state the rule. */
export function formatVCalRRule(
  rule: RecurrenceRule,
  start: CalendarTime,
  options: VCalRuleOptions = {},
): string | undefined {
  const clock = new ItemClock(start, new ZoneTable(options.timeZones));
  return formatVCalRule(rule, {
    start: clock.wall(start),
    countMode: options.countMode ?? 'intervals',
    maxPeriods: DEFAULT_MAX_RULE_PERIODS,
    formatUntil: formatTime,
    formatOccurrence: (wall) => formatTime(clock.time(wall)),
  });
}

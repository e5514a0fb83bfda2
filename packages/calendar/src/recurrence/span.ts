import type { CalendarItem } from '../model/types.js';
import type { ResolvedSerializeOptions } from '../options.js';
import { civilFromSeconds } from '../time/civil.js';
import type { ItemClock } from '../time/clock.js';
import { expandRule } from './expand.js';

/** The year of the item's last occurrence (or end), as far as it can be known. */
export function lastYear(
  item: CalendarItem,
  clock: ItemClock,
  from: number,
  options: Pick<ResolvedSerializeOptions, 'maxRulePeriods' | 'daylightYears'>,
): number {
  const anchor = item.start ?? (item.kind === 'event' ? item.end : item.due);
  let to = from;
  const end = item.kind === 'event' ? item.end : item.due;
  if (end) to = Math.max(to, civilFromSeconds(clock.wall(end)).year);
  const rule = item.recurrence;
  if (rule && anchor) {
    if (rule.until) to = Math.max(to, civilFromSeconds(clock.wall(rule.until)).year);
    else if (rule.count !== undefined) {
      const occurrences = expandRule(rule, clock.wall(anchor), {
        limit: rule.count,
        maxPeriods: options.maxRulePeriods,
      });
      to = Math.max(to, civilFromSeconds(occurrences[occurrences.length - 1]!).year);
    } else to = from + options.daylightYears - 1;
  }
  return to;
}

import type { CalendarTime } from '../model/types.js';
import { SECONDS_PER_DAY } from './civil.js';
import { parseCanonicalDate, parseCanonicalLocal, parseCanonicalUtc } from './text.js';
import { dateValue, floatingTime, utcTime, zonedTime } from './time-value.js';
import type { ZoneTable } from './zone-table.js';

/**
 * The clock an item's times are read on: the clock of its start (or due
 * date). Recurrence rules, exceptions and alarm offsets are all computed on
 * it, in "wall seconds", and turned back into times of the same kind.
 */
export class ItemClock {
  readonly kind: CalendarTime['kind'];
  readonly tzid: string | undefined;
  private readonly zones: ZoneTable;

  constructor(anchor: CalendarTime, zones: ZoneTable) {
    this.kind = anchor.kind;
    this.tzid = anchor.kind === 'zoned' ? anchor.tzid : undefined;
    this.zones = zones;
  }

  /** Reading of `t` on this clock. */
  wall(t: CalendarTime): number {
    switch (t.kind) {
      case 'date':
        return parseCanonicalDate(t.date) * SECONDS_PER_DAY;
      case 'floating':
        return parseCanonicalLocal(t.local);
      case 'utc':
        return this.tzid === undefined
          ? parseCanonicalUtc(t.utc)
          : this.zones.toLocal(parseCanonicalUtc(t.utc), this.tzid);
      case 'zoned':
        if (this.tzid === t.tzid) return parseCanonicalLocal(t.local);
        if (this.tzid === undefined)
          return this.kind === 'utc' ? parseCanonicalUtc(t.utc) : parseCanonicalLocal(t.local);
        return this.zones.toLocal(parseCanonicalUtc(t.utc), this.tzid);
    }
  }

  /** A time of this clock's kind for a wall reading (a date clock gives the day). */
  time(wall: number): CalendarTime {
    switch (this.kind) {
      case 'date':
        return dateValue(Math.floor(wall / SECONDS_PER_DAY));
      case 'floating':
        return floatingTime(wall);
      case 'utc':
        return utcTime(wall);
      case 'zoned':
        return zonedTime(wall, this.zones.toUtc(wall, this.tzid!), this.tzid!);
    }
  }

  /** A date-time (never a date) of this clock for a wall reading. */
  dateTime(wall: number): CalendarTime {
    return this.kind === 'date' ? floatingTime(wall) : this.time(wall);
  }

  /** UTC seconds of `t` when it is pinned to the time line, else its reading on this clock. */
  instant(t: CalendarTime): number {
    if (t.kind === 'utc' || t.kind === 'zoned') return parseCanonicalUtc(t.utc);
    return this.tzid === undefined ? this.wall(t) : this.zones.toUtc(this.wall(t), this.tzid);
  }
}

import { getParamValues, type VersitProperty } from '@syncds/versit';
import { CalendarCodecError } from '../errors.js';
import type { CalendarTime } from '../model/types.js';
import type { ResolvedParseOptions } from '../options.js';
import { SECONDS_PER_DAY } from '../time/civil.js';
import { parseWireDateTime, type WireDateTime } from '../time/text.js';
import { dateValue, floatingTime, utcTime, zonedTime } from '../time/time-value.js';
import type { ZoneTable } from '../time/zone-table.js';
import { atProperty } from './at-property.js';

export type CalendarDialect = 'vcalendar-1.0' | 'icalendar-2.0';

/** State shared while one vCalendar / iCalendar item is read. */
export interface VersitReadContext {
  dialect: CalendarDialect;
  format: 'vcalendar' | 'icalendar';
  zones: ZoneTable;
  /** Zones the item's times refer to (their definitions go into `timeZones`). */
  usedZones: Set<string>;
  /** vCalendar 1.0: the zone its TZ/DAYLIGHT define, for local times and to annotate UTC ones. */
  localZone: string | undefined;
  options: ResolvedParseOptions;
  /** EXDATE/RDATE values read so far (bounded by `maxRecurrenceDates`). */
  recurrenceDates: number;
}

/** A time value of a property: dates, UTC, floating, or zoned by TZID (iCalendar) or TZ (vCalendar). */
export function readTimeText(
  raw: string,
  property: VersitProperty,
  ctx: VersitReadContext,
): { time: CalendarTime; wire: WireDateTime } {
  const wire = parseWireDateTime(raw);
  const valueType = getParamValues(property, 'VALUE')[0]?.toUpperCase();
  if (wire.dateOnly || valueType === 'DATE') {
    return { time: dateValue(Math.floor(wire.seconds / SECONDS_PER_DAY)), wire };
  }
  if (wire.utc) {
    // vCalendar 1.0 with TZ: the instant is kept and the zone remembered.
    if (ctx.localZone !== undefined) {
      ctx.usedZones.add(ctx.localZone);
      return {
        time: zonedTime(ctx.zones.toLocal(wire.seconds, ctx.localZone), wire.seconds, ctx.localZone),
        wire,
      };
    }
    return { time: utcTime(wire.seconds), wire };
  }
  const tzid = ctx.format === 'icalendar' ? getParamValues(property, 'TZID')[0] : ctx.localZone;
  if (tzid === undefined || tzid === '') return { time: floatingTime(wire.seconds), wire };
  if (ctx.zones.find(tzid) === undefined) {
    if (ctx.options.unknownTimeZone === 'error') {
      throw new CalendarCodecError('UNKNOWN_TIMEZONE', `time zone "${tzid}" is neither defined nor known`);
    }
    return { time: floatingTime(wire.seconds), wire };
  }
  ctx.usedZones.add(tzid);
  return { time: zonedTime(wire.seconds, ctx.zones.toUtc(wire.seconds, tzid), tzid), wire };
}

/** The time of a DTSTART-like property. */
export function readTime(
  property: VersitProperty,
  ctx: VersitReadContext,
): { time: CalendarTime; wire: WireDateTime } {
  return atProperty(property, () => readTimeText(property.value.trim(), property, ctx));
}

/** A UTC instant (CREATED, LAST-MODIFIED, COMPLETED...) as canonical text; local values are read on the item's zone. */
export function readInstant(property: VersitProperty, ctx: VersitReadContext): string {
  return atProperty(property, () => {
    const { time } = readTimeText(property.value.trim(), property, ctx);
    switch (time.kind) {
      case 'utc':
      case 'zoned':
        return time.utc;
      case 'floating':
        return `${time.local}Z`;
      case 'date':
        return `${time.date}T00:00:00Z`;
    }
  });
}

/** Counts recurrence dates against the limit. */
export function countRecurrenceDates(ctx: VersitReadContext, n: number, property: VersitProperty): void {
  ctx.recurrenceDates += n;
  if (ctx.recurrenceDates > ctx.options.maxRecurrenceDates) {
    throw new CalendarCodecError(
      'LIMIT_EXCEEDED',
      `more than ${ctx.options.maxRecurrenceDates} EXDATE/RDATE values`,
      { line: property.line, offset: property.offset, property: property.name },
    );
  }
}

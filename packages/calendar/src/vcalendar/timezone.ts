import { makeProperty, splitStructured, type VersitProperty } from '@syncds/versit';
import { CalendarCodecError } from '../errors.js';
import type { TimeZoneDefinition } from '../model/types.js';
import { formatBasicLocal, formatOffset } from '../time/civil.js';
import { parseWireDateTime } from '../time/text.js';
import { definitionFromDaylight, type LocalDaylightPeriod, summariseDaylight } from '../time/transitions.js';
import type { ZoneRules } from '../time/zone.js';
import { atProperty } from '../versit/at-property.js';

const OFFSET = /^([+-])?(\d{1,2})(?::?(\d{2}))?$/;

/** Seconds of a vCalendar / SIF UTC offset (`+01`, `-0500`, `+05:30`); throws `INVALID_TIMEZONE`. */
export function parseUtcOffset(text: string): number {
  const m = OFFSET.exec(text.trim());
  const hours = m ? Number(m[2]) : Number.NaN;
  const minutes = m?.[3] === undefined ? 0 : Number(m[3]);
  if (!m || hours > 14 || minutes > 59) {
    throw new CalendarCodecError('INVALID_TIMEZONE', `invalid UTC offset "${text.slice(0, 20)}"`);
  }
  return (m[1] === '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}

/** vCalendar 1.0 offset form: `+01`, or `+05:30` when minutes are not zero. */
export function formatVcalOffset(offset: number): string {
  const full = formatOffset(offset, ':');
  return full.endsWith(':00') ? full.slice(0, -3) : full;
}

/** The id given to a zone read from TZ/DAYLIGHT (or SIF Timezone), which carry none. */
export function offsetZoneId(
  standardOffset: number,
  daylightOffset: number | undefined,
  names: { standard?: string | undefined; daylight?: string | undefined },
): string {
  if (names.standard && names.daylight && names.standard !== names.daylight)
    return `${names.standard}/${names.daylight}`;
  if (names.standard) return names.standard;
  const base = `UTC${formatOffset(standardOffset, ':')}`;
  return daylightOffset === undefined ? base : `${base}/${formatOffset(daylightOffset, ':')}`;
}

/**
 * The zone of `TZ:+01` and `DAYLIGHT:TRUE;+02;20080330T020000;20081026T030000;;`
 * lines (one DAYLIGHT per year). Start times are on the standard clock, end
 * times on the daylight clock; UTC forms are accepted too.
 */
export function readVcalZone(
  tz: VersitProperty | undefined,
  daylights: VersitProperty[],
): TimeZoneDefinition | undefined {
  const periods: LocalDaylightPeriod[] = [];
  let standardName: string | undefined;
  let daylightName: string | undefined;
  let standardOffset = tz ? atProperty(tz, () => parseUtcOffset(tz.value)) : undefined;
  for (const property of daylights) {
    atProperty(property, () => {
      const parts = splitStructured(property.value, 'vcalendar-1.0').map((p) => p.trim());
      if (parts[0]?.toUpperCase() !== 'TRUE') return;
      if (parts.length < 4)
        throw new CalendarCodecError('INVALID_TIMEZONE', 'DAYLIGHT needs an offset, a start and an end');
      const daylightOffset = parseUtcOffset(parts[1]!);
      // Without TZ, standard time is taken as one hour behind daylight time.
      standardOffset ??= daylightOffset - 3600;
      const start = parseWireDateTime(parts[2]!);
      const end = parseWireDateTime(parts[3]!);
      const startLocal = start.utc ? start.seconds + standardOffset : start.seconds;
      const endLocal = end.utc ? end.seconds + daylightOffset : end.seconds;
      if (endLocal <= startLocal)
        throw new CalendarCodecError('INVALID_TIMEZONE', 'DAYLIGHT ends before it starts');
      periods.push({ daylightOffset, startLocal, endLocal });
      if (parts[4]) standardName = parts[4];
      if (parts[5]) daylightName = parts[5];
    });
  }
  if (standardOffset === undefined) return undefined;
  const names = { standard: standardName, daylight: daylightName };
  const tzid = offsetZoneId(standardOffset, periods[0]?.daylightOffset, names);
  return definitionFromDaylight(tzid, standardOffset, periods, names);
}

/** TZ and DAYLIGHT lines describing a zone for the years `fromYear`-`toYear`. */
export function writeVcalZone(
  rules: ZoneRules,
  definition: TimeZoneDefinition | undefined,
  fromYear: number,
  toYear: number,
): VersitProperty[] {
  const summary = summariseDaylight(rules, fromYear, toYear);
  const standardName = definition?.observances.find((o) => o.kind === 'standard')?.name ?? '';
  const daylightName = definition?.observances.find((o) => o.kind === 'daylight')?.name ?? '';
  const out = [makeProperty('TZ', formatVcalOffset(summary.standardOffset))];
  if (summary.periods.length === 0) {
    out.push(makeProperty('DAYLIGHT', 'FALSE'));
    return out;
  }
  for (const p of summary.periods) {
    const start = formatBasicLocal(p.start + summary.standardOffset);
    const end = formatBasicLocal(p.end + p.daylightOffset);
    out.push(
      makeProperty(
        'DAYLIGHT',
        `TRUE;${formatVcalOffset(p.daylightOffset)};${start};${end};${standardName};${daylightName}`,
      ),
    );
  }
  return out;
}

import { CalendarCodecError } from '../errors.js';
import type { TimeZoneDefinition } from '../model/types.js';
import { formatBasicLocal, formatOffset } from '../time/civil.js';
import { parseWireDateTime } from '../time/text.js';
import { definitionFromDaylight, type LocalDaylightPeriod, summariseDaylight } from '../time/transitions.js';
import type { ZoneRules } from '../time/zone.js';
import { offsetZoneId, parseUtcOffset } from '../vcalendar/timezone.js';
import { elementXml, escapeXml, type SifElement } from './xml-tree.js';

function childText(e: SifElement, name: string): string | undefined {
  const t = e.children.find((c) => c.name === name)?.text.trim();
  return t === undefined || t === '' ? undefined : t;
}

/**
 * The zone of a SIF `<Timezone>`: `BasicOffset` (+0100) and one `DayLight`
 * per year (DSTOffset, DSTStart on the standard clock, DSTEnd on the daylight
 * clock, StandardName, DSTName), the same model as vCalendar 1.0 TZ/DAYLIGHT.
 */
export function readSifTimezone(e: SifElement): TimeZoneDefinition | undefined {
  try {
    const basic = childText(e, 'BasicOffset');
    if (basic === undefined) return undefined;
    const standardOffset = parseUtcOffset(basic);
    const periods: LocalDaylightPeriod[] = [];
    let standardName: string | undefined;
    let daylightName: string | undefined;
    for (const d of e.children.filter((c) => c.name === 'DayLight')) {
      const offset = childText(d, 'DSTOffset');
      const start = childText(d, 'DSTStart');
      const end = childText(d, 'DSTEnd');
      standardName ??= childText(d, 'StandardName');
      daylightName ??= childText(d, 'DSTName');
      if (offset === undefined || start === undefined || end === undefined) continue;
      const daylightOffset = parseUtcOffset(offset);
      const s = parseWireDateTime(start);
      const t = parseWireDateTime(end);
      const startLocal = s.utc ? s.seconds + standardOffset : s.seconds;
      const endLocal = t.utc ? t.seconds + daylightOffset : t.seconds;
      if (endLocal <= startLocal)
        throw new CalendarCodecError('INVALID_TIMEZONE', 'DayLight ends before it starts');
      periods.push({ daylightOffset, startLocal, endLocal });
    }
    const names = { standard: standardName, daylight: daylightName };
    const tzid = offsetZoneId(standardOffset, periods[0]?.daylightOffset, names);
    return definitionFromDaylight(tzid, standardOffset, periods, names);
  } catch (error) {
    if (error instanceof CalendarCodecError) throw error.withLocation({ element: e.path, offset: e.offset });
    throw error;
  }
}

/** A `<Timezone>` element for a zone over the years `fromYear`-`toYear`. */
export function writeSifTimezone(
  tzid: string,
  rules: ZoneRules,
  definition: TimeZoneDefinition | undefined,
  fromYear: number,
  toYear: number,
): string {
  const summary = summariseDaylight(rules, fromYear, toYear);
  const standardName = definition?.observances.find((o) => o.kind === 'standard')?.name ?? tzid;
  const daylightName = definition?.observances.find((o) => o.kind === 'daylight')?.name ?? tzid;
  let out = `<Timezone>${elementXml({ name: 'BasicOffset', text: formatOffset(summary.standardOffset) })}`;
  for (const p of summary.periods) {
    out +=
      '<DayLight>' +
      elementXml({ name: 'DSTOffset', text: formatOffset(p.daylightOffset) }) +
      elementXml({ name: 'DSTStart', text: formatBasicLocal(p.start + summary.standardOffset) }) +
      elementXml({ name: 'DSTEnd', text: formatBasicLocal(p.end + p.daylightOffset) }) +
      `<StandardName>${escapeXml(standardName)}</StandardName><DSTName>${escapeXml(daylightName)}</DSTName>` +
      '</DayLight>';
  }
  return `${out}</Timezone>`;
}

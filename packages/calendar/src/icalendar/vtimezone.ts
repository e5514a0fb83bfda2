import { makeProperty, type VersitComponent, type VersitProperty } from '@syncds/versit';
import { CalendarCodecError } from '../errors.js';
import type { CalendarTime, TimeZoneDefinition, TimeZoneObservance } from '../model/types.js';
import { formatICalRule, parseICalRule } from '../recurrence/ical-rule.js';
import {
  formatBasicDate,
  formatBasicLocal,
  formatLocal,
  formatOffset,
  SECONDS_PER_DAY,
} from '../time/civil.js';
import { parseCanonicalLocal, parseWireDateTime } from '../time/text.js';
import { dateValue, floatingTime, timeToWallSeconds, utcTime } from '../time/time-value.js';
import { escapeFor, unescapeFor } from '../versit/text.js';
import { atProperty } from '../versit/at-property.js';

const ICAL_OFFSET = /^([+-])(\d{2})(\d{2})(\d{2})?$/;

function parseIcalOffset(text: string): number {
  const m = ICAL_OFFSET.exec(text.trim());
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) {
    throw new CalendarCodecError('INVALID_TIMEZONE', `invalid UTC offset "${text.slice(0, 20)}"`);
  }
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -seconds : seconds;
}

function wireTime(raw: string): CalendarTime {
  const w = parseWireDateTime(raw);
  if (w.dateOnly) return dateValue(w.seconds / SECONDS_PER_DAY);
  return w.utc ? utcTime(w.seconds) : floatingTime(w.seconds);
}

/** A VTIMEZONE as a zone definition. Properties other than the observances' (TZURL, X-LIC-LOCATION...) are not kept. */
export function readVtimezone(component: VersitComponent): TimeZoneDefinition {
  const tzidProp = component.properties.find((p) => p.name === 'TZID');
  const tzid = tzidProp ? unescapeFor(tzidProp.value, 'icalendar-2.0').trim() : '';
  if (tzid === '') {
    throw new CalendarCodecError('INVALID_TIMEZONE', 'VTIMEZONE without TZID', {
      line: component.line,
      offset: component.offset,
    });
  }
  const observances: TimeZoneObservance[] = [];
  for (const sub of component.components) {
    if (sub.name !== 'STANDARD' && sub.name !== 'DAYLIGHT') continue;
    observances.push(readObservance(sub, tzid));
  }
  if (observances.length === 0) {
    throw new CalendarCodecError('INVALID_TIMEZONE', `VTIMEZONE ${tzid} has no STANDARD or DAYLIGHT`, {
      line: component.line,
      offset: component.offset,
    });
  }
  return { tzid, observances };
}

function readObservance(sub: VersitComponent, tzid: string): TimeZoneObservance {
  let start: number | undefined;
  let offsetFrom: number | undefined;
  let offsetTo: number | undefined;
  const o: Partial<TimeZoneObservance> = { kind: sub.name === 'DAYLIGHT' ? 'daylight' : 'standard' };
  const dates: string[] = [];
  for (const property of sub.properties) {
    atProperty(property, () => {
      switch (property.name) {
        case 'DTSTART':
          start = timeToWallSeconds(wireTime(property.value), 0);
          break;
        case 'TZOFFSETFROM':
          offsetFrom = parseIcalOffset(property.value);
          break;
        case 'TZOFFSETTO':
          offsetTo = parseIcalOffset(property.value);
          break;
        case 'RRULE':
          o.rule = parseICalRule(property.value, wireTime);
          break;
        case 'RDATE':
          for (const v of property.value.split(',')) {
            if (v.trim() !== '' && !v.includes('/'))
              dates.push(formatLocal(timeToWallSeconds(wireTime(v), 0)));
          }
          break;
        case 'TZNAME':
          o.name = unescapeFor(property.value, 'icalendar-2.0').trim();
          break;
      }
    });
  }
  if (start === undefined || offsetFrom === undefined || offsetTo === undefined) {
    throw new CalendarCodecError(
      'INVALID_TIMEZONE',
      `${sub.name} of ${tzid} lacks DTSTART, TZOFFSETFROM or TZOFFSETTO`,
      {
        line: sub.line,
        offset: sub.offset,
      },
    );
  }
  const observance: TimeZoneObservance = { kind: o.kind!, start: formatLocal(start), offsetFrom, offsetTo };
  if (o.rule) observance.rule = o.rule;
  if (dates.length > 0) observance.dates = dates;
  if (o.name) observance.name = o.name;
  return observance;
}

function icalOffset(seconds: number): string {
  return formatOffset(seconds);
}

/** A VTIMEZONE component for a zone definition that has observances. */
export function writeVtimezone(def: TimeZoneDefinition): VersitComponent {
  const components: VersitComponent[] = def.observances.map((o) => {
    const properties: VersitProperty[] = [
      makeProperty('DTSTART', formatBasicLocal(parseCanonicalLocal(o.start))),
      makeProperty('TZOFFSETFROM', icalOffset(o.offsetFrom)),
      makeProperty('TZOFFSETTO', icalOffset(o.offsetTo)),
    ];
    if (o.rule) {
      properties.push(
        makeProperty(
          'RRULE',
          formatICalRule(o.rule, (u) => {
            if (u.kind === 'date') return formatBasicDate(timeToWallSeconds(u, 0) / SECONDS_PER_DAY);
            // UNTIL of an observance is UTC; a local reading is on the clock before the onset.
            const utc =
              u.kind === 'floating' ? timeToWallSeconds(u, 0) - o.offsetFrom : timeToWallSeconds(u, 0);
            return `${formatBasicLocal(utc)}Z`;
          }),
        ),
      );
    }
    if (o.dates && o.dates.length > 0) {
      properties.push(
        makeProperty('RDATE', o.dates.map((d) => formatBasicLocal(parseCanonicalLocal(d))).join(',')),
      );
    }
    if (o.name) properties.push(makeProperty('TZNAME', o.name));
    return { name: o.kind === 'daylight' ? 'DAYLIGHT' : 'STANDARD', properties, components: [] };
  });
  return {
    name: 'VTIMEZONE',
    properties: [makeProperty('TZID', escapeFor(def.tzid, 'icalendar-2.0'))],
    components,
  };
}

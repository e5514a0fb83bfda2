import {
  getParamValues,
  serializeVersit,
  splitEscaped,
  splitList,
  type VersitComponent,
  type VersitProperty,
} from '@syncds/versit';
import { CalendarCodecError } from '../errors.js';
import type {
  Alarm,
  Attendee,
  CalendarEvent,
  CalendarItem,
  CalendarTask,
  CalendarTime,
  Extension,
  RecurrenceRule,
} from '../model/types.js';
import { parseICalRule } from '../recurrence/ical-rule.js';
import { parseVCalRule } from '../recurrence/vcal-rule.js';
import { SECONDS_PER_DAY } from '../time/civil.js';
import { ItemClock } from '../time/clock.js';
import { durationSeconds, parseDuration } from '../time/duration.js';
import type { WireDateTime } from '../time/text.js';
import { dateValue, utcTime } from '../time/time-value.js';
import { type AlarmAnchors, readIcalAlarm, readVcalAlarm, VCAL_ALARM_PROPERTIES } from './alarms.js';
import { propertyExtension } from './extensions.js';
import { isVcalOrganizer, normalizeToken, readAttendee, readParticipant } from './participants.js';
import { atProperty } from './at-property.js';
import {
  countRecurrenceDates,
  readInstant,
  readTime,
  readTimeText,
  type VersitReadContext,
} from './read-context.js';
import { unescapeFor } from './text.js';

const BUSY_STATUSES: ReadonlySet<string> = new Set(['FREE', 'TENTATIVE', 'BUSY', 'OOF']);

/** Reads one VEVENT or VTODO into the canonical model. */
export function readItemComponent(component: VersitComponent, ctx: VersitReadContext): CalendarItem {
  const kind = component.name === 'VTODO' ? 'task' : 'event';
  const dialect = ctx.dialect;
  const consumed = new Set<VersitProperty>();
  const first = (name: string): VersitProperty | undefined => {
    const p = component.properties.find((q) => q.name === name && !consumed.has(q));
    if (p) consumed.add(p);
    return p;
  };
  const all = (name: string): VersitProperty[] => {
    const ps = component.properties.filter((q) => q.name === name && !consumed.has(q));
    for (const p of ps) consumed.add(p);
    return ps;
  };
  const text = (name: string): string | undefined => {
    const p = first(name);
    if (p === undefined) return undefined;
    const value = unescapeFor(p.value, dialect);
    return value === '' ? undefined : value;
  };

  // Times first: everything else is read on the clock of the start.
  const startProp = first('DTSTART');
  const start = startProp ? readTime(startProp, ctx) : undefined;
  const endProp = first(kind === 'event' ? 'DTEND' : 'DUE');
  let end = endProp ? readTime(endProp, ctx) : undefined;
  if (!end && start && dialect === 'icalendar-2.0') {
    const durationProp = first('DURATION');
    if (durationProp) end = { time: addDuration(start.time, durationProp, ctx), wire: start.wire };
  }
  const times = allDay(kind, start, end, ctx);
  const anchor = kind === 'event' ? (times.start ?? times.end) : (times.start ?? times.end);
  const clock = anchor ? new ItemClock(anchor, ctx.zones) : undefined;

  const item: CalendarItem = kind === 'event' ? ({ kind } as CalendarEvent) : ({ kind } as CalendarTask);
  if (times.start) item.start = times.start;
  if (times.end) {
    if (item.kind === 'event') item.end = times.end;
    else item.due = times.end;
  }
  const uid = first('UID')?.value.trim();
  if (uid) item.uid = uid;
  const summary = text('SUMMARY');
  if (summary !== undefined) item.summary = summary;
  const description = text('DESCRIPTION');
  if (description !== undefined) item.description = description;
  const location = text('LOCATION');
  if (location !== undefined) item.location = location;
  const url = first('URL')?.value.trim();
  if (url) item.url = url;
  const cls = first('CLASS')?.value.trim();
  if (cls) item.class = cls.toUpperCase();
  const status = first('STATUS')?.value.trim();
  if (status) item.status = normalizeToken(status);
  readNumber(first('PRIORITY'), 0, 9, consumed, (n) => {
    if (n > 0) item.priority = n;
  });
  readNumber(first('SEQUENCE'), 0, 2 ** 31 - 1, consumed, (n) => {
    item.sequence = n;
  });
  const categories = all('CATEGORIES').flatMap((p) =>
    splitList(p.value, dialect, dialect === 'vcalendar-1.0' && p.value.indexOf(';') >= 0 ? ';' : ','),
  );
  const nonEmptyCategories = categories.map((c) => c.trim()).filter((c) => c !== '');
  if (nonEmptyCategories.length > 0) item.categories = nonEmptyCategories;
  const created = first('CREATED') ?? first('DCREATED');
  if (created) item.created = readInstant(created, ctx);
  const modified = first('LAST-MODIFIED');
  if (modified) item.lastModified = readInstant(modified, ctx);
  first('DTSTAMP'); // the time this representation was made: not part of the record

  if (item.kind === 'event') {
    const transp = first('TRANSP');
    if (transp) {
      const v = transp.value.trim().toUpperCase();
      // vCalendar 1.0 TRANSP is a number: 0 opaque, 1 and above transparent.
      if (v === 'OPAQUE' || v === '0') item.transparency = 'OPAQUE';
      else if (v === 'TRANSPARENT' || /^[1-9]\d*$/.test(v)) item.transparency = 'TRANSPARENT';
      else consumed.delete(transp);
    }
    const busy = first('X-MICROSOFT-CDO-BUSYSTATUS');
    if (busy) {
      const v = busy.value.trim().toUpperCase();
      if (BUSY_STATUSES.has(v)) item.busyStatus = v as CalendarEvent['busyStatus'];
      else consumed.delete(busy);
    }
  } else {
    readNumber(first('PERCENT-COMPLETE'), 0, 100, consumed, (n) => {
      (item as CalendarTask).percentComplete = n;
    });
    const completed = first('COMPLETED');
    if (completed) item.completed = readTime(completed, ctx).time;
  }

  readParticipants(component, item, ctx, consumed);
  readRecurrence(component, item, clock, ctx, consumed);

  const anchors: AlarmAnchors = {
    kind,
    start: times.start,
    end: times.end,
    clock,
  };
  const alarms: Alarm[] = [];
  for (const property of component.properties) {
    if (consumed.has(property) || VCAL_ALARM_PROPERTIES[property.name] === undefined) continue;
    const alarm = readVcalAlarm(property, ctx, anchors);
    if (alarm) {
      alarms.push(alarm);
      consumed.add(property);
    }
  }
  const extensions: Extension[] = [];
  for (const sub of component.components) {
    const alarm = sub.name === 'VALARM' ? readIcalAlarm(sub, ctx) : undefined;
    if (alarm) alarms.push(alarm);
    else extensions.push(componentExtension(sub, ctx, 'component'));
  }
  if (alarms.length > 0) item.alarms = alarms;

  for (const property of component.properties) {
    if (!consumed.has(property)) extensions.push(propertyExtension(property, ctx.format, 'component'));
  }
  if (extensions.length > 0) item.extensions = extensions;
  return item;
}

/** A nested or sibling component kept whole. */
export function componentExtension(
  component: VersitComponent,
  ctx: VersitReadContext,
  scope: 'calendar' | 'component',
): Extension {
  return {
    type: 'component',
    format: ctx.format,
    scope,
    name: component.name,
    text: serializeVersit(stripPositions(component), { dialect: ctx.dialect, lineEnding: '\r\n' }),
  };
}

function stripPositions(component: VersitComponent): VersitComponent {
  return {
    name: component.name,
    properties: component.properties.map((p) => {
      const q: VersitProperty = { name: p.name, params: p.params, value: p.value };
      if (p.group !== undefined) q.group = p.group;
      if (p.binary !== undefined) q.binary = p.binary;
      return q;
    }),
    components: component.components.map(stripPositions),
  };
}

// A number out of range or not a number is kept as an extension rather than
// rejecting the whole item: these fields are minor and devices vary.
function readNumber(
  property: VersitProperty | undefined,
  min: number,
  max: number,
  consumed: Set<VersitProperty>,
  set: (n: number) => void,
): void {
  if (!property) return;
  const v = property.value.trim();
  if (v === '') return;
  const n = /^[+-]?\d{1,10}$/.test(v) ? Number.parseInt(v, 10) : Number.NaN;
  if (n >= min && n <= max) set(n);
  else consumed.delete(property);
}

function addDuration(start: CalendarTime, property: VersitProperty, ctx: VersitReadContext): CalendarTime {
  return atProperty(property, () => {
    const d = parseDuration(property.value);
    if (d.sign < 0) throw new CalendarCodecError('INVALID_VALUE', 'negative DURATION');
    const clock = new ItemClock(start, ctx.zones);
    if (start.kind === 'date')
      return clock.time(
        clock.wall(start) + Math.ceil(durationSeconds(d) / SECONDS_PER_DAY) * SECONDS_PER_DAY,
      );
    // Days are nominal (same wall time), the time part exact (RFC 5545 §3.3.6).
    const afterDays = clock.time(clock.wall(start) + d.days * SECONDS_PER_DAY);
    if (afterDays.kind === 'floating') return clock.time(clock.wall(afterDays) + d.seconds);
    return clock.time(clock.wall(utcTime(clock.instant(afterDays) + d.seconds)));
  });
}

interface ReadTimes {
  start: CalendarTime | undefined;
  end: CalendarTime | undefined;
}

// vCalendar 1.0 devices write all-day events as midnight to 23:59:59 or to the
// next midnight (T240000 included), in UTC or local form alike. Dates never
// shift, whatever the zone.
function allDay(
  kind: 'event' | 'task',
  start: { time: CalendarTime; wire: WireDateTime } | undefined,
  end: { time: CalendarTime; wire: WireDateTime } | undefined,
  ctx: VersitReadContext,
): ReadTimes {
  let s = start?.time;
  let e = end?.time;
  if (kind === 'event' && start && end && ctx.dialect === 'vcalendar-1.0' && ctx.options.detectAllDay) {
    const sw = start.wire;
    const ew = end.wire;
    if (
      !sw.dateOnly &&
      !ew.dateOnly &&
      sw.utc === ew.utc &&
      ew.seconds > sw.seconds &&
      sw.seconds % SECONDS_PER_DAY === 0
    ) {
      const endOfDay = ew.seconds % SECONDS_PER_DAY;
      const startDay = sw.seconds / SECONDS_PER_DAY;
      const endDay = Math.floor(ew.seconds / SECONDS_PER_DAY);
      if (endOfDay === 0) {
        s = dateValue(startDay);
        e = dateValue(endDay);
      } else if (endOfDay >= SECONDS_PER_DAY - 60) {
        s = dateValue(startDay);
        e = dateValue(endDay + 1);
      }
    }
  }
  if (kind === 'event' && s?.kind === 'date' && e !== undefined && e.kind !== 'date') {
    // A date start with a date-time end: the end's day closes the event.
    const day = Math.floor(new ItemClock(s, ctx.zones).wall(e) / SECONDS_PER_DAY);
    e = dateValue(day);
  }
  if (kind === 'event' && s?.kind === 'date' && e?.kind === 'date' && e.date <= s.date) {
    // An end date equal to the start (as Nokia phones write one-day events) is that one day.
    e = dateValue(Math.floor(new ItemClock(s, ctx.zones).wall(s) / SECONDS_PER_DAY) + 1);
  }
  return { start: s, end: e };
}

function readParticipants(
  component: VersitComponent,
  item: CalendarItem,
  ctx: VersitReadContext,
  consumed: Set<VersitProperty>,
): void {
  const attendees: Attendee[] = [];
  for (const property of component.properties) {
    if (consumed.has(property)) continue;
    if (property.name === 'ORGANIZER' && item.organizer === undefined) {
      item.organizer = readParticipant(property, ctx.dialect, unescapeFor(property.value, ctx.dialect));
      consumed.add(property);
    } else if (property.name === 'ATTENDEE') {
      const value = unescapeFor(property.value, ctx.dialect);
      if (ctx.dialect === 'vcalendar-1.0' && isVcalOrganizer(property) && item.organizer === undefined) {
        item.organizer = readParticipant(property, ctx.dialect, value);
      } else {
        attendees.push(readAttendee(property, ctx.dialect, value));
      }
      consumed.add(property);
    }
  }
  if (attendees.length > 0) item.attendees = attendees;
}

function readRecurrence(
  component: VersitComponent,
  item: CalendarItem,
  clock: ItemClock | undefined,
  ctx: VersitReadContext,
  consumed: Set<VersitProperty>,
): void {
  const anchor = item.start ?? (item.kind === 'task' ? item.due : item.end);
  const rrule = component.properties.find((p) => p.name === 'RRULE');
  if (rrule && anchor && clock) {
    consumed.add(rrule);
    item.recurrence = atProperty(rrule, () => readRule(rrule, clock, anchor, ctx));
  }
  const exceptions: CalendarTime[] = [];
  const additions: CalendarTime[] = [];
  for (const property of component.properties) {
    if (consumed.has(property) || (property.name !== 'EXDATE' && property.name !== 'RDATE')) continue;
    const valueType = getParamValues(property, 'VALUE')[0]?.toUpperCase();
    if (valueType === 'PERIOD') continue; // periods are kept as an extension
    const raw = splitEscaped(property.value, ctx.dialect === 'vcalendar-1.0' ? ';' : ',')
      .flatMap((v) => v.split(/[,;]/))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    countRecurrenceDates(ctx, raw.length, property);
    const list = property.name === 'EXDATE' ? exceptions : additions;
    for (const v of raw)
      list.push(
        alignToStart(
          atProperty(property, () => readTimeText(v, property, ctx).time),
          anchor,
          clock,
        ),
      );
    consumed.add(property);
  }
  if (exceptions.length > 0) item.exceptionDates = exceptions;
  if (additions.length > 0) item.recurrenceDates = additions;
}

function readRule(
  property: VersitProperty,
  clock: ItemClock,
  anchor: CalendarTime,
  ctx: VersitReadContext,
): RecurrenceRule {
  const parseUntil = (raw: string): CalendarTime =>
    alignToStart(readTimeText(raw, property, ctx).time, anchor, clock);
  if (ctx.dialect === 'vcalendar-1.0') {
    return parseVCalRule(property.value, parseUntil, {
      start: clock.wall(anchor),
      countMode: ctx.options.vcalCountMode,
      maxPeriods: ctx.options.maxRulePeriods,
    });
  }
  return parseICalRule(property.value, parseUntil);
}

// Exception dates and UNTIL take the form of the start: dates for an all-day
// item, the start's zone for a floating reading of a zoned item.
function alignToStart(
  t: CalendarTime,
  anchor: CalendarTime | undefined,
  clock: ItemClock | undefined,
): CalendarTime {
  if (!anchor || !clock) return t;
  if (anchor.kind === 'date' && t.kind !== 'date')
    return dateValue(Math.floor(clock.wall(t) / SECONDS_PER_DAY));
  if (anchor.kind === 'zoned' && t.kind === 'floating') return clock.time(clock.wall(t));
  return t;
}

/** Reads a whole VEVENT/VTODO component, after checking it is one. */
export function isItemComponent(component: VersitComponent): boolean {
  return component.name === 'VEVENT' || component.name === 'VTODO';
}

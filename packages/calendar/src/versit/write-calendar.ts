import {
  joinList,
  makeProperty,
  parseVersit,
  serializeVersit,
  type VersitComponent,
  type VersitParam,
  type VersitProperty,
} from '@syncds/versit';
import { CalendarCodecError } from '../errors.js';
import { icalStatus, vcalStatus } from '../model/status.js';
import type { CalendarItem, CalendarTime, Extension } from '../model/types.js';
import type { ResolvedSerializeOptions } from '../options.js';
import { expandRule } from '../recurrence/expand.js';
import { lastYear } from '../recurrence/span.js';
import { formatICalRule } from '../recurrence/ical-rule.js';
import { formatVCalRule } from '../recurrence/vcal-rule.js';
import {
  civilFromSeconds,
  formatBasicDate,
  formatBasicLocal,
  formatUtc,
  SECONDS_PER_DAY,
  secondOfDay,
} from '../time/civil.js';
import { ItemClock } from '../time/clock.js';
import { parseCanonicalUtc } from '../time/text.js';
import { floatingTime } from '../time/time-value.js';
import { definitionFromRules } from '../time/transitions.js';
import { ZoneTable } from '../time/zone-table.js';
import { writeVtimezone } from '../icalendar/vtimezone.js';
import { writeVcalZone } from '../vcalendar/timezone.js';
import { type AlarmAnchors, writeIcalAlarm, writeVcalAlarms } from './alarms.js';
import { extensionProperty } from './extensions.js';
import { writeAttendee, writeOrganizer } from './participants.js';
import type { CalendarDialect } from './read-context.js';
import { escapeFor } from './text.js';

/** PRODID written into iCalendar objects. */
export const PRODID = '-//syncds//calendar//EN';

interface WriteContext {
  dialect: CalendarDialect;
  format: 'vcalendar' | 'icalendar';
  options: ResolvedSerializeOptions;
  zones: ZoneTable;
  clock: ItemClock | undefined;
  /** Zones used by written times (iCalendar: VTIMEZONE each; vCalendar local mode: TZ/DAYLIGHT). */
  usedZones: Set<string>;
  /** True for an all-day event: its dates follow `vcalAllDay`. */
  allDayEvent: boolean;
  /** vCalendar 1.0: zoned times written as local times with TZ/DAYLIGHT. */
  localTimes: boolean;
}

interface Written {
  value: string;
  params: VersitParam[];
}

function utcBasic(utc: string): string {
  return `${formatBasicLocal(parseCanonicalUtc(utc))}Z`;
}

/** A time in the dialect's form. */
function timeValue(t: CalendarTime, ctx: WriteContext): Written {
  switch (t.kind) {
    case 'date': {
      const day = Math.floor(new ItemClock(t, ctx.zones).wall(t) / SECONDS_PER_DAY);
      if (ctx.format === 'icalendar')
        return { value: formatBasicDate(day), params: [{ name: 'VALUE', values: ['DATE'] }] };
      if (ctx.allDayEvent && ctx.options.vcalAllDay !== 'date') {
        return { value: formatBasicLocal(day * SECONDS_PER_DAY), params: [] };
      }
      return { value: formatBasicDate(day), params: [] };
    }
    case 'floating':
      return { value: formatBasicLocal(new ItemClock(t, ctx.zones).wall(t)), params: [] };
    case 'utc':
      return { value: utcBasic(t.utc), params: [] };
    case 'zoned': {
      const local = formatBasicLocal(new ItemClock(t, ctx.zones).wall(t));
      if (ctx.format === 'icalendar') {
        ctx.usedZones.add(t.tzid);
        return { value: local, params: [{ name: 'TZID', values: [t.tzid] }] };
      }
      if (ctx.localTimes) {
        ctx.usedZones.add(t.tzid);
        return { value: local, params: [] };
      }
      return { value: utcBasic(t.utc), params: [] };
    }
  }
}

function timeProperty(name: string, t: CalendarTime, ctx: WriteContext): VersitProperty {
  const w = timeValue(t, ctx);
  return makeProperty(name, w.value, w.params);
}

/** A UTC instant property (CREATED, LAST-MODIFIED). */
function instantProperty(name: string, utc: string): VersitProperty {
  return makeProperty(name, utcBasic(utc));
}

/** Writes a canonical item as a vCalendar 1.0 or iCalendar 2.0 object. */
export function writeCalendar(
  item: CalendarItem,
  dialect: CalendarDialect,
  options: ResolvedSerializeOptions,
): string {
  const format = dialect === 'vcalendar-1.0' ? 'vcalendar' : 'icalendar';
  const zones = new ZoneTable(item.timeZones);
  const anchor = item.start ?? (item.kind === 'event' ? item.end : item.due);
  const ctx: WriteContext = {
    dialect,
    format,
    options,
    zones,
    clock: anchor ? new ItemClock(anchor, zones) : undefined,
    usedZones: new Set(),
    allDayEvent: item.kind === 'event' && item.start?.kind === 'date',
    localTimes:
      options.vcalTimes === 'local' ||
      (options.vcalTimes === 'auto' && item.recurrence !== undefined && anchor?.kind === 'zoned'),
  };
  const body = writeItem(item, ctx);
  const root: VersitComponent = { name: 'VCALENDAR', properties: [], components: [] };
  root.properties.push(makeProperty('VERSION', format === 'vcalendar' ? '1.0' : '2.0'));
  if (format === 'icalendar') root.properties.push(makeProperty('PRODID', PRODID));
  const years = yearRange(item, ctx);
  for (const tzid of ctx.usedZones) {
    const rules = zones.get(tzid);
    const definition = zones.definition(tzid);
    if (format === 'vcalendar') {
      root.properties.push(...writeVcalZone(rules, definition, years.from, years.to));
      break; // vCalendar 1.0 has one zone per object
    }
    const full =
      definition && definition.observances.length > 0
        ? definition
        : definitionFromRules(tzid, rules, years.from - 1, years.to);
    root.components.push(writeVtimezone({ ...full, tzid }));
  }
  for (const e of item.extensions ?? []) {
    if (e.format !== format || e.scope !== 'calendar') continue;
    if (e.type === 'property') root.properties.push(extensionProperty(e));
  }
  root.components.push(body);
  for (const e of item.extensions ?? []) {
    if (e.format === format && e.scope === 'calendar' && e.type === 'component')
      root.components.push(...reparse(e, dialect));
  }
  const versitOptions = {
    dialect,
    lineEnding: options.lineEnding,
    legacyTextEncoding: options.legacyTextEncoding,
    ...(options.foldWidth === undefined ? {} : { foldWidth: options.foldWidth }),
  };
  return serializeVersit(root, versitOptions);
}

function reparse(e: Extension & { type: 'component' }, dialect: CalendarDialect): VersitComponent[] {
  try {
    return parseVersit(e.text, { dialect }).components;
  } catch (cause) {
    throw new CalendarCodecError('INVALID_VALUE', `extension component ${e.name} is not valid Versit text`, {
      cause,
    });
  }
}

// Zone rules are written for the item's first year up to the last occurrence it
// can have, at most `daylightYears` years.
function yearRange(item: CalendarItem, ctx: WriteContext): { from: number; to: number } {
  const anchor = item.start ?? (item.kind === 'event' ? item.end : item.due);
  if (!anchor || !ctx.clock) return { from: 1970, to: 1970 };
  const clock = ctx.clock;
  const from = civilFromSeconds(clock.wall(anchor)).year;
  const to = lastYear(item, clock, from, ctx.options);
  return { from, to: Math.min(Math.max(to, from), from + ctx.options.daylightYears - 1) };
}

function writeItem(item: CalendarItem, ctx: WriteContext): VersitComponent {
  const { dialect, format } = ctx;
  const p: VersitProperty[] = [];
  const text = (name: string, value: string | undefined): void => {
    if (value !== undefined) p.push(makeProperty(name, escapeFor(value, dialect)));
  };
  if (item.uid !== undefined) p.push(makeProperty('UID', item.uid));
  if (format === 'icalendar') {
    const stamp = ctx.options.now ?? item.lastModified ?? item.created;
    if (stamp !== undefined) p.push(instantProperty('DTSTAMP', stamp));
  }
  text('SUMMARY', item.summary);
  text('DESCRIPTION', item.description);
  text('LOCATION', item.location);
  if (item.start) p.push(timeProperty('DTSTART', item.start, ctx));
  if (item.kind === 'event' && item.end) p.push(timeProperty('DTEND', endForDialect(item.end, ctx), ctx));
  if (item.kind === 'task') {
    if (item.due) p.push(timeProperty('DUE', item.due, ctx));
    if (item.completed) p.push(instantProperty('COMPLETED', instantOfCompleted(item.completed, ctx)));
    if (item.percentComplete !== undefined)
      p.push(makeProperty('PERCENT-COMPLETE', String(item.percentComplete)));
  }
  if (item.class !== undefined) p.push(makeProperty('CLASS', item.class));
  if (item.categories && item.categories.length > 0) {
    p.push(
      makeProperty('CATEGORIES', joinList(item.categories, dialect, format === 'vcalendar' ? ';' : ',')),
    );
  }
  if (item.priority !== undefined) p.push(makeProperty('PRIORITY', String(item.priority)));
  if (item.status !== undefined) {
    const status = format === 'vcalendar' ? vcalStatus(item.status) : icalStatus(item.kind, item.status);
    if (status !== undefined) p.push(makeProperty('STATUS', status));
  }
  if (item.kind === 'event') {
    if (item.transparency !== undefined) {
      const v = format === 'vcalendar' ? (item.transparency === 'OPAQUE' ? '0' : '1') : item.transparency;
      p.push(makeProperty('TRANSP', v));
    }
    if (item.busyStatus !== undefined) p.push(makeProperty('X-MICROSOFT-CDO-BUSYSTATUS', item.busyStatus));
  }
  if (item.organizer) {
    const o = writeOrganizer(item.organizer, dialect);
    p.push(
      makeProperty(format === 'vcalendar' ? 'ATTENDEE' : 'ORGANIZER', escapeValue(o.value, ctx), o.params),
    );
  }
  for (const a of item.attendees ?? []) {
    const w = writeAttendee(a, dialect);
    p.push(makeProperty('ATTENDEE', escapeValue(w.value, ctx), w.params));
  }
  p.push(...writeRecurrence(item, ctx));
  if (item.sequence !== undefined) p.push(makeProperty('SEQUENCE', String(item.sequence)));
  if (item.created !== undefined)
    p.push(instantProperty(format === 'vcalendar' ? 'DCREATED' : 'CREATED', item.created));
  if (item.lastModified !== undefined) p.push(instantProperty('LAST-MODIFIED', item.lastModified));
  if (item.url !== undefined) p.push(makeProperty('URL', item.url));
  const anchors: AlarmAnchors = {
    kind: item.kind,
    start: item.start,
    end: item.kind === 'event' ? item.end : item.due,
    clock: ctx.clock,
  };
  const components: VersitComponent[] = [];
  if (format === 'vcalendar') {
    p.push(...writeVcalAlarms(item.alarms ?? [], anchors, (t) => timeValue(t, ctx).value));
  } else {
    for (const alarm of item.alarms ?? []) components.push(writeIcalAlarm(alarm, item.summary));
  }
  for (const e of item.extensions ?? []) {
    if (e.format !== format || e.scope !== 'component') continue;
    if (e.type === 'property') p.push(extensionProperty(e));
    else components.push(...reparse(e, dialect));
  }
  return { name: item.kind === 'event' ? 'VEVENT' : 'VTODO', properties: p, components };
}

// vCalendar 1.0 has no quoting: a cal-address value is written as is; iCalendar values are URIs.
function escapeValue(value: string, ctx: WriteContext): string {
  return ctx.format === 'vcalendar' ? escapeFor(value, ctx.dialect) : value;
}

// The exclusive end of an all-day event in the form the vCalendar style asks for.
function endForDialect(end: CalendarTime, ctx: WriteContext): CalendarTime {
  if (
    ctx.format === 'vcalendar' &&
    ctx.allDayEvent &&
    end.kind === 'date' &&
    ctx.options.vcalAllDay === 'end-of-day'
  ) {
    return floatingTime(new ItemClock(end, ctx.zones).wall(end) - 1);
  }
  return end;
}

function instantOfCompleted(t: CalendarTime, ctx: WriteContext): string {
  switch (t.kind) {
    case 'utc':
    case 'zoned':
      return t.utc;
    case 'floating':
      return ctx.clock?.tzid !== undefined ? formatUtc(ctx.clock.instant(t)) : `${t.local}Z`;
    case 'date':
      return `${t.date}T00:00:00Z`;
  }
}

function writeRecurrence(item: CalendarItem, ctx: WriteContext): VersitProperty[] {
  const out: VersitProperty[] = [];
  const anchor = item.start ?? (item.kind === 'task' ? item.due : undefined);
  const clock = ctx.clock;
  const rule = item.recurrence;
  let extraDates: CalendarTime[] = [];
  if (rule && anchor && clock) {
    const start = clock.wall(anchor);
    const formatUntil = (u: CalendarTime): string => untilValue(u, anchor, ctx);
    if (ctx.format === 'icalendar') {
      out.push(makeProperty('RRULE', formatICalRule(rule, formatUntil)));
    } else {
      const text = formatVCalRule(rule, {
        start,
        countMode: ctx.options.vcalCountMode,
        maxPeriods: ctx.options.maxRulePeriods,
        formatUntil,
        formatOccurrence: (wall) => timeValue(clock.time(wall), ctx).value,
      });
      if (text !== undefined) out.push(makeProperty('RRULE', text));
      else if (ctx.options.unrepresentableRule === 'error') {
        throw new CalendarCodecError(
          'UNSUPPORTED_RULE',
          'the recurrence rule cannot be written as a vCalendar 1.0 RRULE',
        );
      } else {
        // Written out as dates: the device gets every occurrence up to the limit.
        const until = rule.until === undefined ? undefined : clock.wall(rule.until);
        extraDates = expandRule(rule, start, {
          until,
          limit: ctx.options.maxExpandedOccurrences,
          maxPeriods: ctx.options.maxRulePeriods,
        })
          .slice(1)
          .map((wall) => clock.time(wall));
      }
    }
  }
  const dates = (name: string, list: CalendarTime[] | undefined): void => {
    if (!list || list.length === 0) return;
    const aligned = list.map((t) => alignDate(t, anchor, clock));
    const written = aligned.map((t) => timeValue(t, ctx));
    out.push(
      makeProperty(
        name,
        written.map((w) => w.value).join(ctx.format === 'vcalendar' ? ';' : ','),
        written[0]!.params,
      ),
    );
  };
  dates('EXDATE', item.exceptionDates);
  dates('RDATE', [...(item.recurrenceDates ?? []), ...extraDates]);
  return out;
}

// Exception dates are written in the form of the start: a date exception of a
// timed item names the occurrence that day.
function alignDate(
  t: CalendarTime,
  anchor: CalendarTime | undefined,
  clock: ItemClock | undefined,
): CalendarTime {
  if (!anchor || !clock || anchor.kind === t.kind) return t;
  if (t.kind === 'date' && anchor.kind !== 'date') {
    return clock.time(clock.wall(t) + secondOfDay(clock.wall(anchor)));
  }
  return clock.time(clock.wall(t));
}

// UNTIL follows DTSTART: a date for a date start, UTC for zoned and UTC starts,
// a local time for a floating start (RFC 5545 §3.3.10).
function untilValue(until: CalendarTime, anchor: CalendarTime, ctx: WriteContext): string {
  const clock = ctx.clock!;
  if (anchor.kind === 'date') {
    const day = Math.floor(clock.wall(until) / SECONDS_PER_DAY);
    if (ctx.format === 'vcalendar' && ctx.options.vcalAllDay !== 'date')
      return formatBasicLocal(day * SECONDS_PER_DAY);
    return formatBasicDate(day);
  }
  if (anchor.kind === 'floating') return formatBasicLocal(clock.wall(until));
  if (until.kind === 'date') {
    // A date UNTIL of a timed item: the last occurrence can start at the start's time that day.
    const wall =
      Math.floor(clock.wall(until) / SECONDS_PER_DAY) * SECONDS_PER_DAY + secondOfDay(clock.wall(anchor));
    return `${formatBasicLocal(clock.instant(clock.time(wall)))}Z`;
  }
  return `${formatBasicLocal(clock.instant(until))}Z`;
}

import { CalendarCodecError } from '../errors.js';
import { statusFromSifTask } from '../model/status.js';
import type {
  Alarm,
  Attendee,
  CalendarEvent,
  CalendarItem,
  CalendarTask,
  CalendarTime,
  Extension,
  SifElementExtension,
  TimeZoneDefinition,
} from '../model/types.js';
import type { ResolvedParseOptions } from '../options.js';
import { formatOffset, SECONDS_PER_DAY, secondOfDay } from '../time/civil.js';
import { ItemClock } from '../time/clock.js';
import { parseWireDateTime } from '../time/text.js';
import { dateValue, floatingTime, utcTime, zonedTime } from '../time/time-value.js';
import { ZoneTable } from '../time/zone-table.js';
import { triggerFor } from '../versit/alarms.js';
import { deviceZone } from '../versit/parse-calendar.js';
import { ruleFromSif, SIF_RECURRENCE_ELEMENTS } from './recurrence.js';
import { readSifTimezone } from './timezone.js';
import { innerXml, readSifTree, type SifElement, sifBytes } from './xml-tree.js';

/** Attendee status and type codes of SIF (Outlook's). */
const ATTENDEE_STATUS: Readonly<Record<string, string>> = {
  '1': 'ACCEPTED',
  '2': 'DECLINED',
  '3': 'TENTATIVE',
  '4': 'NEEDS-ACTION',
};

const SENSITIVITY: Readonly<Record<string, string>> = {
  '0': 'PUBLIC',
  '1': 'PRIVATE',
  '2': 'PRIVATE',
  '3': 'CONFIDENTIAL',
};
const IMPORTANCE: Readonly<Record<string, number>> = { '0': 9, '1': 5, '2': 1 };
const BUSY: Readonly<Record<string, CalendarEvent['busyStatus']>> = {
  '0': 'FREE',
  '1': 'TENTATIVE',
  '2': 'BUSY',
  '3': 'OOF',
};

/**
 * Elements whose raw value is kept beside the model (they say more than it
 * holds; the writer uses them while they still mean the same). Kept first, in
 * this order, so a written and re-read item has the same extensions.
 */
const HINT_ORDER: readonly string[] = ['Categories', 'Sensitivity', 'Status'];
const HINTED: ReadonlySet<string> = new Set(HINT_ORDER);

/** Elements that only describe the document. */
const DROPPED: ReadonlySet<string> = new Set(['SIFVersion']);

const RECURRENCE_ELEMENTS: ReadonlySet<string> = new Set(SIF_RECURRENCE_ELEMENTS);

const REMINDER_ELEMENTS: ReadonlySet<string> = new Set([
  'ReminderSet',
  'ReminderMinutesBeforeStart',
  'ReminderTime',
  'ReminderSoundFile',
]);

class SifReader {
  private readonly byName = new Map<string, SifElement>();
  private readonly consumed = new Set<SifElement>();
  readonly zones: ZoneTable;
  readonly zone: TimeZoneDefinition | undefined;

  constructor(
    readonly root: SifElement,
    readonly options: ResolvedParseOptions,
  ) {
    for (const c of root.children) if (!this.byName.has(c.name)) this.byName.set(c.name, c);
    const tz = this.take('Timezone');
    this.zone = tz
      ? readSifTimezone(tz)
      : options.deviceTimeZone !== undefined
        ? { tzid: deviceZone(options.deviceTimeZone), observances: [] }
        : inferredZone(root);
    this.zones = new ZoneTable(this.zone ? [this.zone] : []);
  }

  element(name: string): SifElement | undefined {
    return this.byName.get(name);
  }

  take(name: string): SifElement | undefined {
    const e = this.byName.get(name);
    if (e) this.consumed.add(e);
    return e;
  }

  text(name: string): string | undefined {
    const t = this.take(name)?.text;
    return t === undefined || t === '' ? undefined : t;
  }

  trimmed(name: string): string | undefined {
    const t = this.take(name)?.text.trim();
    return t === undefined || t === '' ? undefined : t;
  }

  int(name: string, min: number, max: number): number | undefined {
    const e = this.byName.get(name);
    const t = e?.text.trim();
    if (e === undefined || t === undefined || t === '') return undefined;
    this.consumed.add(e);
    if (!/^[+-]?\d{1,11}$/.test(t)) throw invalid(e, `not a number: "${t.slice(0, 20)}"`);
    const n = Number.parseInt(t, 10);
    if (n < min || n > max) throw invalid(e, `${n} is out of range ${min}-${max}`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const t = this.trimmed(name);
    return t === undefined ? undefined : t === '1' || t.toLowerCase() === 'true';
  }

  /** A SIF date or date-time: dates as dates, `Z` as UTC, local times on the item's Timezone (else floating). */
  time(name: string): CalendarTime | undefined {
    const e = this.take(name);
    const t = e?.text.trim();
    if (!e || !t) return undefined;
    return this.timeOf(e, t);
  }

  timeOf(e: SifElement, t: string): CalendarTime {
    try {
      const w = parseWireDateTime(t);
      if (w.dateOnly) return dateValue(w.seconds / SECONDS_PER_DAY);
      const tzid = this.zone?.tzid;
      if (w.utc)
        return tzid ? zonedTime(this.zones.toLocal(w.seconds, tzid), w.seconds, tzid) : utcTime(w.seconds);
      return tzid ? zonedTime(w.seconds, this.zones.toUtc(w.seconds, tzid), tzid) : floatingTime(w.seconds);
    } catch (error) {
      if (error instanceof CalendarCodecError)
        throw error.withLocation({ element: e.path, offset: e.offset });
      throw error;
    }
  }

  /** Elements not read into the model, plus the raw values of hinted ones. */
  extensions(): Extension[] {
    const hints: SifElementExtension[] = [];
    const out: Extension[] = [];
    for (const c of this.root.children) {
      if (DROPPED.has(c.name)) continue;
      if (this.consumed.has(c) && !HINTED.has(c.name)) continue;
      const ext: SifElementExtension = { type: 'element', format: 'sif', name: c.name };
      if (Object.keys(c.attributes).length > 0) ext.attributes = { ...c.attributes };
      if (c.children.length > 0) ext.xml = innerXml(c);
      else ext.value = c.text;
      (HINTED.has(c.name) ? hints : out).push(ext);
    }
    hints.sort((a, b) => HINT_ORDER.indexOf(a.name) - HINT_ORDER.indexOf(b.name));
    return [...hints, ...out];
  }

  markConsumed(names: ReadonlySet<string>): void {
    for (const c of this.root.children) if (names.has(c.name)) this.consumed.add(c);
  }
}

/**
 * The device's UTC offset, when a recurring item without `<Timezone>` gives
 * its PatternStartDate as the UTC instant of a local midnight (the Funambol
 * Outlook and Pocket PC clients do): Outlook's weekday masks and month days
 * are local, so the rule must run on that clock, not on UTC.
 */
function inferredZone(root: SifElement): TimeZoneDefinition | undefined {
  const text = (name: string): string | undefined => root.children.find((c) => c.name === name)?.text.trim();
  if (text('IsRecurring') !== '1') return undefined;
  const pattern = text('PatternStartDate');
  if (pattern === undefined || !/^\d{8}T\d{6}Z$/i.test(pattern)) return undefined;
  const timeOfDay = secondOfDay(parseWireDateTime(pattern).seconds);
  if (timeOfDay === 0 || timeOfDay % 900 !== 0) return undefined;
  const east = SECONDS_PER_DAY - timeOfDay;
  const offset = east > 14 * 3600 ? east - SECONDS_PER_DAY : east;
  return {
    tzid: `UTC${formatOffset(offset, ':')}`,
    observances: [{ kind: 'standard', start: '1970-01-01T00:00:00', offsetFrom: offset, offsetTo: offset }],
  };
}

function invalid(e: SifElement, message: string): CalendarCodecError {
  return new CalendarCodecError('INVALID_VALUE', message, { element: e.path, offset: e.offset });
}

/** Reads a SIF-E `<appointment>` (or `<calendar>`) or SIF-T `<task>`, as XML or base64 of it. */
export function readSif(input: Uint8Array | string, options: ResolvedParseOptions): CalendarItem {
  const bytes = sifBytes(input, options.maxItemBytes);
  const root = readSifTree(bytes, { maxItemBytes: options.maxItemBytes, maxElements: options.maxProperties });
  const r = new SifReader(root, options);
  let item: CalendarItem;
  if (root.name === 'appointment' || root.name === 'calendar') item = readEvent(r);
  else if (root.name === 'task') item = readTask(r);
  else {
    throw new CalendarCodecError(
      'MISSING_COMPONENT',
      `SIF root <${root.name}> is neither <appointment> nor <task>`,
      {
        element: root.path,
        offset: root.offset,
      },
    );
  }
  readCommon(r, item);
  const extensions = r.extensions();
  if (extensions.length > 0) item.extensions = extensions;
  if (r.zone && usesZone(item, r.zone.tzid)) item.timeZones = [r.zone];
  item.origin = 'sif';
  return item;
}

function usesZone(item: CalendarItem, tzid: string): boolean {
  const times = [item.start, item.kind === 'event' ? item.end : item.due];
  return times.some((t) => t?.kind === 'zoned' && t.tzid === tzid);
}

function readEvent(r: SifReader): CalendarEvent {
  const event: CalendarEvent = { kind: 'event' };
  const allDay = r.bool('AllDayEvent') === true;
  let start = r.time('Start');
  let end = r.time('End');
  if (!end && start && start.kind !== 'date') {
    const minutes = r.int('Duration', 0, 10_000_000);
    if (minutes !== undefined)
      end = new ItemClock(start, r.zones).dateTime(new ItemClock(start, r.zones).wall(start) + minutes * 60);
  }
  if (allDay && start) {
    // Dates never shift: a date-time of an all-day event names the day it is nearest to.
    const startDay = dayOfAllDay(start, r);
    start = dateValue(startDay);
    if (end) {
      // A date End is the last day (inclusive); a date-time End is the moment it ends.
      const endDay = end.kind === 'date' ? dayOfAllDay(end, r) + 1 : dayOfAllDay(end, r);
      end = dateValue(Math.max(endDay, startDay + 1));
    }
  }
  if (start) event.start = start;
  if (end) event.end = end;
  const location = r.text('Location');
  if (location !== undefined) event.location = location;
  const busy = r.trimmed('BusyStatus');
  if (busy !== undefined && BUSY[busy]) {
    event.busyStatus = BUSY[busy];
    event.transparency = busy === '0' ? 'TRANSPARENT' : 'OPAQUE';
  }
  const attendees = r.take('Attendees');
  if (attendees) {
    const list: Attendee[] = attendees.children.filter((c) => c.name === 'Attendee').map(readAttendee);
    if (list.length > 0) event.attendees = list;
  }
  return event;
}

function dayOfAllDay(t: CalendarTime, r: SifReader): number {
  if (t.kind === 'date') return new ItemClock(t, r.zones).wall(t) / SECONDS_PER_DAY;
  if (t.kind === 'zoned') return Math.floor(new ItemClock(t, r.zones).wall(t) / SECONDS_PER_DAY);
  // No zone: the local midnight it stands for is the nearest one (offsets are within ±14 h).
  return Math.round(new ItemClock(t, r.zones).wall(t) / SECONDS_PER_DAY);
}

function readAttendee(e: SifElement): Attendee {
  const get = (name: string): string | undefined => {
    const t = e.children.find((c) => c.name === name)?.text.trim();
    return t === undefined || t === '' ? undefined : t;
  };
  const a: Attendee = {};
  const name = get('AttendeeName');
  if (name !== undefined) a.name = name;
  const email = get('AttendeeEmail');
  if (email !== undefined) a.email = email;
  const status = ATTENDEE_STATUS[get('AttendeeStatus') ?? ''];
  if (status !== undefined) a.status = status;
  const type = get('AttendeeType');
  if (type === '1') a.role = 'REQ-PARTICIPANT';
  else if (type === '2') a.role = 'OPT-PARTICIPANT';
  else if (type === '3') {
    a.role = 'REQ-PARTICIPANT';
    a.type = 'RESOURCE';
  }
  return a;
}

function readTask(r: SifReader): CalendarTask {
  const task: CalendarTask = { kind: 'task' };
  const start = r.time('StartDate');
  if (start) task.start = start;
  const due = r.time('DueDate');
  if (due) task.due = due;
  const completed = r.time('DateCompleted');
  const complete = r.bool('Complete');
  const percent = r.int('PercentComplete', 0, 100);
  const status = r.int('Status', 0, 4);
  if (status !== undefined) {
    const s = statusFromSifTask(status);
    if (s !== undefined) task.status = s;
  } else if (complete) task.status = 'COMPLETED';
  if (percent !== undefined) task.percentComplete = percent;
  else if (complete) task.percentComplete = 100;
  if (completed && (complete !== false || task.status === 'COMPLETED')) task.completed = completed;
  return task;
}

function readCommon(r: SifReader, item: CalendarItem): void {
  const summary = r.text('Subject');
  if (summary !== undefined) item.summary = summary;
  const body = r.text('Body');
  if (body !== undefined) item.description = body.replace(/\r\n?/g, '\n');
  const categories = r.text('Categories');
  if (categories !== undefined) {
    const list = splitCategories(categories);
    if (list.length > 0) item.categories = list;
  }
  const sensitivity = r.trimmed('Sensitivity');
  if (sensitivity !== undefined && SENSITIVITY[sensitivity]) item.class = SENSITIVITY[sensitivity];
  const importance = r.trimmed('Importance');
  if (importance !== undefined && IMPORTANCE[importance] !== undefined)
    item.priority = IMPORTANCE[importance];
  const uid = r.trimmed('Uid');
  if (uid !== undefined) item.uid = uid;
  const url = r.trimmed('Url');
  if (url !== undefined) item.url = url;
  const sequence = r.int('Sequence', 0, 2 ** 31 - 1);
  if (sequence !== undefined) item.sequence = sequence;
  const modified = r.element('Last-Modified');
  if (modified && modified.text.trim() !== '') {
    const t = r.time('Last-Modified');
    if (t && (t.kind === 'utc' || t.kind === 'zoned')) item.lastModified = t.utc;
  }
  const anchor = item.start ?? (item.kind === 'event' ? item.end : item.due);
  const clock = anchor ? new ItemClock(anchor, r.zones) : undefined;
  readReminder(r, item, clock);
  readRecurrence(r, item, anchor, clock);
}

/** Outlook joins categories with `, `; some clients use `;`. */
export function splitCategories(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

function readReminder(r: SifReader, item: CalendarItem, clock: ItemClock | undefined): void {
  if (r.bool('ReminderSet') !== true) return; // an inactive reminder's elements stay as extensions
  r.markConsumed(REMINDER_ELEMENTS);
  const sound = r.text('ReminderSoundFile');
  const alarm: Partial<Alarm> = { action: sound === undefined ? 'DISPLAY' : 'AUDIO' };
  if (sound !== undefined) alarm.attachment = sound;
  // Any offset the years 1-9999 allow (about 5.3e9 minutes).
  const minutes = r.int('ReminderMinutesBeforeStart', -6e9, 6e9);
  const at = r.time('ReminderTime');
  const anchors = {
    kind: item.kind,
    start: item.start,
    end: item.kind === 'event' ? item.end : item.due,
    clock,
  };
  if (item.kind === 'event' && minutes !== undefined && item.start) {
    alarm.trigger = { related: 'start', offset: -minutes * 60 };
  } else if (at) {
    alarm.trigger = triggerFor(at, anchors);
  } else if (minutes !== undefined && item.start) {
    alarm.trigger = { related: 'start', offset: -minutes * 60 };
  } else return;
  item.alarms = [alarm as Alarm];
}

function readRecurrence(
  r: SifReader,
  item: CalendarItem,
  anchor: CalendarTime | undefined,
  clock: ItemClock | undefined,
): void {
  if (r.bool('IsRecurring') !== true) {
    // A non-recurring item's pattern elements carry no meaning.
    r.markConsumed(RECURRENCE_ELEMENTS);
    return;
  }
  r.markConsumed(RECURRENCE_ELEMENTS);
  if (!anchor || !clock) return;
  const startWall = clock.wall(anchor);
  const rule = ruleFromSif(
    {
      type: r.int('RecurrenceType', 0, 6) ?? 0,
      interval: r.int('Interval', 0, 999_999) ?? 1,
      dayOfWeekMask: r.int('DayOfWeekMask', 0, 127) ?? 0,
      dayOfMonth: r.int('DayOfMonth', 0, 31) ?? 0,
      monthOfYear: r.int('MonthOfYear', 0, 12) ?? 0,
      instance: r.int('Instance', 0, 5) ?? 0,
    },
    startWall,
  );
  const occurrences = r.int('Occurrences', 0, 999_999);
  const endText = r.trimmed('PatternEndDate');
  if (r.bool('NoEndDate') !== true) {
    if (occurrences !== undefined && occurrences > 0) rule.count = occurrences;
    else if (endText !== undefined) rule.until = patternEnd(r, endText, anchor, clock, startWall);
  }
  item.recurrence = rule;
  const exceptions = r.element('Exceptions');
  if (!exceptions) return;
  const excluded: CalendarTime[] = [];
  const included: CalendarTime[] = [];
  if (exceptions.children.length > r.options.maxRecurrenceDates) {
    throw new CalendarCodecError(
      'LIMIT_EXCEEDED',
      `more than ${r.options.maxRecurrenceDates} SIF exception dates`,
      {
        element: exceptions.path,
        offset: exceptions.offset,
      },
    );
  }
  for (const e of exceptions.children) {
    const t = e.text.trim();
    if (t === '' || (e.name !== 'ExcludeDate' && e.name !== 'IncludeDate')) continue;
    const time = occurrenceOn(r.timeOf(e, t), anchor, clock, startWall);
    (e.name === 'ExcludeDate' ? excluded : included).push(time);
  }
  if (excluded.length > 0) item.exceptionDates = excluded;
  if (included.length > 0) item.recurrenceDates = included;
}

// PatternEndDate is the last day (Outlook writes its local midnight): the last
// occurrence can start at the start's time that day. A UTC value is an instant.
function patternEnd(
  r: SifReader,
  text: string,
  anchor: CalendarTime,
  clock: ItemClock,
  startWall: number,
): CalendarTime {
  const element = r.element('PatternEndDate')!;
  const end = r.timeOf(element, text);
  if (anchor.kind === 'date') return dateValue(Math.floor(clock.wall(end) / SECONDS_PER_DAY));
  if (parseWireDateTime(text).utc) return end;
  const day = Math.floor(parseWireDateTime(text).seconds / SECONDS_PER_DAY);
  return clock.time(day * SECONDS_PER_DAY + secondOfDay(startWall));
}

// SIF names an exception by its date; for a timed item it is the occurrence that day.
function occurrenceOn(
  t: CalendarTime,
  anchor: CalendarTime,
  clock: ItemClock,
  startWall: number,
): CalendarTime {
  if (anchor.kind === 'date') return dateValue(Math.floor(clock.wall(t) / SECONDS_PER_DAY));
  if (t.kind !== 'date') return clock.time(clock.wall(t));
  const timeOfDay = startWall - Math.floor(startWall / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  return clock.time(clock.wall(t) + timeOfDay);
}

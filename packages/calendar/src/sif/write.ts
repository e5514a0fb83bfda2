import { CalendarCodecError } from '../errors.js';
import { sifTaskStatus } from '../model/status.js';
import type {
  Alarm,
  CalendarEvent,
  CalendarItem,
  CalendarTask,
  CalendarTime,
  SifElementExtension,
} from '../model/types.js';
import type { ResolvedSerializeOptions } from '../options.js';
import { expandRule } from '../recurrence/expand.js';
import { lastYear } from '../recurrence/span.js';
import { civilFromSeconds, formatBasicLocal, formatDate, SECONDS_PER_DAY } from '../time/civil.js';
import { ItemClock } from '../time/clock.js';
import { parseCanonicalUtc } from '../time/text.js';
import { ZoneTable } from '../time/zone-table.js';
import { alarmTime } from '../versit/alarms.js';
import { splitCategories } from './read.js';
import { sifFromRule } from './recurrence.js';
import { writeSifTimezone } from './timezone.js';
import { elementXml } from './xml-tree.js';

/** The SIF version written into `<SIFVersion>`. */
export const SIF_VERSION = '1.1';

const SENSITIVITY: Readonly<Record<string, string>> = { PUBLIC: '0', PRIVATE: '2', CONFIDENTIAL: '3' };
const BUSY: Readonly<Record<string, string>> = { FREE: '0', TENTATIVE: '1', BUSY: '2', OOF: '3' };
const ATTENDEE_STATUS: Readonly<Record<string, string>> = {
  ACCEPTED: '1',
  DECLINED: '2',
  TENTATIVE: '3',
  'NEEDS-ACTION': '4',
};

function importanceOf(priority: number): string {
  if (priority >= 1 && priority <= 4) return '2';
  if (priority === 5) return '1';
  return '0';
}

/** Two values of a hinted element that say the same thing to the model. */
const SAME_MEANING: Readonly<Record<string, (a: string, b: string) => boolean>> = {
  Categories: (a, b) => splitCategories(a).join('\n') === splitCategories(b).join('\n'),
  Sensitivity: (a, b) => (a === '1' ? '2' : a) === (b === '1' ? '2' : b),
  Status: (a, b) => a === b,
};

class SifWriter {
  private readonly parts: Array<[string, string]> = [];
  private readonly raw: string[] = [];
  readonly zones: ZoneTable;
  readonly clock: ItemClock | undefined;
  readonly anchor: CalendarTime | undefined;

  constructor(
    readonly item: CalendarItem,
    readonly options: ResolvedSerializeOptions,
  ) {
    this.zones = new ZoneTable(item.timeZones);
    this.anchor = item.start ?? (item.kind === 'event' ? item.end : item.due);
    this.clock = this.anchor ? new ItemClock(this.anchor, this.zones) : undefined;
  }

  add(name: string, value: string | undefined): void {
    if (value !== undefined) this.parts.push([name, value]);
  }

  addRaw(xml: string): void {
    this.raw.push(xml);
  }

  /** A time in SIF form: dates `yyyy-MM-dd`, UTC `yyyyMMddTHHmmssZ`, local `yyyyMMddTHHmmss`. */
  time(t: CalendarTime): string {
    switch (t.kind) {
      case 'date':
        return t.date;
      case 'floating':
        return formatBasicLocal(new ItemClock(t, this.zones).wall(t));
      case 'utc':
        return `${formatBasicLocal(parseCanonicalUtc(t.utc))}Z`;
      case 'zoned':
        return this.options.sifTimes === 'local'
          ? formatBasicLocal(new ItemClock(t, this.zones).wall(t))
          : `${formatBasicLocal(parseCanonicalUtc(t.utc))}Z`;
    }
  }

  /** Local midnight of the day of `t` on the item clock: `yyyyMMddT000000` (Outlook's pattern dates). */
  patternDate(t: CalendarTime): string {
    const wall = this.clock ? this.clock.wall(t) : 0;
    return formatBasicLocal(Math.floor(wall / SECONDS_PER_DAY) * SECONDS_PER_DAY);
  }

  finish(root: string): string {
    const computed = new Set(this.parts.map(([name]) => name));
    const hints = new Map<string, SifElementExtension>();
    const passthrough: string[] = [];
    for (const e of this.item.extensions ?? []) {
      if (e.format !== 'sif' || e.type !== 'element') continue;
      if (computed.has(e.name)) hints.set(e.name, e);
      else
        passthrough.push(elementXml({ name: e.name, attributes: e.attributes, text: e.value, xml: e.xml }));
    }
    let out = `<?xml version="1.0" encoding="UTF-8"?><${root}><SIFVersion>${SIF_VERSION}</SIFVersion>`;
    for (const [name, value] of this.parts) {
      // The original spelling wins while it still means the same (Outlook's "Personal" sensitivity...).
      const hint = hints.get(name);
      const same = hint?.value !== undefined && SAME_MEANING[name]?.(hint.value, value) === true;
      out += elementXml({ name, text: same ? hint!.value! : value });
    }
    out += this.raw.join('') + passthrough.join('');
    return `${out}</${root}>`;
  }
}

/** Writes an event as SIF-E. */
export function writeSifE(event: CalendarEvent, options: ResolvedSerializeOptions): string {
  const w = new SifWriter(event, options);
  writeZone(w);
  const allDay = event.start?.kind === 'date';
  w.add('AllDayEvent', allDay ? '1' : '0');
  if (event.start) w.add('Start', w.time(event.start));
  if (event.end) {
    // SIF ends an all-day event on its last day; the model on the day after.
    const end =
      allDay && event.end.kind === 'date' && w.clock
        ? formatDate(
            Math.max(w.clock.wall(event.start!), w.clock.wall(event.end) - SECONDS_PER_DAY) / SECONDS_PER_DAY,
          )
        : w.time(event.end);
    w.add('End', end);
  } else if (allDay && event.start) w.add('End', w.time(event.start));
  writeCommon(w, event);
  const busy =
    event.busyStatus ??
    (event.transparency === 'TRANSPARENT' ? 'FREE' : event.transparency === 'OPAQUE' ? 'BUSY' : undefined);
  if (busy !== undefined) w.add('BusyStatus', BUSY[busy]);
  w.add('Location', event.location);
  writeReminder(w, event);
  writeRecurrence(w, event);
  if (event.attendees && event.attendees.length > 0) {
    let xml = '<Attendees>';
    for (const a of event.attendees) {
      const type =
        a.type === 'RESOURCE' || a.type === 'ROOM'
          ? '3'
          : a.role === 'OPT-PARTICIPANT' || a.role === 'NON-PARTICIPANT'
            ? '2'
            : a.role === undefined
              ? '0'
              : '1';
      xml +=
        '<Attendee>' +
        elementXml({ name: 'AttendeeName', text: a.name ?? '' }) +
        elementXml({ name: 'AttendeeEmail', text: a.email ?? a.uri ?? '' }) +
        elementXml({ name: 'AttendeeStatus', text: ATTENDEE_STATUS[a.status ?? ''] ?? '0' }) +
        elementXml({ name: 'AttendeeType', text: type }) +
        '</Attendee>';
    }
    w.addRaw(`${xml}</Attendees>`);
  }
  return w.finish('appointment');
}

/** Writes a task as SIF-T. */
export function writeSifT(task: CalendarTask, options: ResolvedSerializeOptions): string {
  const w = new SifWriter(task, options);
  writeZone(w);
  if (task.start) w.add('StartDate', w.time(task.start));
  if (task.due) w.add('DueDate', w.time(task.due));
  const complete =
    task.status === 'COMPLETED' || task.percentComplete === 100 || task.completed !== undefined;
  w.add('Complete', complete ? '1' : '0');
  if (task.completed) w.add('DateCompleted', w.time(task.completed));
  if (task.percentComplete !== undefined) w.add('PercentComplete', String(task.percentComplete));
  if (task.status !== undefined) {
    const status = sifTaskStatus(task.status);
    if (status !== undefined) w.add('Status', String(status));
  }
  writeCommon(w, task);
  writeReminder(w, task);
  writeRecurrence(w, task);
  return w.finish('task');
}

function writeZone(w: SifWriter): void {
  const anchor = w.anchor;
  if (anchor?.kind !== 'zoned' || !w.clock) return;
  const rules = w.zones.get(anchor.tzid);
  const from = civilFromSeconds(w.clock.wall(anchor)).year;
  const to = Math.min(lastYear(w.item, w.clock, from, w.options), from + w.options.daylightYears - 1);
  w.addRaw(writeSifTimezone(anchor.tzid, rules, w.zones.definition(anchor.tzid), from, to));
}

function writeCommon(w: SifWriter, item: CalendarItem): void {
  const body = item.description?.replace(/\r?\n/g, '\r\n');
  w.add('Subject', item.summary);
  w.add('Body', body);
  if (item.categories && item.categories.length > 0) w.add('Categories', item.categories.join(', '));
  if (item.class !== undefined && SENSITIVITY[item.class] !== undefined)
    w.add('Sensitivity', SENSITIVITY[item.class]);
  if (item.priority !== undefined) w.add('Importance', importanceOf(item.priority));
  w.add('Uid', item.uid);
  w.add('Url', item.url);
  if (item.sequence !== undefined) w.add('Sequence', String(item.sequence));
  if (item.lastModified !== undefined)
    w.add('Last-Modified', `${formatBasicLocal(parseCanonicalUtc(item.lastModified))}Z`);
}

function writeReminder(w: SifWriter, item: CalendarItem): void {
  const alarm: Alarm | undefined = item.alarms?.[0];
  if (!alarm) {
    w.add('ReminderSet', '0');
    return;
  }
  const anchors = {
    kind: item.kind,
    start: item.start,
    end: item.kind === 'event' ? item.end : item.due,
    clock: w.clock,
  };
  w.add('ReminderSet', '1');
  if (item.kind === 'event' && item.start && w.clock) {
    const at = alarmTime(alarm.trigger, anchors);
    if (at !== undefined) {
      const minutes = Math.round((w.clock.instant(item.start) - w.clock.instant(at)) / 60);
      w.add('ReminderMinutesBeforeStart', String(minutes));
    }
  } else {
    const at = alarmTime(alarm.trigger, anchors);
    if (at !== undefined)
      w.add(
        'ReminderTime',
        w.time(at.kind === 'date' ? { kind: 'floating', local: `${at.date}T00:00:00` } : at),
      );
  }
  if (alarm.attachment !== undefined && alarm.action === 'AUDIO')
    w.add('ReminderSoundFile', alarm.attachment);
}

function writeRecurrence(w: SifWriter, item: CalendarItem): void {
  const rule = item.recurrence;
  const anchor = w.anchor;
  if (!rule || !anchor || !w.clock) {
    w.add('IsRecurring', '0');
    return;
  }
  const clock = w.clock;
  const start = clock.wall(anchor);
  const pattern = sifFromRule(rule, start);
  if (!pattern)
    throw new CalendarCodecError('UNSUPPORTED_RULE', 'the recurrence rule has no SIF (Outlook) equivalent');
  w.add('IsRecurring', '1');
  w.add('RecurrenceType', String(pattern.type));
  w.add('Interval', String(pattern.interval));
  w.add('DayOfWeekMask', String(pattern.dayOfWeekMask));
  w.add('DayOfMonth', String(pattern.dayOfMonth));
  w.add('MonthOfYear', String(pattern.monthOfYear));
  w.add('Instance', String(pattern.instance));
  w.add('PatternStartDate', w.patternDate(anchor));
  if (rule.count !== undefined) {
    const occurrences = expandRule(rule, start, { limit: rule.count, maxPeriods: w.options.maxRulePeriods });
    w.add('NoEndDate', '0');
    w.add('Occurrences', String(rule.count));
    const last = occurrences[occurrences.length - 1]!;
    w.add('PatternEndDate', formatBasicLocal(Math.floor(last / SECONDS_PER_DAY) * SECONDS_PER_DAY));
  } else if (rule.until !== undefined) {
    w.add('NoEndDate', '0');
    w.add('PatternEndDate', w.patternDate(rule.until));
  } else {
    w.add('NoEndDate', '1');
  }
  const day = (t: CalendarTime): string => formatDate(Math.floor(clock.wall(t) / SECONDS_PER_DAY));
  const excluded = (item.exceptionDates ?? []).map((t) => `<ExcludeDate>${day(t)}</ExcludeDate>`).join('');
  const included = (item.recurrenceDates ?? []).map((t) => `<IncludeDate>${day(t)}</IncludeDate>`).join('');
  w.addRaw(
    excluded === '' && included === '' ? '<Exceptions/>' : `<Exceptions>${excluded}${included}</Exceptions>`,
  );
}

import {
  getParamValues,
  makeProperty,
  splitStructured,
  type VersitComponent,
  type VersitParam,
  type VersitProperty,
} from '@syncds/versit';
import { CalendarCodecError } from '../errors.js';
import type { Alarm, AlarmTrigger, CalendarTime, Extension } from '../model/types.js';
import type { ItemClock } from '../time/clock.js';
import { durationSeconds, formatDuration, parseDuration } from '../time/duration.js';
import { utcTime } from '../time/time-value.js';
import { atProperty } from './at-property.js';
import { readTimeText, type VersitReadContext } from './read-context.js';
import { propertyExtension } from './extensions.js';
import { escapeFor, unescapeFor } from './text.js';

/** The item times alarms are relative to. */
export interface AlarmAnchors {
  kind: 'event' | 'task';
  start?: CalendarTime | undefined;
  /** Event end or task due date. */
  end?: CalendarTime | undefined;
  clock: ItemClock | undefined;
}

/** vCalendar 1.0 alarm property per action, and back. */
export const VCAL_ALARM_PROPERTIES: Readonly<Record<string, string>> = {
  AALARM: 'AUDIO',
  DALARM: 'DISPLAY',
  PALARM: 'PROCEDURE',
  MALARM: 'EMAIL',
};

const ACTION_TO_VCAL: Readonly<Record<string, string>> = {
  AUDIO: 'AALARM',
  DISPLAY: 'DALARM',
  PROCEDURE: 'PALARM',
  EMAIL: 'MALARM',
};

/**
 * The trigger for an alarm time: relative to the event start (task due date,
 * else start) when the item has one, so it follows every occurrence of a
 * recurring item; absolute otherwise.
 */
export function triggerFor(at: CalendarTime, anchors: AlarmAnchors): AlarmTrigger {
  const clock = anchors.clock;
  if (clock) {
    const pick: Array<['start' | 'end', CalendarTime | undefined]> =
      anchors.kind === 'event'
        ? [['start', anchors.start]]
        : [
            ['end', anchors.end],
            ['start', anchors.start],
          ];
    for (const [related, anchor] of pick) {
      if (anchor !== undefined) return { related, offset: clock.instant(at) - clock.instant(anchor) };
    }
  }
  return { at };
}

/** The time an alarm fires at (for formats that only know absolute alarm times). */
export function alarmTime(trigger: AlarmTrigger, anchors: AlarmAnchors): CalendarTime | undefined {
  if ('at' in trigger) return trigger.at;
  const anchor = trigger.related === 'end' ? (anchors.end ?? anchors.start) : anchors.start;
  if (anchor === undefined || anchors.clock === undefined) return undefined;
  const clock = anchors.clock;
  if (anchor.kind === 'utc' || anchor.kind === 'zoned') {
    // Offsets are exact durations: add them on the time line, then read the result on the item clock.
    const fired = utcTime(clock.instant(anchor) + trigger.offset);
    return anchor.kind === 'utc' ? fired : clock.dateTime(clock.wall(fired));
  }
  return clock.dateTime(clock.wall(anchor) + trigger.offset);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The run time of a vCalendar alarm. The standard form is a date-time; the Synthesis
 * engine (SyncEvolution, Palm and Windows Mobile clients) writes a duration relative to
 * the start (`-PT15M`), which is read as such.
 */
function vcalRunTime(
  run: string,
  property: VersitProperty,
  ctx: VersitReadContext,
  anchors: AlarmAnchors,
): AlarmTrigger {
  if (/^[+-]?P/i.test(run)) {
    const offset = durationSeconds(parseDuration(run));
    const related = anchors.kind === 'task' && anchors.start === undefined ? 'end' : 'start';
    return { related, offset };
  }
  return triggerFor(readTimeText(run, property, ctx).time, anchors);
}

/** Reads AALARM / DALARM / PALARM / MALARM: `runTime;snoozeTime;repeatCount;content[;note]`. */
export function readVcalAlarm(
  property: VersitProperty,
  ctx: VersitReadContext,
  anchors: AlarmAnchors,
): Alarm | undefined {
  return atProperty(property, () => {
    const parts = splitStructured(property.value, 'vcalendar-1.0');
    const run = parts[0]?.trim() ?? '';
    if (run === '') return undefined;
    const alarm: Alarm = {
      action: VCAL_ALARM_PROPERTIES[property.name]!,
      trigger: vcalRunTime(run, property, ctx, anchors),
    };
    const snooze = nonEmpty(parts[1]?.trim());
    if (snooze !== undefined) alarm.snooze = durationSeconds(parseDuration(snooze));
    const repeat = nonEmpty(parts[2]?.trim());
    if (repeat !== undefined) {
      if (!/^\d{1,6}$/.test(repeat))
        throw new CalendarCodecError('INVALID_VALUE', `repeat count "${repeat}"`);
      alarm.repeat = Number(repeat);
    }
    const content = nonEmpty(parts[3]);
    const type = nonEmpty(getParamValues(property, 'TYPE')[0]);
    if (property.name === 'AALARM' || property.name === 'PALARM') {
      if (content !== undefined) alarm.attachment = content;
      if (type !== undefined) alarm.attachmentType = type;
    } else if (property.name === 'DALARM') {
      if (content !== undefined) alarm.description = content;
    } else {
      if (content !== undefined) alarm.recipients = [`mailto:${content}`];
      const note = nonEmpty(parts[4]);
      if (note !== undefined) alarm.description = note;
    }
    return alarm;
  });
}

/** vCalendar 1.0 alarm properties: the first alarm of each action (vCalendar holds one of each). */
export function writeVcalAlarms(
  alarms: readonly Alarm[],
  anchors: AlarmAnchors,
  formatTime: (t: CalendarTime) => string,
): VersitProperty[] {
  const out: VersitProperty[] = [];
  const seen = new Set<string>();
  for (const alarm of alarms) {
    const name = ACTION_TO_VCAL[alarm.action] ?? 'DALARM';
    if (seen.has(name)) continue;
    const at = alarmTime(alarm.trigger, anchors);
    if (at === undefined) continue;
    seen.add(name);
    let content: string[] = [];
    if (name === 'AALARM' || name === 'PALARM') content = [alarm.attachment ?? ''];
    else if (name === 'DALARM') content = [alarm.description ?? ''];
    else content = [(alarm.recipients?.[0] ?? '').replace(/^mailto:/i, ''), alarm.description ?? ''];
    const parts = [
      formatTime(at),
      alarm.snooze === undefined ? '' : formatDuration(alarm.snooze),
      alarm.repeat === undefined ? '' : String(alarm.repeat),
      ...content,
    ];
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    // The run time and counts carry no `;`; only free text needs escaping.
    const value = parts.map((p, i) => (i >= 3 ? escapeFor(p, 'vcalendar-1.0') : p)).join(';');
    const params: VersitParam[] = [];
    if (name === 'AALARM' && alarm.attachmentType !== undefined)
      params.push({ name: 'TYPE', values: [alarm.attachmentType] });
    out.push(makeProperty(name, value, params));
  }
  return out;
}

const ICAL_ALARM_KNOWN: ReadonlySet<string> = new Set([
  'ACTION',
  'TRIGGER',
  'DESCRIPTION',
  'SUMMARY',
  'ATTACH',
  'DURATION',
  'REPEAT',
  'ATTENDEE',
]);

/** Reads an iCalendar VALARM. */
export function readIcalAlarm(component: VersitComponent, ctx: VersitReadContext): Alarm | undefined {
  let action = 'DISPLAY';
  let trigger: AlarmTrigger | undefined;
  const alarm: Partial<Alarm> = {};
  const extensions: Extension[] = [];
  for (const property of component.properties) {
    atProperty(property, () => {
      const text = unescapeFor(property.value, 'icalendar-2.0');
      switch (property.name) {
        case 'ACTION':
          action = property.value.trim().toUpperCase();
          break;
        case 'TRIGGER': {
          const valueType = getParamValues(property, 'VALUE')[0]?.toUpperCase();
          if (valueType === 'DATE-TIME' || /^\d{8}T/.test(property.value.trim())) {
            trigger = { at: readTimeText(property.value.trim(), property, ctx).time };
          } else {
            const related = getParamValues(property, 'RELATED')[0]?.toUpperCase() === 'END' ? 'end' : 'start';
            trigger = { related, offset: durationSeconds(parseDuration(property.value)) };
          }
          break;
        }
        case 'DESCRIPTION':
          alarm.description = text;
          break;
        case 'SUMMARY':
          alarm.summary = text;
          break;
        case 'ATTACH': {
          alarm.attachment = property.value.trim();
          const type = getParamValues(property, 'FMTTYPE')[0];
          if (type !== undefined) alarm.attachmentType = type;
          break;
        }
        case 'DURATION':
          alarm.snooze = durationSeconds(parseDuration(property.value));
          break;
        case 'REPEAT':
          if (!/^\d{1,6}$/.test(property.value.trim())) {
            throw new CalendarCodecError('INVALID_VALUE', `REPEAT "${property.value}"`);
          }
          alarm.repeat = Number(property.value.trim());
          break;
        case 'ATTENDEE':
          alarm.recipients = [...(alarm.recipients ?? []), property.value.trim()];
          break;
      }
      if (!ICAL_ALARM_KNOWN.has(property.name))
        extensions.push(propertyExtension(property, 'icalendar', 'component'));
    });
  }
  if (trigger === undefined) return undefined;
  const out: Alarm = { action, trigger };
  Object.assign(out, alarm);
  if (extensions.length > 0) out.extensions = extensions;
  return out;
}

/** An iCalendar VALARM for an alarm. */
export function writeIcalAlarm(alarm: Alarm, summaryFallback: string | undefined): VersitComponent {
  const properties: VersitProperty[] = [makeProperty('ACTION', alarm.action)];
  const t = alarm.trigger;
  if ('at' in t) {
    const at = t.at;
    const utc =
      at.kind === 'utc' || at.kind === 'zoned'
        ? at.utc
        : at.kind === 'floating'
          ? `${at.local}Z`
          : `${at.date}T00:00:00Z`;
    properties.push(
      makeProperty('TRIGGER', utc.replace(/[-:]/g, ''), [{ name: 'VALUE', values: ['DATE-TIME'] }]),
    );
  } else {
    const params: VersitParam[] = t.related === 'end' ? [{ name: 'RELATED', values: ['END'] }] : [];
    properties.push(makeProperty('TRIGGER', formatDuration(t.offset), params));
  }
  // DISPLAY and EMAIL alarms must carry a DESCRIPTION (RFC 5545 §3.6.6).
  const description =
    alarm.description ??
    (alarm.action === 'DISPLAY' || alarm.action === 'EMAIL' ? (summaryFallback ?? 'Reminder') : undefined);
  if (description !== undefined)
    properties.push(makeProperty('DESCRIPTION', escapeFor(description, 'icalendar-2.0')));
  const summary = alarm.summary ?? (alarm.action === 'EMAIL' ? (summaryFallback ?? 'Reminder') : undefined);
  if (summary !== undefined) properties.push(makeProperty('SUMMARY', escapeFor(summary, 'icalendar-2.0')));
  if (alarm.attachment !== undefined) {
    const params: VersitParam[] =
      alarm.attachmentType !== undefined && /\//.test(alarm.attachmentType)
        ? [{ name: 'FMTTYPE', values: [alarm.attachmentType] }]
        : [];
    properties.push(makeProperty('ATTACH', alarm.attachment, params));
  }
  if (alarm.snooze !== undefined && alarm.repeat !== undefined) {
    properties.push(makeProperty('DURATION', formatDuration(alarm.snooze)));
    properties.push(makeProperty('REPEAT', String(alarm.repeat)));
  }
  for (const r of alarm.recipients ?? []) properties.push(makeProperty('ATTENDEE', r));
  for (const e of alarm.extensions ?? []) {
    if (e.type === 'property' && e.format === 'icalendar')
      properties.push(makeProperty(e.name, e.value, e.params, e.group));
  }
  return { name: 'VALARM', properties, components: [] };
}

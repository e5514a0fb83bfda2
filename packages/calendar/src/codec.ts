import { type CalendarFormat, calendarFormatOf } from './content-type.js';
import { CalendarCodecError } from './errors.js';
import type { CalendarEvent, CalendarItem, CalendarTask } from './model/types.js';
import type { CalendarParseOptions, CalendarSerializeOptions } from './options.js';
import { parseSif, toSifE, toSifT } from './sif/sif.js';
import { parseVCalendar, toVCalendar } from './versit/vcalendar.js';

function formatOrThrow(contentType: string, version: string | undefined): CalendarFormat {
  const format = calendarFormatOf(contentType, version);
  if (format === undefined) {
    throw new CalendarCodecError(
      'UNSUPPORTED_CONTENT_TYPE',
      `content type "${contentType}"${version ? ` version ${version}` : ''} is not an event or task format`,
    );
  }
  return format;
}

/**
 * Reads an event or task of any handled content type. For vCalendar and
 * iCalendar the object's own VERSION decides between 1.0 and 2.0 (devices
 * label them loosely); for SIF the root element decides between event and task.
 */
export function parseCalendarItem(
  input: Uint8Array | string,
  contentType: string,
  options?: CalendarParseOptions,
): CalendarItem {
  const format = formatOrThrow(contentType, undefined);
  return format === 'sife' || format === 'sift' ? parseSif(input, options) : parseVCalendar(input, options);
}

/** Reads an event; a task is `MISSING_COMPONENT` (400). */
export function parseEvent(
  input: Uint8Array | string,
  contentType: string,
  options?: CalendarParseOptions,
): CalendarEvent {
  const item = parseCalendarItem(input, contentType, options);
  if (item.kind !== 'event')
    throw new CalendarCodecError('MISSING_COMPONENT', 'expected an event, found a task');
  return item;
}

/** Reads a task; an event is `MISSING_COMPONENT` (400). */
export function parseTask(
  input: Uint8Array | string,
  contentType: string,
  options?: CalendarParseOptions,
): CalendarTask {
  const item = parseCalendarItem(input, contentType, options);
  if (item.kind !== 'task')
    throw new CalendarCodecError('MISSING_COMPONENT', 'expected a task, found an event');
  return item;
}

/** Options of the serialize entry points: the format options plus the content type's version (DevInf `VerCT`). */
export interface SerializeCalendarOptions extends CalendarSerializeOptions {
  /** `1.0` or `2.0` for text/calendar and text/x-vcalendar; default: the type's own version. */
  version?: string | undefined;
}

/**
 * Writes an event or task in the format of a content type. SIF-E carries
 * only events and SIF-T only tasks: the other kind is
 * `UNSUPPORTED_CONTENT_TYPE` (415).
 */
export function serializeCalendarItem(
  item: CalendarItem,
  contentType: string,
  options?: SerializeCalendarOptions,
): string {
  const format = formatOrThrow(contentType, options?.version);
  switch (format) {
    case 'vcalendar-1.0':
      return toVCalendar(item, '1.0', options);
    case 'icalendar-2.0':
      return toVCalendar(item, '2.0', options);
    case 'sife':
      if (item.kind !== 'event')
        throw new CalendarCodecError('UNSUPPORTED_CONTENT_TYPE', 'SIF-E carries events, not tasks');
      return toSifE(item, options);
    case 'sift':
      if (item.kind !== 'task')
        throw new CalendarCodecError('UNSUPPORTED_CONTENT_TYPE', 'SIF-T carries tasks, not events');
      return toSifT(item, options);
  }
}

/** Writes an event (see {@link serializeCalendarItem}). */
export function serializeEvent(
  event: CalendarEvent,
  contentType: string,
  options?: SerializeCalendarOptions,
): string {
  return serializeCalendarItem(event, contentType, options);
}

/** Writes a task (see {@link serializeCalendarItem}). */
export function serializeTask(
  task: CalendarTask,
  contentType: string,
  options?: SerializeCalendarOptions,
): string {
  return serializeCalendarItem(task, contentType, options);
}

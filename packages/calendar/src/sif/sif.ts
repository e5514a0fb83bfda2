import { CalendarCodecError } from '../errors.js';
import type { CalendarEvent, CalendarItem, CalendarTask } from '../model/types.js';
import {
  type CalendarParseOptions,
  type CalendarSerializeOptions,
  resolveParseOptions,
  resolveSerializeOptions,
} from '../options.js';
import { readSif } from './read.js';
import { writeSifE, writeSifT } from './write.js';

/** Reads a SIF-E or SIF-T item (XML, or base64 of it as Funambol clients send it). */
export function parseSif(input: Uint8Array | string, options?: CalendarParseOptions): CalendarItem {
  return readSif(input, resolveParseOptions(options));
}

/** Reads a SIF-E `<appointment>`; a `<task>` is `MISSING_COMPONENT`. */
export function parseSifE(input: Uint8Array | string, options?: CalendarParseOptions): CalendarEvent {
  const item = parseSif(input, options);
  if (item.kind !== 'event')
    throw new CalendarCodecError('MISSING_COMPONENT', 'expected a SIF-E <appointment>, found a <task>');
  return item;
}

/** Reads a SIF-T `<task>`; an `<appointment>` is `MISSING_COMPONENT`. */
export function parseSifT(input: Uint8Array | string, options?: CalendarParseOptions): CalendarTask {
  const item = parseSif(input, options);
  if (item.kind !== 'task')
    throw new CalendarCodecError('MISSING_COMPONENT', 'expected a SIF-T <task>, found an <appointment>');
  return item;
}

/** Writes an event as a SIF-E document (UTF-8 XML; base64 packaging is the transport's job). */
export function toSifE(event: CalendarEvent, options?: CalendarSerializeOptions): string {
  return writeSifE(event, resolveSerializeOptions(options));
}

/** Writes a task as a SIF-T document. */
export function toSifT(task: CalendarTask, options?: CalendarSerializeOptions): string {
  return writeSifT(task, resolveSerializeOptions(options));
}

import type {
  CalendarEvent,
  CalendarItem,
  CalendarTask,
  CalendarTime,
  Extension,
  SourceFormat,
  TimeZoneDefinition,
} from '../model/types.js';
import { type CalendarField, EVENT_FIELDS, TASK_FIELDS } from './fields.js';

// Canonical records are plain data: a JSON-shaped deep copy keeps the result
// independent of both inputs.
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = copy(inner);
    return out as T;
  }
  return value;
}

function mergeItem<T extends CalendarItem>(
  stored: T,
  incoming: T,
  deviceFields: ReadonlySet<string> | undefined,
  fields: readonly CalendarField[],
): T {
  const merged: Record<string, unknown> = { kind: incoming.kind };
  for (const field of fields) {
    const source = deviceFields === undefined || deviceFields.has(field) ? incoming : stored;
    const value = (source as unknown as Record<string, unknown>)[field];
    if (value !== undefined) merged[field] = copy(value);
  }
  const result = merged as unknown as T;
  const zones = zonesOf(result, [...(incoming.timeZones ?? []), ...(stored.timeZones ?? [])]);
  if (zones.length > 0) result.timeZones = zones;
  const extensions = mergeExtensions(stored, incoming);
  if (extensions.length > 0) result.extensions = extensions;
  const origin = incoming.origin ?? stored.origin;
  if (origin !== undefined) result.origin = origin;
  return result;
}

// The incoming format's extensions replace the stored ones of that format;
// the other formats' are kept for their devices.
function mergeExtensions(stored: CalendarItem, incoming: CalendarItem): Extension[] {
  const replaced = new Set<SourceFormat>(
    incoming.origin !== undefined ? [incoming.origin] : (incoming.extensions ?? []).map((e) => e.format),
  );
  return [
    ...(stored.extensions ?? []).filter((e) => !replaced.has(e.format)),
    ...(incoming.extensions ?? []),
  ].map(copy);
}

/** Zone definitions the merged record still refers to (incoming definitions first). */
function zonesOf(item: CalendarItem, candidates: TimeZoneDefinition[]): TimeZoneDefinition[] {
  const used = new Set<string>();
  const visit = (t: CalendarTime | undefined): void => {
    if (t?.kind === 'zoned') used.add(t.tzid);
  };
  visit(item.start);
  visit(item.kind === 'event' ? item.end : item.due);
  if (item.kind === 'task') visit(item.completed);
  visit(item.recurrence?.until);
  for (const t of item.exceptionDates ?? []) visit(t);
  for (const t of item.recurrenceDates ?? []) visit(t);
  for (const a of item.alarms ?? []) if ('at' in a.trigger) visit(a.trigger.at);
  const out: TimeZoneDefinition[] = [];
  for (const tzid of used) {
    const def = candidates.find((d) => d.tzid === tzid);
    out.push(copy(def ?? { tzid, observances: [] }));
  }
  return out;
}

/**
 * Field-level merge of an event update from a device into the stored event.
 *
 * - Fields in `deviceFields` (canonical names, from {@link fieldsFromCtCap})
 *   take the incoming value; absent in `incoming` means the device deleted it.
 * - Fields the device cannot hold keep the stored value.
 * - `deviceFields` undefined: the device holds every field.
 * - Extensions of the incoming record's format (`origin`) replace the stored
 *   ones of that format; other formats' extensions are kept.
 * - `timeZones` are recomputed: the definitions the merged times refer to.
 *
 * Pure: neither input is changed and the result shares nothing with them.
 */
export function mergeEvent(
  stored: CalendarEvent,
  incoming: CalendarEvent,
  deviceFields: ReadonlySet<string> | undefined,
): CalendarEvent {
  return mergeItem(stored, incoming, deviceFields, EVENT_FIELDS);
}

/** Field-level merge of a task update (see {@link mergeEvent}). */
export function mergeTask(
  stored: CalendarTask,
  incoming: CalendarTask,
  deviceFields: ReadonlySet<string> | undefined,
): CalendarTask {
  return mergeItem(stored, incoming, deviceFields, TASK_FIELDS);
}

/**
 * Merge of any item: events with events, tasks with tasks. When the kinds
 * differ the device replaced the item, and the result is a copy of `incoming`.
 */
export function mergeCalendarItem(
  stored: CalendarItem,
  incoming: CalendarItem,
  deviceFields: ReadonlySet<string> | undefined,
): CalendarItem {
  if (stored.kind === 'event' && incoming.kind === 'event') return mergeEvent(stored, incoming, deviceFields);
  if (stored.kind === 'task' && incoming.kind === 'task') return mergeTask(stored, incoming, deviceFields);
  return copy(incoming);
}

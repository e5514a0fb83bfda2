import {
  type CalendarItem,
  fieldsFromCtCap as calendarFields,
  mergeEvent,
  mergeTask,
} from '@syncds/calendar';
import { fieldsFromCtCap as contactFields, mergeContact } from '@syncds/contacts';
import { mergeNote, fieldsFromCtCap as noteFields } from '@syncds/notes';
import type { DatastoreInfo } from '../choice/choose-format.js';
import type { CanonicalRecord } from '../record/canonical-record.js';
import { FORMAT_KINDS, formatOf, type ItemKind, mediaTypeOf } from '../registry/content-types.js';

// Records are plain JSON-safe data.
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Field-level merge of a device's update into the stored record (R18,
 * complaint 3): fields the device can hold take the incoming value (absent =
 * deleted), fields it cannot hold keep the stored one. `deviceFields` are
 * canonical field names, from {@link fieldsFromCtCap} / {@link deviceFieldsOf};
 * undefined means the device holds every field. Extensions of the incoming
 * record's format family replace the stored ones; the other family's stay.
 * When the kinds differ the device replaced the item: the result is a copy of
 * `incoming`. Pure.
 */
export function mergeItem(
  stored: CanonicalRecord,
  incoming: CanonicalRecord,
  deviceFields: ReadonlySet<string> | undefined,
): CanonicalRecord {
  if (stored.kind === 'contact' && incoming.kind === 'contact') {
    return { kind: 'contact', contact: mergeContact(stored.contact, incoming.contact, deviceFields) };
  }
  if (stored.kind === 'event' && incoming.kind === 'event') {
    return { kind: 'event', event: mergeEvent(stored.event, incoming.event, deviceFields) };
  }
  if (stored.kind === 'task' && incoming.kind === 'task') {
    return { kind: 'task', task: mergeTask(stored.task, incoming.task, deviceFields) };
  }
  if (stored.kind === 'note' && incoming.kind === 'note') {
    return { kind: 'note', note: mergeNote(stored.note, incoming.note, deviceFields) };
  }
  return copy(incoming);
}

/** Options of {@link fieldsFromCtCap}. */
export interface CtCapFieldsOptions {
  /** DevInf `VerCT` of the content type. */
  version?: string;
  /** The kind the folder holds: tells journal notes from events and tasks under `text/calendar`. Default `event`. */
  kind?: ItemKind;
}

/**
 * The canonical fields a device can hold for items of `contentType`, from
 * the property names of its CTCap (the codec package's own mapping). An empty
 * list gives every field the format can carry. Undefined for a type outside
 * the registry.
 */
export function fieldsFromCtCap(
  propNames: readonly string[],
  contentType: string,
  options: CtCapFieldsOptions = {},
): ReadonlySet<string> | undefined {
  const format = formatOf(contentType, options.version);
  if (format === undefined) return undefined;
  const kinds = FORMAT_KINDS[format];
  if (kinds.includes('contact')) return contactFields(propNames, contentType);
  const kind = options.kind ?? kinds[0]!;
  if (kind === 'note' && kinds.includes('note')) {
    return noteFields(propNames, format === 'icalendar-2.0' ? 'text/calendar' : contentType);
  }
  return calendarFields(propNames, contentType, options.version);
}

/**
 * The canonical fields a device can hold, from its datastore info: the
 * property names of the CTCap for `contentType` (matching version when the
 * CTCap names one), else every field the format carries.
 */
export function deviceFieldsOf(
  datastore: DatastoreInfo | undefined,
  contentType: string,
  options: CtCapFieldsOptions = {},
): ReadonlySet<string> | undefined {
  const type = mediaTypeOf(contentType);
  const caps = (datastore?.ctCaps ?? []).filter((cap) => mediaTypeOf(cap.ctType) === type);
  const versioned = caps.find(
    (cap) => options.version !== undefined && cap.verCT?.trim() === options.version,
  );
  const cap = versioned ?? caps[0];
  const names = (cap?.properties ?? []).map((p) => p.propName);
  return fieldsFromCtCap(names, contentType, options);
}

/** The calendar item of a record, for callers that handle events and tasks alike. */
export function calendarItemOf(record: CanonicalRecord): CalendarItem | undefined {
  return record.kind === 'event' ? record.event : record.kind === 'task' ? record.task : undefined;
}

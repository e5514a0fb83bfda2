import { type SerializeCalendarOptions, serializeCalendarItem } from '@syncds/calendar';
import { type ContactSerializeOptions, serializeContact } from '@syncds/contacts';
import { type SerializeNoteOptions, serializeNote } from '@syncds/notes';
import { FormatError } from '../errors.js';
import type { CanonicalRecord } from '../record/canonical-record.js';
import { FORMAT_KINDS, formatOf } from '../registry/content-types.js';

/** Options of {@link serializeItem}: the target's version and per-codec options. */
export interface SerializeItemOptions {
  /** DevInf `VerCT` of the target content type (decides vCard 2.1 / 3.0, vCalendar 1.0 / iCalendar 2.0). */
  version?: string;
  contact?: ContactSerializeOptions;
  calendar?: SerializeCalendarOptions;
  note?: SerializeNoteOptions;
}

const utf8 = new TextEncoder();

/**
 * Writes a record in a content type (and version), as UTF-8 bytes ready for
 * `<Data>` (apply the item's `Meta/Format` encoding afterwards).
 *
 * @throws {FormatError} `UNSUPPORTED_CONTENT_TYPE` for a type outside the
 *   registry, `KIND_NOT_CARRIED` when the type cannot carry the record's
 *   kind (a task as SIF-E, a note as vCalendar 1.0), both 415.
 * @throws {ContactCodecError | CalendarCodecError | NoteCodecError} when the
 *   codec cannot state the record in that format (e.g. a rule vCalendar 1.0
 *   cannot express, with `unrepresentableRule: 'error'`).
 */
export function serializeItem(
  record: CanonicalRecord,
  contentType: string,
  options: SerializeItemOptions = {},
): Uint8Array {
  const version = options.version;
  const format = formatOf(contentType, version);
  if (format === undefined) {
    throw new FormatError(
      'UNSUPPORTED_CONTENT_TYPE',
      `no codec writes items of type ${contentType}`,
      contentType,
    );
  }
  if (!FORMAT_KINDS[format].includes(record.kind)) {
    throw new FormatError(
      'KIND_NOT_CARRIED',
      `${contentType} (${format}) cannot carry a ${record.kind}`,
      contentType,
    );
  }
  const withVersion = <T extends object>(o: T | undefined): T & { version?: string } =>
    version === undefined ? { ...(o as T) } : { ...(o as T), version };
  switch (record.kind) {
    case 'contact':
      return utf8.encode(serializeContact(record.contact, contentType, withVersion(options.contact)));
    case 'event':
      return utf8.encode(serializeCalendarItem(record.event, contentType, withVersion(options.calendar)));
    case 'task':
      return utf8.encode(serializeCalendarItem(record.task, contentType, withVersion(options.calendar)));
    case 'note': {
      // Notes know iCalendar only as text/calendar 2.0, however the device labels it.
      const noteType = format === 'icalendar-2.0' ? 'text/calendar' : contentType;
      const noteOptions = { ...options.note };
      return utf8.encode(serializeNote(record.note, noteType, noteOptions));
    }
  }
}

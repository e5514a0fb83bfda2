import {
  escapeText,
  getParamValues,
  joinList,
  serializeVersit,
  type VersitComponent,
  type VersitParam,
  type VersitProperty,
} from '@syncds/versit';
import { NoteCodecError } from '../errors.js';
import type { Note } from '../model/note.js';
import type { NoteParseOptions, NoteSerializeOptions } from '../options.js';
import { formatBasicDate, isDateOnly, parseDateValue } from '../values/date.js';
import {
  componentExtension,
  extensionComponent,
  extensionProperty,
  propertyExtension,
} from './extensions.js';
import {
  dateReader,
  type ItemDialect,
  type PropertyReader,
  readItemProperties,
  readUid,
  textReader,
  tokenReader,
} from './item-properties.js';
import { componentLocation, parseNoteItem } from './parse-item.js';
import { readDate } from './read-values.js';

const DIALECT = 'icalendar-2.0';

/** PRODID written on every vJournal. */
export const VJOURNAL_PRODID = '-//syncds//notes//EN';

// Calendar-level properties this codec writes itself: kept copies would double them.
const WRITTEN_CALENDAR_PROPERTIES: ReadonlySet<string> = new Set(['VERSION', 'PRODID']);

function readStart(note: Note, property: VersitProperty): boolean {
  const date = readDate(property);
  if (date === undefined) return true;
  const tzid = getParamValues(property, 'TZID')[0]?.trim();
  // A named zone keeps the local time; the zone's VTIMEZONE travels as an extension.
  if (tzid !== undefined && tzid !== '' && !date.endsWith('Z') && !isDateOnly(date))
    note.entryTimeZone = tzid;
  note.entryDate = date;
  return true;
}

/** How a VJOURNAL maps onto a note. CATEGORIES lists are split at `,` only. */
export const VJOURNAL_ITEM: ItemDialect = {
  dialect: DIALECT,
  readers: new Map<string, PropertyReader>([
    ['SUMMARY', textReader('subject', DIALECT)],
    ['DESCRIPTION', textReader('body', DIALECT)],
    ['CLASS', tokenReader('classification', DIALECT)],
    ['STATUS', tokenReader('status', DIALECT)],
    ['CREATED', dateReader('created')],
    ['LAST-MODIFIED', dateReader('modified')],
    ['UID', readUid],
    ['DTSTART', readStart],
  ]),
  legacyCategories: false,
  dropped: new Set(),
};

/**
 * An iCalendar 2.0 item (`text/calendar`) holding a VJOURNAL, as a note.
 * SUMMARY is the subject, the first DESCRIPTION the body, DTSTART the entry
 * date (with its TZID). Other properties of the VJOURNAL (DTSTAMP, RRULE,
 * ATTENDEE, further DESCRIPTIONs...) and of the VCALENDAR (but VERSION and
 * PRODID), VTIMEZONEs and further components are kept as extensions.
 *
 * @throws {NoteCodecError} a Versit syntax, charset or limit error,
 *   `WRONG_OBJECT` when there is no VCALENDAR 2.0 with a VJOURNAL,
 *   `INVALID_DATE`.
 */
export function parseVJournal(input: Uint8Array | string, options: NoteParseOptions = {}): Note {
  const { dialect, component: calendar } = parseNoteItem(input, options);
  if (calendar.name !== 'VCALENDAR' || dialect !== DIALECT) {
    throw new NoteCodecError(
      'WRONG_OBJECT',
      `a vJournal item is a VCALENDAR with VERSION:2.0, not ${calendar.name} (${dialect ?? 'unknown version'})`,
      componentLocation(calendar),
    );
  }
  const journal = calendar.components.find((c) => c.name === 'VJOURNAL');
  if (journal === undefined) {
    throw new NoteCodecError('WRONG_OBJECT', 'the VCALENDAR holds no VJOURNAL', componentLocation(calendar));
  }
  const note: Note = { extensions: [], origin: 'vjournal-2.0' };
  for (const property of calendar.properties) {
    if (!WRITTEN_CALENDAR_PROPERTIES.has(property.name)) {
      note.extensions.push(propertyExtension(property, DIALECT, 'calendar'));
    }
  }
  for (const nested of calendar.components) {
    if (nested !== journal) note.extensions.push(componentExtension(nested, DIALECT, 'calendar'));
  }
  readItemProperties(note, journal, VJOURNAL_ITEM);
  return note;
}

function property(name: string, value: string, params: VersitParam[] = []): VersitProperty {
  return { name, params, value };
}

function startProperty(note: Note, date: string): VersitProperty {
  if (isDateOnly(date))
    return property('DTSTART', formatBasicDate(date), [{ name: 'VALUE', values: ['DATE'] }]);
  const params = note.entryTimeZone === undefined ? [] : [{ name: 'TZID', values: [note.entryTimeZone] }];
  return property('DTSTART', formatBasicDate(date), params);
}

/** Options of {@link toVJournal}: the common ones plus the DTSTAMP fallback. */
export interface VJournalSerializeOptions extends NoteSerializeOptions {
  /**
   * DTSTAMP (an ISO instant, `2024-01-31T10:00:00Z`) when the note has no kept
   * DTSTAMP, no `modified` and no `created`. Without it such a note is written
   * without DTSTAMP. The codec never reads a clock itself.
   */
  timestamp?: string;
}

/**
 * A note as an iCalendar 2.0 VJOURNAL in a VCALENDAR: calendar extensions and
 * kept VTIMEZONEs, then UID, DTSTAMP (the kept one, else `modified`,
 * `created` or `options.timestamp`), DTSTART, SUMMARY, DESCRIPTION,
 * CATEGORIES, CLASS, STATUS, CREATED, LAST-MODIFIED and the kept item
 * extensions. SIF-only fields (folder, colour, position) have no place in it.
 */
export function toVJournal(note: Note, options: VJournalSerializeOptions = {}): string {
  const calendar: VersitComponent = {
    name: 'VCALENDAR',
    properties: [property('VERSION', '2.0'), property('PRODID', VJOURNAL_PRODID)],
    components: [],
  };
  const journal: VersitComponent = { name: 'VJOURNAL', properties: [], components: [] };
  const kept: VersitProperty[] = [];
  for (const extension of note.extensions) {
    if (extension.family !== 'versit') continue;
    const target = extension.scope === 'calendar' ? calendar : journal;
    if ('component' in extension) {
      target.components.push(extensionComponent(extension.component, extension.dialect, DIALECT));
    } else if (extension.scope === 'calendar') {
      target.properties.push(extensionProperty(extension, extension.dialect, DIALECT));
    } else kept.push(extensionProperty(extension, extension.dialect, DIALECT));
  }
  calendar.components.push(journal);
  const p = journal.properties;
  if (note.uid !== undefined) p.push(property('UID', escapeText(note.uid, DIALECT)));
  if (!kept.some((k) => k.name === 'DTSTAMP')) {
    const stamp = note.modified ?? note.created ?? options.timestamp;
    const utc = stamp === undefined ? undefined : parseDateValue(stamp);
    if (utc?.endsWith('Z')) p.push(property('DTSTAMP', formatBasicDate(utc)));
  }
  if (note.entryDate !== undefined) p.push(startProperty(note, note.entryDate));
  if (note.subject !== undefined) p.push(property('SUMMARY', escapeText(note.subject, DIALECT)));
  if (note.body !== undefined) p.push(property('DESCRIPTION', escapeText(note.body, DIALECT)));
  if (note.categories !== undefined) p.push(property('CATEGORIES', joinList(note.categories, DIALECT, ',')));
  if (note.classification !== undefined) p.push(property('CLASS', note.classification));
  if (note.status !== undefined) p.push(property('STATUS', note.status));
  if (note.created !== undefined) p.push(property('CREATED', formatBasicDate(note.created)));
  if (note.modified !== undefined) p.push(property('LAST-MODIFIED', formatBasicDate(note.modified)));
  p.push(...kept);
  return serializeVersit(calendar, {
    dialect: DIALECT,
    ...(options.foldWidth === undefined ? {} : { foldWidth: options.foldWidth }),
  });
}

import { type CalendarParseOptions, parseCalendarItem } from '@syncds/calendar';
import { type ContactParseOptions, parseContact } from '@syncds/contacts';
import { type NoteParseOptions, parseNote } from '@syncds/notes';
import { FormatError } from '../errors.js';
import type { CanonicalRecord } from '../record/canonical-record.js';
import { FORMAT_KINDS, formatOf, type ItemFormat, type ItemKind } from '../registry/content-types.js';

/** Limits shared by every codec; each is handed to the codec that reads the item. */
export interface ItemLimits {
  /** Largest item in bytes. Default: the codec's (4 MiB in each). */
  maxItemBytes?: number;
  /** Longest unfolded Versit line in bytes. Default: the codec's (1 MiB). */
  maxLineBytes?: number;
  /** Most Versit properties / SIF elements in one item. Default: the codec's (10 000 properties; 1 000 SIF-N elements). */
  maxFields?: number;
  /** Charset for undeclared non-UTF-8 Versit text; `null` rejects it. Default `windows-1252`. */
  fallbackCharset?: string | null;
}

/** Options of {@link parseItem}. */
export interface ParseItemOptions extends ItemLimits {
  /** `Meta/Version` (or DevInf `VerCT`) of the content type, when the device gave one. */
  version?: string;
  /**
   * The kind the folder holds. Only decides between a journal note and an
   * event/task for `text/calendar`; otherwise the item says what it is.
   */
  kind?: ItemKind;
  /** Options only the calendar codec knows (device time zone, all-day detection...). */
  calendar?: CalendarParseOptions;
}

function formatOrThrow(contentType: string, version: string | undefined): ItemFormat {
  const format = formatOf(contentType, version);
  if (format === undefined) {
    const pair =
      version === undefined || version === '' ? contentType : `${contentType} (version ${version})`;
    throw new FormatError('UNSUPPORTED_CONTENT_TYPE', `no codec reads items of type ${pair}`, contentType);
  }
  return format;
}

function contactOptions(o: ParseItemOptions): ContactParseOptions {
  const out: ContactParseOptions = {};
  if (o.maxItemBytes !== undefined) out.maxItemBytes = o.maxItemBytes;
  if (o.maxLineBytes !== undefined) out.maxLineBytes = o.maxLineBytes;
  if (o.maxFields !== undefined) out.maxFields = o.maxFields;
  if (o.fallbackCharset !== undefined) out.fallbackCharset = o.fallbackCharset;
  return out;
}

function calendarOptions(o: ParseItemOptions): CalendarParseOptions {
  const out: CalendarParseOptions = { ...o.calendar };
  if (o.maxItemBytes !== undefined) out.maxItemBytes = o.maxItemBytes;
  if (o.maxLineBytes !== undefined) out.maxLineBytes = o.maxLineBytes;
  if (o.maxFields !== undefined) out.maxProperties = o.maxFields;
  if (o.fallbackCharset !== undefined) out.fallbackCharset = o.fallbackCharset;
  return out;
}

function noteOptions(o: ParseItemOptions): NoteParseOptions {
  const out: NoteParseOptions = {};
  if (o.maxItemBytes !== undefined) out.maxItemBytes = o.maxItemBytes;
  if (o.maxLineBytes !== undefined) out.maxLineBytes = o.maxLineBytes;
  if (o.maxFields !== undefined) {
    out.maxProperties = o.maxFields;
    out.maxSifElements = o.maxFields;
  }
  if (o.fallbackCharset !== undefined) out.fallbackCharset = o.fallbackCharset;
  return out;
}

const BEGIN_VJOURNAL = new TextEncoder().encode('BEGIN:VJOURNAL');
const BEGIN_VEVENT_OR_VTODO = [
  new TextEncoder().encode('BEGIN:VEVENT'),
  new TextEncoder().encode('BEGIN:VTODO'),
];

/** True when `needle` (upper-case ASCII) starts a line of `bytes`, compared without regard to case. */
function hasLine(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (i > 0 && bytes[i - 1] !== 0x0a && bytes[i - 1] !== 0x0d) continue;
    for (let j = 0; j < needle.length; j++) {
      const b = bytes[i + j]!;
      if ((b >= 0x61 && b <= 0x7a ? b - 0x20 : b) !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

/** A `text/calendar` item holding a VJOURNAL and no VEVENT / VTODO is a note. */
function isJournal(input: Uint8Array | string, kind: ItemKind | undefined): boolean {
  if (kind !== undefined) return kind === 'note';
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return hasLine(bytes, BEGIN_VJOURNAL) && !BEGIN_VEVENT_OR_VTODO.some((needle) => hasLine(bytes, needle));
}

/**
 * Reads one item (the bytes of a SyncML `<Data>`, after its `Meta/Format`
 * encoding is undone) into a canonical record. The content type (and
 * version) picks the codec; vCard and vCalendar items' own VERSION decides
 * their dialect; a `text/calendar` VJOURNAL becomes a note.
 *
 * @throws {FormatError} `UNSUPPORTED_CONTENT_TYPE` (415) for a type outside the registry.
 * @throws {ContactCodecError | CalendarCodecError | NoteCodecError} for a bad item
 *   (see {@link isItemCodecError}); each carries the SyncML `status` to answer with.
 */
export function parseItem(
  input: Uint8Array | string,
  contentType: string,
  options: ParseItemOptions = {},
): CanonicalRecord {
  const format = formatOrThrow(contentType, options.version);
  const kinds = FORMAT_KINDS[format];
  if (kinds.includes('contact')) {
    return { kind: 'contact', contact: parseContact(input, contentType, contactOptions(options)) };
  }
  if (kinds.includes('note') && (!kinds.includes('event') || isJournal(input, options.kind))) {
    const noteType = format === 'icalendar-2.0' ? 'text/calendar' : contentType;
    return { kind: 'note', note: parseNote(input, noteType, noteOptions(options)) };
  }
  const item = parseCalendarItem(input, contentType, calendarOptions(options));
  return item.kind === 'event' ? { kind: 'event', event: item } : { kind: 'task', task: item };
}

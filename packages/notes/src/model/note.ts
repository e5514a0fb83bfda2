import type { NoteFormat } from '../content-type.js';

/**
 * The canonical note: one record per item whatever format the devices use.
 * Plain JSON-safe data (strings, numbers, arrays, plain objects), so a store
 * can keep it as JSON and diff it.
 *
 * Conventions:
 * - An empty value is an absent field: parsers never produce `''` or `[]`.
 * - Text uses `\n` for line breaks; serializers write the line break of the
 *   target (CRLF by default).
 * - Dates are ISO-8601 extended strings: an instant in UTC
 *   (`2006-10-14T09:00:53Z`), a floating local time without zone
 *   (`2006-10-14T09:00:53`) or a date (`2006-10-14`).
 */
export interface Note {
  /**
   * Title. SIF-N `Subject`, vNote / vJournal `SUMMARY`. For text/plain it is
   * the first line of the text (Outlook and Windows Mobile derive the subject
   * of a note from its first line the same way).
   */
  subject?: string;
  /** The note text. SIF-N `Body`, vNote `BODY`, vJournal `DESCRIPTION`, the whole text/plain item. */
  body?: string;
  /** SIF-N `Categories` (comma-separated), vNote / vJournal `CATEGORIES`. */
  categories?: string[];
  /** `PUBLIC`, `PRIVATE`, `CONFIDENTIAL` or another token, upper-case: vNote / vJournal `CLASS`. */
  classification?: string;
  /** Creation time: vNote `DCREATED`, vJournal `CREATED`. */
  created?: string;
  /** Last modification: vNote / vJournal `LAST-MODIFIED`, SIF-N `Date`. */
  modified?: string;
  /** Globally unique id given by the creator: vNote / vJournal `UID`. */
  uid?: string;
  /** vJournal `DTSTART`: the day (or local time) the journal entry is about. */
  entryDate?: string;
  /** `TZID` of a vJournal `DTSTART` given in a named zone; `entryDate` then holds the local time there. */
  entryTimeZone?: string;
  /** vJournal `STATUS` (`DRAFT`, `FINAL`, `CANCELLED`), upper-case. */
  status?: string;
  /** Outlook folder path: SIF-N `Folder`, vNote `X-FUNAMBOL-FOLDER`. */
  folder?: string;
  /** Outlook note colour 0 blue, 1 green, 2 pink, 3 yellow, 4 white: SIF-N `Color`, vNote `X-FUNAMBOL-COLOR`. */
  color?: number;
  /** Window position and size in pixels: SIF-N `Top`, `Left`, `Height`, `Width`, vNote `X-FUNAMBOL-POSITION`. */
  top?: number;
  left?: number;
  height?: number;
  width?: number;
  /** Properties / elements the model does not know, given back to a device of the same family. */
  extensions: NoteExtension[];
  /**
   * The format this record was last read from (set by the parsers). Not a
   * field of the note: {@link mergeNote} uses it to tell which family's
   * extensions the update replaces.
   */
  origin?: NoteFormat;
}

/** The two families of note formats. text/plain belongs to `versit` (it can hold no extensions). */
export type NoteFamily = 'versit' | 'sif';

/** A parameter of a kept Versit property. */
export interface ExtensionParam {
  name: string;
  values: string[];
}

/**
 * A Versit property the model does not know, kept as parsed: transfer
 * encodings undone, the value's escapes of its dialect still in place.
 */
export interface VersitPropertyExtension {
  family: 'versit';
  /** `item` for a property of the VNOTE / VJOURNAL, `calendar` for one of the enclosing VCALENDAR. */
  scope: 'item' | 'calendar';
  /** Dialect whose escapes the value carries (`vnote-1.1`, `icalendar-2.0`); rewritten for another dialect. */
  dialect: string;
  group?: string;
  name: string;
  params: ExtensionParam[];
  /** Text value, or base64 of the bytes when `base64` is true. */
  value: string;
  base64?: true;
}

/** A nested Versit component the model does not know (a VTIMEZONE, a VALARM...), kept whole. */
export interface VersitComponentExtension {
  family: 'versit';
  scope: 'item' | 'calendar';
  /** Dialect whose escapes the values carry. */
  dialect: string;
  component: ExtensionComponent;
}

/** A property inside a kept component. */
export type ExtensionProperty = Omit<VersitPropertyExtension, 'family' | 'scope' | 'dialect'>;

/** Plain copy of a Versit component. */
export interface ExtensionComponent {
  name: string;
  properties: ExtensionProperty[];
  components: ExtensionComponent[];
}

/** A SIF element the model does not know, with its attributes, text and child elements. */
export interface SifElementExtension {
  family: 'sif';
  element: SifElement;
}

/** Plain copy of one SIF element. */
export interface SifElement {
  name: string;
  attributes: [name: string, value: string][];
  text: string;
  children: SifElement[];
}

export type NoteExtension = VersitPropertyExtension | VersitComponentExtension | SifElementExtension;

/** A note with no fields and no extensions. */
export function emptyNote(): Note {
  return { extensions: [] };
}

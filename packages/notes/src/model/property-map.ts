import { type NoteFormat, noteFormatOf } from '../content-type.js';
import type { NoteField } from './fields.js';

/**
 * Per format: the property (Versit) or element (SIF) names a device lists in
 * its DevInf CTCap, and the canonical fields each one carries. Names are
 * upper-case for Versit and as spelled by Funambol for SIF; lookups ignore case.
 */
export const NOTE_PROPERTY_FIELDS: Readonly<
  Record<NoteFormat, Readonly<Record<string, readonly NoteField[]>>>
> = {
  'vnote-1.1': {
    SUMMARY: ['subject'],
    BODY: ['body'],
    CATEGORIES: ['categories'],
    CLASS: ['classification'],
    DCREATED: ['created'],
    'LAST-MODIFIED': ['modified'],
    UID: ['uid'],
    'X-FUNAMBOL-FOLDER': ['folder'],
    'X-FUNAMBOL-COLOR': ['color'],
    'X-FUNAMBOL-POSITION': ['top', 'left', 'height', 'width'],
  },
  'vjournal-2.0': {
    SUMMARY: ['subject'],
    DESCRIPTION: ['body'],
    CATEGORIES: ['categories'],
    CLASS: ['classification'],
    CREATED: ['created'],
    'LAST-MODIFIED': ['modified'],
    UID: ['uid'],
    DTSTART: ['entryDate', 'entryTimeZone'],
    STATUS: ['status'],
  },
  sifn: {
    Subject: ['subject'],
    Body: ['body'],
    Categories: ['categories'],
    Date: ['modified'],
    Folder: ['folder'],
    Color: ['color'],
    Top: ['top'],
    Left: ['left'],
    Height: ['height'],
    Width: ['width'],
  },
  // A plain-text note is its text: the subject is its first line.
  plain: {},
};

const PLAIN_FIELDS: readonly NoteField[] = ['subject', 'body'];

/** Every canonical field a format can carry at all. */
export function noteFieldsOfFormat(format: NoteFormat): ReadonlySet<NoteField> {
  if (format === 'plain') return new Set(PLAIN_FIELDS);
  return new Set(Object.values(NOTE_PROPERTY_FIELDS[format]).flat());
}

/**
 * The canonical fields a device can hold, from the property names of its
 * DevInf CTCap for `contentType`: the input of {@link mergeNote}.
 *
 * - Names are matched case-insensitively; BEGIN, END, VERSION and unknown
 *   names add nothing.
 * - No CTCap (an empty list) gives every field the format can carry: a
 *   device is never asked to hold more than its format allows, and fields
 *   the format cannot carry are never erased by its updates.
 * - text/plain always gives `subject` and `body`.
 * - An unknown content type gives undefined.
 */
export function fieldsFromCtCap(
  propNames: readonly string[],
  contentType: string,
): ReadonlySet<NoteField> | undefined {
  const format = noteFormatOf(contentType);
  if (format === undefined) return undefined;
  if (format === 'plain' || propNames.length === 0) return noteFieldsOfFormat(format);
  const table = NOTE_PROPERTY_FIELDS[format];
  const byUpperName = new Map(Object.entries(table).map(([name, fields]) => [name.toUpperCase(), fields]));
  const fields = new Set<NoteField>();
  for (const name of propNames)
    for (const field of byUpperName.get(name.trim().toUpperCase()) ?? []) fields.add(field);
  return fields;
}

import { familyOfNoteFormat, type NoteFormat } from '../content-type.js';
import { NOTE_FIELDS } from '../model/fields.js';
import type { Note, NoteExtension, NoteFamily } from '../model/note.js';
import { firstLine } from '../values/text.js';

/** What {@link mergeNote} may be told about the incoming note beyond its `origin`. */
export interface MergeNoteOptions {
  /** Format the incoming note was read from; implies `family`. Default `incoming.origin`. */
  format?: NoteFormat;
  /** Family the incoming note was read from. Default: that of `format`. */
  family?: NoteFamily;
}

/**
 * A text/plain note carries the subject only as the first line of its text.
 * When the stored subject is not the first line of the stored body,
 * {@link toPlainText} wrote it in front of the body; an update that still
 * starts with that line gets it taken off again, so the body does not grow
 * by the subject on every sync.
 */
function withoutPrependedSubject(stored: Note, incoming: Note): Note {
  const subject = stored.subject?.trim();
  const body = incoming.body;
  if (subject === undefined || subject === '' || body === undefined) return incoming;
  if (stored.body !== undefined && firstLine(stored.body).trim() === subject) return incoming;
  if (firstLine(body).trim() !== subject) return incoming;
  const rest = body.indexOf('\n') < 0 ? '' : body.slice(body.indexOf('\n') + 1);
  const out: Note = { ...incoming, subject: stored.subject! };
  if (rest.trim() === '') delete out.body;
  else out.body = rest;
  return out;
}

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

/**
 * Field-level merge of an update from a device into the stored note.
 *
 * - Fields in `deviceFields` (canonical names, from {@link fieldsFromCtCap})
 *   take the incoming value; absent in `incoming` means the device deleted it.
 * - Fields the device cannot hold keep the stored value.
 * - `deviceFields` undefined: the device holds every field, `incoming` wins
 *   for all of them.
 * - Extensions: those of the incoming family replace the stored ones of that
 *   family; the other family's are kept. The family is `options.family`, else
 *   that of `options.format` or `incoming.origin` (set by every parser), else
 *   the families present in `incoming.extensions`.
 * - When the incoming note is text/plain, a subject line the server put in
 *   front of the text is recognised and taken off the incoming body.
 * - The result's `origin` is the incoming format (else the stored one).
 *
 * Pure: neither input is changed, the result shares nothing with them.
 */
export function mergeNote(
  stored: Note,
  received: Note,
  deviceFields: ReadonlySet<string> | undefined,
  options: MergeNoteOptions = {},
): Note {
  const format = options.format ?? received.origin;
  const incoming = format === 'plain' ? withoutPrependedSubject(stored, received) : received;
  const incomingFamily = options.family ?? (format === undefined ? undefined : familyOfNoteFormat(format));
  const merged: Record<string, unknown> = {};
  for (const field of NOTE_FIELDS) {
    const source = deviceFields === undefined || deviceFields.has(field) ? incoming : stored;
    const value = source[field];
    if (value !== undefined) merged[field] = copy(value);
  }
  const replaced = new Set<NoteFamily>(
    incomingFamily === undefined ? incoming.extensions.map((e) => e.family) : [incomingFamily],
  );
  const extensions: NoteExtension[] = [
    ...stored.extensions.filter((e) => !replaced.has(e.family)),
    ...incoming.extensions,
  ].map(copy);
  const result: Note = { ...(merged as Omit<Note, 'extensions'>), extensions };
  const origin = format ?? stored.origin;
  if (origin !== undefined) result.origin = origin;
  return result;
}

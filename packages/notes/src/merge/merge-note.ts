import { NOTE_FIELDS } from '../model/fields.js';
import type { Note, NoteExtension, NoteFamily } from '../model/note.js';

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
 *   family; the other family's are kept. The family is `incomingFamily` when
 *   given, else the families present in `incoming.extensions` (so without it
 *   a device cannot delete its last extension).
 *
 * Pure: neither input is changed, the result shares nothing with them.
 */
export function mergeNote(
  stored: Note,
  incoming: Note,
  deviceFields: ReadonlySet<string> | undefined,
  incomingFamily?: NoteFamily,
): Note {
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
  return { ...(merged as Omit<Note, 'extensions'>), extensions };
}

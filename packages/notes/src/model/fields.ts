import type { Note } from './note.js';

/** Name of a canonical note field (every key of {@link Note} but `extensions`). */
export type NoteField = Exclude<keyof Note, 'extensions'>;

/** Every canonical note field, in a stable order. */
export const NOTE_FIELDS: readonly NoteField[] = [
  'subject',
  'body',
  'categories',
  'classification',
  'created',
  'modified',
  'uid',
  'entryDate',
  'entryTimeZone',
  'status',
  'folder',
  'color',
  'top',
  'left',
  'height',
  'width',
];

export {
  contentTypeOfNoteFormat,
  familyOfNoteFormat,
  isNoteContentType,
  type MediaType,
  NOTE_CONTENT_TYPES,
  type NoteContentType,
  type NoteFormat,
  noteFormatOf,
  parseMediaType,
} from './content-type.js';
export {
  NOTE_ERROR_STATUS,
  NoteCodecError,
  type NoteCodecErrorCode,
  type NoteErrorLocation,
} from './errors.js';
export { type MergeNoteOptions, mergeNote } from './merge/merge-note.js';
export { NOTE_FIELDS, type NoteField } from './model/fields.js';
export type {
  ExtensionComponent,
  ExtensionParam,
  ExtensionProperty,
  Note,
  NoteExtension,
  NoteFamily,
  SifElement,
  SifElementExtension,
  VersitComponentExtension,
  VersitPropertyExtension,
} from './model/note.js';
export { emptyNote } from './model/note.js';
export { fieldsFromCtCap, NOTE_PROPERTY_FIELDS, noteFieldsOfFormat } from './model/property-map.js';
export {
  parseNote,
  type ParseNoteOptions,
  serializeNote,
  type SerializeNoteOptions,
} from './note-codec.js';
export {
  DEFAULT_MAX_NOTE_BYTES,
  DEFAULT_MAX_SIF_ELEMENTS,
  DEFAULT_NOTE_FALLBACK_CHARSET,
  type NoteParseOptions,
  type NoteSerializeOptions,
} from './options.js';
export { parsePlainText, toPlainText } from './plain/plain-text.js';
export { parseSifN } from './sif/read-sifn.js';
export { SIF_VERSION, toSifN } from './sif/write-sifn.js';
export {
  parseVJournal,
  toVJournal,
  VJOURNAL_PRODID,
  type VJournalSerializeOptions,
} from './versit/vjournal.js';
export { parseVNote, toVNote, VNOTE_COLOR_NAMES } from './versit/vnote.js';

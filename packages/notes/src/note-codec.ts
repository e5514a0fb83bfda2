import { type NoteFormat, noteFormatOf, parseMediaType } from './content-type.js';
import { NoteCodecError } from './errors.js';
import type { Note } from './model/note.js';
import type { NoteParseOptions } from './options.js';
import { parsePlainText, toPlainText } from './plain/plain-text.js';
import { parseSifN } from './sif/read-sifn.js';
import { toSifN } from './sif/write-sifn.js';
import { parseVJournal, toVJournal, type VJournalSerializeOptions } from './versit/vjournal.js';
import { parseVNote, toVNote } from './versit/vnote.js';

function formatFor(contentType: string, version: string | undefined): NoteFormat {
  const format = noteFormatOf(contentType, version);
  if (format === undefined) {
    const pair = version === undefined ? contentType : `${contentType} ${version}`;
    throw new NoteCodecError('UNSUPPORTED_CONTENT_TYPE', `notes cannot be read or written as ${pair}`);
  }
  return format;
}

/** Options of {@link parseNote}: the parser options plus the DevInf / Meta version of the type. */
export interface ParseNoteOptions extends NoteParseOptions {
  /** `VerCT` / `Meta/Version` of the content type, when known. */
  version?: string;
}

/** Options of {@link serializeNote}. */
export interface SerializeNoteOptions extends VJournalSerializeOptions {
  /** `VerCT` the device announced for the content type, when known. */
  version?: string;
}

/**
 * Reads a note item in any content type of this package: `text/plain`
 * (a `charset=` parameter is honoured), `text/x-vnote`, `text/calendar`
 * (VJOURNAL), `text/x-s4j-sifn` (also base64-packaged).
 *
 * @throws {NoteCodecError} `UNSUPPORTED_CONTENT_TYPE` (415) for any other
 *   type, or the error of the format's parser.
 */
export function parseNote(
  input: Uint8Array | string,
  contentType: string,
  options: ParseNoteOptions = {},
): Note {
  switch (formatFor(contentType, options.version)) {
    case 'plain': {
      const charset = parseMediaType(contentType).params.charset;
      return parsePlainText(input, charset === undefined ? options : { ...options, charset });
    }
    case 'vnote-1.1':
      return parseVNote(input, options);
    case 'vjournal-2.0':
      return parseVJournal(input, options);
    case 'sifn':
      return parseSifN(input, options);
  }
}

/**
 * Writes a note in a content type of this package. The result is text; send
 * it as UTF-8 (a `charset=` parameter of text/plain is not applied).
 *
 * @throws {NoteCodecError} `UNSUPPORTED_CONTENT_TYPE` (415).
 */
export function serializeNote(note: Note, contentType: string, options: SerializeNoteOptions = {}): string {
  switch (formatFor(contentType, options.version)) {
    case 'plain':
      return toPlainText(note, options);
    case 'vnote-1.1':
      return toVNote(note, options);
    case 'vjournal-2.0':
      return toVJournal(note, options);
    case 'sifn':
      return toSifN(note, options);
  }
}

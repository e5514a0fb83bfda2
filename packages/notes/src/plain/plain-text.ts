import type { Note } from '../model/note.js';
import {
  DEFAULT_MAX_NOTE_BYTES,
  DEFAULT_NOTE_FALLBACK_CHARSET,
  type NoteParseOptions,
  type NoteSerializeOptions,
} from '../options.js';
import { decodeText } from '../values/charset.js';
import { checkItemSize, firstLine, normalizeLineBreaks, withLineBreak } from '../values/text.js';

/**
 * A text/plain item as a note. The whole text (line breaks normalised to
 * `\n`) is the body; its first line, trimmed, is the subject, the way
 * Outlook and Windows Mobile name a note. Blank text gives an empty note.
 *
 * @throws {NoteCodecError} `ITEM_TOO_LARGE`, `UNKNOWN_CHARSET`, `INVALID_TEXT`.
 */
export function parsePlainText(input: Uint8Array | string, options: NoteParseOptions = {}): Note {
  checkItemSize(input, options.maxItemBytes ?? DEFAULT_MAX_NOTE_BYTES);
  const raw =
    typeof input === 'string'
      ? input.replace(/^\uFEFF/, '')
      : decodeText(
          input,
          options.charset ?? 'utf-8',
          options.fallbackCharset === undefined ? DEFAULT_NOTE_FALLBACK_CHARSET : options.fallbackCharset,
        );
  const text = normalizeLineBreaks(raw);
  const note: Note = { extensions: [], origin: 'plain' };
  if (text.trim() === '') return note;
  note.body = text;
  const subject = firstLine(text).trim();
  if (subject !== '') note.subject = subject;
  return note;
}

/**
 * A note as text/plain. The body is written as it is; the subject is put in
 * front of it on its own line unless the body already starts with it (so a
 * note read from text/plain is written back unchanged). Nothing else of the
 * note fits in plain text.
 */
export function toPlainText(note: Note, options: NoteSerializeOptions = {}): string {
  const subject = note.subject?.trim();
  const body = note.body;
  let text: string;
  if (body === undefined) text = subject ?? '';
  else if (subject === undefined || subject === '' || firstLine(body).trim() === subject) text = body;
  else text = `${subject}\n${body}`;
  return withLineBreak(text, options.lineBreak ?? '\r\n');
}

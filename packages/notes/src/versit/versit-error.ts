import { VersitError, type VersitErrorCode } from '@syncds/versit';
import { NoteCodecError, type NoteCodecErrorCode } from '../errors.js';

// The line layer's codes folded into this package's: limits stay 413,
// charsets and encodings 415, every syntax fault is a malformed item (400).
const CODE_BY_VERSIT_CODE: Partial<Record<VersitErrorCode, NoteCodecErrorCode>> = {
  ITEM_TOO_LARGE: 'ITEM_TOO_LARGE',
  LINE_TOO_LONG: 'LINE_TOO_LONG',
  TOO_MANY_PROPERTIES: 'TOO_MANY_FIELDS',
  UNKNOWN_CHARSET: 'UNKNOWN_CHARSET',
  UNSUPPORTED_ENCODING: 'UNSUPPORTED_ENCODING',
  INVALID_TEXT: 'INVALID_TEXT',
};

/** Runs a versit call; a {@link VersitError} comes out as a {@link NoteCodecError} with its position and as `cause`. */
export function withNoteErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof VersitError)) throw error;
    const location: { offset?: number; line?: number; property?: string; cause: unknown } = { cause: error };
    if (error.offset >= 0) location.offset = error.offset;
    if (error.line > 0) location.line = error.line;
    if (error.property !== undefined) location.property = error.property;
    throw new NoteCodecError(CODE_BY_VERSIT_CODE[error.code] ?? 'MALFORMED_ITEM', error.message, location);
  }
}

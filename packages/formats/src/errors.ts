import { CalendarCodecError } from '@syncds/calendar';
import { ContactCodecError } from '@syncds/contacts';
import { NoteCodecError } from '@syncds/notes';

/** Stable error codes of this package (the codecs' own errors pass through unchanged). */
export type FormatErrorCode = 'UNSUPPORTED_CONTENT_TYPE' | 'KIND_NOT_CARRIED';

const STATUS_BY_CODE: Readonly<Record<FormatErrorCode, 415>> = {
  // Both mean "this server cannot hand you that item in that format".
  UNSUPPORTED_CONTENT_TYPE: 415,
  KIND_NOT_CARRIED: 415,
};

/** Thrown by this package for a content type (or kind) the registry does not handle. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  readonly code: FormatErrorCode;
  /** SyncML status to answer the item with. */
  readonly status: 415;
  /** The content type (and version) concerned. */
  readonly contentType: string;

  constructor(code: FormatErrorCode, message: string, contentType: string) {
    super(message);
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.contentType = contentType;
  }
}

/** Anything {@link parseItem} / {@link serializeItem} throw for bad input: each has a `code` and a SyncML `status`. */
export type ItemCodecError = FormatError | ContactCodecError | CalendarCodecError | NoteCodecError;

/** True for the typed errors of the item codecs (every one carries `code` and `status`). */
export function isItemCodecError(error: unknown): error is ItemCodecError {
  return (
    error instanceof FormatError ||
    error instanceof ContactCodecError ||
    error instanceof CalendarCodecError ||
    error instanceof NoteCodecError
  );
}

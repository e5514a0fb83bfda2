/**
 * Stable error codes of the notes codecs. Each maps to one SyncML status
 * through `NOTE_ERROR_STATUS`; codes never change meaning.
 */
export type NoteCodecErrorCode =
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'UNKNOWN_CHARSET'
  | 'UNSUPPORTED_ENCODING'
  | 'INVALID_TEXT'
  | 'ITEM_TOO_LARGE'
  | 'LINE_TOO_LONG'
  | 'TOO_MANY_FIELDS'
  | 'MALFORMED_ITEM'
  | 'WRONG_OBJECT'
  | 'INVALID_DATE'
  | 'INVALID_NUMBER';

/** SyncML status per code: 400 broken item, 413 a configured limit was hit, 415 a type or charset this codec cannot handle. */
export const NOTE_ERROR_STATUS: Readonly<Record<NoteCodecErrorCode, 400 | 413 | 415>> = {
  UNSUPPORTED_CONTENT_TYPE: 415,
  UNKNOWN_CHARSET: 415,
  UNSUPPORTED_ENCODING: 415,
  INVALID_TEXT: 400,
  ITEM_TOO_LARGE: 413,
  LINE_TOO_LONG: 413,
  TOO_MANY_FIELDS: 413,
  MALFORMED_ITEM: 400,
  WRONG_OBJECT: 400,
  INVALID_DATE: 400,
  INVALID_NUMBER: 400,
};

/** Where in an item an error was found; every field is optional. */
export interface NoteErrorLocation {
  /** Byte offset in the item (UTF-8 bytes for string input). */
  offset?: number;
  /** 1-based line of a Versit item. */
  line?: number;
  /** Versit property name (`DCREATED`). */
  property?: string;
  /** SIF element name (`Color`). */
  element?: string;
  cause?: unknown;
}

/** The one error type the notes codecs throw for bad input. */
export class NoteCodecError extends Error {
  override readonly name = 'NoteCodecError';
  readonly code: NoteCodecErrorCode;
  /** SyncML status to answer the item with. */
  readonly status: 400 | 413 | 415;
  readonly offset: number | undefined;
  readonly line: number | undefined;
  readonly property: string | undefined;
  readonly element: string | undefined;

  constructor(code: NoteCodecErrorCode, message: string, location: NoteErrorLocation = {}) {
    super(message, location.cause === undefined ? undefined : { cause: location.cause });
    this.code = code;
    this.status = NOTE_ERROR_STATUS[code];
    this.offset = location.offset;
    this.line = location.line;
    this.property = location.property;
    this.element = location.element;
  }
}

/**
 * Stable error codes of the versit line layer and the SyncML status each one
 * maps to. Codes never change meaning; new ones may be added.
 */
export type VersitErrorCode =
  | 'ITEM_TOO_LARGE'
  | 'LINE_TOO_LONG'
  | 'TOO_MANY_PROPERTIES'
  | 'TOO_DEEP'
  | 'BROKEN_FOLDING'
  | 'MALFORMED_LINE'
  | 'PROPERTY_OUTSIDE_COMPONENT'
  | 'UNEXPECTED_END'
  | 'UNTERMINATED_COMPONENT'
  | 'NO_COMPONENT'
  | 'UNKNOWN_CHARSET'
  | 'UNSUPPORTED_ENCODING'
  | 'INVALID_TEXT'
  | 'INVALID_BASE64';

/**
 * SyncML status per code: 400 bad request (the item is broken), 413 request
 * entity too large (a configured limit was hit), 415 unsupported media type or
 * format (a charset or transfer encoding this layer cannot decode).
 */
export const VERSIT_ERROR_STATUS: Readonly<Record<VersitErrorCode, number>> = {
  ITEM_TOO_LARGE: 413,
  LINE_TOO_LONG: 413,
  TOO_MANY_PROPERTIES: 413,
  TOO_DEEP: 400,
  BROKEN_FOLDING: 400,
  MALFORMED_LINE: 400,
  PROPERTY_OUTSIDE_COMPONENT: 400,
  UNEXPECTED_END: 400,
  UNTERMINATED_COMPONENT: 400,
  NO_COMPONENT: 400,
  UNKNOWN_CHARSET: 415,
  UNSUPPORTED_ENCODING: 415,
  INVALID_TEXT: 400,
  INVALID_BASE64: 400,
};

/** Where in the input an error was found. */
export interface VersitErrorPosition {
  /** Absolute byte offset of the start of the offending line (UTF-8 bytes for string input). */
  readonly offset: number;
  /** 1-based physical line number. */
  readonly line: number;
  /** Upper-cased property name, when the error belongs to one property. */
  readonly property?: string;
}

/** The one error type this package throws for bad input. */
export class VersitError extends Error {
  override readonly name = 'VersitError';
  readonly code: VersitErrorCode;
  /** SyncML status to answer the item with (see {@link VERSIT_ERROR_STATUS}). */
  readonly status: number;
  /** Byte offset of the offending line, -1 when the error is not tied to a position. */
  readonly offset: number;
  /** 1-based line number, 0 when the error is not tied to a line. */
  readonly line: number;
  readonly property: string | undefined;
  /** The message without the position suffix, for callers that add their own context. */
  readonly detail: string;

  constructor(
    code: VersitErrorCode,
    message: string,
    position?: VersitErrorPosition,
    options?: { cause?: unknown },
  ) {
    const where = position
      ? ` (line ${position.line}, byte ${position.offset}${position.property ? `, ${position.property}` : ''})`
      : '';
    super(`${message}${where}`, options);
    this.code = code;
    this.status = VERSIT_ERROR_STATUS[code];
    this.offset = position?.offset ?? -1;
    this.line = position?.line ?? 0;
    this.property = position?.property;
    this.detail = message;
  }
}

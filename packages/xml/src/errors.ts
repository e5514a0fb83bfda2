/**
 * Stable error codes of this package. Each maps to one SyncML status in
 * {@link XML_ERROR_STATUS}; the code never changes once published.
 */
export type XmlErrorCode =
  // syntax
  | 'UNEXPECTED_END'
  | 'NO_ROOT_ELEMENT'
  | 'UNCLOSED_ELEMENT'
  | 'MISMATCHED_END_TAG'
  | 'UNEXPECTED_END_TAG'
  | 'MULTIPLE_ROOT_ELEMENTS'
  | 'TEXT_OUTSIDE_ROOT'
  | 'CDATA_OUTSIDE_ROOT'
  | 'INVALID_NAME'
  | 'MALFORMED_TAG'
  | 'LT_IN_ATTRIBUTE_VALUE'
  | 'DUPLICATE_ATTRIBUTE'
  | 'MALFORMED_REFERENCE'
  | 'UNKNOWN_ENTITY'
  | 'INVALID_CHARACTER_REFERENCE'
  | 'CDATA_END_IN_TEXT'
  | 'MALFORMED_COMMENT'
  | 'MALFORMED_PI'
  | 'MALFORMED_DECLARATION'
  | 'MISPLACED_DECLARATION'
  | 'MALFORMED_DOCTYPE'
  | 'MISPLACED_DOCTYPE'
  | 'MALFORMED_MARKUP'
  | 'UNBOUND_PREFIX'
  | 'RESERVED_NAMESPACE'
  // limits
  | 'DEPTH_LIMIT'
  | 'NAME_TOO_LONG'
  | 'TOO_MANY_ATTRIBUTES'
  | 'TOKEN_TOO_LONG'
  | 'DOCUMENT_TOO_LARGE'
  // encoding
  | 'UNSUPPORTED_ENCODING'
  | 'INVALID_ENCODING'
  // writer
  | 'UNREPRESENTABLE_CHARACTER'
  | 'INVALID_WRITER_STATE'
  | 'OUTPUT_TOO_LARGE'
  // API misuse
  | 'INVALID_READER_STATE';

/**
 * SyncML status for each code: 400 Bad request for malformed input, 413
 * Request entity too large for a broken limit, 415 Unsupported media type or
 * format for an encoding we cannot read, 500 Command failed for a writer or
 * caller error (the input was not at fault).
 */
export const XML_ERROR_STATUS: Readonly<Record<XmlErrorCode, number>> = {
  UNEXPECTED_END: 400,
  NO_ROOT_ELEMENT: 400,
  UNCLOSED_ELEMENT: 400,
  MISMATCHED_END_TAG: 400,
  UNEXPECTED_END_TAG: 400,
  MULTIPLE_ROOT_ELEMENTS: 400,
  TEXT_OUTSIDE_ROOT: 400,
  CDATA_OUTSIDE_ROOT: 400,
  INVALID_NAME: 400,
  MALFORMED_TAG: 400,
  LT_IN_ATTRIBUTE_VALUE: 400,
  DUPLICATE_ATTRIBUTE: 400,
  MALFORMED_REFERENCE: 400,
  UNKNOWN_ENTITY: 400,
  INVALID_CHARACTER_REFERENCE: 400,
  CDATA_END_IN_TEXT: 400,
  MALFORMED_COMMENT: 400,
  MALFORMED_PI: 400,
  MALFORMED_DECLARATION: 400,
  MISPLACED_DECLARATION: 400,
  MALFORMED_DOCTYPE: 400,
  MISPLACED_DOCTYPE: 400,
  MALFORMED_MARKUP: 400,
  UNBOUND_PREFIX: 400,
  RESERVED_NAMESPACE: 400,
  DEPTH_LIMIT: 413,
  NAME_TOO_LONG: 413,
  TOO_MANY_ATTRIBUTES: 413,
  TOKEN_TOO_LONG: 413,
  DOCUMENT_TOO_LARGE: 413,
  UNSUPPORTED_ENCODING: 415,
  INVALID_ENCODING: 400,
  UNREPRESENTABLE_CHARACTER: 500,
  INVALID_WRITER_STATE: 500,
  OUTPUT_TOO_LARGE: 500,
  INVALID_READER_STATE: 500,
};

/** Where in a whole document an error was found (1-based line, 1-based byte column). */
export interface XmlErrorPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * The one error type of this package. `offset` is the absolute byte offset in
 * the input stream (counting a BOM) for reader errors, the offset in the
 * caller's input for writer errors; `line`/`column` are known when the whole
 * document was given at once ({@link XmlReader.from}).
 */
export class XmlError extends Error {
  override readonly name: string = 'XmlError';
  readonly code: XmlErrorCode;
  readonly offset: number;
  readonly status: number;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    code: XmlErrorCode,
    message: string,
    offset: number,
    options?: { readonly position?: XmlErrorPosition; readonly cause?: unknown },
  ) {
    const where =
      options?.position === undefined
        ? `at byte ${offset}`
        : `at byte ${offset} (line ${options.position.line}, column ${options.position.column})`;
    super(`${message} ${where}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.offset = offset;
    this.status = XML_ERROR_STATUS[code];
    this.line = options?.position?.line;
    this.column = options?.position?.column;
  }

  /** The same error with a line/column attached (the message is rebuilt). */
  withPosition(position: XmlErrorPosition): XmlError {
    const bare = this.message.replace(/ at byte \d+.*$/, '');
    return new XmlError(this.code, bare, this.offset, {
      position,
      ...(this.cause === undefined ? {} : { cause: this.cause }),
    });
  }
}

/** Formats a byte for messages: `0x3C '<'` for printable ASCII, `0x07` otherwise. */
export function describeByte(byte: number | undefined): string {
  if (byte === undefined) return 'end of input';
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return byte > 0x20 && byte < 0x7f ? `${hex} '${String.fromCharCode(byte)}'` : hex;
}

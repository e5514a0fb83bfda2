/** Stable codes of {@link WbxmlError}. */
export type WbxmlErrorCode =
  /** The input ended (`end()`) inside a token or before the root element closed. */
  | 'TRUNCATED'
  /** A multi-byte integer is longer than 5 bytes or above 0xFFFFFFFF. */
  | 'BAD_MB_UINT32'
  /** An unsupported version byte (only 0x00-0x03 exist). */
  | 'BAD_VERSION'
  /** A string-table reference (STR_T, LITERAL*, public id) points outside the table. */
  | 'STRTBL_INDEX'
  /** A byte that means nothing where it stands (e.g. PI inside an attribute list, LITERAL_C as attribute). */
  | 'BAD_TOKEN'
  /** A token in the wrong place: END with no open element, text before the root, an empty attribute list. */
  | 'UNEXPECTED_TOKEN'
  /** Bytes after the root element other than processing instructions. */
  | 'TRAILING_DATA'
  /** Elements nested deeper than `maxDepth`. */
  | 'DEPTH_LIMIT'
  /** A string, opaque, string table or the whole input over its limit. */
  | 'LENGTH_LIMIT'
  /** Text in a charset this runtime cannot decode or the writer cannot encode. */
  | 'UNSUPPORTED_CHARSET'
  /** Reader misuse: `write()` after `end()`. */
  | 'WRITE_AFTER_END'
  /** Writer misuse: a call not allowed in the current state (tag before header, text outside an element...). */
  | 'BAD_STATE'
  /** Writer misuse: a page, token, code point or index out of range. */
  | 'BAD_ARGUMENT'
  /** Writer misuse: `endTag()` without an open element that has content. */
  | 'NO_OPEN_ELEMENT'
  /** Writer misuse: a string holding the charset's terminator (NUL), which STR_I cannot carry. */
  | 'NUL_IN_STRING'
  /** Writer misuse: `finish()` with elements still open or no root element. */
  | 'UNCLOSED_ELEMENT';

/** SyncML status for malformed input (400 Bad request). */
const STATUS_BAD_REQUEST = 400;
/** SyncML status for a message over a size limit (413 Request entity too large). */
const STATUS_TOO_LARGE = 413;
/** SyncML status for an unsupported charset (415 Unsupported media type or format). */
const STATUS_UNSUPPORTED_FORMAT = 415;
/** SyncML status for our own misuse of the writer (500 Command failed). */
const STATUS_SERVER_ERROR = 500;

/** Maps each code to the SyncML status a server answers with. */
const statusByCode: Readonly<Record<WbxmlErrorCode, number>> = {
  TRUNCATED: STATUS_BAD_REQUEST,
  BAD_MB_UINT32: STATUS_BAD_REQUEST,
  BAD_VERSION: STATUS_BAD_REQUEST,
  STRTBL_INDEX: STATUS_BAD_REQUEST,
  BAD_TOKEN: STATUS_BAD_REQUEST,
  UNEXPECTED_TOKEN: STATUS_BAD_REQUEST,
  TRAILING_DATA: STATUS_BAD_REQUEST,
  DEPTH_LIMIT: STATUS_BAD_REQUEST,
  LENGTH_LIMIT: STATUS_TOO_LARGE,
  UNSUPPORTED_CHARSET: STATUS_UNSUPPORTED_FORMAT,
  WRITE_AFTER_END: STATUS_SERVER_ERROR,
  BAD_STATE: STATUS_SERVER_ERROR,
  BAD_ARGUMENT: STATUS_SERVER_ERROR,
  NO_OPEN_ELEMENT: STATUS_SERVER_ERROR,
  NUL_IN_STRING: STATUS_SERVER_ERROR,
  UNCLOSED_ELEMENT: STATUS_SERVER_ERROR,
};

/** The SyncML status for an error code. */
export function statusOf(code: WbxmlErrorCode): number {
  return statusByCode[code];
}

function hex2(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Every failure of the reader and the writer. `offset` is the absolute byte offset in the
 * document (reader: counted over all chunks written; writer: bytes written so far), `byte`
 * the byte found there (-1 when none, e.g. at the end of input) and `page` the tag code page
 * in force (-1 when not applicable). `status` is the SyncML status to answer with.
 */
export class WbxmlError extends Error {
  override readonly name = 'WbxmlError';
  readonly code: WbxmlErrorCode;
  readonly offset: number;
  readonly byte: number;
  readonly page: number;
  readonly status: number;

  constructor(code: WbxmlErrorCode, message: string, offset: number, byte = -1, page = -1) {
    const where = `at offset ${offset}${byte >= 0 ? ` (byte ${hex2(byte)})` : ''}${page >= 0 ? `, code page ${page}` : ''}`;
    super(`${message} ${where}`);
    this.code = code;
    this.offset = offset;
    this.byte = byte;
    this.page = page;
    this.status = statusByCode[code];
  }

  /** The offending byte as `0xNN`, or '' when there is none. */
  get byteHex(): string {
    return this.byte >= 0 ? hex2(this.byte) : '';
  }
}

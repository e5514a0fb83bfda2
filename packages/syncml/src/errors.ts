/**
 * Stable codes of {@link SyncMLError}. Each maps to the SyncML status a server answers
 * the message with; the table is `STATUS_BY_CODE` below.
 */
export type SyncMLErrorCode =
  /** The bytes are neither WBXML nor XML (first byte is no WBXML version, no `<`, no BOM). */
  | 'UNKNOWN_ENCODING'
  /** A WBXML charset or XML encoding this package cannot decode. */
  | 'UNSUPPORTED_CHARSET'
  /** The WBXML tokenizer rejected the bytes; the `WbxmlError` is the `cause`. */
  | 'MALFORMED_WBXML'
  /** The XML tokenizer rejected the bytes; the `XmlError` is the `cause`. */
  | 'MALFORMED_XML'
  /** The document is not a SyncML message (or, for `parseDevInf`, not a DevInf document). */
  | 'NOT_SYNCML'
  /** A WBXML tag token or an XML element name that no SyncML, MetInf or DevInf element has. */
  | 'UNKNOWN_ELEMENT'
  /** A required element is absent (no SyncHdr, a Status without CmdRef...). */
  | 'MISSING_ELEMENT'
  /** A numeric field (Status/Alert code, Size, MaxMsgSize...) is not a decimal number. */
  | 'BAD_NUMBER'
  /** VerDTD names a SyncML version other than 1.0, 1.1, 1.2. */
  | 'UNSUPPORTED_VERSION'
  /** VerProto names a protocol other than SyncML/1.0, SyncML/1.1, SyncML/1.2. */
  | 'UNSUPPORTED_PROTOCOL'
  /** The message is larger than `maxMessageSize`. */
  | 'MESSAGE_TOO_LARGE'
  /** Elements nest deeper than `maxDepth`. */
  | 'TOO_DEEP'
  /** More commands than `maxCommands`. */
  | 'TOO_MANY_COMMANDS'
  /** A command has more Items (or MapItems) than `maxItemsPerCommand`. */
  | 'TOO_MANY_ITEMS'
  /** The serializer was given a value it cannot encode (bytes XML cannot carry, a bad number...). */
  | 'CANNOT_SERIALIZE';

/** SyncML statuses the errors of this package map to. */
export type SyncMLErrorStatus = 400 | 413 | 415 | 500 | 505 | 513;

// One table from error code to the status that answers the message: malformed input is
// the client's fault (400); an encoding or charset we cannot read is an unsupported format
// (415); over-limit input is "request entity too large" (413); VerDTD maps to "DTD version
// not supported" (505) and VerProto to "protocol version not supported" (513); a value the
// serializer cannot encode is a fault of the caller, i.e. of the server (500).
const STATUS_BY_CODE: Readonly<Record<SyncMLErrorCode, SyncMLErrorStatus>> = {
  UNKNOWN_ENCODING: 415,
  UNSUPPORTED_CHARSET: 415,
  MALFORMED_WBXML: 400,
  MALFORMED_XML: 400,
  NOT_SYNCML: 400,
  UNKNOWN_ELEMENT: 400,
  MISSING_ELEMENT: 400,
  BAD_NUMBER: 400,
  UNSUPPORTED_VERSION: 505,
  UNSUPPORTED_PROTOCOL: 513,
  MESSAGE_TOO_LARGE: 413,
  TOO_DEEP: 400,
  TOO_MANY_COMMANDS: 413,
  TOO_MANY_ITEMS: 413,
  CANNOT_SERIALIZE: 500,
};

/** Where an error was found, and what caused it. */
export interface SyncMLErrorDetails {
  /** Element path, e.g. `SyncML/SyncBody/Sync[1]/Add[3]/Item[1]/Meta/Size` ('' when none applies). */
  path?: string;
  /** Absolute byte offset in the message (-1 when none applies, e.g. serializer errors). */
  offset?: number;
  /** The codec error (`WbxmlError`, `XmlError`) or other error behind this one. */
  cause?: unknown;
}

/** The only error type the parse and serialize functions of this package throw. */
export class SyncMLError extends Error {
  override readonly name = 'SyncMLError';
  readonly code: SyncMLErrorCode;
  /** SyncML status to answer the message with. */
  readonly status: SyncMLErrorStatus;
  /** Element path where the problem is; '' when it is not inside an element. */
  readonly path: string;
  /** Absolute byte offset in the input; -1 for serializer errors. */
  readonly offset: number;

  constructor(code: SyncMLErrorCode, message: string, details: SyncMLErrorDetails = {}) {
    const path = details.path ?? '';
    const offset = details.offset ?? -1;
    const where = path === '' ? '' : ` at ${path}`;
    const at = offset < 0 ? '' : ` (byte ${offset})`;
    super(`${message}${where}${at}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.path = path;
    this.offset = offset;
  }
}

/** Stable codes of {@link ParseWarning}: tolerated oddities, reported but not fatal. */
export type ParseWarningCode =
  /** A known element where the model has no slot for it; it and its content were skipped. */
  | 'UNEXPECTED_ELEMENT'
  /** An element in a namespace that is not SyncML, MetInf or DevInf; skipped. */
  | 'FOREIGN_ELEMENT'
  /** Non-whitespace text inside an element that holds only elements; ignored. */
  | 'UNEXPECTED_TEXT'
  /** A second occurrence of an element that may appear once; the later one was skipped. */
  | 'DUPLICATE_ELEMENT'
  /** A DevInf element the DTD requires is absent; its field was set to '' (or an empty ref). */
  | 'MISSING_ELEMENT'
  /** An empty DevInf number (e.g. `<MaxGUIDSize/>`); the field was left undefined. */
  | 'EMPTY_NUMBER'
  /** More warnings than `maxWarnings`; the rest were dropped. */
  | 'TOO_MANY_WARNINGS';

/** Something tolerated while parsing: where it was and what was done. */
export interface ParseWarning {
  readonly code: ParseWarningCode;
  readonly message: string;
  /** Element path, as in {@link SyncMLError.path}. */
  readonly path: string;
  /** Absolute byte offset in the input. */
  readonly offset: number;
}

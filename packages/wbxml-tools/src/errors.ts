/** Stable codes of {@link WbxmlToolsError}. */
export type WbxmlToolsErrorCode =
  /** The WBXML input is malformed (the `cause` is the WbxmlError). */
  | 'MALFORMED_WBXML'
  /** The XML input is malformed (the `cause` is the XmlError). */
  | 'MALFORMED_XML'
  /** The WBXML public id names no known vocabulary (and none was forced). */
  | 'UNKNOWN_PUBLIC_ID'
  /** XML with no DOCTYPE, namespace or root element that identifies a vocabulary. */
  | 'UNKNOWN_DOCUMENT_TYPE'
  /** A WBXML tag on a code page the vocabulary doesn't have. */
  | 'UNKNOWN_PAGE'
  /** A WBXML tag token the vocabulary doesn't define on its page. */
  | 'UNKNOWN_TAG'
  /** A tokenized WBXML attribute: SyncML and DevInf define no attribute code pages. */
  | 'UNKNOWN_ATTRIBUTE'
  /** A WBXML token with no XML form here (EXT_*, or a processing instruction with a tokenized target). */
  | 'UNSUPPORTED_TOKEN'
  /** An XML element the vocabulary has no token for. */
  | 'UNKNOWN_ELEMENT'
  /** A wbxml-tools marker element (opaque / string / entity) with bad content. */
  | 'INVALID_MARKER'
  /** Documents nested in OPAQUE deeper than `maxNesting`. */
  | 'NESTING_LIMIT'
  /** A string the WBXML charset cannot carry, or a bad option. */
  | 'UNSUPPORTED_OPTION';

const STATUS: Readonly<Record<WbxmlToolsErrorCode, number>> = {
  MALFORMED_WBXML: 400,
  MALFORMED_XML: 400,
  UNKNOWN_PUBLIC_ID: 415,
  UNKNOWN_DOCUMENT_TYPE: 415,
  UNKNOWN_PAGE: 400,
  UNKNOWN_TAG: 400,
  UNKNOWN_ATTRIBUTE: 400,
  UNSUPPORTED_TOKEN: 400,
  UNKNOWN_ELEMENT: 400,
  INVALID_MARKER: 400,
  NESTING_LIMIT: 413,
  UNSUPPORTED_OPTION: 500,
};

/**
 * Every failure of the transcoders. `offset` is the absolute byte offset in
 * the input (inside a nested document: counted from the start of the outer
 * one); `status` is the SyncML status it maps to; the WbxmlError or XmlError
 * behind a MALFORMED_* error is the `cause` (its own offset is the same).
 */
export class WbxmlToolsError extends Error {
  override readonly name: string = 'WbxmlToolsError';
  readonly code: WbxmlToolsErrorCode;
  readonly offset: number;
  readonly status: number;

  /** `detail` follows the offset in the message, e.g. `(byte 0xC5, code page 1)` or `(line 3, column 7)`. */
  constructor(code: WbxmlToolsErrorCode, message: string, offset: number, cause?: unknown, detail?: string) {
    super(
      `${message} at byte ${offset}${detail === undefined ? '' : ` ${detail}`}`,
      cause === undefined ? undefined : { cause },
    );
    this.code = code;
    this.offset = offset;
    // A malformed document answers what its reader said (400, or 413 for a limit).
    const inner = (cause as { status?: unknown } | undefined)?.status;
    this.status = code.startsWith('MALFORMED_') && typeof inner === 'number' ? inner : STATUS[code];
  }
}

/** True for errors of @syncds/wbxml and @syncds/xml (both carry a string `code` and a numeric `offset`). */
export function isCodecError(
  error: unknown,
): error is Error & { code: string; offset: number; status: number } {
  return (
    error instanceof Error &&
    (error.name === 'WbxmlError' || error.name === 'XmlError') &&
    typeof (error as { offset?: unknown }).offset === 'number'
  );
}

/** The WbxmlError / XmlError `error` as MALFORMED_WBXML / MALFORMED_XML, its offset moved by `base`. */
export function wrapCodecError(error: Error & { offset: number }, base: number): WbxmlToolsError {
  if (error.name === 'XmlError') {
    const e = error as Error & { offset: number; line?: number; column?: number };
    const message = e.message.replace(/ at byte \d+.*$/, '');
    const detail = e.line === undefined ? undefined : `(line ${e.line}, column ${e.column})`;
    return new WbxmlToolsError('MALFORMED_XML', message, base + e.offset, error, detail);
  }
  // WbxmlError: "<message> at offset N (byte 0xNN), code page P", with `byte` and `page` fields.
  const e = error as Error & { offset: number; byte?: number; page?: number };
  const message = e.message.replace(/ at offset \d+.*$/s, '');
  const parts: string[] = [];
  if (e.byte !== undefined && e.byte >= 0)
    parts.push(`byte 0x${e.byte.toString(16).toUpperCase().padStart(2, '0')}`);
  if (e.page !== undefined && e.page >= 0) parts.push(`code page ${e.page}`);
  const detail = parts.length === 0 ? undefined : `(${parts.join(', ')})`;
  return new WbxmlToolsError('MALFORMED_WBXML', message, base + e.offset, error, detail);
}

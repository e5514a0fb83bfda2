/**
 * Stable error codes of this package. Each maps to one SyncML status through
 * `STATUS_BY_CODE`, so the engine can answer a bad item without knowing why.
 */
export type CalendarErrorCode =
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'UNSUPPORTED_VERSION'
  | 'UNKNOWN_CHARSET'
  | 'MALFORMED_ITEM'
  | 'MISSING_COMPONENT'
  | 'INVALID_DATE'
  | 'INVALID_VALUE'
  | 'INVALID_RULE'
  | 'UNSUPPORTED_RULE'
  | 'INVALID_TIMEZONE'
  | 'UNKNOWN_TIMEZONE'
  | 'INVALID_XML'
  | 'LIMIT_EXCEEDED';

/** SyncML statuses a calendar item failure is answered with. */
export type CalendarErrorStatus = 400 | 413 | 415;

// Broken input is the client's fault (400); a format, charset or rule this
// codec cannot represent is "unsupported media type or format" (415); an item
// over a configured size limit is "request entity too large" (413).
const STATUS_BY_CODE: Readonly<Record<CalendarErrorCode, CalendarErrorStatus>> = {
  UNSUPPORTED_CONTENT_TYPE: 415,
  UNSUPPORTED_VERSION: 415,
  UNKNOWN_CHARSET: 415,
  MALFORMED_ITEM: 400,
  MISSING_COMPONENT: 400,
  INVALID_DATE: 400,
  INVALID_VALUE: 400,
  INVALID_RULE: 400,
  UNSUPPORTED_RULE: 415,
  INVALID_TIMEZONE: 400,
  UNKNOWN_TIMEZONE: 415,
  INVALID_XML: 400,
  LIMIT_EXCEEDED: 413,
};

/** Where in the item an error was found; every field is optional. */
export interface CalendarErrorLocation {
  /** 1-based line of the Versit item (after unfolding: the line the property starts on). */
  line?: number | undefined;
  /** Byte offset in the input, where known. */
  offset?: number | undefined;
  /** Versit property name (`DTSTART`, `RRULE`...). */
  property?: string | undefined;
  /** SIF element path (`appointment/Start`). */
  element?: string | undefined;
  cause?: unknown;
}

/** The only error type this package throws. */
export class CalendarCodecError extends Error {
  override readonly name = 'CalendarCodecError';
  readonly code: CalendarErrorCode;
  /** SyncML status to answer the item with. */
  readonly status: CalendarErrorStatus;
  readonly line: number | undefined;
  readonly offset: number | undefined;
  readonly property: string | undefined;
  readonly element: string | undefined;

  constructor(code: CalendarErrorCode, message: string, where: CalendarErrorLocation = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.line = where.line;
    this.offset = where.offset;
    this.property = where.property;
    this.element = where.element;
  }

  /** The same error with location fields filled in where this one has none (boundary context). */
  withLocation(where: CalendarErrorLocation): CalendarCodecError {
    const merged = new CalendarCodecError(this.code, this.message, {
      line: this.line ?? where.line,
      offset: this.offset ?? where.offset,
      property: this.property ?? where.property,
      element: this.element ?? where.element,
      cause: this.cause ?? where.cause,
    });
    return merged;
  }
}

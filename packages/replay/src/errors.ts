/**
 * Stable codes of {@link ReplayError}: what stopped a replay before or outside the SyncML
 * exchange. What the server answers inside the exchange is not an exception but an
 * {@link Issue} in the report.
 */
export type ReplayErrorCode =
  /** The capture folder does not exist or is not a folder. */
  | 'CAPTURE_NOT_FOUND'
  /** The folder holds no file in a known capture layout. */
  | 'CAPTURE_EMPTY'
  /** A capture holds both layouts, a gap in the numbering, a server message without its client message... */
  | 'CAPTURE_INCONSISTENT'
  /** More files than `maxFiles`, or a message over `maxMessageSize`. */
  | 'CAPTURE_TOO_LARGE'
  /** A recorded message cannot be read or parsed as SyncML (`cause` is the `SyncMLError`). */
  | 'CAPTURE_UNREADABLE'
  /** An option or command-line argument is missing or invalid. */
  | 'BAD_OPTION'
  /** The HTTP request failed: connection refused, reset, DNS... */
  | 'TRANSPORT_FAILED'
  /** No complete reply within `timeoutMs`. */
  | 'TIMEOUT'
  /** A reply larger than `maxResponseSize`. */
  | 'RESPONSE_TOO_LARGE';

/** Where a {@link ReplayError} was found. */
export interface ReplayErrorDetails {
  /** The file (or URL) concerned; '' when none. */
  path?: string;
  /** Byte offset in that file; -1 when none applies. */
  offset?: number;
  /** The SyncML status the problem maps to, when one applies (e.g. 400 for a malformed recording). */
  status?: number;
  cause?: unknown;
}

/** The one error type this package throws. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
  readonly code: ReplayErrorCode;
  readonly path: string;
  readonly offset: number;
  readonly status: number | undefined;

  constructor(code: ReplayErrorCode, message: string, details: ReplayErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.path = details.path ?? '';
    this.offset = details.offset ?? -1;
    this.status = details.status;
  }
}

/** True for a {@link ReplayError} (also across module copies, by name and code). */
export function isReplayError(value: unknown): value is ReplayError {
  return (
    value instanceof ReplayError ||
    (value instanceof Error &&
      value.name === 'ReplayError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

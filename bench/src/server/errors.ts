/** Stable codes of {@link LoadBenchError}. */
export type LoadBenchErrorCode =
  /** A command-line argument is unknown, misses its value or has a bad one. */
  | 'USAGE'
  /** The syncds server or the raw echo app did not start (or died). */
  | 'PROCESS_FAILED'
  /** An admin command (account creation, folder export) failed. */
  | 'ADMIN_FAILED'
  /** The devices' first (untimed) sessions failed: nothing to measure. */
  | 'SETUP_FAILED'
  /** The results file could not be written. */
  | 'WRITE_FAILED'
  /** A load generator's POST failed: connection refused or lost, no reply in time, a reply it cannot read. */
  | 'TRANSPORT_FAILED';

/**
 * The one error type of the server load bench. `path` names the file, URL or process
 * concerned ('' when none). No SyncML status applies: the bench answers no device.
 */
export class LoadBenchError extends Error {
  override readonly name = 'LoadBenchError';
  readonly code: LoadBenchErrorCode;
  readonly path: string;

  constructor(code: LoadBenchErrorCode, message: string, path = '', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.path = path;
  }
}

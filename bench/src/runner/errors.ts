/** Stable codes of {@link BenchError}. */
export type BenchErrorCode =
  /** A command-line argument is unknown, misses its value or has a bad one. */
  | 'USAGE'
  /** The vectors directory, or a capture the suite needs, is missing or unreadable. */
  | 'VECTORS_MISSING'
  /** A capture is larger than the suite reads (`MAX_CAPTURE_BYTES`). */
  | 'CAPTURE_TOO_LARGE'
  /** A capture the items suite takes items from is not a SyncML message it can parse. */
  | 'BAD_CAPTURE'
  /** A results file is not JSON or not of the expected schema version. */
  | 'BAD_RESULTS_FILE'
  /** No case matches the `--filter` patterns. */
  | 'NO_CASES'
  /** A case's output failed its self-check, so the case was not timed. */
  | 'CHECK_FAILED'
  /** A case threw while it was being timed. */
  | 'CASE_FAILED'
  /** A comparison peer (the libwbxml harness) could not be built or run. */
  | 'BASELINE_UNAVAILABLE'
  /** A comparison peer printed something that is not the JSON it promises. */
  | 'BAD_BASELINE_OUTPUT'
  /** The results file could not be written. */
  | 'WRITE_FAILED';

/**
 * The one error type of the bench package. `path` names the file or case concerned ('' when
 * none does). No SyncML status applies: nothing here answers a device.
 */
export class BenchError extends Error {
  override readonly name = 'BenchError';
  readonly code: BenchErrorCode;
  readonly path: string;

  constructor(code: BenchErrorCode, message: string, path = '', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.path = path;
  }
}

/** `{ code, message }` of any thrown value, for the JSON report. */
export function describeError(e: unknown): { code: string; message: string } {
  if (e instanceof BenchError) return { code: e.code, message: e.message };
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : e.name, message: e.message };
  }
  return { code: 'UNKNOWN', message: String(e) };
}

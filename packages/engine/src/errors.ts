/**
 * Errors the engine raises while processing one command or item. Each carries the
 * SyncML status the device gets back; the message goes on with the next command.
 */
export class SyncCommandError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SyncCommandError';
    this.code = code;
    this.status = status;
  }
}

/**
 * One table from stable error codes of every layer to the SyncML status answered
 * (style.md habit 11). Layers that already carry a `status` (codec, store and
 * item errors) keep theirs; this table covers codes without one.
 */
export const STATUS_BY_ERROR_CODE: Readonly<Record<string, number>> = {
  NOT_FOUND: 404,
  ALREADY_EXISTS: 418,
  CONFLICT: 409,
  FORBIDDEN: 403,
  TOO_LARGE: 413,
  UNSUPPORTED_FORMAT: 415,
  SIZE_MISMATCH: 424,
  NOT_IMPLEMENTED: 501,
  DATA_STORE_FAILURE: 510,
};

/** The SyncML status for any error thrown while executing a command. */
export function statusOfError(err: unknown): number {
  if (typeof err === 'object' && err !== null) {
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code in STATUS_BY_ERROR_CODE) return STATUS_BY_ERROR_CODE[code]!;
  }
  return 500;
}

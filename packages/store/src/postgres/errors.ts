import { StoreError, type StoreErrorCode } from '../errors.js';

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

function storeCode(state: string): StoreErrorCode {
  if (state === '23505') return 'ALREADY_EXISTS';
  if (state.startsWith('23')) return 'CONSTRAINT';
  // serialization failure, deadlock, lock_timeout, statement_timeout
  if (RETRYABLE.has(state) || state === '55P03' || state === '57014') return 'BUSY';
  if (state === 'XX001' || state === 'XX002') return 'CORRUPT';
  // undefined table / column: the schema was altered behind our back
  if (state === '42P01' || state === '42703') return 'CORRUPT';
  if (state === '54000') return 'TOO_LARGE';
  return 'IO';
}

/**
 * Turns any failure of a pg call into a StoreError: SQLSTATE errors by class, and everything else (refused
 * connection, connection terminated, TLS failure) as IO.
 */
export function fromPgError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const state = sqlState(error);
  const message = error instanceof Error ? error.message : String(error);
  if (state === null) return new StoreError('IO', `PostgreSQL connection: ${message}`, { cause: error });
  return new StoreError(storeCode(state), `PostgreSQL: ${message} (SQLSTATE ${state})`, { cause: error });
}

/** True when the transaction failed only because of a concurrent one and can be retried as a whole. */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error instanceof StoreError ? error.cause : error);
  return state !== null && RETRYABLE.has(state);
}

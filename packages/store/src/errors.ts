import type { Item } from './model.js';

/**
 * Stable error codes of the store. Each maps to exactly one SyncML status
 * (see STORE_ERROR_STATUS), so the engine can answer a device without knowing
 * which backend failed.
 */
export type StoreErrorCode =
  /** A domain, account, folder, device or item that the call names does not exist. */
  | 'NOT_FOUND'
  /** A unique name or id is already taken (domain, account, folder path, live item GUID). */
  | 'ALREADY_EXISTS'
  /** An optimistic-concurrency precondition failed and the batch asked to abort on conflict. */
  | 'CONFLICT'
  /** The operation would break an invariant of the data (e.g. deleting a domain that still has accounts). */
  | 'CONSTRAINT'
  /** An argument is malformed: bad login, bad folder name, bad GUID, bad page size. */
  | 'INVALID'
  /** A value exceeds a size limit (payload, DevInf, anchor, name length). */
  | 'TOO_LARGE'
  /** A count quota would be exceeded (folders or devices per account, operations per batch, queued callers). */
  | 'LIMIT'
  /**
   * Changes cannot be listed incrementally from the sequence asked for: tombstones above it were pruned, or it
   * is ahead of the folder (a database restored from a backup). The device needs a slow sync.
   */
  | 'RESYNC_REQUIRED'
  /** The database is locked by someone else beyond the configured wait, or retries were exhausted. */
  | 'BUSY'
  /** The database file or schema is damaged or not a syncds store. */
  | 'CORRUPT'
  /** The database was written by a newer version of this package (schema version too high). */
  | 'SCHEMA_VERSION'
  /** The storage medium or the database connection failed. */
  | 'IO'
  /** The store was closed. */
  | 'CLOSED';

/** The SyncML status (syncml-facts.md §4.2) each code maps to. */
export const STORE_ERROR_STATUS: Readonly<Record<StoreErrorCode, number>> = Object.freeze({
  NOT_FOUND: 404,
  ALREADY_EXISTS: 418,
  CONFLICT: 409,
  CONSTRAINT: 500,
  INVALID: 400,
  TOO_LARGE: 413,
  LIMIT: 420,
  RESYNC_REQUIRED: 508,
  BUSY: 417,
  CORRUPT: 510,
  SCHEMA_VERSION: 510,
  IO: 510,
  CLOSED: 503,
});

export interface StoreErrorOptions {
  /** Where the problem is: an argument or batch path such as `ops[3].payload`, or an entity such as `account "a@b.c"`. */
  readonly path?: string;
  /** Index of the failing operation when the error comes from `applyBatch`. */
  readonly opIndex?: number;
  readonly cause?: unknown;
}

/** The one error type the store throws for expected failures. */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  readonly code: StoreErrorCode;
  /** SyncML status code this error maps to. */
  readonly status: number;
  readonly path: string | undefined;
  readonly opIndex: number | undefined;

  constructor(code: StoreErrorCode, message: string, options: StoreErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = STORE_ERROR_STATUS[code];
    this.path = options.path;
    this.opIndex = options.opIndex;
  }
}

/** CONFLICT thrown by `applyBatch` with `onConflict: 'abort'`: carries the item as it currently is. */
export class StoreConflictError extends StoreError {
  override readonly name: string = 'StoreConflictError';
  readonly current: Item;

  constructor(message: string, current: Item, options: StoreErrorOptions = {}) {
    super('CONFLICT', message, options);
    this.current = current;
  }
}

/** True when `error` is a StoreError, optionally with the given code. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

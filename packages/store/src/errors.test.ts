import { describe, expect, it } from 'vitest';
import { isStoreError, STORE_ERROR_STATUS, StoreConflictError, StoreError } from './errors.js';
import type { Item } from './model.js';

describe('StoreError', () => {
  it('maps every code to its SyncML status', () => {
    expect(STORE_ERROR_STATUS).toEqual({
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
  });

  it('carries code, status, path, operation index and cause', () => {
    const cause = new Error('disk');
    const error = new StoreError('IO', 'write failed', { path: 'ops[2].payload', opIndex: 2, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'StoreError',
      code: 'IO',
      status: 510,
      path: 'ops[2].payload',
      opIndex: 2,
    });
    expect(error.cause).toBe(cause);
    expect(isStoreError(error)).toBe(true);
    expect(isStoreError(error, 'IO')).toBe(true);
    expect(isStoreError(error, 'BUSY')).toBe(false);
    expect(isStoreError(new Error('x'))).toBe(false);
  });

  it('gives a conflict the current item', () => {
    const current = { guid: 'g1', version: 4 } as Item;
    const error = new StoreConflictError('stale', current, { opIndex: 0 });
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ name: 'StoreConflictError', code: 'CONFLICT', status: 409, current });
  });
});

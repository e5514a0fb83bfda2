import { StoreError, type StoreErrorCode } from '../errors.js';

/** better-sqlite3 throws SqliteError with an extended result code name, e.g. `SQLITE_CONSTRAINT_UNIQUE`. */
function sqliteCode(error: unknown): string | null {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

function storeCode(code: string): StoreErrorCode {
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'ALREADY_EXISTS';
  if (code.startsWith('SQLITE_CONSTRAINT')) return 'CONSTRAINT';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'BUSY';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'CORRUPT';
  // "no such table/column": the schema was altered behind our back.
  if (code === 'SQLITE_ERROR') return 'CORRUPT';
  if (code === 'SQLITE_TOOBIG') return 'TOO_LARGE';
  return 'IO';
}

/** Turns a driver error into a StoreError; anything else (a programming error) passes through unchanged. */
export function fromSqliteError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (code === null) return error;
  return new StoreError(storeCode(code), `SQLite: ${(error as Error).message} (${code})`, { cause: error });
}

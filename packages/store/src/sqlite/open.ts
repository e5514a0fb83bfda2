import { chmodSync, existsSync, realpathSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import type { ResolvedStoreOptions, StoreOptions } from '../options.js';
import type { SqlDriver } from '../sql/driver.js';
import { resolveStoreOptions } from '../options.js';
import { migrate } from '../sql/migrate.js';
import { SqlGroupwareStore } from '../sql/sql-store.js';
import type { GroupwareStore } from '../store.js';
import { BackgroundCheckpointer } from './checkpointer.js';
import { SqliteDriver } from './driver.js';
import { fromSqliteError } from './errors.js';
import { SQLITE_MIGRATIONS } from './schema.js';

export interface SqliteStoreOptions extends StoreOptions {
  /** Database file, created (mode 0600) when missing; `:memory:` for a throw-away store. */
  readonly path: string;
  /**
   * `PRAGMA synchronous`. `'full'` (default) fsyncs the WAL on every commit: a committed batch survives a power
   * loss. `'normal'` fsyncs only at checkpoints: still never corrupt, but the last commits may be lost on power
   * loss (not on a process crash).
   */
  readonly synchronous?: 'full' | 'normal';
  /** How long a write waits for another process's lock before BUSY, in ms. Default 5000. */
  readonly busyTimeoutMs?: number;
  /** Most callers queued for the connection before LIMIT. Default 10000. */
  readonly maxWaitingCallers?: number;
  /**
   * Who moves committed pages from the WAL into the database file. `'background'` (default for a file): a
   * thread with its own connection, every `checkpointIntervalMs`, so the store's event loop never waits for
   * the copy and its fsyncs. `'inline'`: SQLite's automatic checkpoint on the store's connection, every
   * 1000 pages, inside the commit that crosses them.
   */
  readonly checkpoint?: 'background' | 'inline';
  /**
   * Whether write transactions asked for in the same turn of the event loop share one commit (each in
   * its own savepoint; every caller still waits for the commit). Default true; false commits each alone.
   */
  readonly groupCommit?: boolean;
  /** Pause between two background checkpoints, in ms. Default 200. */
  readonly checkpointIntervalMs?: number;
  /**
   * With background checkpoints: the WAL size, in pages, at which the store's own connection checkpoints
   * anyway (the thread fell behind or failed), so the WAL stays bounded. Default 10000 (40 MiB of 4 KiB pages).
   */
  readonly checkpointBackstopPages?: number;
}

/** The embedded store, with SQLite-only extras. */
export interface SqliteGroupwareStore extends GroupwareStore {
  /** The database file. */
  readonly path: string;
  /** Writes a consistent copy of the live database to `destination` (online backup; the store stays usable). */
  backup(destination: string): Promise<void>;
}

/**
 * Files open in this process. A second connection to the same file in the same process would deadlock: its
 * BEGIN IMMEDIATE blocks the event loop (better-sqlite3 is synchronous) while the first connection's
 * transaction waits for that very loop to finish. So a second open is refused; share the store object.
 */
const OPEN_FILES = new Set<string>();

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const DEFAULT_MAX_WAITING_CALLERS = 10_000;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 200;
const DEFAULT_CHECKPOINT_BACKSTOP_PAGES = 10_000;

function atLeastOne(value: number | undefined, fallback: number, name: string): number {
  const n = checkPositive(value, fallback, name);
  if (n < 1) throw new TypeError(`${name} must be at least 1`);
  return n;
}

function checkPositive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`${name} must be a non-negative integer`);
  return value;
}

class SqliteStore extends SqlGroupwareStore implements SqliteGroupwareStore {
  constructor(
    readonly path: string,
    private readonly sqlite: SqliteDriver,
    driver: SqlDriver,
    options: ResolvedStoreOptions,
    private readonly fileKey: string | null,
    private readonly checkpointer: BackgroundCheckpointer | undefined,
  ) {
    super(driver, options);
  }

  override async close(): Promise<void> {
    // The thread first: closing the store's connection then checkpoints what is left.
    await this.checkpointer?.stop();
    await super.close();
    if (this.fileKey !== null) OPEN_FILES.delete(this.fileKey);
  }

  async backup(destination: string): Promise<void> {
    if (typeof destination !== 'string' || destination.length === 0) {
      throw new StoreError('INVALID', 'backup destination must be a file path', { path: 'destination' });
    }
    try {
      await this.sqlite.db.backup(destination);
    } catch (error) {
      throw fromSqliteError(error);
    }
  }
}

/**
 * Opens (creating and migrating when needed) the embedded SQLite store: WAL journal, `synchronous` FULL by
 * default, foreign keys on. Rejects with CORRUPT for a file that is not a syncds database, SCHEMA_VERSION for
 * one written by a newer release, IO when the file cannot be opened.
 */
export function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteGroupwareStore> {
  return openSqliteStoreWith(options, (driver) => driver);
}

/** openSqliteStore with a hook around the driver (tests count rows with it). Not part of the public API. */
export async function openSqliteStoreWith(
  options: SqliteStoreOptions,
  wrapDriver: (driver: SqliteDriver) => SqlDriver,
): Promise<SqliteGroupwareStore> {
  const resolved = resolveStoreOptions(options);
  if (typeof options.path !== 'string' || options.path.length === 0) {
    throw new TypeError('path must be a database file path or ":memory:"');
  }
  const synchronous = options.synchronous ?? 'full';
  if (synchronous !== 'full' && synchronous !== 'normal')
    throw new TypeError("synchronous must be 'full' or 'normal'");
  const busyTimeoutMs = checkPositive(options.busyTimeoutMs, DEFAULT_BUSY_TIMEOUT_MS, 'busyTimeoutMs');
  const maxWaiting = checkPositive(
    options.maxWaitingCallers,
    DEFAULT_MAX_WAITING_CALLERS,
    'maxWaitingCallers',
  );
  const groupCommit = options.groupCommit ?? true;
  if (typeof groupCommit !== 'boolean') throw new TypeError('groupCommit must be a boolean');
  const checkpoint = options.checkpoint ?? 'background';
  if (checkpoint !== 'background' && checkpoint !== 'inline')
    throw new TypeError("checkpoint must be 'background' or 'inline'");
  // Both at least 1: an interval of 0 would spin the thread, a backstop of 0 would let the WAL grow unbounded.
  const checkpointIntervalMs = atLeastOne(
    options.checkpointIntervalMs,
    DEFAULT_CHECKPOINT_INTERVAL_MS,
    'checkpointIntervalMs',
  );
  const backstopPages = atLeastOne(
    options.checkpointBackstopPages,
    DEFAULT_CHECKPOINT_BACKSTOP_PAGES,
    'checkpointBackstopPages',
  );

  const inMemory = options.path === ':memory:';
  const created = !inMemory && !existsSync(options.path);
  let db: Database.Database;
  try {
    db = new Database(options.path, { timeout: busyTimeoutMs });
  } catch (error) {
    const mapped = fromSqliteError(error);
    throw mapped instanceof StoreError
      ? mapped
      : new StoreError('IO', `cannot open ${options.path}: ${(error as Error).message}`, { cause: error });
  }
  const fileKey = inMemory ? null : realpathSync(options.path);
  if (fileKey !== null && OPEN_FILES.has(fileKey)) {
    db.close();
    throw new StoreError('BUSY', `${options.path} is already open in this process: share that store object`);
  }
  if (fileKey !== null) OPEN_FILES.add(fileKey);
  try {
    // The database holds password verifiers: keep it private to the server's user.
    if (created) chmodSync(options.path, 0o600);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (!inMemory && mode !== 'wal') {
      throw new StoreError('IO', `cannot switch ${options.path} to WAL (journal_mode is ${String(mode)})`);
    }
    db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    const sqlite = new SqliteDriver(db, maxWaiting, groupCommit);
    const driver = wrapDriver(sqlite);
    await migrate(driver, SQLITE_MIGRATIONS, resolved.now);
    let checkpointer: BackgroundCheckpointer | undefined;
    if (checkpoint === 'background' && !inMemory) {
      db.pragma(`wal_autocheckpoint = ${backstopPages}`);
      checkpointer = new BackgroundCheckpointer({
        path: options.path,
        synchronous,
        intervalMs: checkpointIntervalMs,
        busyTimeoutMs,
      });
    }
    return new SqliteStore(options.path, sqlite, driver, resolved, fileKey, checkpointer);
  } catch (error) {
    db.close();
    if (fileKey !== null) OPEN_FILES.delete(fileKey);
    throw fromSqliteError(error);
  }
}

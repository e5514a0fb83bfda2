import pg from 'pg';
import type { StoreOptions } from '../options.js';
import { resolveStoreOptions } from '../options.js';
import type { SqlDriver } from '../sql/driver.js';
import { migrate } from '../sql/migrate.js';
import { SqlGroupwareStore } from '../sql/sql-store.js';
import type { GroupwareStore } from '../store.js';
import { PostgresDriver } from './driver.js';
import { POSTGRES_MIGRATIONS } from './schema.js';

export interface PostgresStoreOptions extends StoreOptions {
  /** e.g. `postgres://syncds@db.example.com:5432/syncds`. Ignored when `pool` is given. */
  readonly connectionString?: string;
  /** Further pg pool settings (host, user, ssl, max connections...). Ignored when `pool` is given. */
  readonly poolConfig?: pg.PoolConfig;
  /** Use this pool instead of creating one; `close()` then leaves it open. */
  readonly pool?: pg.Pool;
  /** Schema that holds the tables, created when missing. Default `syncds`. Lower-case letters, digits, `_`. */
  readonly schema?: string;
  /** Longest wait for a row lock held by another transaction, in ms, before BUSY. Default 10000. */
  readonly lockTimeoutMs?: number;
  /** Longest single statement, in ms, before BUSY. Default 60000. */
  readonly statementTimeoutMs?: number;
  /** Times a transaction is rerun after a deadlock or serialization failure before BUSY. Default 5. */
  readonly maxRetries?: number;
  /** Called with errors of idle pooled connections (the pool drops them); default: ignored. */
  readonly onPoolError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const DEFAULT_SCHEMA = 'syncds';
const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 5;
const DEFAULT_POOL_SIZE = 10;

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`${name} must be a non-negative integer`);
  return value;
}

/**
 * Opens the PostgreSQL store: creates the schema and migrates it on open (serialised between nodes by an
 * advisory lock). Rejects with IO when the server cannot be reached, SCHEMA_VERSION when the schema was
 * written by a newer release, CORRUPT when the schema holds foreign tables.
 */
export function openPostgresStore(options: PostgresStoreOptions = {}): Promise<GroupwareStore> {
  return openPostgresStoreWith(options, (driver) => driver);
}

/** openPostgresStore with a hook around the driver (tests count rows with it). Not part of the public API. */
export async function openPostgresStoreWith(
  options: PostgresStoreOptions,
  wrapDriver: (driver: SqlDriver) => SqlDriver,
): Promise<GroupwareStore> {
  const resolved = resolveStoreOptions(options);
  const schema = options.schema ?? DEFAULT_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) throw new TypeError(`schema must match ${SCHEMA_NAME}`);
  const settings = {
    schema,
    lockTimeoutMs: nonNegative(options.lockTimeoutMs, DEFAULT_LOCK_TIMEOUT_MS, 'lockTimeoutMs'),
    statementTimeoutMs: nonNegative(
      options.statementTimeoutMs,
      DEFAULT_STATEMENT_TIMEOUT_MS,
      'statementTimeoutMs',
    ),
    maxRetries: nonNegative(options.maxRetries, DEFAULT_MAX_RETRIES, 'maxRetries'),
    ownsPool: options.pool === undefined,
  };
  let pool = options.pool;
  if (pool === undefined) {
    const config: pg.PoolConfig = { max: DEFAULT_POOL_SIZE, ...options.poolConfig };
    if (options.connectionString !== undefined) config.connectionString = options.connectionString;
    pool = new pg.Pool(config);
    // Without a listener, an idle connection dropped by the server would crash the process.
    pool.on('error', options.onPoolError ?? (() => {}));
  }
  const driver = wrapDriver(new PostgresDriver(pool, settings));
  try {
    await migrate(driver, POSTGRES_MIGRATIONS, resolved.now);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new SqlGroupwareStore(driver, resolved);
}

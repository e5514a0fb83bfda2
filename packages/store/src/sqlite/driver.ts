import type BetterSqlite3 from 'better-sqlite3';
import type {
  SqlDialect,
  SqlDriver,
  SqlExecutor,
  SqlValue,
  TableName,
  TransactionMode,
} from '../sql/driver.js';
import { TABLE_NAMES } from '../sql/driver.js';
import { AsyncMutex } from '../util/mutex.js';
import { fromSqliteError } from './errors.js';

/** Prepared statements kept per connection; our SQL texts are few, IN lists come in bounded sizes. */
const STATEMENT_CACHE_SIZE = 500;

const SQLITE_DIALECT: SqlDialect = Object.freeze({
  name: 'sqlite',
  tables: Object.freeze(
    Object.fromEntries(TABLE_NAMES.map((name) => [name, name])) as Record<TableName, string>,
  ),
  forUpdate: '',
});

type Bound = string | number | null | Buffer;

/** better-sqlite3 binds neither booleans nor plain Uint8Array views. */
function bind(params: readonly SqlValue[]): Bound[] {
  return params.map((value) => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
    return value as Bound;
  });
}

/**
 * One better-sqlite3 connection. Every transaction, reads included, runs under an async mutex: the driver is
 * synchronous, so without the lock a second caller could run statements inside the first caller's open
 * transaction between two awaits. Write transactions start with BEGIN IMMEDIATE, taking the database write
 * lock up front, so other processes (an admin CLI) wait `busy_timeout` instead of failing mid-transaction.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect: SqlDialect = SQLITE_DIALECT;
  private readonly mutex: AsyncMutex;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly executor: SqlExecutor;
  /**
   * Transaction control, prepared once: `db.exec` compiles its SQL on every call, and every store call is a
   * transaction (two of these per call).
   */
  private readonly control: Readonly<
    Record<'read' | 'write' | 'commit' | 'rollback', BetterSqlite3.Statement>
  >;

  constructor(
    readonly db: BetterSqlite3.Database,
    maxWaitingCallers: number,
  ) {
    this.mutex = new AsyncMutex(maxWaitingCallers);
    this.executor = {
      all: (sql, params = []) => this.call(() => this.statement(sql).all(...bind(params))),
      get: (sql, params = []) => this.call(() => this.statement(sql).get(...bind(params))),
      run: (sql, params = []) => this.call(() => this.statement(sql).run(...bind(params)).changes),
    } as SqlExecutor;
    this.control = {
      read: db.prepare('BEGIN DEFERRED'),
      write: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
    };
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private call<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(fromSqliteError(error));
    }
  }

  transaction<T>(mode: TransactionMode, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      try {
        this.control[mode].run();
      } catch (error) {
        throw fromSqliteError(error);
      }
      try {
        const result = await fn(this.executor);
        this.control.commit.run();
        return result;
      } catch (error) {
        if (this.db.inTransaction) {
          try {
            this.control.rollback.run();
          } catch {
            // The original error matters more; SQLite rolls back by itself when the connection closes.
          }
        }
        throw fromSqliteError(error);
      }
    });
  }

  async prepareMigration(): Promise<void> {
    // BEGIN IMMEDIATE already holds the database write lock; SQLite has no schemas.
  }

  async existingTables(tx: SqlExecutor): Promise<string[]> {
    const rows = await tx.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    return rows.map((row) => row.name);
  }

  /** Waits for running transactions, then closes the connection (checkpointing the WAL). */
  async close(): Promise<void> {
    await this.mutex.run(async () => {
      this.statements.clear();
      this.db.close();
    });
  }
}

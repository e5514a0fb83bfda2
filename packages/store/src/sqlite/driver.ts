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
import { StoreError } from '../errors.js';
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

/** A write transaction waiting for its group's commit. */
interface QueuedWrite {
  readonly fn: (tx: SqlExecutor) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

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
    Record<
      'read' | 'write' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo',
      BetterSqlite3.Statement
    >
  >;
  /** Write transactions waiting for the next group commit (see `transaction`). */
  private queued: QueuedWrite[] = [];
  private readonly maxWaitingCallers: number;

  constructor(
    readonly db: BetterSqlite3.Database,
    maxWaitingCallers: number,
    /** Whether write transactions share commits (see `transaction`); off, each commits alone. */
    private readonly groupCommit = true,
  ) {
    this.maxWaitingCallers = maxWaitingCallers;
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
      savepoint: db.prepare('SAVEPOINT grouped_write'),
      release: db.prepare('RELEASE grouped_write'),
      rollbackTo: db.prepare('ROLLBACK TO grouped_write'),
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

  /**
   * Reads run alone under the mutex. Writes are queued and committed in groups: every write transaction
   * asked for during one turn of the event loop (under load, all the messages uWS delivered in that turn)
   * runs in one SQLite transaction, each inside its own savepoint, and they share one COMMIT. Each caller
   * still gets its result only once that COMMIT is done, and a caller that fails rolls back to its
   * savepoint, so the others' work stands: the outcome is that of running them one after another.
   * What it saves is the commit's fixed cost (the WAL frames of every page it dirtied, written again
   * by each commit that touches the same page, and the WAL index update).
   */
  transaction<T>(mode: TransactionMode, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    if (mode === 'write' && this.groupCommit) return this.queueWrite(fn);
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

  private queueWrite<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    if (this.queued.length >= this.maxWaitingCallers) {
      return Promise.reject(
        new StoreError('LIMIT', `more than ${this.maxWaitingCallers} callers are waiting for the database`),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      // The first write of a group schedules its commit after this turn's I/O; later ones join it.
      if (this.queued.length === 1) setImmediate(() => this.scheduleGroup());
    });
  }

  private scheduleGroup(): void {
    this.mutex
      .run(() => this.commitGroup())
      .catch((error: unknown) => {
        // The mutex refused (LIMIT): nothing of the group ran.
        for (const write of this.queued.splice(0)) write.reject(error);
      });
  }

  /** Runs the queued writes in one transaction, a savepoint each, and commits them together. */
  private async commitGroup(): Promise<void> {
    const group = this.queued;
    if (group.length === 0) return;
    this.queued = [];
    try {
      this.control.write.run();
    } catch (error) {
      const mapped = fromSqliteError(error);
      for (const write of group) write.reject(mapped);
      return;
    }
    const outcomes: { ok: boolean; value: unknown }[] = [];
    for (const write of group) {
      try {
        this.control.savepoint.run();
        const value = await write.fn(this.executor);
        this.control.release.run();
        outcomes.push({ ok: true, value });
      } catch (error) {
        if (!this.undoOne()) {
          // SQLite rolled the whole transaction back (an I/O error, a full disk): nobody's work stands.
          this.failGroup(group, fromSqliteError(error));
          return;
        }
        outcomes.push({ ok: false, value: fromSqliteError(error) });
      }
    }
    try {
      this.control.commit.run();
    } catch (error) {
      this.failGroup(group, fromSqliteError(error));
      return;
    }
    for (let i = 0; i < group.length; i++) {
      const outcome = outcomes[i]!;
      if (outcome.ok) group[i]!.resolve(outcome.value);
      else group[i]!.reject(outcome.value);
    }
  }

  /** Undoes one write of a group back to its savepoint; false when the transaction itself is gone. */
  private undoOne(): boolean {
    if (!this.db.inTransaction) return false;
    try {
      this.control.rollbackTo.run();
      this.control.release.run();
      return true;
    } catch {
      return false;
    }
  }

  private failGroup(group: readonly QueuedWrite[], error: unknown): void {
    if (this.db.inTransaction) {
      try {
        this.control.rollback.run();
      } catch {
        // SQLite rolls back by itself when the connection closes.
      }
    }
    for (const write of group) write.reject(error);
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
      // Writes queued before the close still commit.
      await this.commitGroup();
      this.statements.clear();
      this.db.close();
    });
  }
}

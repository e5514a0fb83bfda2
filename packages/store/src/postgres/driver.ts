import type pg from 'pg';
import type {
  SqlDialect,
  SqlDriver,
  SqlExecutor,
  SqlValue,
  TableName,
  TransactionMode,
} from '../sql/driver.js';
import { TABLE_NAMES } from '../sql/driver.js';
import { fromPgError, isRetryable } from './errors.js';

/** Converted statement texts kept; our SQL texts are few, IN lists come in bounded sizes. */
const TEXT_CACHE_SIZE = 500;

export interface PostgresDriverSettings {
  readonly schema: string;
  readonly lockTimeoutMs: number;
  readonly statementTimeoutMs: number;
  readonly maxRetries: number;
  /** Whether close() ends the pool (false for a pool the caller passed in). */
  readonly ownsPool: boolean;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `?` placeholders to `$1..$n`. Our SQL never has `?` inside literals. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * A pg pool. Write transactions run READ COMMITTED and lock the folder rows they change (FOR UPDATE), so
 * writers of one folder queue while other folders proceed; reads run REPEATABLE READ READ ONLY and see one
 * snapshot. Deadlocks and serialization failures rerun the whole transaction up to `maxRetries` times;
 * `lock_timeout` and `statement_timeout` bound every wait.
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect: SqlDialect;
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: PostgresDriverSettings,
  ) {
    const schema = quoteIdentifier(settings.schema);
    this.dialect = Object.freeze({
      name: 'postgres',
      tables: Object.freeze(
        Object.fromEntries(TABLE_NAMES.map((name) => [name, `${schema}.${quoteIdentifier(name)}`])) as Record<
          TableName,
          string
        >,
      ),
      forUpdate: ' FOR UPDATE',
    });
  }

  private text(sql: string): string {
    let text = this.texts.get(sql);
    if (text === undefined) {
      if (this.texts.size >= TEXT_CACHE_SIZE) this.texts.clear();
      text = numbered(sql);
      this.texts.set(sql, text);
    }
    return text;
  }

  private executor(client: pg.PoolClient): SqlExecutor {
    const query = async (sql: string, params: readonly SqlValue[] = []): Promise<pg.QueryResult> => {
      try {
        return await client.query({ text: this.text(sql), values: params as SqlValue[] });
      } catch (error) {
        throw fromPgError(error);
      }
    };
    return {
      all: async <T extends object>(sql: string, params?: readonly SqlValue[]) =>
        (await query(sql, params)).rows as T[],
      get: async <T extends object>(sql: string, params?: readonly SqlValue[]) =>
        (await query(sql, params)).rows[0] as T | undefined,
      run: async (sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rowCount ?? 0,
    };
  }

  private begin(mode: TransactionMode): string {
    const isolation = mode === 'write' ? 'READ COMMITTED' : 'REPEATABLE READ READ ONLY';
    return (
      `BEGIN ISOLATION LEVEL ${isolation}; ` +
      `SET LOCAL lock_timeout = ${this.settings.lockTimeoutMs}; ` +
      `SET LOCAL statement_timeout = ${this.settings.statementTimeoutMs}`
    );
  }

  async transaction<T>(mode: TransactionMode, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (error) {
        throw fromPgError(error);
      }
      let broken = false;
      try {
        const tx = this.executor(client);
        await tx.run(this.begin(mode));
        const result = await fn(tx);
        await tx.run('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          // A connection that cannot even roll back is discarded, not returned to the pool.
          broken = true;
        }
        if (isRetryable(error) && attempt < this.settings.maxRetries) {
          await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
          continue;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  async prepareMigration(tx: SqlExecutor): Promise<void> {
    // Two nodes opening a fresh database at once: the second waits, then finds the schema migrated.
    await tx.get('SELECT pg_advisory_xact_lock(hashtext(?))', [`syncds-store:${this.settings.schema}`]);
    await tx.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.settings.schema)}`);
  }

  async existingTables(tx: SqlExecutor): Promise<string[]> {
    const rows = await tx.all<{ name: string }>(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name',
      [this.settings.schema],
    );
    return rows.map((row) => row.name);
  }

  async close(): Promise<void> {
    if (this.settings.ownsPool) await this.pool.end();
  }
}

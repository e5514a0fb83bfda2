/** A value bound to a `?` placeholder. Booleans are stored as the backend's boolean (0/1 in SQLite). */
export type SqlValue = string | number | boolean | null | Uint8Array;

/** Runs statements inside one transaction. SQL uses `?` placeholders; drivers translate as needed. */
export interface SqlExecutor {
  all<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export type TableName =
  | 'schema_migrations'
  | 'domains'
  | 'accounts'
  | 'folders'
  | 'items'
  | 'devices'
  | 'device_folders'
  | 'id_maps';

export const TABLE_NAMES: readonly TableName[] = Object.freeze([
  'schema_migrations',
  'domains',
  'accounts',
  'folders',
  'items',
  'devices',
  'device_folders',
  'id_maps',
]);

/** What the shared SQL needs to know about a backend. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Table names as they appear in SQL (schema-qualified where the backend has schemas). */
  readonly tables: Readonly<Record<TableName, string>>;
  /**
   * Appended to a SELECT that must lock the rows it reads until commit. Empty for SQLite, whose write
   * transactions (BEGIN IMMEDIATE) already exclude every other writer.
   */
  readonly forUpdate: string;
}

export type TransactionMode = 'read' | 'write';

/** A backend connection: everything the shared SQL store needs. */
export interface SqlDriver {
  readonly dialect: SqlDialect;
  /**
   * Runs `fn` in one transaction, committed when it resolves and rolled back when it rejects. `read`
   * transactions see one consistent snapshot; `write` transactions never interleave with another write on the
   * same rows. Driver errors are rethrown as StoreError.
   */
  transaction<T>(mode: TransactionMode, fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * First step of the migration transaction: serialise concurrent openers (other processes or nodes) and
   * create the namespace the tables live in, where the backend has one.
   */
  prepareMigration(tx: SqlExecutor): Promise<void>;
  /** Inside a transaction: the names of the tables that exist in the store's namespace. */
  existingTables(tx: SqlExecutor): Promise<string[]>;
  close(): Promise<void>;
}

import { StoreError } from '../errors.js';
import type { SqlDriver, SqlExecutor, TableName } from './driver.js';

/** One schema step. `statements` receives the dialect's table names. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly statements: (tables: Readonly<Record<TableName, string>>) => readonly string[];
}

async function currentVersion(driver: SqlDriver, tx: SqlExecutor): Promise<number | null> {
  const existing = await driver.existingTables(tx);
  if (!existing.includes('schema_migrations')) {
    // Someone else's tables and no migration ledger: refusing beats writing our schema into their database.
    if (existing.length > 0) {
      throw new StoreError(
        'CORRUPT',
        `the database holds tables (${existing.slice(0, 5).join(', ')}) but no syncds schema_migrations`,
      );
    }
    return null;
  }
  const row = await tx.get<{ version: number | string | null }>(
    `SELECT MAX(version) AS version FROM ${driver.dialect.tables.schema_migrations}`,
  );
  return row?.version == null ? 0 : Number(row.version);
}

/**
 * Brings the schema to the newest version in one transaction: all pending migrations or none. Refuses
 * (SCHEMA_VERSION) a database written by a newer release. Returns the resulting version.
 */
export async function migrate(
  driver: SqlDriver,
  migrations: readonly Migration[],
  now: () => number,
): Promise<number> {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  return driver.transaction('write', async (tx) => {
    await driver.prepareMigration(tx);
    const tables = driver.dialect.tables;
    let version = await currentVersion(driver, tx);
    if (version === null) {
      await tx.run(
        `CREATE TABLE ${tables.schema_migrations} (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)`,
      );
      version = 0;
    }
    if (version > latest) {
      throw new StoreError(
        'SCHEMA_VERSION',
        `database schema version ${version} is newer than this release supports (${latest})`,
      );
    }
    const pending = migrations.filter((m) => m.version > version).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      for (const statement of migration.statements(tables)) await tx.run(statement);
      await tx.run(
        `INSERT INTO ${tables.schema_migrations} (version, description, applied_at) VALUES (?, ?, ?)`,
        [migration.version, migration.description, now()],
      );
    }
    return Math.max(version, latest);
  });
}

/** The version recorded in the ledger. */
export async function readSchemaVersion(driver: SqlDriver): Promise<number> {
  return driver.transaction('read', async (tx) => (await currentVersion(driver, tx)) ?? 0);
}

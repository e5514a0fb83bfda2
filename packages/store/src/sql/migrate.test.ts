import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDriver } from '../sqlite/driver.js';
import { SQLITE_MIGRATIONS } from '../sqlite/schema.js';
import { expectStoreError } from '../test/harness.test-util.js';
import type { Migration } from './migrate.js';
import { migrate, readSchemaVersion } from './migrate.js';

const drivers: SqliteDriver[] = [];

function driver(): SqliteDriver {
  const created = new SqliteDriver(new Database(':memory:'), 100);
  drivers.push(created);
  return created;
}

afterEach(async () => {
  for (const d of drivers.splice(0)) await d.close();
});

const v2: Migration = {
  version: 2,
  description: 'notes table',
  statements: () => ['CREATE TABLE extra_notes (id INTEGER PRIMARY KEY, body TEXT)'],
};

describe('migrate', () => {
  it('applies every migration on a fresh database and records each in the ledger', async () => {
    const d = driver();
    expect(await migrate(d, SQLITE_MIGRATIONS, () => 1234)).toBe(1);
    expect(await readSchemaVersion(d)).toBe(1);
    const ledger = d.db.prepare('SELECT version, description, applied_at FROM schema_migrations').all();
    expect(ledger).toEqual([
      { version: 1, description: SQLITE_MIGRATIONS[0]!.description, applied_at: 1234 },
    ]);
    expect(
      d.db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all()
        .map((row) => (row as { name: string }).name),
    ).toEqual([
      'accounts',
      'device_folders',
      'devices',
      'domains',
      'folders',
      'id_maps',
      'items',
      'schema_migrations',
    ]);
  });

  it('applies only the pending migrations on a later open', async () => {
    const d = driver();
    await migrate(d, SQLITE_MIGRATIONS, () => 1);
    expect(await migrate(d, [...SQLITE_MIGRATIONS, v2], () => 2)).toBe(2);
    expect(await migrate(d, [...SQLITE_MIGRATIONS, v2], () => 3)).toBe(2);
    expect(d.db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, applied_at: 1 },
      { version: 2, applied_at: 2 },
    ]);
  });

  it('rolls a failing migration back completely', async () => {
    const d = driver();
    await migrate(d, SQLITE_MIGRATIONS, () => 1);
    const broken: Migration = {
      version: 3,
      description: 'broken',
      statements: () => ['CREATE TABLE half_done (id INTEGER)', 'CREATE TABLE oops (id INTEGER'],
    };
    await expect(migrate(d, [...SQLITE_MIGRATIONS, v2, broken], () => 2)).rejects.toMatchObject({
      name: 'StoreError',
    });
    expect(await readSchemaVersion(d)).toBe(1);
    const tables = d.db
      .prepare("SELECT name FROM sqlite_master WHERE name IN ('extra_notes', 'half_done')")
      .all();
    expect(tables).toEqual([]);
  });

  it('refuses a database from a newer release and one that is not ours', async () => {
    const d = driver();
    await migrate(d, [...SQLITE_MIGRATIONS, v2], () => 1);
    await expectStoreError(
      migrate(d, SQLITE_MIGRATIONS, () => 1),
      'SCHEMA_VERSION',
      { status: 510 },
    );
    const foreign = driver();
    foreign.db.exec('CREATE TABLE invoices (id INTEGER)');
    await expectStoreError(
      migrate(foreign, SQLITE_MIGRATIONS, () => 1),
      'CORRUPT',
    );
  });
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StoreOptions } from '../options.js';
import type { PostgresStoreOptions } from '../postgres/open.js';
import { openPostgresStoreWith } from '../postgres/open.js';
import type { SqlDriver } from '../sql/driver.js';
import type { GroupwareStore } from '../store.js';
import type { StoreHarness } from './harness.test-util.js';

/** The test database: PostgreSQL runs on every development and CI machine (trust auth, database `test`). */
export const TEST_PG_URL: string = process.env.SYNCDS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

let schemaCounter = 0;

/** A schema name no other test run (process, worker, earlier run) can be using. */
export function uniqueSchema(): string {
  return `syncds_t${process.pid}_${++schemaCounter}_${randomBytes(4).toString('hex')}`;
}

/** Drops schemas through a short-lived connection. */
export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Each store gets its own schema in the shared test database, dropped on cleanup. */
export class PostgresHarness implements StoreHarness {
  private readonly stores: GroupwareStore[] = [];
  private readonly schemas: string[] = [];

  private async openIn(
    schema: string,
    options: StoreOptions,
    wrap: (driver: SqlDriver) => SqlDriver,
  ): Promise<GroupwareStore> {
    const pgOptions: PostgresStoreOptions = {
      ...options,
      connectionString: TEST_PG_URL,
      schema,
      poolConfig: { max: 4 },
    };
    const store = await openPostgresStoreWith(pgOptions, wrap);
    this.stores.push(store);
    return store;
  }

  open(options: StoreOptions = {}, wrap?: (driver: SqlDriver) => SqlDriver): Promise<GroupwareStore> {
    const schema = uniqueSchema();
    this.schemas.push(schema);
    return this.openIn(schema, options, wrap ?? ((driver) => driver));
  }

  openPeer(options: StoreOptions = {}): Promise<GroupwareStore> {
    const schema = this.schemas[this.schemas.length - 1];
    if (schema === undefined) throw new Error('openPeer needs an open() first');
    return this.openIn(schema, options, (driver) => driver);
  }

  async cleanup(): Promise<void> {
    for (const store of this.stores.splice(0)) await store.close();
    await dropSchemas(this.schemas.splice(0));
  }
}

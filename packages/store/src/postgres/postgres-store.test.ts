import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { bytes, expectStoreError, text } from '../test/harness.test-util.js';
import {
  dropSchemas,
  PostgresHarness,
  TEST_PG_URL,
  uniqueSchema,
} from '../test/postgres-harness.test-util.js';
import { describeStoreSuite } from '../test/store-suite.test-util.js';
import type { GroupwareStore } from '../store.js';
import { openPostgresStore } from './open.js';

describeStoreSuite('PostgreSQL store', new PostgresHarness());

describe('PostgreSQL specifics', () => {
  const harness = new PostgresHarness();
  const opened: GroupwareStore[] = [];
  const schemas: string[] = [];

  afterEach(async () => {
    await harness.cleanup();
    for (const store of opened.splice(0)) await store.close();
    await dropSchemas(schemas.splice(0));
  });

  async function query<T>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('lets two nodes share one schema with no stale state and no lost update', async () => {
    const nodeA = await harness.open();
    const nodeB = await harness.openPeer!();
    await nodeA.createAccount({ login: 'shared@example.com', password: 'pw', createDomain: true });
    const folder = (await nodeB.resolveFolder('shared@example.com', 'Notes'))!;
    await nodeB.applyBatch({
      ops: [
        {
          type: 'add',
          folderId: folder.id,
          origin: null,
          contentType: 'text/plain',
          payload: bytes('0'),
          guid: 'counter',
        },
      ],
    });
    expect(await nodeA.getFolderSequence(folder.id)).toBe(1);
    const increment = async (store: GroupwareStore, worker: string): Promise<void> => {
      for (;;) {
        const item = (await store.getItem(folder.id, 'counter'))!;
        const { results } = await store.applyBatch({
          ops: [
            {
              type: 'replace',
              folderId: folder.id,
              guid: 'counter',
              origin: worker,
              contentType: 'text/plain',
              payload: bytes(String(Number(text(item.payload)) + 1)),
              ifVersion: item.version,
            },
          ],
        });
        if (results[0]!.kind === 'applied') return;
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, i) => increment(i % 2 === 0 ? nodeA : nodeB, `w${i}`)));
    const counter = (await nodeB.getItem(folder.id, 'counter'))!;
    expect(text(counter.payload)).toBe('16');
    expect(counter.version).toBe(17);
    expect(await nodeA.getFolderSequence(folder.id)).toBe(17);
  });

  it('migrates a new schema once when several nodes open it at the same time', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const stores = await Promise.all(
      Array.from({ length: 4 }, () =>
        openPostgresStore({ connectionString: TEST_PG_URL, schema, poolConfig: { max: 2 } }),
      ),
    );
    opened.push(...stores);
    for (const store of stores) expect(await store.schemaVersion()).toBe(1);
    expect(await query(`SELECT version FROM "${schema}".schema_migrations`)).toEqual([{ version: 1 }]);
  });

  it('refuses a newer schema and foreign tables', async () => {
    const newer = uniqueSchema();
    const foreign = uniqueSchema();
    schemas.push(newer, foreign);
    await (await openPostgresStore({ connectionString: TEST_PG_URL, schema: newer })).close();
    await query(`INSERT INTO "${newer}".schema_migrations VALUES (42, 'future', 0)`);
    await expectStoreError(
      openPostgresStore({ connectionString: TEST_PG_URL, schema: newer }),
      'SCHEMA_VERSION',
    );
    await query(`CREATE SCHEMA "${foreign}"; CREATE TABLE "${foreign}".invoices (id int)`);
    await expectStoreError(openPostgresStore({ connectionString: TEST_PG_URL, schema: foreign }), 'CORRUPT');
  });

  it('reports an unreachable server as IO and rejects bad options', async () => {
    await expectStoreError(
      openPostgresStore({
        connectionString: 'postgres://postgres@127.0.0.1:1/test',
        poolConfig: { connectionTimeoutMillis: 2000 },
      }),
      'IO',
      { status: 510 },
    );
    await expect(openPostgresStore({ schema: 'Bad-Name' })).rejects.toThrow(TypeError);
    await expect(openPostgresStore({ maxRetries: -1 })).rejects.toThrow(TypeError);
  });

  it('uses a pool it is given and leaves it open on close', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const pool = new pg.Pool({ connectionString: TEST_PG_URL, max: 2 });
    try {
      const store = await openPostgresStore({ pool, schema });
      await store.createDomain('pooled.org');
      await store.close();
      expect((await pool.query(`SELECT name FROM "${schema}".domains`)).rows).toEqual([
        { name: 'pooled.org' },
      ]);
    } finally {
      await pool.end();
    }
  });

  it('gives up with BUSY when a row stays locked past lockTimeoutMs', async () => {
    const schema = uniqueSchema();
    schemas.push(schema);
    const store = await openPostgresStore({ connectionString: TEST_PG_URL, schema, lockTimeoutMs: 100 });
    opened.push(store);
    await store.createAccount({ login: 'lock@example.com', password: 'pw', createDomain: true });
    const folder = (await store.resolveFolder('lock@example.com', 'Tasks'))!;
    const holder = new pg.Client({ connectionString: TEST_PG_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM "${schema}".folders WHERE id = $1 FOR UPDATE`, [folder.id]);
      await expectStoreError(
        store.applyBatch({
          ops: [
            {
              type: 'add',
              folderId: folder.id,
              origin: null,
              contentType: 'text/plain',
              payload: bytes('x'),
            },
          ],
        }),
        'BUSY',
        { status: 417 },
      );
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
    expect(await store.getFolderSequence(folder.id)).toBe(0);
  });
});

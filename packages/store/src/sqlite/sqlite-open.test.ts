import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { iterateItems } from '../iterate.js';
import { bytes, expectStoreError, TestClock, TestGuids, text } from '../test/harness.test-util.js';
import { tempDir } from '../test/sqlite-harness.test-util.js';
import { openSqliteStore, type SqliteGroupwareStore } from './open.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const stores: SqliteGroupwareStore[] = [];

function newPath(): string {
  const dir = tempDir();
  dirs.push(dir);
  return join(dir, 'store.db');
}

async function open(
  path: string,
  extra: Partial<Parameters<typeof openSqliteStore>[0]> = {},
): Promise<SqliteGroupwareStore> {
  const store = await openSqliteStore({ path, ...extra });
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SQLite file handling', () => {
  it('keeps everything across close and reopen, in a WAL-mode file readable only by its owner', async () => {
    const path = newPath();
    const clock = new TestClock();
    const store = await open(path, { now: clock.now, generateGuid: new TestGuids().next });
    await store.createAccount({
      login: 'keep@example.com',
      password: 'pw',
      createDomain: true,
      storeClearPassword: true,
    });
    const folder = (await store.resolveFolder('keep@example.com', 'Notes'))!;
    await store.applyBatch({
      ops: [
        {
          type: 'add',
          folderId: folder.id,
          origin: 'dev',
          contentType: 'text/plain',
          payload: bytes('kept'),
          luid: '1',
        },
        {
          type: 'state',
          folderId: folder.id,
          deviceId: 'dev',
          clientAnchor: 'c',
          serverAnchor: 's',
          syncedSequence: 1,
        },
      ],
    });
    await store.touchDevice('keep@example.com', 'dev', {
      devInf: { data: bytes('<DevInf/>'), contentType: 'application/vnd.syncml-devinf+xml' },
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await store.close();
    stores.length = 0;

    const reopened = await open(path, { now: clock.now });
    expect(await reopened.verifyBasic('keep@example.com', 'pw')).toBe(true);
    expect((await reopened.getVerifiers('keep@example.com'))!.clearPassword).toBe('pw');
    expect(text((await reopened.getItem(folder.id, 'g1'))!.payload)).toBe('kept');
    expect(await reopened.getGuidForLuid(folder.id, 'dev', '1')).toBe('g1');
    expect(await reopened.getDeviceFolderState(folder.id, 'dev')).toMatchObject({
      clientAnchor: 'c',
      serverAnchor: 's',
      syncedSequence: 1,
    });
    expect(text((await reopened.getDevice('keep@example.com', 'dev'))!.devInf!.data)).toBe('<DevInf/>');
    expect(await reopened.getFolderSequence(folder.id)).toBe(1);
    expect(await reopened.schemaVersion()).toBe(1);
  });

  it('works in memory', async () => {
    const store = await open(':memory:');
    await store.createAccount({ login: 'mem@example.com', password: 'pw', createDomain: true });
    expect((await store.listFolders('mem@example.com')).length).toBe(7);
  });

  it('refuses a second store on the same file in one process', async () => {
    const path = newPath();
    await open(path);
    await expectStoreError(openSqliteStore({ path }), 'BUSY');
  });

  it('reports a file that is not a database as CORRUPT', async () => {
    const path = newPath();
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    await expectStoreError(openSqliteStore({ path }), 'CORRUPT', { status: 510 });
    // The failed open released the file: a fresh database can take its place.
    rmSync(path);
    await open(path);
  });

  it("refuses someone else's database and a newer schema", async () => {
    const foreign = newPath();
    const raw = new Database(foreign);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    raw.close();
    await expectStoreError(openSqliteStore({ path: foreign }), 'CORRUPT');

    const newer = newPath();
    await (await open(newer)).close();
    stores.length = 0;
    const bump = new Database(newer);
    bump
      .prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (99, ?, 0)')
      .run('future');
    bump.close();
    await expectStoreError(openSqliteStore({ path: newer }), 'SCHEMA_VERSION', { status: 510 });
  });

  it('reports an unopenable path as IO', async () => {
    await expectStoreError(openSqliteStore({ path: join(newPath(), 'missing-dir', 'x.db') }), 'IO');
  });

  it('gives up with BUSY when another connection holds the write lock too long', async () => {
    const path = newPath();
    const store = await open(path, { busyTimeoutMs: 50 });
    await store.createAccount({ login: 'busy@example.com', password: 'pw', createDomain: true });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expectStoreError(store.createDomain('later.org'), 'BUSY', { status: 417 });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.createDomain('later.org')).name).toBe('later.org');
  });

  it('writes an online backup that opens as a store', async () => {
    const path = newPath();
    const store = await open(path);
    await store.createAccount({ login: 'b@example.com', password: 'pw', createDomain: true });
    const copy = join(dirs[0]!, 'copy.db');
    await store.backup(copy);
    await store.createDomain('after-backup.org');
    const restored = await open(copy);
    expect(await restored.verifyBasic('b@example.com', 'pw')).toBe(true);
    expect(await restored.getDomain('after-backup.org')).toBeNull();
  });

  it('rejects bad options', async () => {
    await expect(openSqliteStore({ path: '' })).rejects.toThrow(TypeError);
    await expect(openSqliteStore({ path: ':memory:', synchronous: 'off' as never })).rejects.toThrow(
      TypeError,
    );
    await expect(openSqliteStore({ path: ':memory:', limits: { maxPageSize: 0 } })).rejects.toThrow(
      TypeError,
    );
    await expect(openSqliteStore({ path: ':memory:', checkpoint: 'never' as never })).rejects.toThrow(
      TypeError,
    );
    await expect(openSqliteStore({ path: ':memory:', checkpointIntervalMs: 0 })).rejects.toThrow(
      /checkpointIntervalMs must be at least 1/,
    );
    await expect(openSqliteStore({ path: ':memory:', checkpointBackstopPages: 0 })).rejects.toThrow(
      /checkpointBackstopPages must be at least 1/,
    );
    await expect(openSqliteStore({ path: ':memory:', groupCommit: 'yes' as never })).rejects.toThrow(
      /groupCommit must be a boolean/,
    );
  });
});

describe('checkpoints', () => {
  /** Adds `n` items of 2 KiB in separate batches: each commit appends pages to the WAL. */
  async function fill(store: SqliteGroupwareStore, n: number): Promise<void> {
    const folderId = (await store.resolveFolder('alice@example.com', 'Contacts'))!.id;
    for (let i = 0; i < n; i++) {
      await store.applyBatch({
        ops: [
          { type: 'add', folderId, origin: null, contentType: 'text/plain', payload: new Uint8Array(2048) },
        ],
      });
    }
  }
  async function withAccount(store: SqliteGroupwareStore): Promise<void> {
    await store.createAccount({ login: 'alice@example.com', password: 'pw', createDomain: true });
  }
  const waitFor = async (check: () => boolean, ms: number) => {
    const until = Date.now() + ms;
    while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    return check();
  };

  it('a background thread moves committed pages into the database file, off the store connection', async () => {
    const path = newPath();
    const store = await open(path, { checkpointIntervalMs: 20 });
    await withAccount(store);
    const before = statSync(path).size;
    await fill(store, 50); // a few hundred WAL frames: below SQLite's own 1000-frame checkpoint
    // Only a checkpoint writes pages into the main file; the store's connection did not (backstop 10000).
    expect(await waitFor(() => statSync(path).size > before + 50 * 2048, 3000)).toBe(true);
    // Everything is still there, through the store and after reopening.
    expect(await store.countItems((await store.resolveFolder('alice@example.com', 'Contacts'))!.id)).toBe(50);
    await store.close();
    const again = await open(path);
    expect(await again.countItems((await again.resolveFolder('alice@example.com', 'Contacts'))!.id)).toBe(50);
  });

  it("inline: the file grows only at SQLite's own checkpoint (1000 frames) or at close", async () => {
    const path = newPath();
    const store = await open(path, { checkpoint: 'inline' });
    await withAccount(store);
    const before = statSync(path).size;
    await fill(store, 50);
    await new Promise((r) => setTimeout(r, 200));
    expect(statSync(path).size).toBe(before);
    await store.close();
    expect(statSync(path).size).toBeGreaterThan(before + 50 * 2048);
  });

  it('the backstop: with a thread that never comes round, the store connection checkpoints at the given size', async () => {
    const path = newPath();
    const store = await open(path, { checkpointIntervalMs: 3_600_000, checkpointBackstopPages: 50 });
    await withAccount(store);
    const before = statSync(path).size;
    await fill(store, 100);
    expect(statSync(path).size).toBeGreaterThan(before);
    await store.close(); // stops the idle thread at once
  });
});

/**
 * Child processes need JavaScript: compile this package (with the writer script) into a scratch folder
 * inside node_modules, where Node resolves better-sqlite3 as for the package itself.
 */
describe('crash safety and other processes', () => {
  const buildDir = join(packageDir, 'node_modules', '.cache', `store-crash-${process.pid}`);
  const writer = join(buildDir, 'test', 'crash-writer.test-util.js');

  beforeAll(() => {
    mkdirSync(buildDir, { recursive: true });
    writeFileSync(join(buildDir, 'package.json'), '{ "type": "module" }\n');
    const tsconfig = join(buildDir, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(packageDir, 'tsconfig.json'),
        compilerOptions: {
          rootDir: join(packageDir, 'src'),
          outDir: buildDir,
          declaration: false,
          isolatedDeclarations: false,
          declarationMap: false,
          sourceMap: false,
          types: ['node'],
        },
        files: [join(packageDir, 'src', 'test', 'crash-writer.test-util.ts')],
        include: [],
      }),
    );
    const tsc = join(
      dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
      'bin',
      'tsc',
    );
    execFileSync(process.execPath, [tsc, '-p', tsconfig], { cwd: packageDir, stdio: 'pipe' });
    expect(existsSync(writer)).toBe(true);
  }, 60_000);

  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  function startWriter(
    path: string,
    tag: string,
    count: string,
  ): { child: ChildProcess; committed: () => number; done: Promise<number | null> } {
    const child = spawn(process.execPath, [writer, path, tag, count], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const done = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        if (code !== 0 && code !== null) console.error(err);
        resolve(code);
      }),
    );
    const committed = () => {
      const lines = out.split('\n').filter((line) => line.length > 0);
      return lines.length === 0 ? -1 : Number(lines[lines.length - 1]);
    };
    return { child, committed, done };
  }

  async function setup(): Promise<{ path: string; folderId: number }> {
    const path = newPath();
    const store = await openSqliteStore({ path });
    await store.createAccount({ login: 'crash@example.com', password: 'pw', createDomain: true });
    const folderId = (await store.resolveFolder('crash@example.com', 'Contacts'))!.id;
    await store.close();
    return { path, folderId };
  }

  /** Batches of `tag` found in the folder, each checked to be complete. */
  async function committedBatches(
    store: SqliteGroupwareStore,
    folderId: number,
    tag: string,
  ): Promise<number[]> {
    const perBatch = new Map<number, number[]>();
    for await (const item of iterateItems(store, folderId, { limit: 500 })) {
      const [itemTag, batch] = text(item.payload).split(':');
      if (itemTag !== tag) continue;
      const sequences = perBatch.get(Number(batch)) ?? [];
      sequences.push(item.sequence);
      perBatch.set(Number(batch), sequences);
    }
    for (const sequences of perBatch.values()) {
      sequences.sort((a, b) => a - b);
      // All 20 items of a batch, on consecutive sequence numbers: never half a batch, never interleaved.
      expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => sequences[0]! + i));
    }
    return [...perBatch.keys()].sort((a, b) => a - b);
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('survives kill -9 in the middle of a batch loop: every reported batch is there, none is half there', async () => {
    const { path, folderId } = await setup();
    for (const [round, wait] of [
      [0, 0],
      [1, 7],
      [2, 23],
    ] as const) {
      const writerRun = startWriter(path, `w${round}`, 'forever');
      while (writerRun.committed() < 15) await sleep(5);
      await sleep(wait);
      writerRun.child.kill('SIGKILL');
      await writerRun.done;
      const reported = writerRun.committed();

      const raw = new Database(path);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
      const store = await openSqliteStore({ path });
      const batches = await committedBatches(store, folderId, `w${round}`);
      // The batch after the last reported one may have committed before its number was printed.
      expect(batches.length === reported + 1 || batches.length === reported + 2).toBe(true);
      expect(batches).toEqual(Array.from({ length: batches.length }, (_, i) => i));
      const last = batches.length - 1;
      expect(await store.getDeviceFolderState(folderId, `w${round}`)).toMatchObject({
        clientAnchor: `batch-${last}`,
        syncedSequence: last,
      });
      expect((await store.listMap(folderId, `w${round}`, { limit: 1000 })).entries.length).toBe(
        20 * batches.length,
      );
      const total = await store.countItems(folderId);
      expect(await store.getFolderSequence(folderId)).toBe(total);
      await store.close();
    }
  }, 60_000);

  it('shares the file with another process writing at the same time', async () => {
    const { path, folderId } = await setup();
    const other = startWriter(path, 'child', '25');
    const store = await open(path, { busyTimeoutMs: 20_000 });
    for (let batch = 0; batch < 25; batch++) {
      await store.applyBatch({
        ops: Array.from({ length: 20 }, (_, i) => ({
          type: 'add' as const,
          folderId,
          origin: 'parent',
          contentType: 'text/plain',
          payload: bytes(`parent:${batch}:${i}`),
        })),
      });
      await sleep(1);
    }
    expect(await other.done).toBe(0);
    expect(await committedBatches(store, folderId, 'child')).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(await committedBatches(store, folderId, 'parent')).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
    expect(await store.getFolderSequence(folderId)).toBe(1000);
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3');
  }, 60_000);
});

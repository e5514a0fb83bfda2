import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../sql/driver.js';
import { tempDir } from '../test/sqlite-harness.test-util.js';
import { SqliteDriver } from './driver.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A driver on a fresh WAL file, and the number of COMMITs it has run so far. */
function openDriver(groupCommit = true): { driver: SqliteDriver; commits: () => number; path: string } {
  const dir = tempDir();
  dirs.push(dir);
  const path = join(dir, 'group.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  let commits = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (sql !== 'COMMIT') return statement;
    const run = statement.run.bind(statement);
    statement.run = ((...args: unknown[]) => {
      const result = run(...(args as []));
      commits++;
      return result;
    }) as typeof statement.run;
    return statement;
  }) as typeof db.prepare;
  return { driver: new SqliteDriver(db, 100, groupCommit), commits: () => commits, path };
}

const insert = (value: string) => async (tx: SqlExecutor) => tx.run('INSERT INTO t (v) VALUES (?)', [value]);
const values = (driver: SqliteDriver) =>
  driver.transaction('read', async (tx) =>
    (await tx.all<{ v: string }>('SELECT v FROM t ORDER BY id')).map((r) => r.v),
  );

describe('group commit', () => {
  it('writes asked for in the same turn share one COMMIT; each caller gets its own result after it', async () => {
    const { driver, commits } = openDriver();
    const committedWhenResolved: number[] = [];
    const writes = ['a', 'b', 'c', 'd'].map((v) =>
      driver.transaction('write', insert(v)).then((changes) => {
        committedWhenResolved.push(commits());
        return changes;
      }),
    );
    expect(await Promise.all(writes)).toEqual([1, 1, 1, 1]);
    expect(commits()).toBe(1);
    expect(committedWhenResolved).toEqual([1, 1, 1, 1]);
    expect(await values(driver)).toEqual(['a', 'b', 'c', 'd']);
    await driver.close();
  });

  it('a write that fails is undone to its savepoint; the others of its group stand', async () => {
    const { driver, commits } = openDriver();
    const first = driver.transaction('write', insert('a'));
    const failing = driver.transaction('write', async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES (?)', ['half-done']);
      await tx.run('INSERT INTO t (v) VALUES (?)', ['a']); // UNIQUE: fails after a row was written
    });
    const thrown = driver.transaction('write', async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES (?)', ['also undone']);
      throw new Error('the caller gave up');
    });
    const last = driver.transaction('write', insert('b'));
    await expect(first).resolves.toBe(1);
    await expect(failing).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(thrown).rejects.toThrow('the caller gave up');
    await expect(last).resolves.toBe(1);
    expect(commits()).toBe(1);
    expect(await values(driver)).toEqual(['a', 'b']);
    await driver.close();
  });

  it('a read asked for before a queued write commits does not see it (no dirty read)', async () => {
    const { driver } = openDriver();
    const write = driver.transaction('write', insert('a'));
    const before = values(driver);
    expect(await before).toEqual([]);
    await write;
    expect(await values(driver)).toEqual(['a']);
    await driver.close();
  });

  it('close commits the writes still queued', async () => {
    const { driver, path } = openDriver();
    const write = driver.transaction('write', insert('kept'));
    await driver.close();
    await expect(write).resolves.toBe(1);
    const reopened = new Database(path, { readonly: true });
    expect(reopened.prepare('SELECT v FROM t').pluck().all()).toEqual(['kept']);
    reopened.close();
  });

  it('with groupCommit off, each write commits alone', async () => {
    const { driver, commits } = openDriver(false);
    await Promise.all(['a', 'b', 'c'].map((v) => driver.transaction('write', insert(v))));
    expect(commits()).toBe(3);
    expect(await values(driver)).toEqual(['a', 'b', 'c']);
    await driver.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreOptions } from '../options.js';
import type { SqlDriver } from '../sql/driver.js';
import { openSqliteStoreWith } from '../sqlite/open.js';
import type { GroupwareStore } from '../store.js';
import type { StoreHarness } from './harness.test-util.js';

/** A fresh temporary directory, removed by the caller. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'syncds-store-'));
}

/** Each store gets its own database file in its own temporary directory. */
export class SqliteHarness implements StoreHarness {
  private readonly stores: GroupwareStore[] = [];
  private readonly dirs: string[] = [];

  async open(options: StoreOptions = {}, wrap?: (driver: SqlDriver) => SqlDriver): Promise<GroupwareStore> {
    const dir = tempDir();
    this.dirs.push(dir);
    const store = await openSqliteStoreWith(
      { ...options, path: join(dir, 'store.db') },
      wrap ?? ((driver) => driver),
    );
    this.stores.push(store);
    return store;
  }

  async cleanup(): Promise<void> {
    for (const store of this.stores.splice(0)) await store.close();
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

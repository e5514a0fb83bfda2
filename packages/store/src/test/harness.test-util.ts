import { expect } from 'vitest';
import type { StoreError, StoreErrorCode } from '../errors.js';
import type { StoreOptions } from '../options.js';
import type { SqlDriver, SqlExecutor } from '../sql/driver.js';
import type { GroupwareStore } from '../store.js';

/** How the shared suite gets stores from one backend. */
export interface StoreHarness {
  /** A store on a fresh, empty database; `wrap` may instrument the real driver. */
  open(options?: StoreOptions, wrap?: (driver: SqlDriver) => SqlDriver): Promise<GroupwareStore>;
  /** A second, independent store on the database of the last `open` (another node), where supported. */
  openPeer?(options?: StoreOptions): Promise<GroupwareStore>;
  /** Closes every store opened since the last cleanup and removes their databases. */
  cleanup(): Promise<void>;
}

/** A clock tests move by hand. */
export class TestClock {
  time = 1_700_000_000_000;
  readonly now = (): number => this.time;
  advance(ms: number): number {
    this.time += ms;
    return this.time;
  }
}

/** GUIDs g1, g2, ... (or a scripted list first). */
export class TestGuids {
  private counter = 0;
  constructor(private readonly scripted: string[] = []) {}
  readonly next = (): string => this.scripted.shift() ?? `g${++this.counter}`;
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
export const text = (data: Uint8Array): string => new TextDecoder().decode(data);

/** Awaits `promise`, expecting a StoreError with `code` (and the given fields); returns it. */
export async function expectStoreError(
  promise: Promise<unknown>,
  code: StoreErrorCode,
  fields: Partial<Pick<StoreError, 'status' | 'path' | 'opIndex'>> = {},
): Promise<StoreError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected StoreError ${code}`).toBeDefined();
  expect((caught as Error).name).toMatch(/^Store(Conflict)?Error$/);
  expect((caught as StoreError).code).toBe(code);
  for (const [key, value] of Object.entries(fields)) {
    expect((caught as unknown as Record<string, unknown>)[key], key).toBe(value);
  }
  return caught as StoreError;
}

/** Wraps a real driver and records the largest row count any single statement returned. */
export class RowCountingDriver implements SqlDriver {
  maxRows = 0;
  statements = 0;

  constructor(private readonly inner: SqlDriver) {}

  get dialect(): SqlDriver['dialect'] {
    return this.inner.dialect;
  }

  private wrap(tx: SqlExecutor): SqlExecutor {
    return {
      all: async (sql, params) => {
        const rows = await tx.all(sql, params);
        this.statements++;
        this.maxRows = Math.max(this.maxRows, rows.length);
        return rows as never;
      },
      get: (sql, params) => tx.get(sql, params),
      run: (sql, params) => tx.run(sql, params),
    };
  }

  transaction<T>(mode: 'read' | 'write', fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.inner.transaction(mode, (tx) => fn(this.wrap(tx)));
  }

  prepareMigration(tx: SqlExecutor): Promise<void> {
    return this.inner.prepareMigration(tx);
  }

  existingTables(tx: SqlExecutor): Promise<string[]> {
    return this.inner.existingTables(tx);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  reset(): void {
    this.maxRows = 0;
    this.statements = 0;
  }
}

export interface Fixture {
  readonly store: GroupwareStore;
  readonly clock: TestClock;
  readonly login: string;
  /** Folder ids of the default folders of `login`. */
  readonly contacts: number;
  readonly events: number;
}

/** A store with one account (alice@example.com / secret) and its default folders. */
export async function withAccount(
  harness: StoreHarness,
  options: StoreOptions = {},
  clock: TestClock = new TestClock(),
): Promise<Fixture> {
  const store = await harness.open({ now: clock.now, generateGuid: new TestGuids().next, ...options });
  const account = await store.createAccount({
    login: 'Alice@Example.com',
    password: 'secret',
    createDomain: true,
  });
  const contacts = (await store.resolveFolder(account.login, 'Contacts'))!.id;
  const events = (await store.resolveFolder(account.login, 'Events'))!.id;
  return { store, clock, login: account.login, contacts, events };
}

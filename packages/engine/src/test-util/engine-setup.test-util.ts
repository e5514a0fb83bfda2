import { type GroupwareStore, openSqliteStore } from '@syncds/store';
import type { EngineConfigInput } from '../config.js';
import { SyncEngine } from '../engine.js';
import { createItemAdapter } from '../items/formats-adapter.js';
import { MemorySessionStore } from '../session/session-store.js';
import type { EngineLogger } from '../log.js';
import { type DeviceOptions, VirtualDevice } from './virtual-device.test-util.js';

export const LOGIN = 'alice@example.com';
export const PASSWORD = 'secret';

/** Log lines the engine wrote, for assertions on what operators see. */
export class CapturingLogger implements EngineLogger {
  readonly lines: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  readonly detailed = true;
  debug(msg: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'debug', msg, fields });
  }
  info(msg: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'info', msg, fields });
  }
  warn(msg: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'warn', msg, fields });
  }
  error(msg: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'error', msg, fields });
  }
  has(msg: string): boolean {
    return this.lines.some((l) => l.msg === msg);
  }
}

export interface TestEngine {
  store: GroupwareStore;
  engine: SyncEngine;
  logger: CapturingLogger;
  device(o?: Partial<DeviceOptions>): VirtualDevice;
  close(): Promise<void>;
  /** Every live item of a folder: payload records as JSON text. */
  items(folder: string): Promise<string[]>;
}

export interface TestEngineOptions {
  /** Sessions cross the session store as msgpack bytes, as with a shared store (default false). */
  copyStates?: boolean;
}

export async function testEngine(
  config: EngineConfigInput = {},
  options: TestEngineOptions = {},
): Promise<TestEngine> {
  const store = await openSqliteStore({ path: ':memory:' });
  await store.createDomain('example.com');
  await store.createAccount({ login: LOGIN, password: PASSWORD });
  const logger = new CapturingLogger();
  const sessions = new MemorySessionStore({ copyStates: options.copyStates ?? false });
  const engine = new SyncEngine({ store, items: createItemAdapter(), config, logger, sessions });
  let n = 0;
  return {
    store,
    engine,
    logger,
    device(o = {}) {
      const d = new VirtualDevice(engine, { deviceId: `dev-${++n}`, login: LOGIN, password: PASSWORD, ...o });
      d.addStore('contacts', 'Contacts', 'text/x-vcard');
      return d;
    },
    async close() {
      await engine.close();
      await sessions.close();
      await store.close();
    },
    async items(folder) {
      const f = (await store.resolveFolder(LOGIN, folder))!;
      const page = await store.listItems(f.id, { limit: 1000 });
      return page.entries.map((i) => new TextDecoder().decode(i.payload));
    },
  };
}

export const vcard21 = (family: string, tel: string, extra: string[] = []): string =>
  [
    'BEGIN:VCARD',
    'VERSION:2.1',
    `N:${family};Test`,
    `FN:Test ${family}`,
    `TEL;CELL:${tel}`,
    ...extra,
    'END:VCARD',
    '',
  ].join('\r\n');

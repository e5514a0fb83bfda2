import { type GroupwareStore, openSqliteStore } from '@syncds/store';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SyncEngine } from './engine.js';
import { MemorySessionStore } from './session/session-store.js';
import { createItemAdapter } from './items/formats-adapter.js';
import { type DeviceOptions, VirtualDevice } from './test-util/virtual-device.test-util.js';
import type { EngineConfigInput } from './config.js';

const VCARD = (name: string, tel: string) =>
  `BEGIN:VCARD\r\nVERSION:2.1\r\nN:${name};Test\r\nFN:Test ${name}\r\nTEL;CELL:${tel}\r\nEND:VCARD\r\n`;

let store: GroupwareStore;
let engine: SyncEngine;

async function setup(config: EngineConfigInput = {}, copyStates = false): Promise<void> {
  store = await openSqliteStore({ path: ':memory:' });
  await store.createDomain('example.com');
  await store.createAccount({ login: 'alice@example.com', password: 'secret' });
  // copyStates: sessions cross the store as msgpack bytes, as with a shared session store.
  const sessions = new MemorySessionStore({ copyStates });
  engine = new SyncEngine({ store, items: createItemAdapter(), config, sessions });
  closeSessions = () => sessions.close();
}
let closeSessions: () => Promise<void> = async () => {};

function device(o: Partial<DeviceOptions> = {}): VirtualDevice {
  const d = new VirtualDevice(engine, {
    deviceId: `dev-${Math.random()}`,
    login: 'alice@example.com',
    password: 'secret',
    ...o,
  });
  d.addStore('contacts', 'Contacts', 'text/x-vcard');
  return d;
}

beforeEach(async () => setup());
afterEach(async () => {
  await engine.close();
  await closeSessions();
  await store.close();
});

describe.each([
  ['in memory', false],
  ['copied through msgpack', true],
] as const)('sessions (state %s)', (_, copyStates) => {
  beforeEach(async () => {
    await engine.close();
    await closeSessions();
    await store.close();
    await setup({}, copyStates);
  });
  test.each([
    ['1.0', 'xml', 'basic'],
    ['1.0', 'wbxml', 'md5'],
    ['1.1', 'wbxml', 'md5'],
    ['1.2', 'xml', 'md5'],
    ['1.2', 'wbxml', 'basic'],
  ] as const)('SyncML %s %s %s: slow first sync, then two-way both ways', async (version, encoding, auth) => {
    if (version === '1.0' && auth === 'md5')
      await store.setPassword('alice@example.com', 'secret', { storeClearPassword: true });
    const a = device({ version, encoding, auth });
    const b = device({ version, encoding, auth });
    const ada = a.add('contacts', VCARD('Ada', '+1 555 0001'));
    const first = await a.sync();
    expect(first.alerts.get('contacts')).toBe(201);
    const folder = (await store.resolveFolder('alice@example.com', 'Contacts'))!;
    expect(await store.countItems(folder.id)).toBe(1);

    const bFirst = await b.sync();
    expect(bFirst.received).toEqual([
      { store: 'contacts', op: 'add', luid: expect.any(String), type: 'text/x-vcard' },
    ]);
    expect([...b.stores.get('contacts')!.items.values()][0]).toContain('+1 555 0001');

    a.replace('contacts', ada, VCARD('Ada', '+1 555 0002'));
    const a2 = await a.sync();
    expect(a2.alerts.get('contacts')).toBe(200);
    const b2 = await b.sync();
    expect(b2.received.map((r) => r.op)).toEqual(['replace']);
    expect([...b.stores.get('contacts')!.items.values()][0]).toContain('+1 555 0002');
  });
});

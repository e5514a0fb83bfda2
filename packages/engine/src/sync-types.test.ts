import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type TestEngine, testEngine, vcard21 } from './test-util/engine-setup.test-util.js';
import type { VirtualDevice } from './test-util/virtual-device.test-util.js';

// R6, R7, R9, R10: every sync type, driven by the client's alert or the SYNC=/RESET URL
// parameters, with the effect on both sides checked item by item.

let t: TestEngine;
let a: VirtualDevice;
let b: VirtualDevice;

const names = (d: VirtualDevice) =>
  [...d.stores.get('contacts')!.items.values()].map((v) => /^N:([^;\r\n]+)/m.exec(v)![1]).sort();
const serverNames = async () =>
  (await t.items('Contacts')).map((r) => JSON.parse(r).contact.name.family as string).sort();

beforeEach(async () => {
  t = await testEngine();
  // The server holds Ada and Bob (from device A); device B holds Bob and Carl and never synced.
  a = t.device();
  a.add('contacts', vcard21('Ada', '+1 555 0001'));
  a.add('contacts', vcard21('Bob', '+1 555 0002'));
  await a.sync();
  b = t.device();
  b.add('contacts', vcard21('Bob', '+1 555 0002'));
  b.add('contacts', vcard21('Carl', '+1 555 0003'));
});
afterEach(async () => t.close());

describe('first contact and the URL (R9)', () => {
  test('two-way on first contact runs slow (2): union on both sides, twins paired', async () => {
    const r = await b.sync({ alert: 200 });
    expect(r.alerts.get('contacts')).toBe(201);
    expect(r.statuses.find((s) => s.cmd === 'Alert')?.code).toBe(508);
    expect(names(b)).toEqual(['Ada', 'Bob', 'Carl']);
    expect(await serverNames()).toEqual(['Ada', 'Bob', 'Carl']);
  });

  test('SYNC=7 slow to server: the server becomes a copy of the client', async () => {
    const r = await b.sync({ alert: 200, url: '/syncml/?SYNC=7' });
    expect(r.alerts.get('contacts')).toBe(201);
    expect(await serverNames()).toEqual(['Bob', 'Carl']);
    expect(names(b)).toEqual(['Bob', 'Carl']);
    // Device A then loses Ada too.
    await a.sync();
    expect(names(a)).toEqual(['Bob', 'Carl']);
  });

  test('SYNC=8 slow to client: the client becomes a copy of the server', async () => {
    const r = await b.sync({ alert: 200, url: '/syncml/?sync=8,' });
    expect(r.alerts.get('contacts')).toBe(201);
    expect(names(b)).toEqual(['Ada', 'Bob']);
    expect(await serverNames()).toEqual(['Ada', 'Bob']);
  });

  test('SYNC=9 client reset: every client item is deleted, the server keeps its data', async () => {
    const r = await b.sync({ alert: 200, url: '/syncml/index.html?SYNC=9' });
    expect(r.received.filter((x) => x.op === 'delete')).toHaveLength(2);
    expect(names(b)).toEqual([]);
    expect(await serverNames()).toEqual(['Ada', 'Bob']);
    // The reset device is slow-synced next time and gets everything back.
    const again = await b.sync({ alert: 200 });
    expect(again.alerts.get('contacts')).toBe(201);
    expect(names(b)).toEqual(['Ada', 'Bob']);
  });

  test('RESET is client reset; parameters after # in the Target LocURI are read too', async () => {
    await b.sync({ alert: 200, url: '/syncml/', targetURI: 'http://127.0.0.1/syncml/?x=1,#RESET' });
    expect(names(b)).toEqual([]);
    const c = t.device();
    c.add('contacts', vcard21('Dora', '+1 555 0004'));
    await c.sync({ alert: 200, targetURI: 'http://127.0.0.1/syncml/?format=vob,#SYNC=8,' });
    expect(names(c)).toEqual(['Ada', 'Bob']);
  });

  test('SYNC=4 refresh from client and SYNC=6 refresh from server', async () => {
    const r4 = await b.sync({ alert: 200, url: '/syncml/?SYNC=4' });
    expect(r4.alerts.get('contacts')).toBe(203);
    expect(await serverNames()).toEqual(['Bob', 'Carl']);
    a.add('contacts', vcard21('Eve', '+1 555 0005'));
    await a.sync();
    const r6 = await b.sync({ url: '/syncml/?SYNC=6' });
    expect(r6.alerts.get('contacts')).toBe(205);
    expect(names(b)).toEqual(['Bob', 'Carl', 'Eve']);
  });
});

describe('with equal anchors', () => {
  beforeEach(async () => {
    await b.sync({ alert: 200 }); // B and the server: Ada, Bob, Carl
  });

  test('one-way from client (3): client changes reach the server, server changes stay', async () => {
    b.add('contacts', vcard21('Fay', '+1 555 0006'));
    a.add('contacts', vcard21('Gus', '+1 555 0007'));
    await a.sync();
    const r = await b.sync({ alert: 202 });
    expect(r.alerts.get('contacts')).toBe(202);
    expect(r.received).toEqual([]);
    expect(await serverNames()).toEqual(['Ada', 'Bob', 'Carl', 'Fay', 'Gus']);
    // The server's change is still owed to B and arrives with the next two-way sync.
    const next = await b.sync({ alert: 200 });
    expect(next.received.map((x) => x.op)).toEqual(['add']);
    expect(names(b)).toEqual(['Ada', 'Bob', 'Carl', 'Fay', 'Gus']);
  });

  test('URL SYNC=5 on a two-way request: one-way from server (5)', async () => {
    a.add('contacts', vcard21('Hal', '+1 555 0008'));
    await a.sync();
    const r = await b.sync({ alert: 200, url: '/syncml/?SYNC=5' });
    expect(r.alerts.get('contacts')).toBe(204);
    expect(names(b)).toEqual(['Ada', 'Bob', 'Carl', 'Hal']);
  });

  test('URL SYNC=3 on a two-way request: one-way from client (3)', async () => {
    const r = await b.sync({ alert: 200, url: '/syncml/?SYNC=3' });
    expect(r.alerts.get('contacts')).toBe(202);
  });

  test('one-way from server asked with lost anchors degrades to slow to client (8)', async () => {
    b.stores.get('contacts')!.last = 'not-what-the-server-has';
    const r = await b.sync({ alert: 204 });
    expect(r.alerts.get('contacts')).toBe(201);
    expect(names(b)).toEqual(['Ada', 'Bob', 'Carl']);
  });

  test('a repeated slow sync pairs everything and duplicates nothing', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await b.sync({ alert: 201 });
      expect(r.received.filter((x) => x.op === 'add')).toEqual([]);
      expect(names(b)).toEqual(['Ada', 'Bob', 'Carl']);
      expect(await serverNames()).toEqual(['Ada', 'Bob', 'Carl']);
    }
  });
});

describe('anchors the store can no longer serve (R8)', () => {
  const folderId = async () => (await t.store.resolveFolder('alice@example.com', 'Contacts'))!.id;

  test('tombstones pruned past the device: its two-way request runs slow (508), nothing lost', async () => {
    await b.sync();
    expect((await b.sync()).alerts.get('contacts')).toBe(200);
    const ada = [...a.stores.get('contacts')!.items].find(([, v]) => v.includes('N:Ada'))![0];
    a.delete('contacts', ada);
    await a.sync();
    // Device B has not received the delete; pruning anyway leaves it without a way to catch up.
    const pruned = await t.store.pruneTombstones({ olderThan: Date.now() + 60_000, keepUnsynced: false });
    expect(pruned.pruned).toBe(1);
    const r = await b.sync({ alert: 200 });
    expect(r.alerts.get('contacts')).toBe(201);
    expect(r.statuses.find((s) => s.cmd === 'Alert')?.code).toBe(508);
    // The slow sync pairs what both sides hold: B's copy of Ada comes back rather than vanishing.
    expect(await serverNames()).toEqual(['Ada', 'Bob', 'Carl']);
    expect(names(b)).toEqual(['Ada', 'Bob', 'Carl']);
  });

  test('a device ahead of the folder (restored backup) runs slow', async () => {
    await b.sync();
    await t.store.applyBatch({
      ops: [{ type: 'state', folderId: await folderId(), deviceId: b.o.deviceId, syncedSequence: 1000 }],
    });
    const r = await b.sync({ alert: 200 });
    expect(r.alerts.get('contacts')).toBe(201);
    expect(r.statuses.find((s) => s.cmd === 'Alert')?.code).toBe(508);
    expect(names(b)).toEqual(['Ada', 'Bob', 'Carl']);
  });
});

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { vcard } from './support/items.js';
import { useServer } from './support/use-server.js';
import { SyncevoDevice, type SyncResult } from '@syncds/test-peers';

// Issue 4 item 2 / R9 / R10: the SYNC= URL parameter drives the sync type, including the
// server methods 7, 8 and 9 and RESET; parameters after '#' (never sent over HTTP) are
// read from the SyncHdr Target LocURI.

const server = useServer();
let seq = 0;

function ok(r: SyncResult): SyncResult {
  expect(r.session, r.stderr).toMatchObject({ ok: true, status: 200 });
  expect(r.stores.contacts?.status).toBe(0);
  return r;
}

async function names(d: SyncevoDevice): Promise<string[]> {
  return [...(await d.items('contacts')).values()].map((t) => /^FN:(.*)$/m.exec(t)![1]!.trim()).sort();
}

async function serverNames(login: string): Promise<string[]> {
  const r = await server.admin(['folder', 'export', login, 'Contacts']);
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map(
      (l) =>
        (JSON.parse(l) as { record: { contact: { formattedName: string } } }).record.contact.formattedName,
    )
    .sort();
}

/**
 * An account where A and B synced Ada, Bob and Carl; then A added Dora (on the server, not
 * yet on B) and B deleted Carl locally (not yet synced). B's next sync carries the URL.
 */
async function scenario() {
  const login = `url${++seq}@example.com`;
  expect((await server.admin(['account', 'add', login, '--password', 'pw'])).code).toBe(0);
  const a = new SyncevoDevice(`url${seq}a`);
  const b = new SyncevoDevice(`url${seq}b`);
  const sync = (d: SyncevoDevice, url: string = server.url) =>
    d.sync({ url, user: login, password: 'pw', stores: ['contacts'] });
  await a.put('contacts', 'ada.vcf', vcard('Ada', 'A', '+1 555 0101', 'ada@example.com'));
  await a.put('contacts', 'bob.vcf', vcard('Bob', 'B', '+1 555 0102', 'bob@example.com'));
  ok(await sync(a));
  await b.put('contacts', 'bob.vcf', vcard('Bob', 'B', '+1 555 0102', 'bob@example.com'));
  await b.put('contacts', 'carl.vcf', vcard('Carl', 'C', '+1 555 0103', 'carl@example.com'));
  ok(await sync(b));
  await a.put('contacts', 'dora.vcf', vcard('Dora', 'D', '+1 555 0104', 'dora@example.com'));
  ok(await sync(a));
  rmSync(join(await b.storeDir('contacts'), 'carl.vcf'));
  expect(await names(b)).toEqual(['Ada A', 'Bob B']);
  expect(await serverNames(login)).toEqual(['Ada A', 'Bob B', 'Carl C', 'Dora D']);
  return { login, a, b, sync };
}

describe('SYNC= and RESET drive R9', () => {
  test('SYNC=7 (slow to server): the server becomes a copy of the device', async () => {
    const { login, b, sync } = await scenario();
    const r = ok(await sync(b, `${server.url}?SYNC=7,`));
    expect(r.stores.contacts?.mode).toBe('slow');
    expect(await serverNames(login)).toEqual(['Ada A', 'Bob B']);
    expect(await names(b)).toEqual(['Ada A', 'Bob B']);
  });

  test('SYNC=8 (slow to client): the device becomes a copy of the server', async () => {
    const { login, b, sync } = await scenario();
    ok(await sync(b, `${server.url}index.html?sync=8`));
    expect(await names(b)).toEqual(['Ada A', 'Bob B', 'Carl C', 'Dora D']);
    expect(await serverNames(login)).toEqual(['Ada A', 'Bob B', 'Carl C', 'Dora D']);
  });

  test('SYNC=9 (client reset), given after # as Funambol clients write it', async () => {
    const { login, b, sync } = await scenario();
    ok(await sync(b, `${server.url}?x=1,#SYNC=9,`));
    expect(await names(b)).toEqual([]);
    expect(await serverNames(login)).toEqual(['Ada A', 'Bob B', 'Carl C', 'Dora D']);
  });

  test('RESET erases the device’s data of that type', async () => {
    const { login, b, sync } = await scenario();
    ok(await sync(b, `${server.url}?RESET`));
    expect(await names(b)).toEqual([]);
    expect(await serverNames(login)).toEqual(['Ada A', 'Bob B', 'Carl C', 'Dora D']);
  });

  test('SYNC=2 forces a slow sync of a device that is in sync: nothing duplicated', async () => {
    const { login, a, sync } = await scenario();
    const r = ok(await sync(a, `${server.url}?SYNC=2`));
    expect(r.stores.contacts?.mode).toBe('slow');
    expect(await names(a)).toEqual(['Ada A', 'Bob B', 'Carl C', 'Dora D']);
    expect(await serverNames(login)).toEqual(['Ada A', 'Bob B', 'Carl C', 'Dora D']);
  });
});

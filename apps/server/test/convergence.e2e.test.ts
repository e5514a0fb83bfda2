import { expect, test } from 'vitest';
import { vcard } from './support/items.js';
import { useServer } from './support/use-server.js';
import { SyncevoDevice, type SyncResult } from '@syncds/test-peers';

// R18: several devices of one account converge on the union; R8 / complaint 1: a
// repeated slow sync duplicates nothing; complaint 2: a restarted server keeps every
// item and anchor, so no slow sync happens that nobody asked for.

const LOGIN = 'team@example.com';
const server = useServer({ accounts: [[LOGIN, 'pw']] });

const sync = (d: SyncevoDevice, extra: { mode?: 'slow'; wbxml?: boolean } = {}) =>
  d.sync({ url: server.url, user: LOGIN, password: 'pw', stores: ['contacts'], ...extra });

async function names(d: SyncevoDevice): Promise<string[]> {
  const out: string[] = [];
  for (const text of (await d.items('contacts')).values()) out.push(/^FN:(.*)$/m.exec(text)![1]!.trim());
  return out.sort();
}

async function serverNames(): Promise<string[]> {
  const r = await server.admin(['folder', 'export', LOGIN, 'Contacts']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map(
      (l) =>
        (JSON.parse(l) as { record: { contact: { formattedName: string } } }).record.contact.formattedName,
    )
    .sort();
}

function ok(r: SyncResult): SyncResult {
  expect(r.session, r.stderr).toMatchObject({ ok: true, status: 200 });
  expect(r.stores.contacts?.status).toBe(0);
  return r;
}

test('three devices converge as in R18, a repeated slow sync duplicates nothing, a restart keeps anchors', async () => {
  const seed = new SyncevoDevice('seed');
  const d1 = new SyncevoDevice('d1');
  const d2 = new SyncevoDevice('d2');
  const d3 = new SyncevoDevice('d3');
  await seed.put('contacts', 'jakub.vcf', vcard('Jakub', 'Novak', '+420 600 000 001', 'jakub@example.com'));
  await d1.put('contacts', 'ladi.vcf', vcard('Ladi', 'Horak', '+420 600 000 002', 'ladi@example.com'));
  await d2.put('contacts', 'milan.vcf', vcard('Milan', 'Dvorak', '+420 600 000 003', 'milan@example.com'));
  await d3.put('contacts', 'bruce.vcf', vcard('Bruce', 'Wayne', '+1 555 000 0004', 'bruce@example.com'));
  ok(await sync(seed));
  expect(await serverNames()).toEqual(['Jakub Novak']);

  const all = ['Bruce Wayne', 'Jakub Novak', 'Ladi Horak', 'Milan Dvorak'];
  ok(await sync(d1));
  expect(await serverNames()).toEqual(['Jakub Novak', 'Ladi Horak']);
  expect(await names(d1)).toEqual(['Jakub Novak', 'Ladi Horak']);
  ok(await sync(d2, { wbxml: false }));
  expect(await serverNames()).toEqual(['Jakub Novak', 'Ladi Horak', 'Milan Dvorak']);
  expect(await names(d2)).toEqual(['Jakub Novak', 'Ladi Horak', 'Milan Dvorak']);
  ok(await sync(d3));
  expect(await serverNames()).toEqual(all);
  expect(await names(d3)).toEqual(all);
  const r1 = ok(await sync(d1));
  expect(r1.stores.contacts).toMatchObject({ mode: 'two-way', local: { added: 2 } });
  expect(await names(d1)).toEqual(all);
  const r2 = ok(await sync(d2, { wbxml: false }));
  expect(r2.stores.contacts).toMatchObject({ mode: 'two-way', local: { added: 1 } });
  expect(await names(d2)).toEqual(all);

  // A slow sync, twice: every item is paired with its twin, nothing is added on either side.
  // (The client counts the items it sent as "remote added" whatever the server did with them.)
  for (let i = 0; i < 2; i++) {
    const slow = ok(await sync(d1, { mode: 'slow' }));
    expect(slow.stores.contacts).toMatchObject({ mode: 'slow', local: { added: 0, updated: 0 } });
    expect(await names(d1)).toEqual(all);
    expect(await serverNames()).toEqual(all);
  }

  // Restart the server between two syncs: the next one is still two-way and sees the change.
  expect(await server.stop()).toBe(0);
  await server.start();
  const ladi = [...(await d1.items('contacts'))].find(([, t]) => t.includes('Ladi'))![0];
  await d1.put('contacts', ladi, vcard('Ladi', 'Horak', '+420 600 999 999', 'ladi@example.com'));
  const after = ok(await sync(d1));
  expect(after.stores.contacts).toMatchObject({ mode: 'two-way', remote: { updated: 1, added: 0 } });
  const d2after = ok(await sync(d2, { wbxml: false }));
  expect(d2after.stores.contacts).toMatchObject({ mode: 'two-way', local: { updated: 1, added: 0 } });
  const d2ladi = [...(await d2.items('contacts')).values()].find((t) => t.includes('Ladi'))!;
  expect(d2ladi).toContain('+420 600 999 999');
  expect(await serverNames()).toEqual(all);
}, 240_000);

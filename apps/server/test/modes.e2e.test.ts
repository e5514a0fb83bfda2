import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { essences, vcard, vevent, vtodo } from './support/items.js';
import { useServer } from './support/use-server.js';
import { serverEssences } from './support/server-state.js';
import { type Store, SyncevoDevice, type SyncOptions, type SyncResult } from '@syncds/test-peers';

// Issue 4: each of the six sync modes, for contacts, events, tasks and notes, in XML and
// WBXML, SyncML 1.0, 1.1 and 1.2, checked item by item on both sides.

const STORES: Store[] = ['contacts', 'calendar', 'todo', 'memo'];
const server = useServer();

/** `mode` as SyncEvolution reports it (local = the device, remote = the server). */
function ok(r: SyncResult, mode: string): SyncResult {
  expect(r.session, r.stderr).toMatchObject({ ok: true, status: 200 });
  for (const s of STORES) {
    expect(r.stores[s]?.status, `${s} status`).toBe(0);
    expect(r.stores[s]?.mode, `${s} mode`).toBe(mode);
  }
  return r;
}

let n = 0;
/** One item of each kind, distinguishable by `tag`. */
async function addSet(d: SyncevoDevice, tag: string): Promise<void> {
  n++;
  const day = String((n % 28) + 1).padStart(2, '0');
  await d.put(
    'contacts',
    `${tag}.vcf`,
    vcard(tag, 'Person', `+1 555 01${String(n).padStart(2, '0')}`, `${tag.toLowerCase()}@example.com`),
  );
  await d.put(
    'calendar',
    `${tag}.ics`,
    vevent(`${tag}@e`, `Meeting ${tag}`, `202612${day}T090000Z`, `202612${day}T100000Z`),
  );
  await d.put('todo', `${tag}.ics`, vtodo(`${tag}@t`, `Task ${tag}`, `202612${day}T170000Z`));
  await d.put('memo', `${tag}.txt`, `Note ${tag}\nbody of ${tag}\n`);
}

async function sameAsServer(d: SyncevoDevice, login: string): Promise<void> {
  for (const s of STORES)
    expect(essences(s, await d.items(s)), s).toEqual(await serverEssences(server, login, s));
}

async function count(d: SyncevoDevice): Promise<number[]> {
  const out: number[] = [];
  for (const s of STORES) out.push((await d.items(s)).size);
  return out;
}

const combos = [
  { version: '1.0', wbxml: false, auth: 'basic' },
  { version: '1.0', wbxml: true, auth: 'basic' },
  { version: '1.1', wbxml: false, auth: 'md5' },
  { version: '1.1', wbxml: true, auth: 'basic' },
  { version: '1.2', wbxml: false, auth: 'basic' },
  { version: '1.2', wbxml: true, auth: 'md5' },
] as const;

describe.each(combos)('SyncML $version, wbxml=$wbxml, $auth', ({ version, wbxml, auth }) => {
  test('two-way, one-way both ways, refresh both ways and slow, item by item', async () => {
    const login = `modes-${version.replace('.', '')}-${wbxml ? 'wb' : 'x'}@example.com`;
    expect((await server.admin(['account', 'add', login, '--password', 'pw'])).code).toBe(0);
    const base: SyncOptions = { url: server.url, user: login, password: 'pw', version, wbxml, auth };
    const a = new SyncevoDevice(`m${version}${wbxml}A`);
    const other = new SyncevoDevice(`m${version}${wbxml}S`);
    await addSet(other, 'Srv');
    ok(await other.sync(base), 'slow');
    await addSet(a, 'Dev');

    // two-way (the first contact runs slow): the union on both sides.
    ok(await a.sync(base), 'slow');
    await sameAsServer(a, login);
    expect(await count(a)).toEqual([2, 2, 2, 2]);
    await addSet(a, 'DevTwo');
    await addSet(other, 'SrvTwo');
    ok(await other.sync(base), 'two-way');
    const tw = ok(await a.sync(base), 'two-way');
    for (const s of STORES) expect(tw.stores[s]).toMatchObject({ local: { added: 1 }, remote: { added: 1 } });
    await sameAsServer(a, login);

    // one-way from client: A's change reaches the server, the server's new items do not reach A.
    await a.put('contacts', 'Dev.vcf', vcard('Dev', 'Person', '+1 555 9999', 'dev@example.com'));
    await addSet(other, 'SrvThree');
    ok(await other.sync(base), 'two-way');
    const owc = ok(await a.sync({ ...base, mode: 'one-way-from-client' }), 'one-way-from-local');
    expect(owc.stores.contacts).toMatchObject({ remote: { updated: 1 }, local: { added: 0 } });
    expect(await count(a)).toEqual([4, 4, 4, 4]);
    expect((await serverEssences(server, login, 'contacts')).some((e) => e.includes('+1 555 9999'))).toBe(
      true,
    );

    // one-way from server: the server's items reach A; A's new items stay on A.
    await addSet(a, 'DevLocal');
    const ows = ok(await a.sync({ ...base, mode: 'one-way-from-server' }), 'one-way-from-remote');
    for (const s of STORES)
      expect(ows.stores[s]).toMatchObject({ local: { added: 1 }, remote: { added: 0 } });
    expect(await count(a)).toEqual([6, 6, 6, 6]);
    expect((await serverEssences(server, login, 'contacts')).some((e) => e.includes('DevLocal'))).toBe(false);

    // refresh from server: A becomes a copy of the server (its local-only items go).
    ok(await a.sync({ ...base, mode: 'refresh-from-server' }), 'refresh-from-remote');
    await sameAsServer(a, login);
    expect(await count(a)).toEqual([5, 5, 5, 5]);

    // refresh from client: the server becomes a copy of A.
    for (const s of STORES) {
      const dir = await a.storeDir(s);
      const first = [...(await a.items(s)).keys()][0]!;
      rmSync(join(dir, first));
    }
    await addSet(a, 'DevRefresh');
    ok(await a.sync({ ...base, mode: 'refresh-from-client' }), 'refresh-from-local');
    await sameAsServer(a, login);
    expect(await count(a)).toEqual([5, 5, 5, 5]);

    // slow: everything compared, nothing duplicated on either side.
    const slow = ok(await a.sync({ ...base, mode: 'slow' }), 'slow');
    for (const s of STORES) expect(slow.stores[s]).toMatchObject({ local: { added: 0, removed: 0 } });
    await sameAsServer(a, login);
    expect(await count(a)).toEqual([5, 5, 5, 5]);
    // The other device converges on the same data with a plain two-way sync.
    ok(await other.sync(base), 'two-way');
    await sameAsServer(other, login);
  }, 300_000);
});

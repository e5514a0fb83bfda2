import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { essences, vcard, vevent, vtodo } from './support/items.js';
import { useServer } from './support/use-server.js';
import { type Store, SyncevoDevice, type SyncResult } from '@syncds/test-peers';

// Issue 3: a real client (SyncEvolution on the Synthesis engine) against the server
// started as the README says, in XML and WBXML, SyncML 1.1 and 1.2, basic and MD5.

const STORES: Store[] = ['contacts', 'calendar', 'todo', 'memo'];
const server = useServer();

function expectOk(r: SyncResult): void {
  expect(r.session, r.stderr).toMatchObject({ ok: true, status: 200 });
  for (const s of STORES) expect(r.stores[s]?.status, `${s} status`).toBe(0);
}

async function exported(login: string, folder: string): Promise<Record<string, unknown>[]> {
  const r = await server.admin(['folder', 'export', login, folder]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function contactName(row: Record<string, unknown>): string {
  return (row.record as { contact: { formattedName: string } }).contact.formattedName;
}

const matrix = [
  { wbxml: false, version: '1.1', auth: 'basic' },
  { wbxml: true, version: '1.1', auth: 'md5' },
  { wbxml: false, version: '1.2', auth: 'md5' },
  { wbxml: true, version: '1.2', auth: 'basic' },
] as const;

describe.each(matrix)('two devices, $version, wbxml=$wbxml, $auth', ({ wbxml, version, auth }) => {
  test('first sync is slow, then two-way adds, updates and deletes on each side reach the other', async () => {
    const login = `user-${version.replace('.', '')}-${wbxml ? 'wb' : 'xml'}-${auth}@example.com`;
    expect((await server.admin(['account', 'add', login, '--password', 's3cret'])).code).toBe(0);
    const opts = { url: server.url, user: login, password: 's3cret', wbxml, version, auth };
    const a = new SyncevoDevice(`a${version}${wbxml}${auth}`);
    const b = new SyncevoDevice(`b${version}${wbxml}${auth}`);
    await a.put(
      'contacts',
      'c1.vcf',
      vcard('Ada', 'Lovelace', '+44 20 7946 0001', 'ada@example.org', 'analyst'),
    );
    await a.put('contacts', 'c2.vcf', vcard('Charles', 'Babbage', '+44 20 7946 0002', 'charles@example.org'));
    await a.put(
      'calendar',
      'e1.ics',
      vevent('e1@t', 'Engine review', '20261201T090000Z', '20261201T100000Z', 'London'),
    );
    await a.put('calendar', 'e2.ics', vevent('e2@t', 'Tea', '20261202T150000Z', '20261202T160000Z'));
    await a.put('todo', 't1.ics', vtodo('t1@t', 'Write notes', '20261205T170000Z', 1));
    await a.put('memo', 'n1.txt', 'Groceries\nmilk, eggs\n');
    await a.put('memo', 'n2.txt', 'Ideas\nanalytical engine\n');

    // 1. First contact: a slow sync that sends everything.
    const first = await a.sync(opts);
    expectOk(first);
    expect(first.session).toMatchObject({ encoding: wbxml ? 'wbxml' : 'xml', version, auth });
    for (const s of STORES) expect(first.stores[s]?.mode).toBe('slow');
    expect(first.stores.contacts?.remote.added).toBe(2);
    expect(first.stores.calendar?.remote.added).toBe(2);
    expect(first.stores.todo?.remote.added).toBe(1);
    expect(first.stores.memo?.remote.added).toBe(2);
    const contacts = await exported(login, 'Contacts');
    expect(contacts.map(contactName).sort()).toEqual(['Ada Lovelace', 'Charles Babbage']);
    const ada = contacts.find((c) => contactName(c) === 'Ada Lovelace')!.record as {
      contact: Record<string, unknown>;
    };
    expect(ada.contact).toMatchObject({
      name: { family: 'Lovelace', given: 'Ada' },
      phones: [{ value: '+44 20 7946 0001' }],
      emails: [{ value: 'ada@example.org' }],
      note: 'analyst',
    });
    expect((await exported(login, 'Events')).length).toBe(2);
    expect((await exported(login, 'Tasks')).length).toBe(1);
    expect((await exported(login, 'Notes')).length).toBe(2);

    // 2. A second device of the account gets all of it.
    const bFirst = await b.sync(opts);
    expectOk(bFirst);
    expect(bFirst.stores.contacts).toMatchObject({ mode: 'slow', local: { added: 2 } });
    expect(bFirst.stores.calendar?.local.added).toBe(2);
    expect(bFirst.stores.todo?.local.added).toBe(1);
    expect(bFirst.stores.memo?.local.added).toBe(2);
    for (const s of STORES) expect(essences(s, await b.items(s))).toEqual(essences(s, await a.items(s)));

    // 3. Changes on both sides.
    await a.put(
      'contacts',
      'c1.vcf',
      vcard('Ada', 'Lovelace', '+44 20 7946 0099', 'ada@example.org', 'analyst'),
    );
    rmSync(join(await a.storeDir('calendar'), 'e2.ics'));
    await a.put('memo', 'n3.txt', 'Letters\nto Mary Somerville\n');
    const bTodo = [...(await b.items('todo')).keys()][0]!;
    await b.put('todo', bTodo, vtodo('t1@t', 'Write the notes (G)', '20261205T170000Z', 1));
    const bContacts = await b.items('contacts');
    const babbage = [...bContacts].find(([, t]) => t.includes('Babbage'))![0];
    rmSync(join(await b.storeDir('contacts'), babbage));

    const a2 = await a.sync(opts);
    expectOk(a2);
    for (const s of STORES) expect(a2.stores[s]?.mode).toBe('two-way');
    expect(a2.stores.contacts?.remote).toMatchObject({ updated: 1, added: 0, removed: 0 });
    expect(a2.stores.calendar?.remote).toMatchObject({ removed: 1 });
    expect(a2.stores.memo?.remote).toMatchObject({ added: 1 });

    const b2 = await b.sync(opts);
    expectOk(b2);
    expect(b2.stores.todo?.remote).toMatchObject({ updated: 1 });
    expect(b2.stores.contacts?.remote).toMatchObject({ removed: 1 });
    expect(b2.stores.contacts?.local).toMatchObject({ updated: 1 });
    expect(b2.stores.calendar?.local).toMatchObject({ removed: 1 });
    expect(b2.stores.memo?.local).toMatchObject({ added: 1 });

    const a3 = await a.sync(opts);
    expectOk(a3);
    expect(a3.stores.todo?.local).toMatchObject({ updated: 1 });
    expect(a3.stores.contacts?.local).toMatchObject({ removed: 1 });

    // 4. Both devices and the server hold the same data, item by item.
    for (const s of STORES) expect(essences(s, await b.items(s)), s).toEqual(essences(s, await a.items(s)));
    expect((await exported(login, 'Contacts')).map(contactName)).toEqual(['Ada Lovelace']);
    expect(
      (await exported(login, 'Events')).map(
        (e) => (e.record as { event: { summary: string } }).event.summary,
      ),
    ).toEqual(['Engine review']);
    expect((await exported(login, 'Notes')).length).toBe(3);
    const task = (await exported(login, 'Tasks'))[0]!.record as { task: Record<string, unknown> };
    expect(task.task).toMatchObject({ summary: 'Write the notes (G)', priority: 1 });
  }, 180_000);
});

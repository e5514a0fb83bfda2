import { afterAll, describe, expect, test } from 'vitest';
import { vcard } from './support/items.js';
import { ServerProcess } from './support/server-process.js';
import { SyncevoDevice } from '@syncds/test-peers';

// Issue 4 item 6 with a real client: both devices change one contact between syncs; the
// configured policy decides, one test each.

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.close();
  }
});

const tel = (text: string) => [...text.matchAll(/^TEL[^:]*:(.*)$/gm)].map((m) => m[1]!.trim());
const emails = (text: string) =>
  [...text.matchAll(/^EMAIL[^:]*:(.*)$/gm)].map((m) => m[1]!.trim()).filter((e) => e !== '');

async function conflict(policy: string) {
  const s = new ServerProcess({ SYNCDS_CONFLICT_POLICY: policy });
  servers.push(s);
  await s.admin(['domain', 'add', 'example.com']);
  await s.admin(['account', 'add', 'c@example.com', '--password', 'pw']);
  await s.start();
  const opts = { url: s.url, user: 'c@example.com', password: 'pw', stores: ['contacts' as const] };
  const a = new SyncevoDevice(`conf-${policy}-a`);
  const b = new SyncevoDevice(`conf-${policy}-b`);
  await a.put('contacts', 'ada.vcf', vcard('Ada', 'Lovelace', '+44 1000', 'ada@example.org'));
  expect((await a.sync(opts)).session.ok).toBe(true);
  expect((await b.sync(opts)).session.ok).toBe(true);
  const bFile = [...(await b.items('contacts')).keys()][0]!;
  // A changes the phone; B changes the phone and the e-mail.
  await a.put('contacts', 'ada.vcf', vcard('Ada', 'Lovelace', '+44 1111', 'ada@example.org'));
  await b.put('contacts', bFile, vcard('Ada', 'Lovelace', '+44 2222', 'ada@b.example'));
  expect((await a.sync(opts)).session.ok).toBe(true);
  const rb = await b.sync(opts);
  expect(rb.session.ok).toBe(true);
  const ra = await a.sync(opts);
  expect(ra.session.ok).toBe(true);
  const server = (await s.admin(['folder', 'export', 'c@example.com', 'Contacts'])).stdout
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          record: { contact: { phones: { value: string }[]; emails: { value: string }[] } };
        },
    );
  return {
    a: [...(await a.items('contacts')).values()],
    b: [...(await b.items('contacts')).values()],
    server,
    s,
  };
}

describe('conflict policies with SyncEvolution', () => {
  test('merge (default): the device that synced last wins the fields it changed; both converge', async () => {
    const { a, b, server, s } = await conflict('merge');
    expect(server).toHaveLength(1);
    expect(server[0]!.record.contact.phones.map((p) => p.value)).toEqual(['+44 2222']);
    expect(server[0]!.record.contact.emails.map((e) => e.value)).toEqual(['ada@b.example']);
    expect(tel(a[0]!)).toEqual(['+44 2222']);
    expect(tel(b[0]!)).toEqual(['+44 2222']);
    expect(s.logsWith('conflict resolved').at(-1)).toMatchObject({ policy: 'merge', status: 207 });
  }, 120_000);

  test('server-wins: the version already on the server stays and goes back to B', async () => {
    const { a, b, server } = await conflict('server-wins');
    expect(server).toHaveLength(1);
    expect(server[0]!.record.contact.phones.map((p) => p.value)).toEqual(['+44 1111']);
    expect(tel(b[0]!)).toEqual(['+44 1111']);
    expect(emails(b[0]!)).toEqual(['ada@example.org']);
    expect(tel(a[0]!)).toEqual(['+44 1111']);
  }, 120_000);

  test('client-wins: B’s version replaces the server’s and reaches A', async () => {
    const { a, server } = await conflict('client-wins');
    expect(server[0]!.record.contact.phones.map((p) => p.value)).toEqual(['+44 2222']);
    expect(tel(a[0]!)).toEqual(['+44 2222']);
    expect(emails(a[0]!)).toEqual(['ada@b.example']);
  }, 120_000);

  test('keep-both: both versions are kept and both devices get both', async () => {
    const { a, b, server } = await conflict('keep-both');
    expect(server.map((x) => x.record.contact.phones[0]!.value).sort()).toEqual(['+44 1111', '+44 2222']);
    expect(a.map((t) => tel(t)[0]).sort()).toEqual(['+44 1111', '+44 2222']);
    expect(b.map((t) => tel(t)[0]).sort()).toEqual(['+44 1111', '+44 2222']);
  }, 120_000);
});

import { expect, test } from 'vitest';
import { vcard } from './support/items.js';
import { useServer } from './support/use-server.js';
import { SyncevoDevice } from '@syncds/test-peers';

// Issue 4 item 7 / R21: every bad input gets a SyncML or HTTP status and a log line; the
// store is unchanged and the server keeps serving.

const LOGIN = 'robust@example.com';
const server = useServer({ env: { SYNCDS_MAX_MESSAGE_SIZE: '65536' }, accounts: [[LOGIN, 'pw']] });

async function post(
  body: Uint8Array | string,
  contentType: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, text: await res.text() };
}

async function exportAll(): Promise<string> {
  return (await server.admin(['folder', 'export', LOGIN, 'Contacts'])).stdout;
}

/**
 * The server's log lines with this message, once at least one arrived. The server writes a
 * message's lines before its reply, but they reach this process on another channel (its
 * stdout pipe), which the reply can overtake: wait for them, at most 2 s.
 */
async function logsWith(msg: string): Promise<Record<string, unknown>[]> {
  const until = Date.now() + 2000;
  while (server.logsWith(msg).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  return server.logsWith(msg);
}

test('bad bodies, wrong credentials and unknown databases: statuses, log lines, store untouched, still serving', async () => {
  const good = new SyncevoDevice('robust');
  await good.put('contacts', 'ada.vcf', vcard('Ada', 'Lovelace', '+44 1', 'ada@example.org'));
  const first = await good.sync({
    url: server.url,
    user: LOGIN,
    password: 'pw',
    stores: ['contacts'],
    dump: true,
  });
  expect(first.session).toMatchObject({ ok: true });
  const before = await exportAll();

  // A truncated WBXML body: HTTP 400 with the reason, and a log line with the byte offset.
  const wbxml = Buffer.from([0x02, 0xa4, 0x01, 0x6a, 0x00, 0x6d, 0x6c, 0x71, 0x03, 0x31, 0x2e]);
  const truncated = await post(wbxml, 'application/vnd.syncml+wbxml');
  expect(truncated.status).toBe(400);
  expect(truncated.text).toContain('malformed SyncML message');
  expect((await logsWith('malformed SyncML message')).at(-1)?.offset).toEqual(expect.any(Number));

  // A garbage Content-Type: HTTP 415.
  const garbage = await post('<SyncML/>', 'text/x-garbage');
  expect(garbage.status).toBe(415);
  expect(await logsWith('unsupported content type')).toHaveLength(1);

  // A body over the limit: HTTP 413.
  const huge = await post(new Uint8Array(70_000), 'application/vnd.syncml+xml');
  expect(huge.status).toBe(413);
  expect((await logsWith('request body over the limit')).length).toBeGreaterThanOrEqual(1);

  // Malformed XML: HTTP 400.
  expect((await post('<SyncML><SyncHdr>', 'application/vnd.syncml+xml')).status).toBe(400);

  // A wrong password: SyncML 401 for the device, a log line with the reason.
  const intruder = new SyncevoDevice('intruder');
  const denied = await intruder.sync({
    url: server.url,
    user: LOGIN,
    password: 'wrong',
    stores: ['contacts'],
  });
  expect(denied.session).toMatchObject({ ok: false, status: 401 });
  expect((await logsWith('authentication failed')).some((l) => String(l.reason).includes('wrong'))).toBe(
    true,
  );

  // An unknown database: its datastore fails with 404, the log names it.
  const lost = new SyncevoDevice('lost');
  const unknown = await lost.sync({
    url: server.url,
    user: LOGIN,
    password: 'pw',
    stores: ['contacts'],
    uris: { contacts: 'Bookmarks' },
  });
  expect(unknown.stores.contacts?.status).toBe(404);
  expect((await logsWith('unknown database')).at(-1)?.database).toBe('Bookmarks');

  // Nothing above changed the store, and the server still serves.
  expect(await exportAll()).toBe(before);
  const again = await good.sync({ url: server.url, user: LOGIN, password: 'pw', stores: ['contacts'] });
  expect(again.session).toMatchObject({ ok: true, status: 200 });
  expect(again.stores.contacts?.mode).toBe('two-way');
}, 120_000);

import { Payload, parseMessage, serializeMessage } from '@syncds/syncml';
import { afterEach, describe, expect, test } from 'vitest';
import { LOGIN, type TestEngine, testEngine, vcard21 } from './test-util/engine-setup.test-util.js';
import { statusOf } from './test-util/virtual-device.test-util.js';

let t: TestEngine;
afterEach(async () => t.close());

const post = (body: Uint8Array | string, contentType = 'application/vnd.syncml+xml', url = '/syncml/') =>
  t.engine.handle({
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    contentType,
    url,
    baseUrl: 'http://h',
  });

const initMessage = (extra: { cred?: string; target?: string; type?: string } = {}) =>
  serializeMessage(
    {
      header: {
        version: '1.2',
        verProto: 'SyncML/1.2',
        sessionID: '1',
        msgID: '1',
        target: { locURI: 'http://h/syncml/' },
        source: { locURI: 'raw-device' },
        cred:
          extra.cred === undefined
            ? undefined
            : {
                meta: { type: extra.type ?? 'syncml:auth-basic', format: 'b64' },
                data: Payload.fromText(extra.cred),
              },
      },
      commands: [
        {
          kind: 'Alert',
          cmdID: '1',
          code: 200,
          items: [
            {
              target: { locURI: extra.target ?? 'Contacts' },
              source: { locURI: 'card' },
              meta: { anchor: { next: '1' } },
            },
          ],
        },
      ],
      final: true,
    },
    { encoding: 'xml' },
  );

const basic = (user: string, pw: string) => Buffer.from(`${user}:${pw}`).toString('base64');

describe('authentication (R4)', () => {
  test('no credentials: 407 with an MD5 challenge; every command answered 407', async () => {
    t = await testEngine();
    const reply = parseMessage((await post(initMessage())).body).message;
    const hdr = reply.commands[0]!;
    expect(hdr).toMatchObject({ kind: 'Status', cmd: 'SyncHdr', code: 407 });
    expect(hdr.kind === 'Status' && hdr.chal?.meta.type).toBe('syncml:auth-md5');
    expect(statusOf(reply, 'Alert')).toBe(407);
  });

  test('wrong password: 401, logged, nothing stored', async () => {
    t = await testEngine();
    const reply = parseMessage((await post(initMessage({ cred: basic(LOGIN, 'nope') }))).body).message;
    expect(statusOf(reply, 'SyncHdr')).toBe(401);
    expect(t.logger.lines.find((l) => l.msg === 'authentication failed')?.fields.reason).toContain(
      'wrong basic credentials',
    );
    expect(await t.store.listDevices(LOGIN)).toEqual([]);
  });

  test('md5 only: basic is challenged for MD5 once, then refused', async () => {
    t = await testEngine({ auth: 'md5' });
    const d = t.device({ auth: 'basic' });
    d.add('contacts', vcard21('Ada', '1'));
    const r1 = await d.sync();
    expect(r1.replies.map((m) => statusOf(m, 'SyncHdr'))).toEqual([401, 401]);
    const chal = r1.replies[0]!.commands[0]!;
    expect(chal.kind === 'Status' && chal.chal?.meta.type).toBe('syncml:auth-md5');
    const second = r1.replies[1]!.commands[0]!;
    expect(second.kind === 'Status' && second.chal).toBeUndefined();
    expect(t.logger.lines.some((l) => String(l.fields.reason).includes('tried again: refused'))).toBe(true);
    // The allowed type works.
    const md5 = t.device({ auth: 'md5' });
    const ok = await md5.sync();
    expect(
      ok.replies
        .map((m) => statusOf(m, 'SyncHdr'))
        .filter((s) => s !== undefined)
        .at(-1),
    ).toBe(200);
  });

  test('basic only: MD5 is challenged for basic once, then refused', async () => {
    t = await testEngine({ auth: 'basic' });
    const d = t.device({ auth: 'md5' });
    const r = await d.sync();
    expect(r.replies.map((m) => statusOf(m, 'SyncHdr'))).toEqual([401, 401]);
    const chal = r.replies[0]!.commands[0]!;
    expect(chal.kind === 'Status' && chal.chal?.meta.type).toBe('syncml:auth-basic');
  });

  test('basic or MD5: both succeed (212)', async () => {
    t = await testEngine();
    for (const auth of ['basic', 'md5'] as const) {
      const r = await t.device({ auth }).sync();
      expect(r.replies.some((m) => statusOf(m, 'SyncHdr') === 212)).toBe(true);
    }
  });
});

describe('access (R5)', () => {
  test('an account or domain not allowed to sync gets 403; allowed ones sync', async () => {
    t = await testEngine({ accessList: true });
    await t.store.updateDomain('example.com', { syncAllowed: false });
    const r = await t.device().sync();
    expect(r.replies.map((m) => statusOf(m, 'SyncHdr'))).toEqual([403]);
    await t.store.updateAccount(LOGIN, { syncAllowed: true });
    const ok = await t.device().sync();
    expect(statusOf(ok.replies[0]!, 'SyncHdr')).toBe(212);
    await t.store.updateAccount(LOGIN, { syncAllowed: false });
    await t.store.updateDomain('example.com', { syncAllowed: true });
    expect((await t.device().sync()).replies.map((m) => statusOf(m, 'SyncHdr'))).toEqual([403]);
  });

  test('the service switch off answers 503', async () => {
    t = await testEngine({ enabled: false });
    expect((await t.device().sync()).replies.map((m) => statusOf(m, 'SyncHdr'))).toEqual([503]);
  });
});

describe('bad input (R21)', () => {
  test('unknown datastore: 404 on its Alert, logged', async () => {
    t = await testEngine();
    const reply = parseMessage(
      (await post(initMessage({ cred: basic(LOGIN, 'secret'), target: 'Bookmarks' }))).body,
    ).message;
    expect(statusOf(reply, 'SyncHdr')).toBe(212);
    expect(statusOf(reply, 'Alert')).toBe(404);
    expect(t.logger.lines.find((l) => l.msg === 'unknown database')?.fields.database).toBe('Bookmarks');
  });

  test('a garbage content type is HTTP 415, a huge body 413, a truncated WBXML body 400; all logged', async () => {
    t = await testEngine({ limits: { maxMessageSize: 4096 } });
    expect((await post(initMessage(), 'text/html')).httpStatus).toBe(415);
    expect(t.logger.has('unsupported content type')).toBe(true);
    expect((await post(new Uint8Array(5000))).httpStatus).toBe(413);
    expect(t.logger.has('message too large')).toBe(true);
    const wbxml = serializeMessage(parseMessage(initMessage({ cred: basic(LOGIN, 'secret') })).message, {
      encoding: 'wbxml',
    });
    const truncated = await post(wbxml.subarray(0, wbxml.length - 7), 'application/vnd.syncml+wbxml');
    expect(truncated.httpStatus).toBe(400);
    expect(t.logger.lines.find((l) => l.msg === 'malformed SyncML message')?.fields.offset).toEqual(
      expect.any(Number),
    );
    // Nothing was stored, and the engine keeps serving.
    expect(await t.store.listDevices(LOGIN)).toEqual([]);
    const ok = parseMessage((await post(initMessage({ cred: basic(LOGIN, 'secret') }))).body).message;
    expect(statusOf(ok, 'SyncHdr')).toBe(212);
  });

  test('a retransmitted message gets the same reply, nothing is done twice', async () => {
    t = await testEngine();
    const body = initMessage({ cred: basic(LOGIN, 'secret') });
    const first = await post(body);
    const again = await post(body);
    expect(Buffer.from(again.body).equals(Buffer.from(first.body))).toBe(true);
    expect(t.logger.has('retransmitted message answered from cache')).toBe(true);
  });
});

describe('devices in the field', () => {
  test('a device that restarts its SessionID numbering gets a new session, not the finished one', async () => {
    t = await testEngine();
    const a = t.device();
    a.add('contacts', vcard21('Ada', '+1'));
    await a.sync();
    // The same device, the same SessionID again (a new client object counts from 1, as a
    // phone whose counter was reset): a fresh session that syncs.
    const again = t.device({ deviceId: a.o.deviceId });
    again.stores.get('contacts')!.last = a.stores.get('contacts')!.last;
    const r = await again.sync();
    expect(r.alerts.get('contacts')).toBe(200);
    expect(r.statuses.find((s) => s.cmd === 'Alert')?.code).toBe(200);
  });

  test("Funambol's default database names resolve (scard, cal, stask, snote)", async () => {
    t = await testEngine();
    for (const [name, folder] of [
      ['scard', 'Contacts'],
      ['./cal', 'Events'],
      ['stask', 'Tasks'],
      ['snote', 'Notes'],
    ] as const) {
      const d = t.device();
      d.stores.clear();
      d.addStore('db', name, 'text/plain');
      const r = await d.sync();
      expect(r.statuses.find((s) => s.cmd === 'Alert')?.code, name).toBe(200);
      expect(t.logger.lines.filter((l) => l.msg === 'sync alert').at(-1)?.fields.folder).toBe(folder);
    }
  });

  test('a Replace of an item the server does not know adds it and says 201', async () => {
    t = await testEngine();
    const a = t.device();
    await a.sync();
    const s = a.stores.get('contacts')!;
    s.items.set('unknown-1', vcard21('Zed', '+9'));
    s.replaced.add('unknown-1');
    const r = await a.sync();
    expect(r.statuses.filter((x) => x.cmd === 'Replace').map((x) => x.code)).toEqual([201]);
    expect(await t.items('Contacts')).toHaveLength(1);
  });
});

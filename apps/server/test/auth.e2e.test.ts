import { afterAll, describe, expect, test } from 'vitest';
import { ServerProcess } from './support/server-process.js';
import { SyncevoDevice } from '@syncds/test-peers';

// Issue 4 item 4 / R4, R5 with a real client: the policies "basic or MD5", "basic only",
// "MD5 only", and the access list.

const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.close();
  }
});

async function serverWith(env: Record<string, string>): Promise<ServerProcess> {
  const s = new ServerProcess(env);
  servers.push(s);
  expect((await s.admin(['domain', 'add', 'example.com'])).code).toBe(0);
  expect((await s.admin(['domain', 'add', 'other.example'])).code).toBe(0);
  expect((await s.admin(['account', 'add', 'ann@example.com', '--password', 'pw'])).code).toBe(0);
  expect((await s.admin(['account', 'add', 'ben@other.example', '--password', 'pw'])).code).toBe(0);
  await s.start();
  return s;
}

const sync = (s: ServerProcess, name: string, user: string, auth: 'basic' | 'md5') =>
  new SyncevoDevice(name).sync({ url: s.url, user, password: 'pw', auth, stores: ['contacts'] });

describe('authentication policy', () => {
  test('basic or MD5: both are accepted', async () => {
    const s = await serverWith({});
    expect((await sync(s, 'any-basic', 'ann@example.com', 'basic')).session).toMatchObject({
      ok: true,
      auth: 'basic',
    });
    expect((await sync(s, 'any-md5', 'ann@example.com', 'md5')).session).toMatchObject({
      ok: true,
      auth: 'md5',
    });
  });

  // SyncEvolution follows a challenge for the other type; a client that insists on the
  // disallowed type is refused on its second try (covered with a scripted client in
  // packages/engine/src/protocol.test.ts).
  test('MD5 only: a basic client is challenged for MD5 and then authenticates with MD5', async () => {
    const s = await serverWith({ SYNCDS_AUTH: 'md5' });
    const r = await sync(s, 'md5only-basic', 'ann@example.com', 'basic');
    const challenged = s
      .logsWith('authentication failed')
      .filter((l) => String(l.reason).includes('not allowed'));
    expect(challenged.length).toBeGreaterThanOrEqual(1);
    expect(String(challenged[0]!.reason)).toContain('challenged for md5');
    expect(r.session).toMatchObject({ ok: true, status: 200 });
    expect(s.logsWith('authenticated').at(-1)?.type).toBe('md5');
    expect((await sync(s, 'md5only-md5', 'ann@example.com', 'md5')).session).toMatchObject({ ok: true });
  });

  test('basic only: an MD5 client is challenged for basic and then authenticates with basic', async () => {
    const s = await serverWith({ SYNCDS_AUTH: 'basic' });
    const r = await sync(s, 'basiconly-md5', 'ann@example.com', 'md5');
    const challenged = s
      .logsWith('authentication failed')
      .filter((l) => String(l.reason).includes('not allowed'));
    expect(String(challenged[0]!.reason)).toContain('challenged for basic');
    expect(r.session).toMatchObject({ ok: true, status: 200 });
    expect(s.logsWith('authenticated').at(-1)?.type).toBe('basic');
    expect((await sync(s, 'basiconly-basic', 'ann@example.com', 'basic')).session).toMatchObject({
      ok: true,
    });
  });
});

describe('SyncML 1.0 MD5', () => {
  test('works for an account that keeps its clear password, and only for it', async () => {
    const s = await serverWith({});
    expect(
      (await s.admin(['account', 'add', 'old@example.com', '--password', 'pw', '--keep-clear-password']))
        .code,
    ).toBe(0);
    const ok = await new SyncevoDevice('v10-md5').sync({
      url: s.url,
      user: 'old@example.com',
      password: 'pw',
      auth: 'md5',
      version: '1.0',
      stores: ['contacts'],
    });
    expect(ok.session).toMatchObject({ ok: true, version: '1.0', auth: 'md5' });
    const refused = await new SyncevoDevice('v10-md5-verifier-only').sync({
      url: s.url,
      user: 'ann@example.com',
      password: 'pw',
      auth: 'md5',
      version: '1.0',
      stores: ['contacts'],
    });
    expect(refused.session).toMatchObject({ ok: false, status: 401 });
    expect(
      s
        .logsWith('authentication failed')
        .some((l) => String(l.reason).includes('SyncML 1.0 MD5 needs the clear password')),
    ).toBe(true);
  });
});

describe('access list (R5)', () => {
  test('a domain or an account not on the list is refused with 403', async () => {
    const s = await serverWith({ SYNCDS_ACCESS_LIST: 'true' });
    expect((await s.admin(['domain', 'deny', 'other.example'])).code).toBe(0);
    const denied = await sync(s, 'acl-ben', 'ben@other.example', 'md5');
    expect(denied.session).toMatchObject({ ok: false, status: 403 });
    expect(s.logsWith('sync not allowed for account').at(-1)?.reason).toBe('domain-denied');
    expect((await s.admin(['account', 'deny', 'ann@example.com'])).code).toBe(0);
    expect((await sync(s, 'acl-ann', 'ann@example.com', 'md5')).session).toMatchObject({
      ok: false,
      status: 403,
    });
    expect((await s.admin(['account', 'allow', 'ben@other.example'])).code).toBe(0);
    expect((await sync(s, 'acl-ben2', 'ben@other.example', 'md5')).session).toMatchObject({ ok: true });
  });
});

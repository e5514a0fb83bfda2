import { Payload } from '@syncds/syncml';
import { afterEach, describe, expect, test } from 'vitest';
import { MemorySessionStore, decodeSession, encodeSession } from './session-store.js';
import type { SessionState } from './state.js';

function state(sid: string, clientSessionId = '1'): SessionState {
  return {
    v: 1,
    sid,
    deviceId: 'IMEI:1',
    clientSessionId,
    version: '1.2',
    encoding: 'wbxml',
    createdAt: 0,
    updatedAt: 0,
    respURI: `http://h/syncml/?sid=${sid}`,
    serverURI: 'http://h/syncml/',
    clientLocName: undefined,
    login: 'a@example.com',
    authType: 'basic',
    authFailures: 0,
    urlParams: { unknown: {}, invalid: [] },
    clientMaxMsgSize: 10_000,
    clientMaxObjSize: undefined,
    lastClientMsgId: '1',
    lastReply: new Uint8Array([1, 2, 3]),
    serverMsgId: 1,
    outbox: [
      {
        kind: 'Add',
        cmdID: '4',
        meta: { type: 'text/x-vcard' },
        items: [{ source: { locURI: 'g1' }, data: Payload.fromText('BEGIN:VCARD') }],
      },
    ],
    awaiting: {},
    datastores: [],
    haveDevInf: false,
    deviceLargeObjects: undefined,
    devInfRequested: false,
    stage: 'sync',
    serverPackageOpen: false,
    serverMaxMsgSize: 1_000_000,
    serverMaxObjSize: 4_000_000,
  };
}

let clock = 1000;
const stores: MemorySessionStore[] = [];
function open(copyStates: boolean): MemorySessionStore {
  const s = new MemorySessionStore({ now: () => clock, copyStates });
  stores.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  clock = 1000;
});

describe('MemorySessionStore', () => {
  test('keeps the state object itself by default: no copy per message', async () => {
    const s = open(false);
    const st = state('s1');
    await s.set(st, 100);
    expect(await s.get('s1')).toBe(st);
    expect(await s.findByClient('IMEI:1', '1')).toBe('s1');
  });

  test('copyStates: every get is a fresh msgpack copy, Payloads and bytes included', async () => {
    const s = open(true);
    const st = state('s1');
    await s.set(st, 100);
    const got = (await s.get('s1'))!;
    expect(got).not.toBe(st);
    expect(got.lastReply).toEqual(new Uint8Array([1, 2, 3]));
    const add = got.outbox[0]!;
    expect(add.kind === 'Add' && add.items[0]?.data).toBeInstanceOf(Payload);
    expect(add.kind === 'Add' && add.items[0]?.data?.kind === 'payload' && add.items[0].data.text()).toBe(
      'BEGIN:VCARD',
    );
    // Changing the copy changes nothing stored until it is set again.
    got.serverMsgId = 7;
    expect((await s.get('s1'))!.serverMsgId).toBe(1);
  });

  test.each([false, true])(
    'copyStates %s: sessions expire after their idle time, then are gone',
    async (copy) => {
      const s = open(copy);
      await s.set(state('s1'), 100);
      clock += 99;
      expect(await s.get('s1')).toBeDefined();
      clock += 1;
      expect(await s.get('s1')).toBeUndefined();
      expect(await s.findByClient('IMEI:1', '1')).toBeUndefined();
      expect(s.size).toBe(0);
    },
  );

  test('a new session of the same client takes over its (device, SessionID) key; deleting the old one keeps it', async () => {
    const s = open(false);
    await s.set(state('old'), 100);
    await s.set(state('new'), 100);
    await s.delete('old');
    expect(await s.findByClient('IMEI:1', '1')).toBe('new');
    expect(s.size).toBe(1);
  });

  test('sweep drops expired sessions and device values', async () => {
    const s = open(false);
    await s.set(state('s1'), 10);
    await s.setDeviceValue('nonce\u0000IMEI:1', 'abc', 10);
    await s.set(state('s2', '2'), 1000);
    clock += 10;
    s.sweep();
    expect(s.size).toBe(1);
    expect(await s.getDeviceValue('nonce\u0000IMEI:1')).toBeUndefined();
  });

  test('encodeSession / decodeSession round-trip a state exactly', () => {
    const st = state('s1');
    const back = decodeSession(encodeSession(st));
    expect(back).toEqual(st);
  });
});

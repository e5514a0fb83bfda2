import type { DevInf } from '@syncds/syncml';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConflictPolicy } from './config.js';
import { type TestEngine, testEngine, vcard21 } from './test-util/engine-setup.test-util.js';

// Issue 4 item 6: both sides changed one item since the last sync, resolved per
// the configured policy; and a device that cannot hold a field never erases it.

let t: TestEngine;
afterEach(async () => t.close());

interface Stored {
  contact: {
    name: { family: string };
    phones: { value: string }[];
    emails: { value: string }[];
    note?: string;
  };
}
const stored = async (): Promise<Stored[]> => (await t.items('Contacts')).map((r) => JSON.parse(r) as Stored);
const phonesOf = (text: string) => [...text.matchAll(/^TEL[^:]*:(.*)$/gm)].map((m) => m[1]!.trim());

/** A, B in sync on Ada; then both change Ada: A's phone, B's phone and e-mail. A syncs first. */
async function conflict(policy: ConflictPolicy) {
  t = await testEngine({ conflictPolicy: policy });
  const a = t.device();
  const b = t.device();
  const luidA = a.add('contacts', vcard21('Ada', '+1 555 0001'));
  await a.sync();
  await b.sync();
  const luidB = [...b.stores.get('contacts')!.items.keys()][0]!;
  a.replace('contacts', luidA, vcard21('Ada', '+1 555 1111'));
  b.replace('contacts', luidB, vcard21('Ada', '+1 555 2222', ['EMAIL;INTERNET:ada@b.example']));
  await a.sync();
  const rb = await b.sync();
  return { a, b, luidA, luidB, rb };
}

describe('conflict policies', () => {
  test('server-wins: the server keeps A’s version and B gets it back', async () => {
    const { b, luidB, rb } = await conflict('server-wins');
    expect((await stored())[0]!.contact.phones.map((p) => p.value)).toEqual(['+1 555 1111']);
    expect(rb.received).toEqual([{ store: 'contacts', op: 'replace', luid: luidB, type: 'text/x-vcard' }]);
    expect(phonesOf(b.stores.get('contacts')!.items.get(luidB)!)).toEqual(['+1 555 1111']);
  });

  test('client-wins: B’s version replaces the server’s; A gets it next time', async () => {
    const { a, luidA, rb } = await conflict('client-wins');
    const s = (await stored())[0]!.contact;
    expect(s.phones.map((p) => p.value)).toEqual(['+1 555 2222']);
    expect(s.emails.map((e) => e.value)).toEqual(['ada@b.example']);
    expect(rb.received).toEqual([]);
    await a.sync();
    expect(phonesOf(a.stores.get('contacts')!.items.get(luidA)!)).toEqual(['+1 555 2222']);
  });

  test('keep-both: both versions are kept on the server and reach both devices', async () => {
    const { a, b, rb } = await conflict('keep-both');
    const phones = (await stored()).map((s) => s.contact.phones[0]!.value).sort();
    expect(phones).toEqual(['+1 555 1111', '+1 555 2222']);
    expect(rb.received.map((r) => r.op)).toEqual(['add']);
    expect(b.stores.get('contacts')!.items.size).toBe(2);
    await a.sync();
    expect(a.stores.get('contacts')!.items.size).toBe(2);
  });

  test('merge (default): the device’s values win, what it left empty keeps the server’s', async () => {
    t = await testEngine();
    expect(t.engine.config.conflictPolicy).toBe('merge');
    const a = t.device();
    const b = t.device();
    const luidA = a.add('contacts', vcard21('Ada', '+1 555 0001'));
    await a.sync();
    await b.sync();
    const luidB = [...b.stores.get('contacts')!.items.keys()][0]!;
    // A adds a note; B changes the phone (and has no note).
    a.replace('contacts', luidA, vcard21('Ada', '+1 555 0001', ['NOTE:met at the museum']));
    b.replace('contacts', luidB, vcard21('Ada', '+1 555 3333'));
    await a.sync();
    const rb = await b.sync();
    const s = (await stored())[0]!.contact;
    expect(s.phones.map((p) => p.value)).toEqual(['+1 555 3333']);
    expect(s.note).toBe('met at the museum');
    // B lacked the note: it gets the merged item.
    expect(rb.received).toEqual([{ store: 'contacts', op: 'replace', luid: luidB, type: 'text/x-vcard' }]);
    expect(b.stores.get('contacts')!.items.get(luidB)).toContain('met at the museum');
    expect(t.logger.lines.find((l) => l.msg === 'conflict resolved')?.fields).toMatchObject({
      policy: 'merge',
      status: 207,
    });
  });

  test('an update beats a delete', async () => {
    t = await testEngine();
    const a = t.device();
    const b = t.device();
    const luidA = a.add('contacts', vcard21('Ada', '+1 555 0001'));
    await a.sync();
    await b.sync();
    const luidB = [...b.stores.get('contacts')!.items.keys()][0]!;
    a.replace('contacts', luidA, vcard21('Ada', '+1 555 4444'));
    b.delete('contacts', luidB);
    await a.sync();
    const rb = await b.sync();
    expect((await stored()).length).toBe(1);
    expect(rb.received.map((r) => r.op)).toEqual(['add']);
    expect(phonesOf([...b.stores.get('contacts')!.items.values()][0]!)).toEqual(['+1 555 4444']);
  });
});

describe('fields a device cannot hold (CTCap)', () => {
  const phoneDevInf: DevInf = {
    verDTD: '1.2',
    man: 'Test',
    mod: 'Phone without notes',
    devID: 'phone-1',
    devTyp: 'phone',
    dataStores: [
      {
        sourceRef: 'contacts',
        rxPref: { ctType: 'text/x-vcard', verCT: '2.1' },
        rx: [],
        txPref: { ctType: 'text/x-vcard', verCT: '2.1' },
        tx: [],
        ctCaps: [
          {
            ctType: 'text/x-vcard',
            verCT: '2.1',
            properties: ['BEGIN', 'END', 'VERSION', 'N', 'FN', 'TEL'].map((propName) => ({
              propName,
              valEnums: [],
              params: [],
            })),
          },
        ],
        syncTypes: [1, 2],
        filterRx: [],
        filterCaps: [],
      },
    ],
    ctCaps: [],
    exts: [],
  };

  test('a phone without NOTE and EMAIL updates a contact: the note and e-mail survive', async () => {
    t = await testEngine();
    const desktop = t.device();
    desktop.add(
      'contacts',
      vcard21('Ada', '+1 555 0001', ['EMAIL;INTERNET:ada@example.org', 'NOTE:keep me']),
    );
    await desktop.sync();
    const phone = t.device({ devinf: phoneDevInf });
    await phone.sync();
    const luid = [...phone.stores.get('contacts')!.items.keys()][0]!;
    phone.replace('contacts', luid, vcard21('Ada', '+1 555 9999'));
    await phone.sync();
    const s = (await stored())[0]!.contact;
    expect(s.phones.map((p) => p.value)).toEqual(['+1 555 9999']);
    expect(s.emails.map((e) => e.value)).toEqual(['ada@example.org']);
    expect(s.note).toBe('keep me');
  });
});

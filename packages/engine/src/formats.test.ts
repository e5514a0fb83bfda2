import { encodeItemData } from '@syncds/item-crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { type TestEngine, testEngine, vcard21 } from './test-util/engine-setup.test-util.js';

// Issue 5 item 4 and R10 FORMAT: the format each device gets, from its DevInf / Meta Type
// / FORMAT=, the automatic switch after a 415, and bad items answered per item.

let t: TestEngine;
afterEach(async () => t.close());

const SIFC = (first: string, last: string, phone: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><contact><SIFVersion>1.1</SIFVersion><FirstName>${first}</FirstName><LastName>${last}</LastName><MobileTelephoneNumber>${phone}</MobileTelephoneNumber><Email1Address>${first.toLowerCase()}@example.org</Email1Address><CompanyName>Analytical Engines Ltd</CompanyName><Body>a note</Body></contact>`;

describe('format choice (R10, R14)', () => {
  test('a SIF contact reaches a vCard device as vCard, and a SIF device as SIF', async () => {
    t = await testEngine();
    const sif = t.device();
    sif.stores.get('contacts')!.contentType = 'text/x-s4j-sifc';
    sif.add('contacts', SIFC('Ada', 'Lovelace', '+44 1'));
    await sif.sync();
    const vcardDevice = t.device();
    const r = await vcardDevice.sync();
    expect(r.received[0]!.type).toBe('text/x-vcard');
    const card = [...vcardDevice.stores.get('contacts')!.items.values()][0]!;
    expect(card).toMatch(/^N:Lovelace;Ada/m);
    expect(card).toMatch(/^TEL;CELL[^:]*:\+44 1/m);
    expect(card).toMatch(/^EMAIL[^:]*:ada@example.org/m);
    expect(card).toMatch(/^ORG:Analytical Engines Ltd/m);
    expect(card).toMatch(/^NOTE[^:]*:a note/m);
    // A second SIF device (it sends SIF, so it gets SIF).
    const sif2 = t.device();
    sif2.stores.get('contacts')!.contentType = 'text/x-s4j-sifc';
    sif2.add('contacts', SIFC('Bea', 'Other', '+44 2'));
    const r2 = await sif2.sync();
    expect(r2.received.map((x) => x.type)).toEqual(['text/x-s4j-sifc']);
    expect([...sif2.stores.get('contacts')!.items.values()].join()).toContain('<FirstName>Ada</FirstName>');
  });

  test('FORMAT=sif and FORMAT=vob choose the family', async () => {
    t = await testEngine();
    const a = t.device();
    a.add('contacts', vcard21('Ada', '+1 555 0001'));
    await a.sync();
    const sif = await t.device().sync({ url: '/syncml/?FORMAT=sif' });
    expect(sif.received.map((x) => x.type)).toEqual(['text/x-s4j-sifc']);
    const vob = await t.device().sync({ url: '/syncml/?format=VOB,' });
    expect(vob.received.map((x) => x.type)).toEqual(['text/x-vcard']);
  });

  test('FORMAT=get asks the device for its DevInf', async () => {
    t = await testEngine();
    const r = await t.device().sync({ url: '/syncml/?FORMAT=get' });
    expect(r.replies.some((m) => m.commands.some((c) => c.kind === 'Get'))).toBe(true);
  });

  test('a device that answers 415 is switched to the other family, and stays switched', async () => {
    t = await testEngine();
    const a = t.device();
    a.add('contacts', vcard21('Ada', '+1 555 0001'));
    await a.sync();
    const picky = t.device({ refuseTypes: ['text/x-vcard'] });
    const r = await picky.sync();
    expect(r.refused).toEqual(['text/x-vcard']);
    expect(t.logger.has('device refused the format, switching family')).toBe(true);
    // The refused item comes again at the next sync, in the other family.
    const again = await picky.sync();
    expect(again.received.map((x) => x.type)).toEqual(['text/x-s4j-sifc']);
    a.add('contacts', vcard21('Bea', '+1 555 0002'));
    await a.sync();
    const later = await picky.sync();
    expect(later.received.map((x) => x.type)).toEqual(['text/x-s4j-sifc']);
  });

  test('while its package is still going out, the refused item follows at once in the other family', async () => {
    t = await testEngine();
    const a = t.device();
    for (let i = 0; i < 60; i++) a.add('contacts', vcard21(`P${i}`, `+1 555 ${1000 + i}`));
    await a.sync();
    const picky = t.device({ refuseTypes: ['text/x-vcard'], maxMsgSize: 3000 });
    const r = await picky.sync();
    expect(r.refused.length).toBeGreaterThan(0);
    expect(r.received.length).toBeGreaterThan(0);
    expect(new Set(r.received.map((x) => x.type))).toEqual(new Set(['text/x-s4j-sifc']));
  });
});

describe('bad items', () => {
  test('each bad item gets its own status, the rest of the sync goes on, nothing bad is stored', async () => {
    t = await testEngine();
    const d = t.device();
    d.add('contacts', vcard21('Good', '+1 555 0001'));
    d.add('contacts', 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=X-KLINGON:Qapla\r\nEND:VCARD\r\n');
    d.add('contacts', 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Unterminated\r\n');
    d.add('contacts', 'not a vcard at all');
    const r = await d.sync();
    // A first sync is slow: the device sends its items as Replace.
    const adds = r.statuses.filter((s) => s.cmd === 'Replace').map((s) => s.code);
    expect(adds).toEqual([201, 415, 400, 400]);
    const stored = await t.items('Contacts');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('Good');
    expect(t.logger.lines.filter((l) => l.msg === 'item refused')).toHaveLength(3);
  });

  test('a 10 MB photo line is refused (413) while the other items sync', async () => {
    t = await testEngine();
    const d = t.device({ chunkSize: 900_000, encoding: 'wbxml' });
    d.add('contacts', vcard21('Small', '+1 555 0001'));
    d.add(
      'contacts',
      vcard21('Huge', '+1 555 0002', [`PHOTO;ENCODING=BASE64;TYPE=JPEG:${'A'.repeat(10 * 1024 * 1024)}`]),
    );
    const r = await d.sync();
    const finals = r.statuses.filter((s) => s.cmd === 'Replace' && s.code !== 213).map((s) => s.code);
    expect(finals).toEqual([413, 201]);
    expect((await t.items('Contacts')).map((x) => JSON.parse(x).contact.name.family)).toEqual(['Small']);
  }, 60_000);
});

describe('item encodings (Meta Format)', () => {
  test('b64 and des;b64 items are decoded before parsing, and replies use the device’s encoding', async () => {
    t = await testEngine();
    const sif = SIFC('Ada', 'Lovelace', '+44 1');
    const d = t.device();
    d.stores.get('contacts')!.contentType = 'text/x-s4j-sifc';
    // Send one item as des;b64 (key from the account password) through a raw Replace.
    const encoded = new TextDecoder().decode(
      encodeItemData(new TextEncoder().encode(sif), 'des;b64', { password: 'secret' }),
    );
    const handle = t.engine.handle.bind(t.engine);
    t.engine.handle = async (req) => {
      const text = new TextDecoder().decode(req.body);
      const marker = 'MARKER-ITEM';
      if (!text.includes(marker)) return handle(req);
      const replaced = text.replace(
        /<Meta><Type xmlns="syncml:metinf">text\/x-s4j-sifc<\/Type><\/Meta>(<Item>(?:(?!<\/Item>).)*?)MARKER-ITEM/s,
        (_m, head: string) =>
          `<Meta><Type xmlns="syncml:metinf">text/x-s4j-sifc</Type><Format xmlns="syncml:metinf">des;b64</Format></Meta>${head}${encoded}`,
      );
      return handle({ ...req, body: new TextEncoder().encode(replaced) });
    };
    d.add('contacts', 'MARKER-ITEM');
    const r = await d.sync();
    expect(r.statuses.filter((s) => s.cmd === 'Replace').map((s) => s.code)).toEqual([201]);
    const stored = (await t.items('Contacts')).map((x) => JSON.parse(x).contact.name.family);
    expect(stored).toEqual(['Lovelace']);
    // The reply to this device: its items come back des;b64 encoded.
    const other = t.device();
    other.add('contacts', vcard21('Bea', '+1 555 0002'));
    await other.sync();
    const seen: string[] = [];
    t.engine.handle = async (req) => {
      const res = await handle(req);
      seen.push(new TextDecoder().decode(res.body));
      return res;
    };
    await d.sync();
    expect(seen.join('')).toContain('<Format xmlns="syncml:metinf">des;b64</Format>');
  });
});

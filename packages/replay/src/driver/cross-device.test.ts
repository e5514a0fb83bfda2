import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyncevoDevice } from '@syncds/test-peers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readCapture } from '../capture/read-capture.js';
import { ServerProcess } from '../testing/server.test-util.js';
import { replayCapture } from './replay.js';

// Issue 5, end to end: a contact created as SIF-C by a replayed Funambol Pocket PC session is
// fetched by a vCard 2.1 client (SyncEvolution) with name, phones, e-mails, address, company
// and note intact. The recorded session's first contact is swapped for a fuller one (the
// recording's own have few fields filled in); everything else is replayed as recorded.

const SESSION = join(process.env.SYNCDS_VECTORS!, 'sessions', 'sync4j_pocketpc_contacts');
const PASSWORD = 'syncmltest';
const LOGIN = 'sif-to-vcard@example.com';

const SIFC = `<?xml version="1.0" encoding="UTF-8"?><contact><FirstName>Ada</FirstName><LastName>Lovelace</LastName><CompanyName>Analytical Engines Ltd</CompanyName><Department>Research</Department><JobTitle>Analyst</JobTitle><Email1Address>ada@example.org</Email1Address><Email2Address>countess@example.org</Email2Address><BusinessTelephoneNumber>+44 20 7946 0001</BusinessTelephoneNumber><MobileTelephoneNumber>+44 7700 900001</MobileTelephoneNumber><HomeTelephoneNumber>+44 20 7946 0002</HomeTelephoneNumber><HomeAddressStreet>12 St James's Square</HomeAddressStreet><HomeAddressCity>London</HomeAddressCity><HomeAddressPostalCode>SW1Y 4JH</HomeAddressPostalCode><HomeAddressCountry>United Kingdom</HomeAddressCountry><Body>Notes on the engine – first programme</Body><FileAs>Lovelace, Ada</FileAs></contact>`;

const server = new ServerProcess();
let url = '';

beforeAll(async () => {
  url = await server.start();
  await server.addAccount(LOGIN, PASSWORD);
}, 120_000);

afterAll(async () => {
  await server.close();
});

/** Run 1 of the session with its first contact (b64 SIF-C) replaced by a fuller one. */
function fullerCapture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'syncds-sifc-'));
  const b64 = Buffer.from(SIFC, 'utf8').toString('base64');
  for (const f of readdirSync(SESSION).filter((n) => /^syncml_(client|server)_1\d\.xml$/.test(n))) {
    let text = readFileSync(join(SESSION, f), 'latin1');
    if (f === 'syncml_client_11.xml') {
      const first = /<Data>([A-Za-z0-9+/=]{100,})<\/Data>/.exec(text);
      expect(first, 'the recorded Replace of a b64 SIF-C contact').not.toBeNull();
      text = text.replace(first![1]!, b64);
    }
    writeFileSync(join(dir, f), text, 'latin1');
  }
  return dir;
}

const value = (card: string, prop: RegExp) => [...card.matchAll(prop)].map((m) => m[1]!.trim());

test('a SIF-C contact from a replayed Funambol session reaches a vCard 2.1 device intact', async () => {
  const report = await replayCapture(readCapture(fullerCapture()), { url, user: LOGIN, password: PASSWORD });
  expect(report.runs.flatMap((r) => r.issues.filter((i) => i.severity === 'error'))).toEqual([]);

  const phone = new SyncevoDevice('vcard21');
  const r = await phone.sync({
    url,
    user: LOGIN,
    password: PASSWORD,
    stores: ['contacts'],
    vcard: '2.1',
    dump: true,
  });
  expect(r.session, r.stderr).toMatchObject({ ok: true });
  // On the wire the server sent vCard 2.1 (text/x-vcard), the only format this device offers.
  const incoming = readdirSync(r.session.logdir)
    .filter((f) => f.includes('_incoming.'))
    .map((f) => readFileSync(join(r.session.logdir, f), 'latin1'))
    .join('');
  expect(incoming).toContain('text/x-vcard');
  expect(incoming).toContain('VERSION:2.1');
  const cards = [...(await phone.items('contacts')).values()];
  const ada = cards.find((c) => c.includes('Lovelace'));
  expect(ada, cards.join('\n---\n')).toBeDefined();
  const card = ada!.replace(/\r\n/g, '\n');
  expect(card).toMatch(/^N:Lovelace;Ada;/m);
  expect(value(card, /^ORG:([^\n]*)$/gm)[0]).toMatch(/^Analytical Engines Ltd;Research/);
  expect(value(card, /^TITLE:([^\n]*)$/gm)).toEqual(['Analyst']);
  expect(value(card, /^EMAIL[^:]*:([^\n]*)$/gm).sort()).toEqual(['ada@example.org', 'countess@example.org']);
  expect(value(card, /^TEL[^:]*:([^\n]*)$/gm).sort()).toEqual([
    '+44 20 7946 0001',
    '+44 20 7946 0002',
    '+44 7700 900001',
  ]);
  expect(card).toMatch(/^TEL;TYPE=CELL[^:]*:\+44 7700 900001$/m);
  expect(card).toMatch(/^ADR;TYPE=HOME:;;12 St James's Square;London;;SW1Y 4JH;United Kingdom$/m);
  expect(value(card, /^NOTE:([^\n]*)$/gm)).toEqual(['Notes on the engine – first programme']);
}, 120_000);

import { messageItems, sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { parseContact, serializeContact } from './codec.js';
import type { Contact } from './model/contact.js';
import { parseSifC } from './sifc/read-sifc.js';
import { toSifC } from './sifc/write-sifc.js';
import { CROSS_FORMAT_FIELD_NAMES, crossFormatFields } from './test-util/compare.test-util.js';
import { parseVCard } from './vcard/read-vcard.js';
import { toVCard } from './vcard/write-vcard.js';

const sifItems = sessionItems('sync4j_pocketpc_contacts');
const funambolItems = ['msg9', 'msg11', 'msg14', 'msg19'].flatMap((m) =>
  messageItems(`wbxml/funambol/${m}.xml`),
);
/** msg9's last item is the first chunk of a large object (MoreData): not a whole vCard. */
const chunk = funambolItems[4]!;
const vcardItems = funambolItems.filter((item) => item !== chunk);

/** SIF-C -> vCard (2.1 and 3.0) -> SIF-C, and vCard -> SIF-C -> vCard, keep the cross-format fields. */
function expectCrossFormat(original: Contact): void {
  const fields = crossFormatFields(original);
  for (const version of ['2.1', '3.0'] as const) {
    const viaVCard = parseVCard(toVCard(original, version));
    // vCard 3.0 requires FN: a contact without a display name gets one made of its name parts.
    const n = original.name;
    const made = [n.prefix, n.given, n.middle, n.family, n.suffix].filter((s) => s).join(' ');
    const expected =
      version === '3.0' && fields.displayName === undefined ? { ...fields, displayName: made } : fields;
    expect(crossFormatFields(viaVCard), `vCard ${version}`).toEqual(expected);
    expect(crossFormatFields(parseSifC(toSifC(viaVCard))), `vCard ${version} then SIF-C`).toEqual(expected);
  }
  const viaSif = parseSifC(toSifC(original));
  expect(crossFormatFields(viaSif), 'SIF-C').toEqual(fields);
  expect(crossFormatFields(parseVCard(toVCard(viaSif, '2.1'))), 'SIF-C then vCard 2.1').toEqual(fields);
}

it('checks these fields across formats', () => {
  expect(CROSS_FORMAT_FIELD_NAMES).toEqual([
    'name',
    'displayName',
    'nickname',
    'organization',
    'title',
    'role',
    'phones',
    'emails',
    'urls',
    'addresses',
    'ims',
    'birthday',
    'anniversary',
    'note',
    'categories',
    'photo',
    'uid',
    'revision',
    'spouse',
    'children',
    'manager',
    'assistant',
    'sensitivity',
  ]);
});

describe('Funambol Pocket PC SIF-C items (sync4j_pocketpc_contacts)', () => {
  it('finds every SIF-C item of the session, base64 on the wire', () => {
    expect(sifItems.map((i) => [i.source, i.type, i.format])).toEqual([
      ['sync4j_pocketpc_contacts/syncml_client_11.xml#0', 'text/x-s4j-sifc', 'b64'],
      ['sync4j_pocketpc_contacts/syncml_client_21.xml#0', 'text/x-s4j-sifc', 'b64'],
      ['sync4j_pocketpc_contacts/syncml_client_21.xml#1', 'text/x-s4j-sifc', 'b64'],
      ['sync4j_pocketpc_contacts/syncml_server_12.xml#0', 'text/x-s4j-sifc', 'b64'],
      ['sync4j_pocketpc_contacts/syncml_server_22.xml#0', 'text/x-s4j-sifc', 'b64'],
      ['sync4j_pocketpc_contacts/syncml_server_22.xml#1', 'text/x-s4j-sifc', 'b64'],
    ]);
  });

  it('reads the fields of each item exactly', () => {
    const contacts = sifItems.map((item) => parseContact(item.bytes, item.type));
    expect(contacts.map(crossFormatFields).map((f) => JSON.parse(JSON.stringify(f)))).toEqual([
      {
        name: { family: 'Client1' },
        displayName: 'Client1',
        organization: { company: 'Company' },
        phones: ['work:555-123'],
        emails: ['other:client@example.com'],
        urls: [],
        addresses: [],
        ims: [],
        categories: [],
      },
      {
        name: { family: 'Client2' },
        displayName: 'Client2',
        organization: {},
        phones: ['work:+49 521 170372'],
        emails: ['other:client2@example.com'],
        urls: [],
        addresses: [],
        ims: [],
        categories: [],
      },
      {
        name: { given: 'Server1c1' },
        displayName: 'Server1c1',
        organization: {},
        phones: [],
        emails: ['other:server1@example.com'],
        urls: [],
        addresses: [{ kind: 'home', street: 'Übersicht' }],
        ims: [],
        categories: [],
      },
      {
        name: { family: 'server1' },
        displayName: 'server1',
        organization: {},
        phones: [],
        emails: ['other:server1@example.com'],
        urls: [],
        addresses: [{ kind: 'home', street: 'Übersicht' }],
        ims: [],
        categories: [],
      },
      {
        // Horde writes the business address as WorkAddress*.
        name: { family: 'server2' },
        displayName: 'server2',
        organization: {},
        phones: ['work:1234-5678'],
        emails: [],
        urls: [],
        addresses: [{ kind: 'work', street: 'Work address' }],
        ims: [],
        categories: [],
      },
      {
        name: { family: 'Client1s1' },
        displayName: 'Client1s1',
        organization: { company: 'Company' },
        phones: ['work:555-123'],
        emails: ['other:client@example.com'],
        urls: [],
        addresses: [],
        ims: [],
        categories: [],
      },
    ]);
  });

  it('keeps the SIF-only elements (Yomi*, Email1AddressType) on a SIF-C round trip', () => {
    const client = parseSifC(sifItems[0]!.bytes);
    expect(client.extensions.map((e) => e.name)).toEqual([
      'YomiCompanyName',
      'YomiFirstName',
      'YomiLastName',
    ]);
    const server = parseSifC(sifItems[3]!.bytes);
    expect(server.extensions).toEqual([{ family: 'sifc', name: 'Email1AddressType', value: 'SMTP' }]);
    expect(parseSifC(toSifC(server))).toEqual(server);
    expect(parseSifC(toSifC(client))).toEqual(client);
  });

  for (const item of sifItems) {
    it(`converts ${item.source} to vCard 2.1 / 3.0 and back keeping ${CROSS_FORMAT_FIELD_NAMES.length} fields`, () => {
      expectCrossFormat(parseSifC(item.bytes));
    });
  }

  it('writes the first client item as this exact vCard 2.1', () => {
    const contact = parseSifC(sifItems[0]!.bytes);
    expect(serializeContact(contact, 'text/x-vcard')).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N:Client1;;;;',
        'FN:Client1',
        'ORG:Company;',
        'TEL;WORK;VOICE:555-123',
        'EMAIL;INTERNET:client@example.com',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('carries the non-ASCII street as QUOTED-PRINTABLE UTF-8 in 2.1 and raw in 3.0', () => {
    const contact = parseSifC(sifItems[2]!.bytes);
    expect(toVCard(contact, '2.1')).toContain(
      'ADR;HOME;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:;;=C3=9Cbersicht;;;;\r\n',
    );
    expect(toVCard(contact, '3.0')).toContain('ADR;TYPE=HOME:;;Übersicht;;;;\r\n');
  });
});

describe('Funambol test-suite vCard 2.1 items (wbxml/funambol msg9, msg11, msg14, msg19)', () => {
  it('finds the vCard items', () => {
    expect(funambolItems).toHaveLength(11);
    expect(new Set(funambolItems.map((i) => i.type))).toEqual(new Set(['text/x-vcard']));
  });

  it('rejects the first chunk of a large object alone as an unterminated vCard (400)', () => {
    expect(chunk.source).toBe('funambol/msg9.xml#4');
    expect(() => parseContact(chunk.text, chunk.type)).toThrow(
      expect.objectContaining({ code: 'UNTERMINATED_COMPONENT', status: 400, line: 1, offset: 0 }),
    );
  });

  it('reads a card with every phone kind, an untyped address and a JPEG photo', () => {
    const susan = parseContact(vcardItems[4]!.text, 'text/x-vcard');
    expect(susan.name).toEqual({ family: 'Foster', given: 'Susan' });
    expect(susan.phones.map((p) => `${p.kind}:${p.value}`)).toEqual([
      'home:2222222',
      'fax-home:333332',
      'cell:1111111',
      'fax-other:333331',
      'other:2222221',
      'work:2222255',
      'fax-work:333355',
      'pager:444444',
    ]);
    expect(susan.addresses).toEqual([
      {
        kind: 'other',
        poBox: '123456',
        street: 'Central park',
        city: 'New york',
        region: 'Ny',
        postalCode: '65981',
        country: 'Usa',
      },
    ]);
    expect(susan.organization).toEqual({ company: 'Magazine usa' });
    expect(susan.title).toBe('Editorial director');
    expect(susan.urls).toEqual([{ kind: 'other', value: 'http://www.web.org' }]);
    expect(susan.photo).toMatchObject({ mediaType: 'image/jpeg' });
    expect(Buffer.from((susan.photo as { data: string }).data, 'base64').subarray(0, 4)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    );
  });

  it('reads REV and a vCard 3.0 style ENCODING=b photo inside a 2.1 card', () => {
    const card = parseContact(vcardItems[6]!.text, 'text/x-vcard');
    expect(card.revision).toBe('2007-05-25T07:59:43Z');
    expect(card.addresses[0]).toMatchObject({ poBox: '123456', extended: 'Ext' });
    expect(card.photo).toMatchObject({ mediaType: 'image/jpeg' });
  });

  it('sniffs the type of an untyped photo', () => {
    const card = parseContact(vcardItems[5]!.text, 'text/x-vcard');
    expect(card.photo).toMatchObject({ mediaType: 'image/jpeg' });
  });

  for (const item of vcardItems) {
    it(`converts ${item.source} to SIF-C and back keeping ${CROSS_FORMAT_FIELD_NAMES.length} fields`, () => {
      const contact = parseVCard(item.text);
      expectCrossFormat(contact);
      // Same format: exact.
      expect(parseVCard(toVCard(contact, '2.1'))).toEqual(contact);
    });
  }
});

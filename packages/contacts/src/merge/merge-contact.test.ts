import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Contact, emptyContact } from '../model/contact.js';
import { parseSifC } from '../sifc/read-sifc.js';
import { parseVCard } from '../vcard/read-vcard.js';
import { CONTACT_FIELDS, contactFieldsForContentType, fieldsFromCtCap } from './fields.js';
import { mergeContact } from './merge-contact.js';
import { contactFieldsPresent } from './present-fields.js';

/** PropNames listed after `<CTType>contentType</CTType>` in a DevInf 1.1 CTCap (flat list). */
function ctCapPropNames(file: string, contentType: string): string[] {
  const xml = readFileSync(join(process.env.SYNCDS_VECTORS ?? '', file), 'utf8');
  const start = xml.indexOf(`<CTType>${contentType}</CTType>`, xml.indexOf('<CTCap>'));
  const nextType = xml.indexOf('<CTType>', start + 1);
  const end = Math.min(...[nextType, xml.indexOf('</CTCap>', start)].filter((i) => i > 0));
  const names: string[] = [];
  for (
    let at = xml.indexOf('<PropName>', start);
    at > 0 && at < end;
    at = xml.indexOf('<PropName>', at + 1)
  ) {
    names.push(xml.slice(at + 10, xml.indexOf('</PropName>', at)).trim());
  }
  return names;
}

const w910i = ctCapPropNames('wbxml/funambol/sonyericsson-W910i.xml', 'text/x-vcard');
const n80 = ctCapPropNames('wbxml/funambol/msg1.xml', 'text/x-vcard');

/** What the server holds: written by an Outlook (SIF-C) client, with an X- property from a 3.0 client. */
const stored: Contact = {
  ...parseSifC(`<contact>
    <FirstName>Ann</FirstName><LastName>Lee</LastName><FileAs>Lee, Ann</FileAs><NickName>Annie</NickName>
    <HomeTelephoneNumber>111</HomeTelephoneNumber><CarTelephoneNumber>222</CarTelephoneNumber>
    <Email1Address>ann@example.org</Email1Address>
    <HomeAddressStreet>1 Old Road</HomeAddressStreet><HomeAddressCity>Oldtown</HomeAddressCity>
    <Body>Met at the fair</Body><Categories>Friends</Categories><Spouse>Bob</Spouse>
    <Importance>2</Importance><YomiFirstName>アン</YomiFirstName>
  </contact>`),
};
stored.extensions.push({
  family: 'vcard',
  dialect: 'vcard-3.0',
  name: 'X-SOCIALPROFILE',
  params: [],
  value: 'x',
});

/** The update a Sony Ericsson W910i sends: it edited the name and the phone numbers. */
const fromPhone = parseVCard(
  [
    'BEGIN:VCARD',
    'VERSION:2.1',
    'N:Lee;Anne;;;',
    'TEL;HOME:333',
    'TEL;CELL:444',
    'X-IRMC-LUID:0000001',
    'END:VCARD',
    '',
  ].join('\r\n'),
);

describe('fieldsFromCtCap', () => {
  it('maps the real W910i vCard CTCap to canonical fields', () => {
    expect(w910i).toEqual([
      'X-IRMC-LUID',
      'GEO',
      'PHOTO',
      'BDAY',
      'URL',
      'TITLE',
      'ORG',
      'EMAIL',
      'ADR',
      'NOTE',
      'TEL',
      'N',
      'VERSION',
      'END',
      'BEGIN',
    ]);
    const fields = fieldsFromCtCap(w910i, 'text/x-vcard')!;
    expect(fields.has('note')).toBe(true);
    expect(fields.has('phones.car')).toBe(true);
    expect(fields.has('addresses.home.city')).toBe(true);
    expect(fields.has('addresses.home.label')).toBe(false);
    expect(fields.has('nickname')).toBe(false);
    expect(fields.has('categories')).toBe(false);
    expect(fields.has('formattedName')).toBe(false);
    expect(fields.has('extensions.vcard.X-IRMC-LUID')).toBe(true);
    expect(fields.has('extensions.vcard.GEO')).toBe(true);
    expect(fields.has('extensions.vcard.VERSION')).toBe(false);
  });

  it('maps the Nokia N80 CTCap, X- names included', () => {
    const fields = fieldsFromCtCap(n80, 'text/x-vcard')!;
    for (const f of [
      'spouse',
      'children',
      'anniversary',
      'assistant',
      'ims',
      'revision',
      'formattedName',
      'fileAs',
      'photo',
    ]) {
      expect(fields.has(f), f).toBe(true);
    }
    expect(fields.has('extensions.vcard.X-ASSISTANT-TEL')).toBe(true);
    expect(fields.has('note')).toBe(true);
  });

  it('maps SIF-C element names and returns undefined for other content types', () => {
    const fields = fieldsFromCtCap(
      [
        'FirstName',
        'HomeTelephoneNumber',
        'Home2TelephoneNumber',
        'HomeAddressCity',
        'FileAs',
        'YomiFirstName',
      ],
      'text/x-s4j-sifc',
    );
    expect([...fields!].sort()).toEqual(
      [
        'addresses.home.city',
        'extensions.sifc.YomiFirstName',
        'fileAs',
        'formattedName',
        'name.given',
        'phones.home',
      ].sort(),
    );
    expect(fieldsFromCtCap(['N'], 'text/calendar')).toBeUndefined();
  });

  it('lists what a format can carry at all', () => {
    const vcard = contactFieldsForContentType('text/vcard; charset=utf-8')!;
    expect(vcard.has('importance')).toBe(false);
    expect(vcard.has('extensions.vcard.*')).toBe(true);
    expect(CONTACT_FIELDS.filter((f) => !vcard.has(f))).toEqual(['importance']);
    const sif = contactFieldsForContentType('text/x-s4j-sifc')!;
    expect(CONTACT_FIELDS.filter((f) => !sif.has(f))).toEqual(['phones.isdn', 'phones.video']);
  });
});

describe('mergeContact', () => {
  it('keeps what a W910i cannot hold and takes what it can (absent = deleted)', () => {
    const merged = mergeContact(stored, fromPhone, fieldsFromCtCap(w910i, 'text/x-vcard'));
    expect(merged.name).toEqual({ family: 'Lee', given: 'Anne' });
    // TEL is held: every phone kind comes from the phone, the car number was deleted there.
    expect(merged.phones).toEqual([
      { kind: 'home', value: '333' },
      { kind: 'cell', value: '444' },
    ]);
    // EMAIL, ADR and NOTE are held and absent from the update: deleted.
    expect(merged.emails).toEqual([]);
    expect(merged.addresses).toEqual([]);
    expect(merged.note).toBeUndefined();
    // Not in the CTCap: kept.
    expect(merged.fileAs).toBe('Lee, Ann');
    expect(merged.nickname).toBe('Annie');
    expect(merged.categories).toEqual(['Friends']);
    expect(merged.spouse).toBe('Bob');
    expect(merged.importance).toBe('high');
    // Extensions: the phone's own are taken; the SIF-C ones and the vCard one the
    // W910i does not list (X-SOCIALPROFILE) are kept.
    expect(merged.extensions).toEqual([
      { family: 'vcard', dialect: 'vcard-2.1', name: 'X-IRMC-LUID', params: [], value: '0000001' },
      { family: 'sifc', name: 'YomiFirstName', value: 'アン' },
      { family: 'vcard', dialect: 'vcard-3.0', name: 'X-SOCIALPROFILE', params: [], value: 'x' },
    ]);
    expect(merged.source).toBe('vcard-2.1');
  });

  it('keeps the NOTE of a contact updated by a phone without NOTE', () => {
    const noNote = w910i.filter((p) => p !== 'NOTE');
    const merged = mergeContact(stored, fromPhone, fieldsFromCtCap(noNote, 'text/x-vcard'));
    expect(merged.note).toBe('Met at the fair');
  });

  it('takes a value the device sent even when its CTCap forgot the property', () => {
    const update = parseVCard('BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann;;;\r\nNICKNAME:Nan\r\nEND:VCARD\r\n');
    const merged = mergeContact(stored, update, fieldsFromCtCap(['N'], 'text/x-vcard'));
    expect(merged.nickname).toBe('Nan');
  });

  it('merges phones per kind for a SIF device: the kinds SIF-C cannot hold stay', () => {
    const withIsdn: Contact = { ...stored, phones: [...stored.phones, { kind: 'isdn', value: '999' }] };
    const sifUpdate = parseSifC(
      '<contact><FirstName>Ann</FirstName><LastName>Lee</LastName><HomeTelephoneNumber>555</HomeTelephoneNumber></contact>',
    );
    const merged = mergeContact(withIsdn, sifUpdate, contactFieldsForContentType('text/x-s4j-sifc'));
    expect(merged.phones).toEqual([
      { kind: 'home', value: '555' },
      { kind: 'isdn', value: '999' },
    ]);
    // A SIF device holds FileAs and Yomi*: absent means deleted. The vCard extension stays.
    expect(merged.fileAs).toBeUndefined();
    expect(merged.extensions).toEqual([
      { family: 'vcard', dialect: 'vcard-3.0', name: 'X-SOCIALPROFILE', params: [], value: 'x' },
    ]);
  });

  it('merges addresses per part: a device holding only the street keeps the stored city', () => {
    const update = parseSifC('<contact><HomeAddressStreet>2 New Road</HomeAddressStreet></contact>');
    const merged = mergeContact(stored, update, fieldsFromCtCap(['HomeAddressStreet'], 'text/x-s4j-sifc'));
    expect(merged.addresses).toEqual([{ kind: 'home', street: '2 New Road', city: 'Oldtown' }]);
    const cleared = mergeContact(
      stored,
      parseSifC('<contact><HomeAddressStreet/></contact>'),
      fieldsFromCtCap(['HomeAddressStreet'], 'text/x-s4j-sifc'),
    );
    expect(cleared.addresses).toEqual([{ kind: 'home', city: 'Oldtown' }]);
  });

  it("without device fields takes the update whole but keeps the other family's extensions", () => {
    const merged = mergeContact(stored, fromPhone, undefined);
    expect(merged).toEqual({
      ...fromPhone,
      extensions: [...fromPhone.extensions, { family: 'sifc', name: 'YomiFirstName', value: 'アン' }],
    });
  });

  it('is pure: neither argument changes', () => {
    const before = JSON.stringify(stored);
    const incoming = JSON.stringify(fromPhone);
    mergeContact(stored, fromPhone, fieldsFromCtCap(w910i, 'text/x-vcard'));
    expect(JSON.stringify(stored)).toBe(before);
    expect(JSON.stringify(fromPhone)).toBe(incoming);
  });

  it('gives back the stored fields when the device holds nothing and sent nothing (source: the last writer)', () => {
    expect(mergeContact(stored, { ...emptyContact(), source: 'vcard-2.1' }, new Set())).toEqual({
      ...stored,
      source: 'vcard-2.1',
    });
  });
});

describe('contactFieldsPresent', () => {
  it('lists the fields with a value', () => {
    expect([...contactFieldsPresent(fromPhone)].sort()).toEqual(
      ['extensions.vcard.X-IRMC-LUID', 'name.family', 'name.given', 'phones.cell', 'phones.home'].sort(),
    );
  });
});

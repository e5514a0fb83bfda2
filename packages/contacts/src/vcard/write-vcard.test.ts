import { describe, expect, it } from 'vitest';
import { type Contact, emptyContact } from '../model/contact.js';
import { parseVCard } from './read-vcard.js';
import { toVCard } from './write-vcard.js';

/** A contact using every field the vCard writer knows. */
function fullContact(): Contact {
  return {
    ...emptyContact(),
    name: { family: 'Müller', given: 'Jörg', middle: 'K.', prefix: 'Dr.', suffix: 'Jr.' },
    formattedName: 'Dr. Jörg K. Müller',
    nickname: 'Jöggi',
    organization: { company: 'ACME; Inc.', department: 'R&D', officeLocation: 'B2' },
    title: 'Chief Tester',
    role: 'Engineer',
    phones: [
      { kind: 'home', value: '+49 521 1' },
      { kind: 'home', value: '+49 521 2' },
      { kind: 'work', value: '+49 521 3', preferred: true },
      { kind: 'cell', value: '+49 171 4' },
      { kind: 'fax-work', value: '+49 521 5' },
      { kind: 'company-main', value: '+49 521 6' },
      { kind: 'primary', value: '+49 521 7' },
      { kind: 'assistant', value: '+49 521 8' },
      { kind: 'other', value: '+49 521 9', preferred: true },
      { kind: 'cell', value: '+49 171 10', group: 'item1', extraTypes: ['X-CUSTOM'] },
    ],
    emails: [
      { kind: 'other', value: 'j@example.org' },
      { kind: 'work', value: 'j@acme.example', preferred: true },
    ],
    addresses: [
      {
        kind: 'home',
        poBox: 'PO 1',
        extended: 'c/o X',
        street: 'Hauptstraße 1\nHinterhaus',
        city: 'Köln',
        region: 'NRW',
        postalCode: '50667',
        country: 'Deutschland',
        label: 'Hauptstraße 1\n50667 Köln',
      },
      { kind: 'work', street: '1 Main St', city: 'Town', extraTypes: ['PARCEL'] },
    ],
    urls: [
      { kind: 'home', value: 'http://joerg.example' },
      { kind: 'other', value: 'http://example.org/a;b' },
    ],
    ims: [{ value: 'joerg@jabber.example', protocol: 'jabber' }, { value: 'joerg.m' }],
    birthday: '1970-01-31',
    anniversary: '--06-15',
    note: 'Line 1\nLine 2; with, punctuation \\ backslash',
    categories: ['Business', 'VIP, Gold'],
    photo: { data: '/9j/4AAQSkZJRgABAQEAYABgAAD/', mediaType: 'image/jpeg' },
    uid: 'uid-123',
    revision: '2007-05-25T07:59:43Z',
    spouse: 'Anna',
    children: 'Ben, Clara',
    manager: 'Boss',
    assistant: 'Eve',
    sensitivity: 'private',
  };
}

describe('toVCard 2.1', () => {
  it('writes every field in the Funambol-compatible 2.1 form', () => {
    expect(toVCard(fullContact(), '2.1').split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:M=C3=BCller;J=C3=B6rg;K.;Dr.;Jr.',
      'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Dr. J=C3=B6rg K. M=C3=BCller',
      'NICKNAME;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:J=C3=B6ggi',
      'ORG:ACME\\; Inc.;R&D;B2',
      'TITLE:Chief Tester',
      'ROLE:Engineer',
      'TEL;HOME;VOICE:+49 521 1',
      'TEL;HOME;VOICE:+49 521 2',
      'TEL;WORK;VOICE;PREF:+49 521 3',
      'TEL;CELL:+49 171 4',
      'TEL;FAX;WORK:+49 521 5',
      'TEL;WORK;PREF:+49 521 6',
      'TEL;PREF;VOICE:+49 521 7',
      'TEL;X-ASSISTANT:+49 521 8',
      'TEL;VOICE;OTHER;PREF:+49 521 9',
      'item1.TEL;CELL;X-CUSTOM:+49 171 10',
      'EMAIL;INTERNET:j@example.org',
      'EMAIL;INTERNET;WORK;PREF:j@acme.example',
      // QUOTED-PRINTABLE soft breaks keep lines within 76 characters and never split an escape.
      'ADR;HOME;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:PO 1;c/o X;Hauptstra=',
      '=C3=9Fe 1=0D=0AHinterhaus;K=C3=B6ln;NRW;50667;Deutschland',
      'LABEL;HOME;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Hauptstra=C3=9Fe 1=0D=',
      '=0A50667 K=C3=B6ln',
      'ADR;WORK;PARCEL:;;1 Main St;Town;;;',
      'URL;HOME:http://joerg.example',
      'URL:http://example.org/a\\;b',
      'X-JABBER:joerg@jabber.example',
      'EMAIL;INTERNET;HOME;X-FUNAMBOL-INSTANTMESSENGER:joerg.m',
      'BDAY:1970-01-31',
      'X-ANNIVERSARY:--06-15',
      'NOTE;ENCODING=QUOTED-PRINTABLE:Line 1=0D=0ALine 2\\; with, punctuation \\ ba=',
      'ckslash',
      'CATEGORIES:Business,VIP\\, Gold',
      'UID:uid-123',
      'REV:20070525T075943Z',
      'CLASS:PRIVATE',
      'X-SPOUSE:Anna',
      'X-FUNAMBOL-CHILDREN:Ben, Clara',
      'X-MANAGER:Boss',
      'X-ASSISTANT:Eve',
      'PHOTO;TYPE=JPEG;ENCODING=BASE64:/9j/4AAQSkZJRgABAQEAYABgAAD/',
      '',
      'END:VCARD',
      '',
    ]);
  });

  it('reads back what it writes', () => {
    const contact = fullContact();
    const back = parseVCard(toVCard(contact, '2.1'));
    expect(back).toEqual({ ...contact, source: 'vcard-2.1' });
  });

  it('can write 8-bit UTF-8 instead of QUOTED-PRINTABLE', () => {
    const contact = { ...emptyContact(), name: { family: 'Müller' } };
    expect(toVCard(contact, '2.1', { legacyTextEncoding: '8bit' })).toBe(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:Müller;;;;\r\nEND:VCARD\r\n',
    );
  });
});

describe('toVCard 3.0', () => {
  it('writes TYPE lists, escapes, extended dates and ENCODING=b', () => {
    const text = toVCard(fullContact(), '3.0');
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const lines = text.replaceAll('\r\n ', '').split('\r\n');
    expect(lines.slice(0, 12)).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Müller;Jörg;K.;Dr.;Jr.',
      'FN:Dr. Jörg K. Müller',
      'NICKNAME:Jöggi',
      'ORG:ACME\\; Inc.;R&D;B2',
      'TITLE:Chief Tester',
      'ROLE:Engineer',
      'TEL;TYPE=HOME,VOICE:+49 521 1',
      'TEL;TYPE=HOME,VOICE:+49 521 2',
      'TEL;TYPE=WORK,VOICE,PREF:+49 521 3',
      'TEL;TYPE=CELL:+49 171 4',
    ]);
    expect(lines).toContain('ADR;TYPE=HOME:PO 1;c/o X;Hauptstraße 1\\nHinterhaus;Köln;NRW;50667;Deutschland');
    expect(lines).toContain('NOTE:Line 1\\nLine 2\\; with\\, punctuation \\\\ backslash');
    expect(lines).toContain('REV:2007-05-25T07:59:43Z');
    expect(lines).toContain('PHOTO;TYPE=JPEG;ENCODING=b:/9j/4AAQSkZJRgABAQEAYABgAAD/');
    expect(lines.at(-2)).toBe('END:VCARD');
  });

  it('reads back what it writes, except that multi-line streets stay one line with a newline', () => {
    const contact = fullContact();
    expect(parseVCard(toVCard(contact, '3.0'))).toEqual({ ...contact, source: 'vcard-3.0' });
  });

  it('always writes N and FN, making FN from the name when there is none', () => {
    const contact = { ...emptyContact(), name: { given: 'Ann', family: 'Lee' } };
    expect(toVCard(contact, '3.0')).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nEND:VCARD\r\n',
    );
    expect(toVCard(contact, '2.1')).toBe('BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann;;;\r\nEND:VCARD\r\n');
    expect(toVCard(emptyContact(), '3.0')).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:\r\nEND:VCARD\r\n',
    );
  });
});

describe('extensions', () => {
  it('gives kept properties back unchanged in the same version, with their group and parameters', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:X',
      'item2.X-ABLabel:_$!<Other>!$_',
      'X-CUSTOM;X-PARAM="a:b",c:structured;value\\, with comma',
      'X-BINARY;ENCODING=b:AAEC',
      'END:VCARD',
      '',
    ].join('\r\n');
    const contact = parseVCard(text);
    expect(toVCard(contact, '3.0')).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:;;;;',
        'FN:X',
        'item2.X-ABLABEL:_$!<Other>!$_',
        'X-CUSTOM;X-PARAM="a:b",c:structured;value\\, with comma',
        'X-BINARY;ENCODING=b:AAEC',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('converts the escaping of kept properties between 3.0 and 2.1, keeping their structure', () => {
    const from30 = parseVCard('BEGIN:VCARD\r\nVERSION:3.0\r\nX-THING:a\\, b;c\\;d;e\\\\f\r\nEND:VCARD\r\n');
    const as21 = toVCard(from30, '2.1');
    expect(as21).toContain('X-THING:a, b;c\\;d;e\\f\r\n');
    const again = parseVCard(as21);
    expect(toVCard(again, '3.0')).toContain('X-THING:a\\, b;c\\;d;e\\\\f\r\n');
  });

  it('does not write SIF-C extensions', () => {
    const contact: Contact = {
      ...emptyContact(),
      extensions: [{ family: 'sifc', name: 'YomiFirstName', value: 'x' }],
    };
    expect(toVCard(contact, '2.1')).toBe('BEGIN:VCARD\r\nVERSION:2.1\r\nEND:VCARD\r\n');
  });
});

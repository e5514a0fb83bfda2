import { describe, expect, it } from 'vitest';
import { parseVCard } from './read-vcard.js';
import { caught } from '../test-util/errors.test-util.js';

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('vCard 2.1 as phones send it', () => {
  // Written after what Nokia Series 40 / Sony Ericsson phones send: Latin-1 bytes
  // declared per property, QUOTED-PRINTABLE with soft breaks, bare TYPE params.
  const nokia = latin1(
    crlf(
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg;;Dr.;',
      'FN;CHARSET=ISO-8859-1:J\xf6rg M\xfcller',
      'TEL;PREF;CELL:+49 171 1234567',
      'TEL;HOME;VOICE:+49 521 123',
      'TEL;WORK;FAX:+49 521 999',
      'EMAIL;INTERNET;WORK:joerg@example.de',
      'ADR;HOME;CHARSET=ISO-8859-1:;;Hauptstra\xdfe 1;K\xf6ln;;50667;Deutschland',
      'NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Erste Zeile=0D=0Azweite Zeile mit Gr=FC=',
      '=DFen',
      'BDAY:19700131',
      'X-NOKIA-RINGTONE:tone.mp3',
      'END:VCARD',
    ),
  );

  it('decodes charsets and QUOTED-PRINTABLE, maps bare types to kinds', () => {
    const c = parseVCard(nokia);
    expect(c.name).toEqual({ family: 'Müller', given: 'Jörg', prefix: 'Dr.' });
    expect(c.formattedName).toBe('Jörg Müller');
    expect(c.phones).toEqual([
      { kind: 'cell', value: '+49 171 1234567', preferred: true },
      { kind: 'home', value: '+49 521 123' },
      { kind: 'fax-work', value: '+49 521 999' },
    ]);
    expect(c.emails).toEqual([{ kind: 'work', value: 'joerg@example.de' }]);
    expect(c.addresses).toEqual([
      { kind: 'home', street: 'Hauptstraße 1', city: 'Köln', postalCode: '50667', country: 'Deutschland' },
    ]);
    expect(c.note).toBe('Erste Zeile\nzweite Zeile mit Grüßen');
    expect(c.birthday).toBe('1970-01-31');
    expect(c.source).toBe('vcard-2.1');
  });

  it('keeps unknown X- properties as vCard extensions', () => {
    expect(parseVCard(nokia).extensions).toEqual([
      { family: 'vcard', dialect: 'vcard-2.1', name: 'X-NOKIA-RINGTONE', params: [], value: 'tone.mp3' },
    ]);
  });

  it('reads Funambol forms: company main, primary, callback, radio, IM in EMAIL, X-ANNIVERSARY, CLASS', () => {
    const c = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N:Adams;Eve;;;',
        'TEL;WORK;PREF:1',
        'TEL;PREF;VOICE:2',
        'TEL;X-FUNAMBOL-CALLBACK:3',
        'TEL;X-FUNAMBOL-RADIO:4',
        'TEL;CAR;VOICE:5',
        'EMAIL;INTERNET;HOME;X-FUNAMBOL-INSTANTMESSENGER:eve.adams',
        'X-ANNIVERSARY:1968-01-12',
        'X-SPOUSE:Adam',
        'X-FUNAMBOL-CHILDREN:Cain;Abel',
        'X-MANAGER:Mr Snake',
        'CLASS:X-PERSONAL',
        'END:VCARD',
      ),
    );
    expect(c.phones.map((p) => [p.kind, p.value, p.preferred])).toEqual([
      ['company-main', '1', undefined],
      ['primary', '2', undefined],
      ['callback', '3', undefined],
      ['radio', '4', undefined],
      ['car', '5', undefined],
    ]);
    expect(c.ims).toEqual([{ value: 'eve.adams' }]);
    expect(c.emails).toEqual([]);
    expect(c.anniversary).toBe('1968-01-12');
    expect(c.spouse).toBe('Adam');
    expect(c.children).toBe('Cain;Abel');
    expect(c.manager).toBe('Mr Snake');
    expect(c.sensitivity).toBe('personal');
  });

  it('reads a BASE64 photo folded with a closing blank line, and a photo link', () => {
    const jpeg = '/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQY';
    const c = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N:P;Q',
        `PHOTO;ENCODING=BASE64;TYPE=JPEG:`,
        ` ${jpeg.slice(0, 40)}`,
        ` ${jpeg.slice(40)}`,
        '',
        'END:VCARD',
      ),
    );
    expect(c.photo).toEqual({ data: jpeg, mediaType: 'image/jpeg' });
    const link = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'PHOTO;VALUE=URL;TYPE=GIF:http://www.abc.com/my_photo.gif',
        'END:VCARD',
      ),
    );
    expect(link.photo).toEqual({ uri: 'http://www.abc.com/my_photo.gif', mediaType: 'image/gif' });
  });

  it('keeps the group of a grouped 2.1 TEL and its label for the round trip', () => {
    const text = crlf(
      'BEGIN:VCARD',
      'VERSION:2.1',
      'item1.TEL;CELL:+1 555 0100',
      'item1.X-ABLabel:Boat',
      'END:VCARD',
    );
    const c = parseVCard(text);
    expect(c.phones).toEqual([{ kind: 'cell', value: '+1 555 0100', group: 'item1' }]);
    expect(c.extensions).toEqual([
      { family: 'vcard', dialect: 'vcard-2.1', group: 'item1', name: 'X-ABLABEL', params: [], value: 'Boat' },
    ]);
  });

  it('treats empty properties as no value (a device clearing a field)', () => {
    const c = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N:Miller;Lucy;;;',
        'EMAIL;INTERNET:',
        'NOTE:',
        'BDAY:',
        'END:VCARD',
      ),
    );
    expect(c.emails).toEqual([]);
    expect(c.note).toBeUndefined();
    expect(c.birthday).toBeUndefined();
  });

  it('keeps a second NOTE as an extension rather than losing it', () => {
    const c = parseVCard(crlf('BEGIN:VCARD', 'VERSION:2.1', 'NOTE:first', 'NOTE:second', 'END:VCARD'));
    expect(c.note).toBe('first');
    expect(c.extensions).toEqual([
      { family: 'vcard', dialect: 'vcard-2.1', name: 'NOTE', params: [], value: 'second' },
    ]);
  });

  it('attaches LABEL to the address of its kind', () => {
    const c = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'ADR;WORK:;;1 Main St;Town;;123;',
        'LABEL;WORK;ENCODING=QUOTED-PRINTABLE:1 Main St=0D=0A123 Town',
        'LABEL;HOME:Elsewhere 2',
        'END:VCARD',
      ),
    );
    expect(c.addresses).toEqual([
      { kind: 'work', street: '1 Main St', city: 'Town', postalCode: '123', label: '1 Main St\n123 Town' },
      { kind: 'home', label: 'Elsewhere 2' },
    ]);
  });
});

describe('vCard 3.0', () => {
  it('reads the RFC 2426 §7 example', () => {
    const c = parseVCard(
      crlf(
        'BEGIN:vCard',
        'VERSION:3.0',
        'FN:Frank Dawson',
        'ORG:Lotus Development Corporation',
        'ADR;TYPE=WORK,POSTAL,PARCEL:;;6544 Battleford Drive',
        ' ;Raleigh;NC;27613-3502;U.S.A.',
        'TEL;TYPE=VOICE,MSG,WORK:+1-919-676-9515',
        'TEL;TYPE=FAX,WORK:+1-919-676-9564',
        'EMAIL;TYPE=INTERNET,PREF:Frank_Dawson@Lotus.com',
        'EMAIL;TYPE=INTERNET:fdawson@earthlink.net',
        'URL:http://home.earthlink.net/~fdawson',
        'END:vCard',
      ),
    );
    expect(c).toEqual({
      name: {},
      formattedName: 'Frank Dawson',
      organization: { company: 'Lotus Development Corporation' },
      phones: [
        { kind: 'work', value: '+1-919-676-9515', extraTypes: ['MSG'] },
        { kind: 'fax-work', value: '+1-919-676-9564' },
      ],
      emails: [
        { kind: 'other', value: 'Frank_Dawson@Lotus.com', preferred: true },
        { kind: 'other', value: 'fdawson@earthlink.net' },
      ],
      addresses: [
        {
          kind: 'work',
          street: '6544 Battleford Drive',
          city: 'Raleigh',
          region: 'NC',
          postalCode: '27613-3502',
          country: 'U.S.A.',
          extraTypes: ['POSTAL', 'PARCEL'],
        },
      ],
      urls: [{ kind: 'other', value: 'http://home.earthlink.net/~fdawson' }],
      ims: [],
      categories: [],
      extensions: [],
      source: 'vcard-3.0',
    });
  });

  it('reads what an iPhone writes: grouped TEL with a label, IMPP, escaped text, ENCODING=b photo', () => {
    const c = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'PRODID:-//Apple Inc.//iPhone OS 6.1.4//EN',
        'N:Appleseed;Johnny;;;',
        'FN:Johnny Appleseed',
        'item1.TEL;type=pref:+1 555 0100',
        'item1.X-ABLabel:_$!<Assistant>!$_',
        'TEL;type=CELL;type=VOICE;type=pref:+1 555 0101',
        'TEL;type=IPHONE;type=CELL;type=VOICE:+1 555 0102',
        'IMPP;X-SERVICE-TYPE=Skype;type=HOME:skype:johnny.a',
        'NOTE:Line one\\nLine two\\, with comma\\; and semicolon',
        'CATEGORIES:Friends,Work\\, Old',
        'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg==',
        'END:VCARD',
      ),
    );
    expect(c.phones).toEqual([
      { kind: 'primary', value: '+1 555 0100', group: 'item1' },
      { kind: 'cell', value: '+1 555 0101', preferred: true },
      { kind: 'cell', value: '+1 555 0102', extraTypes: ['IPHONE'] },
    ]);
    expect(c.ims).toEqual([{ value: 'johnny.a', protocol: 'skype', extraTypes: ['HOME'] }]);
    expect(c.note).toBe('Line one\nLine two, with comma; and semicolon');
    expect(c.categories).toEqual(['Friends', 'Work, Old']);
    expect(c.photo).toEqual({ data: '/9j/4AAQSkZJRg==', mediaType: 'image/jpeg' });
    expect(c.extensions).toEqual([
      {
        family: 'vcard',
        dialect: 'vcard-3.0',
        name: 'PRODID',
        params: [],
        value: '-//Apple Inc.//iPhone OS 6.1.4//EN',
      },
      {
        family: 'vcard',
        dialect: 'vcard-3.0',
        group: 'item1',
        name: 'X-ABLABEL',
        params: [],
        value: '_$!<Assistant>!$_',
      },
    ]);
  });

  it('joins list components of N and street lines of ADR', () => {
    const c = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.',
        'ADR:;;Line 1,Line 2;;;;',
        'END:VCARD',
      ),
    );
    expect(c.name).toEqual({
      family: 'Stevenson',
      given: 'John',
      middle: 'Philip Paul',
      prefix: 'Dr.',
      suffix: 'Jr., M.D., A.C.P.',
    });
    expect(c.addresses).toEqual([{ kind: 'other', street: 'Line 1\nLine 2' }]);
  });

  it('reads REV with an offset as UTC and X-JABBER / X-AIM as IM addresses', () => {
    const c = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:3.0',
        'REV:1995-10-31T22:27:10+02:00',
        'X-JABBER:a@b.org',
        'X-AIM:aimname',
        'END:VCARD',
      ),
    );
    expect(c.revision).toBe('1995-10-31T20:27:10Z');
    expect(c.ims).toEqual([
      { value: 'a@b.org', protocol: 'jabber' },
      { value: 'aimname', protocol: 'aim' },
    ]);
  });
});

describe('vCard 4.0 (read only)', () => {
  it('reads the RFC 6350 §8 example', () => {
    const c = parseVCard(
      crlf(
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Simon Perreault',
        'N:Perreault;Simon;;;ing. jr,M.Sc.',
        'BDAY:--0203',
        'ANNIVERSARY:20090808T1430-0500',
        'GENDER:M',
        'LANG;PREF=1:fr',
        'LANG;PREF=2:en',
        'ORG;TYPE=work:Viagenie',
        'ADR;TYPE=work:;Suite D2-630;2875 Laurier;',
        ' Quebec;QC;G1V 2M2;Canada',
        'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102',
        'TEL;VALUE=uri;TYPE="work,cell,voice,video,text":tel:+1-418-262-6501',
        'EMAIL;TYPE=work:simon.perreault@viagenie.ca',
        'GEO;TYPE=work:geo:46.772673,-71.282945',
        'KEY;TYPE=work;VALUE=uri:',
        ' http://www.viagenie.ca/simon.perreault/simon.asc',
        'TZ:-0500',
        'URL;TYPE=home:http://nomis80.org',
        'END:VCARD',
      ),
    );
    expect(c.source).toBe('vcard-4.0');
    expect(c.name).toEqual({ family: 'Perreault', given: 'Simon', suffix: 'ing. jr, M.Sc.' });
    expect(c.birthday).toBe('--02-03');
    expect(c.anniversary).toBe('2009-08-08');
    expect(c.organization).toEqual({ company: 'Viagenie' });
    expect(c.addresses).toEqual([
      {
        kind: 'work',
        extended: 'Suite D2-630',
        street: '2875 Laurier',
        city: 'Quebec',
        region: 'QC',
        postalCode: 'G1V 2M2',
        country: 'Canada',
      },
    ]);
    expect(c.phones).toEqual([
      { kind: 'work', value: '+1-418-656-9254;ext=102', preferred: true },
      { kind: 'cell-work', value: '+1-418-262-6501', extraTypes: ['VIDEO', 'TEXT'] },
    ]);
    expect(c.emails).toEqual([{ kind: 'work', value: 'simon.perreault@viagenie.ca' }]);
    expect(c.urls).toEqual([{ kind: 'home', value: 'http://nomis80.org' }]);
    expect(c.extensions.map((e) => e.name)).toEqual(['GENDER', 'LANG', 'LANG', 'GEO', 'KEY', 'TZ']);
  });

  it('reads an inline data: URI photo', () => {
    const c = parseVCard(
      crlf('BEGIN:VCARD', 'VERSION:4.0', 'PHOTO:data:image/png;base64,iVBORw0KGgo=', 'END:VCARD'),
    );
    expect(c.photo).toEqual({ data: 'iVBORw0KGgo=', mediaType: 'image/png' });
  });
});

describe('bad items', () => {
  it('rejects an invalid BDAY with INVALID_DATE, status 400, and its position', () => {
    const error = caught(() =>
      parseVCard(crlf('BEGIN:VCARD', 'VERSION:2.1', 'N:X', 'BDAY:1970-02-30', 'END:VCARD')),
    );
    expect(error).toMatchObject({ code: 'INVALID_DATE', status: 400, line: 4, offset: 31, property: 'BDAY' });
    expect(
      caught(() => parseVCard(crlf('BEGIN:VCARD', 'VERSION:3.0', 'REV:yesterday', 'END:VCARD'))),
    ).toMatchObject({
      code: 'INVALID_DATE',
      property: 'REV',
    });
  });

  it('rejects an unknown charset with 415', () => {
    const error = caught(() =>
      parseVCard(crlf('BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=X-MAC-KLINGON:X', 'END:VCARD')),
    );
    expect(error).toMatchObject({ code: 'UNKNOWN_CHARSET', status: 415, line: 3, property: 'N' });
    expect(error.message).toBe('Bad vCard: Unknown charset "X-MAC-KLINGON" (line 3, byte 26, N)');
    expect(error.cause).toBeDefined();
  });

  it('rejects broken folding, an unknown VERSION, a non-vCard and a broken data: photo', () => {
    expect(
      caught(() =>
        parseVCard(
          crlf(
            'BEGIN:VCARD',
            'VERSION:3.0',
            'NOTE:a long note that was',
            'folded without whitespace',
            'END:VCARD',
          ),
        ),
      ),
    ).toMatchObject({ code: 'BROKEN_FOLDING', status: 400, line: 4 });
    expect(caught(() => parseVCard(crlf('BEGIN:VCARD', 'VERSION:5.0', 'END:VCARD')))).toMatchObject({
      code: 'UNSUPPORTED_VERSION',
      status: 415,
      line: 2,
    });
    expect(caught(() => parseVCard(crlf('BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR')))).toMatchObject({
      code: 'NOT_A_VCARD',
      status: 400,
    });
    expect(
      caught(() =>
        parseVCard(crlf('BEGIN:VCARD', 'VERSION:4.0', 'PHOTO:data:image/png;base64,***', 'END:VCARD')),
      ),
    ).toMatchObject({
      code: 'INVALID_PHOTO',
      status: 400,
    });
  });

  it('rejects a 10 MB photo line with a limit error (413), never a crash', () => {
    const huge = crlf(
      'BEGIN:VCARD',
      'VERSION:2.1',
      `PHOTO;ENCODING=BASE64;TYPE=JPEG:${'A'.repeat(10 * 1024 * 1024)}`,
      '',
      'END:VCARD',
    );
    expect(caught(() => parseVCard(huge))).toMatchObject({ code: 'ITEM_TOO_LARGE', status: 413 });
    expect(caught(() => parseVCard(huge, { maxItemBytes: 32 * 1024 * 1024 }))).toMatchObject({
      code: 'LINE_TOO_LONG',
      status: 413,
      line: 3,
      property: undefined,
    });
  });

  it('enforces the property limit', () => {
    const many = crlf(
      'BEGIN:VCARD',
      'VERSION:2.1',
      ...Array.from({ length: 20 }, (_, i) => `TEL:${i}`),
      'END:VCARD',
    );
    expect(caught(() => parseVCard(many, { maxFields: 10 }))).toMatchObject({
      code: 'TOO_MANY_PROPERTIES',
      status: 413,
    });
    expect(parseVCard(many).phones).toHaveLength(20);
  });
});

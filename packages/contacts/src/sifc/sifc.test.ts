import { describe, expect, it } from 'vitest';
import { ContactCodecError } from '../errors.js';
import { type Contact, emptyContact } from '../model/contact.js';
import { parseSifC } from './read-sifc.js';
import { toSifC } from './write-sifc.js';
import { caught } from '../test-util/errors.test-util.js';

/** Shaped after Funambol's sifc-parser test data: pretty-printed, lower-case photo attributes, folded base64. */
const OUTLOOK_ITEM = `<?xml version="1.0" encoding="UTF-8"?>
<contact>
<SIFVersion>1.1</SIFVersion>
<Anniversary>1999-06-15</Anniversary>
<AssistantName>Eve</AssistantName>
<AssistantTelephoneNumber>+39 0010000999</AssistantTelephoneNumber>
<Birthday>1970-01-31</Birthday>
<Body>First line
second line &amp; more</Body>
<Business2TelephoneNumber>+39 0010000200</Business2TelephoneNumber>
<BusinessAddressCity>BusinessCity100</BusinessAddressCity>
<BusinessAddressCountry>Italy</BusinessAddressCountry>
<BusinessAddressPostOfficeBox/>
<BusinessAddressPostalCode>BusinessZip100</BusinessAddressPostalCode>
<BusinessAddressState>BusinessState100</BusinessAddressState>
<BusinessAddressStreet>BusinessStreet100</BusinessAddressStreet>
<BusinessTelephoneNumber>+39 0010000100</BusinessTelephoneNumber>
<BusinessWebPage>http://www.funambol.com</BusinessWebPage>
<Categories>Business, VIP</Categories>
<Children>Ben</Children>
<CompanyName>Funambol</CompanyName>
<Department>Dep100</Department>
<Email1Address>contact100@funambol.com</Email1Address>
<Email1AddressType>SMTP</Email1AddressType>
<Email2Address/>
<FileAs>Dr. Contact100 I</FileAs>
<FirstName>Contact100</FirstName>
<Folder>DEFAULT_FOLDER</Folder>
<Gender>0</Gender>
<HomeTelephoneNumber>+39 0020000100</HomeTelephoneNumber>
<IMAddress>contact100@im.example</IMAddress>
<Importance>2</Importance>
<JobTitle>JobTitle100</JobTitle>
<LastName>Hundred</LastName>
<ManagerName>Boss</ManagerName>
<MobileTelephoneNumber>+39 0040000100</MobileTelephoneNumber>
<NickName>Cento</NickName>
<OfficeLocation>Room 1</OfficeLocation>
<Photo encoding="base64" type="JPG">/9j/4AAQSkZJRgABAQEAeAB4AAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQY
    GBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2w==
</Photo>
<PrimaryTelephoneNumber>+39 0050000100</PrimaryTelephoneNumber>
<Sensitivity>2</Sensitivity>
<Spouse>Anna</Spouse>
<Suffix>I</Suffix>
<Title>Dr.</Title>
<Uid>abc-1</Uid>
<YomiLastName/>
</contact>
`;

describe('parseSifC', () => {
  it('reads every known element of an Outlook item', () => {
    const c = parseSifC(OUTLOOK_ITEM);
    expect(c).toEqual({
      name: { prefix: 'Dr.', given: 'Contact100', family: 'Hundred', suffix: 'I' },
      fileAs: 'Dr. Contact100 I',
      nickname: 'Cento',
      organization: { company: 'Funambol', department: 'Dep100', officeLocation: 'Room 1' },
      title: 'JobTitle100',
      phones: [
        { kind: 'home', value: '+39 0020000100' },
        { kind: 'work', value: '+39 0010000100' },
        { kind: 'work', value: '+39 0010000200' },
        { kind: 'cell', value: '+39 0040000100' },
        { kind: 'primary', value: '+39 0050000100' },
        { kind: 'assistant', value: '+39 0010000999' },
      ],
      emails: [{ kind: 'other', value: 'contact100@funambol.com' }],
      addresses: [
        {
          kind: 'work',
          street: 'BusinessStreet100',
          city: 'BusinessCity100',
          region: 'BusinessState100',
          postalCode: 'BusinessZip100',
          country: 'Italy',
        },
      ],
      urls: [{ kind: 'work', value: 'http://www.funambol.com' }],
      ims: [{ value: 'contact100@im.example' }],
      birthday: '1970-01-31',
      anniversary: '1999-06-15',
      note: 'First line\nsecond line & more',
      categories: ['Business', 'VIP'],
      photo: {
        data: '/9j/4AAQSkZJRgABAQEAeAB4AAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2w==',
        mediaType: 'image/jpeg',
      },
      uid: 'abc-1',
      spouse: 'Anna',
      children: 'Ben',
      manager: 'Boss',
      assistant: 'Eve',
      sensitivity: 'private',
      importance: 'high',
      extensions: [
        { family: 'sifc', name: 'Email1AddressType', value: 'SMTP' },
        { family: 'sifc', name: 'Folder', value: 'DEFAULT_FOLDER' },
        { family: 'sifc', name: 'Gender', value: '0' },
        { family: 'sifc', name: 'YomiLastName', value: '' },
      ],
      source: 'sifc',
    });
  });

  it('accepts bytes, CDATA and a document without XML declaration', () => {
    const c = parseSifC(new TextEncoder().encode('<contact><Body><![CDATA[a <b> & c]]></Body></contact>'));
    expect(c.note).toBe('a <b> & c');
  });

  it("decodes an item in the XML declaration's charset", () => {
    const latin1 = Uint8Array.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><contact><LastName>M\xfcller</LastName></contact>',
      (ch) => ch.charCodeAt(0),
    );
    expect(parseSifC(latin1).name).toEqual({ family: 'Müller' });
  });

  it('keeps an out-of-range Sensitivity as written', () => {
    const c = parseSifC('<contact><Sensitivity>7</Sensitivity></contact>');
    expect(c.sensitivity).toBeUndefined();
    expect(c.extensions).toEqual([{ family: 'sifc', name: 'Sensitivity', value: '7' }]);
    expect(toSifC(c)).toContain('<Sensitivity>7</Sensitivity>');
    expect(toSifC(c)).not.toContain('<Sensitivity/>');
  });
});

describe('toSifC', () => {
  it('writes the same item back: same-format round trip is exact', () => {
    const c = parseSifC(OUTLOOK_ITEM);
    expect(parseSifC(toSifC(c))).toEqual(c);
  });

  it('writes empty elements for fields without a value, and leaves them out on request', () => {
    const contact: Contact = { ...emptyContact(), name: { family: 'Lee' }, note: 'a < b & "c"\r\nd' };
    const full = toSifC(contact);
    expect(
      full.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?><contact><SIFVersion>1.1</SIFVersion><Title/><FirstName/>',
      ),
    ).toBe(true);
    expect(full).toContain('<LastName>Lee</LastName>');
    expect(full).toContain('<Body>a &lt; b &amp; "c"&#13;\nd</Body>');
    expect(full).toContain('<Photo/>');
    expect(toSifC(contact, { writeEmptyElements: false })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><contact><SIFVersion>1.1</SIFVersion><LastName>Lee</LastName>' +
        '<Body>a &lt; b &amp; "c"&#13;\nd</Body></contact>',
    );
    expect(parseSifC(full).note).toBe('a < b & "c"\r\nd');
  });

  it('puts e-mails in the slot of their kind, then in free slots; a fourth has no slot', () => {
    const contact: Contact = {
      ...emptyContact(),
      emails: [
        { kind: 'work', value: 'w@x' },
        { kind: 'work', value: 'w2@x' },
        { kind: 'home', value: 'h@x' },
        { kind: 'other', value: 'o@x' },
      ],
    };
    const xml = toSifC(contact, { writeEmptyElements: false });
    expect(xml).toContain(
      '<Email1Address>o@x</Email1Address><Email2Address>h@x</Email2Address><Email3Address>w@x</Email3Address>',
    );
    expect(xml).not.toContain('w2@x');
  });

  it('fills Home2 / Business2 from the second number of a kind, and writes FileAs from FN', () => {
    const contact: Contact = {
      ...emptyContact(),
      formattedName: 'Ann Lee',
      phones: [
        { kind: 'home', value: '1' },
        { kind: 'home', value: '2' },
        { kind: 'home', value: '3' },
        { kind: 'isdn', value: '4' },
      ],
    };
    const xml = toSifC(contact, { writeEmptyElements: false });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><contact><SIFVersion>1.1</SIFVersion><FileAs>Ann Lee</FileAs>' +
        '<HomeTelephoneNumber>1</HomeTelephoneNumber><Home2TelephoneNumber>2</Home2TelephoneNumber></contact>',
    );
  });

  it('writes the photo with ENCODING and TYPE attributes, drops control characters XML cannot carry', () => {
    const contact: Contact = {
      ...emptyContact(),
      photo: { data: 'iVBORw0KGgo=', mediaType: 'image/png' },
      note: 'bell\u0007 here',
    };
    const xml = toSifC(contact, { writeEmptyElements: false });
    expect(xml).toContain('<Photo ENCODING="BASE64" TYPE="PNG">iVBORw0KGgo=</Photo>');
    expect(xml).toContain('<Body>bell here</Body>');
  });
});

describe('bad SIF-C items', () => {
  it('rejects malformed XML with MALFORMED_SIFC and the XML status', () => {
    const error = caught(() => parseSifC('<contact><FirstName>Ann</LastName></contact>'));
    expect(error).toMatchObject({ code: 'MALFORMED_SIFC', status: 400, element: 'FirstName' });
    expect(error.offset).toBeGreaterThan(0);
  });

  it('rejects another root element', () => {
    expect(caught(() => parseSifC('<appointment><Subject>x</Subject></appointment>'))).toMatchObject({
      code: 'NOT_A_SIFC',
      status: 400,
      element: 'appointment',
    });
  });

  it('rejects invalid dates and photos with their element', () => {
    expect(caught(() => parseSifC('<contact><Birthday>1970-13-01</Birthday></contact>'))).toMatchObject({
      code: 'INVALID_DATE',
      status: 400,
      element: 'Birthday',
    });
    expect(caught(() => parseSifC('<contact><Photo>not*base64</Photo></contact>'))).toMatchObject({
      code: 'INVALID_PHOTO',
      element: 'Photo',
    });
  });

  it('enforces the item size and element count limits', () => {
    const big = `<contact><Body>${'x'.repeat(5000)}</Body></contact>`;
    expect(caught(() => parseSifC(big, { maxItemBytes: 1000 }))).toMatchObject({
      code: 'ITEM_TOO_LARGE',
      status: 413,
    });
    const many = `<contact>${'<X-A>1</X-A>'.repeat(20)}</contact>`;
    expect(caught(() => parseSifC(many, { maxFields: 10 }))).toMatchObject({
      code: 'TOO_MANY_PROPERTIES',
      status: 413,
    });
  });

  it('only ever throws ContactCodecError on mangled input', () => {
    const base = new TextEncoder().encode(OUTLOOK_ITEM);
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 500; round++) {
      const copy = base.slice();
      for (let f = 0; f < 3; f++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      for (const input of [copy, copy.subarray(0, Math.floor(random() * copy.length))]) {
        try {
          parseSifC(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ContactCodecError);
        }
      }
    }
  });
});

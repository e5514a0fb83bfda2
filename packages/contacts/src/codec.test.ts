import { describe, expect, it } from 'vitest';
import { parseContact, serializeContact } from './codec.js';
import { CONTACT_CONTENT_TYPES, contactFormatOf, contentTypeOf } from './content-types.js';
import { ContactCodecError } from './errors.js';
import { emptyContact } from './model/contact.js';

const card21 = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann;;;\r\nEND:VCARD\r\n';

describe('content types', () => {
  it('lists the handled types', () => {
    expect(CONTACT_CONTENT_TYPES).toEqual([
      'text/x-vcard',
      'text/vcard',
      'text/directory',
      'text/x-s4j-sifc',
    ]);
  });

  it('tells (content type, version) pairs apart', () => {
    expect(contactFormatOf('text/x-vcard')).toBe('vcard-2.1');
    expect(contactFormatOf('text/x-vcard', '3.0')).toBe('vcard-3.0');
    expect(contactFormatOf('TEXT/VCARD; charset=UTF-8')).toBe('vcard-3.0');
    expect(contactFormatOf('text/vcard', '4.0')).toBe('vcard-4.0');
    expect(contactFormatOf('text/vcard', '2.1')).toBe('vcard-2.1');
    expect(contactFormatOf('text/directory;profile=vCard')).toBe('vcard-3.0');
    expect(contactFormatOf('text/x-s4j-sifc', '1.1')).toBe('sifc');
    expect(contactFormatOf('text/vcard', '9.9')).toBeUndefined();
    expect(contactFormatOf('text/x-vcalendar')).toBeUndefined();
    expect(contentTypeOf('vcard-2.1')).toEqual({ contentType: 'text/x-vcard', version: '2.1' });
    expect(contentTypeOf('sifc')).toEqual({ contentType: 'text/x-s4j-sifc', version: '1.1' });
  });
});

describe('parseContact / serializeContact', () => {
  it('parses by content type; the VERSION line of a vCard wins over the label', () => {
    expect(parseContact(card21, 'text/vcard').source).toBe('vcard-2.1');
    expect(parseContact(new TextEncoder().encode(card21), 'text/x-vcard').name).toEqual({
      family: 'Lee',
      given: 'Ann',
    });
    expect(parseContact('<contact><LastName>Lee</LastName></contact>', 'text/x-s4j-sifc').name).toEqual({
      family: 'Lee',
    });
  });

  it('serializes per content type and DevInf version; a 4.0 target gets 3.0', () => {
    const contact = parseContact(card21, 'text/x-vcard');
    expect(serializeContact(contact, 'text/x-vcard')).toBe(card21);
    expect(serializeContact(contact, 'text/x-vcard', { version: '3.0' })).toContain('VERSION:3.0\r\n');
    expect(serializeContact(contact, 'text/vcard', { version: '4.0' })).toContain('VERSION:3.0\r\n');
    expect(serializeContact(contact, 'text/x-s4j-sifc', { writeEmptyElements: false })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><contact><SIFVersion>1.1</SIFVersion><FirstName>Ann</FirstName>' +
        '<LastName>Lee</LastName></contact>',
    );
  });

  it('rejects other content types with 415', () => {
    for (const run of [
      () => parseContact(card21, 'text/calendar'),
      () => serializeContact(emptyContact(), 'application/json'),
      () => serializeContact(emptyContact(), 'text/vcard', { version: '5.0' }),
    ]) {
      expect(run).toThrow(ContactCodecError);
      expect(run).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_CONTENT_TYPE', status: 415 }));
    }
  });

  it('produces JSON-safe records', () => {
    const contact = parseContact(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nPHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=\r\nX-BIN;ENCODING=b:AAEC\r\nEND:VCARD\r\n',
      'text/vcard',
    );
    expect(JSON.parse(JSON.stringify(contact))).toEqual(contact);
  });
});

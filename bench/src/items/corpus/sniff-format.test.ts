import { describe, expect, test } from 'vitest';
import { mediaType, sniffItemFormat } from './sniff-format.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const vcalendar = (version: string, ...components: string[]): Uint8Array =>
  bytes(
    `BEGIN:VCALENDAR\r\nVERSION:${version}\r\n${components.map((c) => `BEGIN:${c}\r\nEND:${c}\r\n`).join('')}END:VCALENDAR\r\n`,
  );

describe('sniffItemFormat', () => {
  test('SIF, plain text and vNote by their content type, aliases and parameters included', () => {
    expect(sniffItemFormat('text/x-s4j-sifc', bytes('<contact/>'))).toBe('sifc');
    expect(sniffItemFormat('TEXT/X-SIFE', bytes('<appointment/>'))).toBe('sife');
    expect(sniffItemFormat('text/x-s4j-sift', bytes(''))).toBe('sift');
    expect(sniffItemFormat('text/x-sifn', bytes(''))).toBe('sifn');
    expect(sniffItemFormat('text/plain; charset=UTF-8', bytes('hello'))).toBe('plain');
    expect(sniffItemFormat('text/x-vnote', bytes('BEGIN:VNOTE\r\n'))).toBe('vnote-1.1');
  });

  test("vCards by their own VERSION, whatever the type's usual version", () => {
    expect(sniffItemFormat('text/x-vcard', bytes('BEGIN:VCARD\r\nVERSION:2.1\r\nN:A\r\nEND:VCARD\r\n'))).toBe(
      'vcard-2.1',
    );
    expect(sniffItemFormat('text/x-vcard', bytes('BEGIN:VCARD\r\nversion:3.0\r\nEND:VCARD\r\n'))).toBe(
      'vcard-3.0',
    );
    expect(sniffItemFormat('text/vcard', bytes('BEGIN:VCARD\nVERSION:4.0\nEND:VCARD\n'))).toBe('vcard-4.0');
    expect(sniffItemFormat('text/directory', bytes('BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n'))).toBe(
      'vcard-3.0',
    );
    expect(sniffItemFormat('text/vcard', bytes('BEGIN:VCARD\r\nVERSION:5.0\r\nEND:VCARD\r\n'))).toBeNull();
    expect(sniffItemFormat('text/vcard', bytes('BEGIN:VCARD\r\nEND:VCARD\r\n'))).toBeNull();
  });

  test('calendars: 1.0 is vCalendar whatever the label; a 2.0 VJOURNAL alone is a journal', () => {
    expect(sniffItemFormat('text/calendar', vcalendar('1.0', 'VEVENT'))).toBe('vcalendar-1.0');
    expect(sniffItemFormat('text/x-vcalendar', vcalendar('1.0', 'VTODO'))).toBe('vcalendar-1.0');
    expect(sniffItemFormat('text/calendar', vcalendar('2.0', 'VTIMEZONE', 'VEVENT'))).toBe('icalendar-2.0');
    expect(sniffItemFormat('text/x-vcalendar', vcalendar('2.0', 'VTODO'))).toBe('icalendar-2.0');
    expect(sniffItemFormat('text/calendar', vcalendar('2.0', 'VJOURNAL'))).toBe('vjournal');
    expect(sniffItemFormat('text/calendar', vcalendar('2.0', 'VJOURNAL', 'VEVENT'))).toBe('icalendar-2.0');
    expect(sniffItemFormat('text/calendar', bytes('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'))).toBeNull();
  });

  test('types that are no item format measured', () => {
    expect(sniffItemFormat('application/vnd.syncml-devinf+xml', bytes('<DevInf/>'))).toBeNull();
    expect(sniffItemFormat('text/x-s4j-sifx', bytes(''))).toBeNull();
    expect(sniffItemFormat('', bytes(''))).toBeNull();
  });
});

test('mediaType lower-cases and drops parameters', () => {
  expect(mediaType(' Text/X-VCard ; charset=UTF-8')).toBe('text/x-vcard');
});

import { CALENDAR_CONTENT_TYPES, calendarFormatOf } from '@syncds/calendar';
import { CONTACT_CONTENT_TYPES, contactFormatOf } from '@syncds/contacts';
import { NOTE_CONTENT_TYPES, noteFormatOf } from '@syncds/notes';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_TYPES,
  contentTypeEntry,
  FORMAT_KINDS,
  familyOf,
  formatOf,
  isWritable,
  kindsOf,
  mediaTypeOf,
} from './content-types.js';

describe('formatOf tells (content type, version) pairs apart', () => {
  it.each([
    ['text/x-vcard', undefined, 'vcard-2.1'],
    ['text/x-vcard', '2.1', 'vcard-2.1'],
    ['text/x-vcard', '3.0', 'vcard-3.0'],
    ['text/vcard', undefined, 'vcard-3.0'],
    ['text/vcard', '4.0', 'vcard-4.0'],
    ['text/directory', undefined, 'vcard-3.0'],
    ['text/x-s4j-sifc', '1.0', 'sifc'],
    ['text/x-sifc', undefined, 'sifc'],
    ['text/x-vcalendar', '1.0', 'vcalendar-1.0'],
    ['text/x-vcalendar', '2.0', 'icalendar-2.0'],
    ['text/calendar', '2.0', 'icalendar-2.0'],
    ['text/calendar', '1.0', 'vcalendar-1.0'],
    ['Text/Calendar; charset=UTF-8', '', 'icalendar-2.0'],
    ['text/x-s4j-sife', undefined, 'sife'],
    ['text/x-s4j-sift', undefined, 'sift'],
    ['text/plain', '1.0', 'plain'],
    ['text/x-vnote', '1.1', 'vnote-1.1'],
    ['text/x-s4j-sifn', undefined, 'sifn'],
    ['text/x-vcard', '5.0', undefined],
    ['text/calendar', '3.0', undefined],
    ['application/vnd.omads-email+xml', undefined, undefined],
  ] as const)('(%s, %s) -> %s', (type, version, format) => {
    expect(formatOf(type, version)).toBe(format);
  });

  it('knows families, kinds and what it can write', () => {
    expect(familyOf('text/x-s4j-sifn')).toBe('sif');
    expect(familyOf('text/plain')).toBe('versit');
    expect(familyOf('image/jpeg')).toBeUndefined();
    expect(kindsOf('text/calendar')).toEqual(['event', 'task', 'note']);
    expect(kindsOf('image/jpeg')).toEqual([]);
    expect(isWritable('text/vcard', '4.0')).toBe(false);
    expect(isWritable('text/vcard', '3.0')).toBe(true);
    expect(isWritable('text/x-s4j-sife', '1.0')).toBe(true);
    expect(FORMAT_KINDS['vcalendar-1.0']).not.toContain('note');
    expect(mediaTypeOf(' TEXT/PLAIN ; charset=utf-8')).toBe('text/plain');
    expect(contentTypeEntry('text/x-sifn')?.contentType).toBe('text/x-s4j-sifn');
  });
});

describe('the registry agrees with the codec packages', () => {
  const versionsOf = (formats: Record<string, string>): Array<string | undefined> => [
    undefined,
    ...Object.keys(formats).filter((v) => v !== '*'),
  ];

  it('covers every content type the packages list', () => {
    const listed = CONTENT_TYPES.map((e) => e.contentType);
    for (const type of CONTACT_CONTENT_TYPES) expect(listed).toContain(type);
    for (const t of CALENDAR_CONTENT_TYPES) expect(listed).toContain(t.contentType);
    for (const t of NOTE_CONTENT_TYPES) expect(listed).toContain(t.contentType);
  });

  it('maps each pair to the format the owning package reads', () => {
    for (const entry of CONTENT_TYPES) {
      for (const version of versionsOf(entry.formats)) {
        const format = formatOf(entry.contentType, version)!;
        if (entry.kinds.includes('contact')) expect(contactFormatOf(entry.contentType, version)).toBe(format);
        if (entry.kinds.includes('event')) expect(calendarFormatOf(entry.contentType, version)).toBe(format);
        if (
          entry.kinds.includes('note') &&
          FORMAT_KINDS[format].includes('note') &&
          !entry.kinds.includes('event')
        ) {
          expect(noteFormatOf(entry.contentType, version)).toBe(format);
        }
      }
    }
    expect(noteFormatOf('text/calendar', '2.0')).toBe('vjournal-2.0');
  });
});

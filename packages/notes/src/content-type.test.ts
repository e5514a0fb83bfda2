import { describe, expect, it } from 'vitest';
import {
  contentTypeOfNoteFormat,
  familyOfNoteFormat,
  isNoteContentType,
  NOTE_CONTENT_TYPES,
  noteFormatOf,
  parseMediaType,
} from './content-type.js';

describe('noteFormatOf', () => {
  it.each([
    ['text/plain', undefined, 'plain'],
    ['TEXT/PLAIN; charset=UTF-8', undefined, 'plain'],
    ['text/plain', '1.0', 'plain'],
    ['text/x-vnote', '1.1', 'vnote-1.1'],
    ['text/x-vnote', '', 'vnote-1.1'],
    ['text/calendar', '2.0', 'vjournal-2.0'],
    ['text/x-s4j-sifn', '1.0', 'sifn'],
    ['text/x-sifn', undefined, 'sifn'],
    ['text/x-vnote', '1.0', undefined],
    ['text/calendar', '1.0', undefined],
    ['text/x-vcalendar', '1.0', undefined],
    ['text/x-vcard', undefined, undefined],
  ] as const)('(%s, %s) -> %s', (type, version, format) => {
    expect(noteFormatOf(type, version)).toBe(format);
    expect(isNoteContentType(type, version)).toBe(format !== undefined);
  });

  it('lists each content type with its format and version', () => {
    expect(NOTE_CONTENT_TYPES.map((t) => [t.contentType, t.format, t.version])).toEqual([
      ['text/x-vnote', 'vnote-1.1', '1.1'],
      ['text/calendar', 'vjournal-2.0', '2.0'],
      ['text/plain', 'plain', '1.0'],
      ['text/x-s4j-sifn', 'sifn', '1.1'],
    ]);
    for (const t of NOTE_CONTENT_TYPES) expect(contentTypeOfNoteFormat(t.format)).toBe(t.contentType);
  });

  it('tells the families apart', () => {
    expect(familyOfNoteFormat('sifn')).toBe('sif');
    expect(familyOfNoteFormat('plain')).toBe('versit');
    expect(familyOfNoteFormat('vjournal-2.0')).toBe('versit');
  });
});

describe('parseMediaType', () => {
  it('splits type and parameters', () => {
    expect(parseMediaType(' Text/Plain ; CHARSET="ISO-8859-2"; x ')).toEqual({
      type: 'text/plain',
      params: { charset: 'ISO-8859-2' },
    });
  });
});

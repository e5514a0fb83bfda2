import { describe, expect, it } from 'vitest';
import { NoteCodecError } from '../errors.js';
import type { Note } from '../model/note.js';
import { parseVNote, toVNote } from './vnote.js';

const crlf = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;

// Shapes seen in the field: Horde (UID, DCREATED), Sony Ericsson / Nokia
// (QUOTED-PRINTABLE BODY with CHARSET, X-IRMC-LUID), Funambol's Outlook
// plug-in (X-FUNAMBOL-*).
const phoneNote = crlf(
  'BEGIN:VNOTE',
  'VERSION:1.1',
  'BODY;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Einkauf=0D=0AMilch =C3=BC=0D=0A=',
  'Eier',
  'SUMMARY:Einkauf',
  'CATEGORIES:Home;Shopping',
  'CLASS:private',
  'DCREATED:20130130T231151',
  'LAST-MODIFIED:20130130T231152Z',
  'X-IRMC-LUID:000001000000',
  'END:VNOTE',
);

describe('parseVNote', () => {
  it('reads a phone vNote with QUOTED-PRINTABLE and soft line breaks', () => {
    expect(parseVNote(phoneNote)).toEqual({
      subject: 'Einkauf',
      body: 'Einkauf\nMilch ü\nEier',
      categories: ['Home', 'Shopping'],
      classification: 'PRIVATE',
      created: '2013-01-30T23:11:51',
      modified: '2013-01-30T23:11:52Z',
      extensions: [
        {
          family: 'versit',
          scope: 'item',
          dialect: 'vnote-1.1',
          name: 'X-IRMC-LUID',
          params: [],
          value: '000001000000',
        },
      ],
      origin: 'vnote-1.1',
    });
  });

  it('reads Funambol Outlook properties', () => {
    const note = parseVNote(
      crlf(
        'BEGIN:VNOTE',
        'VERSION:1.1',
        'X-FUNAMBOL-FOLDER:DEFAULT_FOLDER\\Work',
        'SUMMARY:Todo',
        'BODY:Todo',
        'CATEGORIES:Business, Competition',
        'X-FUNAMBOL-COLOR:PINK',
        'X-FUNAMBOL-POSITION:80;100;166;200',
        'END:VNOTE',
      ),
    );
    expect(note).toEqual({
      subject: 'Todo',
      body: 'Todo',
      categories: ['Business', 'Competition'],
      folder: 'DEFAULT_FOLDER\\Work',
      color: 2,
      top: 80,
      left: 100,
      height: 166,
      width: 200,
      extensions: [],
      origin: 'vnote-1.1',
    });
  });

  it('reads bytes in a declared charset', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('BEGIN:VNOTE\r\nVERSION:1.1\r\nBODY;CHARSET=ISO-8859-2:'),
      0xa9,
      0x61,
      0xf8,
      ...new TextEncoder().encode('\r\nEND:VNOTE\r\n'),
    ]);
    expect(parseVNote(bytes).body).toBe('Šař');
  });

  it('keeps unknown and repeated properties, with group and parameters', () => {
    const note = parseVNote(
      crlf(
        'BEGIN:VNOTE',
        'VERSION:1.1',
        'BODY:one',
        'BODY:two',
        'a.X-MOOD;TYPE=HAPPY:sunny\\;warm',
        'END:VNOTE',
      ),
    );
    expect(note.body).toBe('one');
    expect(note.extensions).toEqual([
      { family: 'versit', scope: 'item', dialect: 'vnote-1.1', name: 'BODY', params: [], value: 'two' },
      {
        family: 'versit',
        scope: 'item',
        dialect: 'vnote-1.1',
        group: 'a',
        name: 'X-MOOD',
        params: [{ name: 'TYPE', values: ['HAPPY'] }],
        value: 'sunny\\;warm',
      },
    ]);
  });

  it('leaves blank values out', () => {
    expect(parseVNote(crlf('BEGIN:VNOTE', 'VERSION:1.1', 'BODY:', 'SUMMARY: ', 'END:VNOTE'))).toEqual({
      extensions: [],
      origin: 'vnote-1.1',
    });
  });
});

describe('parseVNote errors', () => {
  const errorOf = (input: string): NoteCodecError => {
    try {
      parseVNote(input);
    } catch (error) {
      if (error instanceof NoteCodecError) return error;
      throw error;
    }
    throw new Error('expected a NoteCodecError');
  };

  it('invalid DCREATED -> 400 INVALID_DATE with property and line', () => {
    expect(
      errorOf(crlf('BEGIN:VNOTE', 'VERSION:1.1', 'DCREATED:20131340T000000', 'END:VNOTE')),
    ).toMatchObject({
      code: 'INVALID_DATE',
      status: 400,
      property: 'DCREATED',
      line: 3,
      offset: 26,
    });
  });
  it('unknown charset -> 415 with the versit error as cause', () => {
    const error = errorOf(
      crlf('BEGIN:VNOTE', 'BODY;CHARSET=X-UNKNOWN;ENCODING=QUOTED-PRINTABLE:=41', 'END:VNOTE'),
    );
    expect(error).toMatchObject({ code: 'UNKNOWN_CHARSET', status: 415, property: 'BODY', line: 2 });
    expect((error.cause as { code: string }).code).toBe('UNKNOWN_CHARSET');
  });
  it('broken folding -> 400', () => {
    expect(errorOf(crlf('BEGIN:VNOTE', 'BODY:first part', 'lost fold', 'END:VNOTE'))).toMatchObject({
      code: 'MALFORMED_ITEM',
      status: 400,
      line: 3,
    });
  });
  it('a vCard sent as vNote -> 400 WRONG_OBJECT', () => {
    expect(errorOf(crlf('BEGIN:VCARD', 'VERSION:2.1', 'N:Doe', 'END:VCARD'))).toMatchObject({
      code: 'WRONG_OBJECT',
      status: 400,
      line: 1,
    });
  });
  it('no END -> 400', () => {
    expect(errorOf(crlf('BEGIN:VNOTE', 'BODY:x'))).toMatchObject({ code: 'MALFORMED_ITEM', status: 400 });
  });
  it('position that is not a number -> 400 INVALID_NUMBER', () => {
    expect(errorOf(crlf('BEGIN:VNOTE', 'X-FUNAMBOL-POSITION:80;left', 'END:VNOTE'))).toMatchObject({
      code: 'INVALID_NUMBER',
      property: 'X-FUNAMBOL-POSITION',
    });
  });
  it('a 10 MB line -> 413 (line limit), never a hang', () => {
    const huge = `BEGIN:VNOTE\r\nBODY:${'x'.repeat(10 * 1024 * 1024)}\r\nEND:VNOTE\r\n`;
    expect(() => parseVNote(huge, { maxItemBytes: 20 * 1024 * 1024 })).toThrow(
      expect.objectContaining({ code: 'LINE_TOO_LONG', status: 413, line: 2, offset: 13 }),
    );
    expect(() => parseVNote(huge)).toThrow(expect.objectContaining({ code: 'ITEM_TOO_LARGE', status: 413 }));
  });
  it('too many properties -> 413 TOO_MANY_FIELDS', () => {
    const many = crlf('BEGIN:VNOTE', ...Array.from({ length: 20 }, (_, i) => `X-N:${i}`), 'END:VNOTE');
    expect(() => parseVNote(many, { maxProperties: 10 })).toThrow(
      expect.objectContaining({ code: 'TOO_MANY_FIELDS', status: 413 }),
    );
  });
});

describe('toVNote', () => {
  const note: Note = {
    uid: 'n-1',
    subject: 'Einkauf',
    body: 'Einkauf\nMilch ü',
    categories: ['Home', 'Shopping'],
    classification: 'PRIVATE',
    created: '2013-01-30T23:11:51',
    modified: '2013-01-30T23:11:52Z',
    folder: 'DEFAULT_FOLDER',
    color: 3,
    top: 80,
    width: 200,
    extensions: [
      {
        family: 'versit',
        scope: 'item',
        dialect: 'vnote-1.1',
        name: 'X-IRMC-LUID',
        params: [],
        value: '000001',
      },
      { family: 'sif', element: { name: 'Mood', attributes: [], text: 'x', children: [] } },
    ],
  };

  it('writes every field, QUOTED-PRINTABLE for line breaks and non-ASCII', () => {
    expect(toVNote(note)).toBe(
      crlf(
        'BEGIN:VNOTE',
        'VERSION:1.1',
        'UID:n-1',
        'SUMMARY:Einkauf',
        'BODY;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Einkauf=0D=0AMilch =C3=BC',
        'CATEGORIES:Home,Shopping',
        'CLASS:PRIVATE',
        'DCREATED:20130130T231151',
        'LAST-MODIFIED:20130130T231152Z',
        'X-FUNAMBOL-FOLDER:DEFAULT_FOLDER',
        'X-FUNAMBOL-COLOR:YELLOW',
        'X-FUNAMBOL-POSITION:80;;;200',
        'X-IRMC-LUID:000001',
        'END:VNOTE',
      ),
    );
  });

  it('round-trips through vNote without losing anything', () => {
    const vnoteOnly = {
      ...note,
      extensions: note.extensions.filter((e) => e.family === 'versit'),
      origin: 'vnote-1.1',
    };
    expect(parseVNote(toVNote(note))).toEqual(vnoteOnly);
    expect(parseVNote(toVNote(parseVNote(phoneNote)))).toEqual(parseVNote(phoneNote));
  });

  it('writes 8-bit text when asked', () => {
    expect(toVNote({ body: 'ü', extensions: [] }, { legacyTextEncoding: '8bit' })).toContain(
      'BODY;CHARSET=UTF-8:ü\r\n',
    );
  });
});

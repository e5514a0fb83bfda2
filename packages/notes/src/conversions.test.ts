import { sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { NoteCodecError } from './errors.js';
import type { Note } from './model/note.js';
import { parseNote, serializeNote } from './note-codec.js';

const sifItems = [
  ...sessionItems('sync4j_pocketpc_notes', 'client'),
  ...sessionItems('sync4j_pocketpc_notes', 'server'),
].map((item) => parseNote(item.bytes, item.type));

const outlookNote: Note = {
  subject: 'Plan',
  body: 'Plan\nstep 1; step 2, done\n\tindented € ü',
  categories: ['Business', 'Competition'],
  modified: '2006-10-14T09:00:53Z',
  folder: 'DEFAULT_FOLDER\\Projects',
  color: 4,
  top: 80,
  left: 100,
  height: 166,
  width: 200,
  extensions: [],
};

/** The fields a format can hold, as the tests check them. */
const FIELDS_HELD = {
  'text/x-vnote': [
    'subject',
    'body',
    'categories',
    'modified',
    'folder',
    'color',
    'top',
    'left',
    'height',
    'width',
  ],
  'text/calendar': ['subject', 'body', 'categories', 'modified'],
  // Plain text holds the subject only as the first line of the text: see below.
  'text/plain': ['subject'],
} as const;

function pick(note: Note, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.flatMap((f) => (f in note ? [[f, note[f as keyof Note]]] : [])));
}

describe('SIF-N -> other family -> SIF-N keeps every field both can hold', () => {
  for (const [contentType, fields] of Object.entries(FIELDS_HELD)) {
    it(`via ${contentType} (${fields.join(', ')})`, () => {
      for (const note of [...sifItems, outlookNote]) {
        const other = parseNote(serializeNote(note, contentType), contentType);
        expect(pick(other, fields)).toEqual(pick(note, fields));
        const back = parseNote(serializeNote(other, 'text/x-s4j-sifn'), 'text/x-s4j-sifn');
        expect(pick(back, fields)).toEqual(pick(note, fields));
      }
    });
  }

  it('via text/plain the body is kept when its first line is the subject (Outlook, Windows Mobile)', () => {
    for (const note of [...sifItems, outlookNote]) {
      const back = parseNote(serializeNote(note, 'text/plain'), 'text/plain');
      const expected = note.body!.startsWith(`${note.subject}\n`)
        ? note.body
        : `${note.subject}\n${note.body}`;
      expect(back.body).toBe(expected);
    }
    // The one real item whose subject is not its first line (a Horde conflict copy):
    expect(serializeNote(sifItems[2]!, 'text/plain')).toBe('server1c1\r\nserver1\r\nÜbersicht\r\n');
  });

  it('the real items keep all their fields through vNote exactly', () => {
    for (const note of sifItems) {
      const back = parseNote(
        serializeNote(parseNote(serializeNote(note, 'text/x-vnote'), 'text/x-vnote'), 'text/x-s4j-sifn'),
        'text/x-s4j-sifn',
      );
      expect(back).toEqual(note);
    }
  });

  it('writes the first Pocket PC item as a phone reads it', () => {
    expect(serializeNote(sifItems[0]!, 'text/x-vnote')).toBe(
      'BEGIN:VNOTE\r\nVERSION:1.1\r\nSUMMARY:client1\r\n' +
        'BODY;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:client1=0D=0A=C3=9Cbersicht=\r\n' +
        '=0D=0A\r\n' +
        'LAST-MODIFIED:20061014T090053Z\r\nEND:VNOTE\r\n',
    );
    expect(serializeNote(sifItems[0]!, 'text/plain')).toBe('client1\r\nÜbersicht\r\n');
  });
});

describe('parseNote / serializeNote', () => {
  it('honours charset= on text/plain', () => {
    expect(parseNote(Uint8Array.from([0xe9, 0x74, 0xe9]), 'text/plain; charset=ISO-8859-1').body).toBe('été');
  });
  it('rejects content types and versions it does not handle with 415', () => {
    expect(() => parseNote('x', 'text/x-vcard')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT_TYPE', status: 415 }),
    );
    expect(() => parseNote('x', 'text/x-vnote', { version: '2.0' })).toThrow(NoteCodecError);
    expect(() => serializeNote(outlookNote, 'text/x-vcalendar')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CONTENT_TYPE' }),
    );
  });
  it('round-trips each format on its own', () => {
    for (const type of ['text/x-s4j-sifn', 'text/x-vnote', 'text/calendar', 'text/plain']) {
      const once = parseNote(serializeNote(outlookNote, type), type);
      expect(parseNote(serializeNote(once, type), type)).toEqual(once);
    }
  });
});

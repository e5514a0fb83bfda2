import { sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { NoteCodecError } from '../errors.js';
import { parseSifN } from './read-sifn.js';
import { toSifN } from './write-sifn.js';

const clientItems = sessionItems('sync4j_pocketpc_notes', 'client');
const serverItems = sessionItems('sync4j_pocketpc_notes', 'server');

describe('SIF-N items of the sync4j Pocket PC session (b64)', () => {
  it('finds the three client items and three server items', () => {
    expect(clientItems.map((i) => [i.file, i.command, i.type, i.format])).toEqual([
      ['sessions/sync4j_pocketpc_notes/syncml_client_11.xml', 'Replace', 'text/x-s4j-sifn', 'b64'],
      ['sessions/sync4j_pocketpc_notes/syncml_client_21.xml', 'Add', 'text/x-s4j-sifn', 'b64'],
      ['sessions/sync4j_pocketpc_notes/syncml_client_21.xml', 'Add', 'text/x-s4j-sifn', 'b64'],
    ]);
    expect(serverItems).toHaveLength(3);
  });

  it('reads what the Pocket PC sent (subject, CRLF body with Ü, date)', () => {
    expect(clientItems.map((item) => parseSifN(item.bytes))).toEqual([
      {
        subject: 'client1',
        body: 'client1\nÜbersicht\n',
        modified: '2006-10-14T09:00:53Z',
        extensions: [],
        origin: 'sifn',
      },
      {
        subject: 'client2',
        body: 'client2\nTest\n',
        modified: '2006-10-14T09:02:30Z',
        extensions: [],
        origin: 'sifn',
      },
      {
        subject: 'server1c1',
        body: 'server1\nÜbersicht\n',
        modified: '2006-10-14T09:02:30Z',
        extensions: [],
        origin: 'sifn',
      },
    ]);
  });

  it('reads what the server sent (no declaration, empty elements, categories)', () => {
    expect(serverItems.map((item) => parseSifN(item.bytes))).toEqual([
      {
        subject: 'server1',
        body: 'server1\nÜbersicht',
        categories: ['My Category'],
        extensions: [],
        origin: 'sifn',
      },
      { subject: 'server2', body: 'server2\nServer Test', extensions: [], origin: 'sifn' },
      { subject: 'client1s1', body: 'client1s1\nÜbersicht', extensions: [], origin: 'sifn' },
    ]);
  });

  it('reads the item still in its base64 packaging', () => {
    expect(parseSifN(clientItems[0]!.text)).toEqual(parseSifN(clientItems[0]!.bytes));
  });

  it('writes each item back byte for byte in the Pocket PC form, plus SIFVersion', () => {
    for (const item of clientItems) {
      const original = new TextDecoder().decode(item.bytes);
      const written = toSifN(parseSifN(original), { writeEmptyElements: false });
      expect(written).toBe(original.replace('<note>', '<note><SIFVersion>1.1</SIFVersion>'));
    }
  });

  it('writes absent fields as empty elements by default, so the client clears them', () => {
    expect(toSifN(parseSifN(clientItems[0]!.bytes))).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><note><SIFVersion>1.1</SIFVersion><Subject>client1</Subject>' +
        '<Body>client1\r\nÜbersicht\r\n</Body><Date>20061014T090053Z</Date><Categories/><Folder/><Color/>' +
        '<Height/><Width/><Top/><Left/></note>',
    );
  });

  it('lets a kept element of a known name stand in for the empty one', () => {
    const { color, ...withoutColour } = parseSifN('<note><Color>2</Color><Color>9</Color></note>');
    expect(color).toBe(2);
    expect(toSifN(withoutColour)).toContain('<Left/><Color>9</Color></note>');
    expect(toSifN(withoutColour).match(/<Color/g)).toHaveLength(1);
  });
});

describe('parseSifN', () => {
  it('keeps unknown and repeated elements with attributes and children', () => {
    const note = parseSifN(
      '<note><SIFVersion>1.1</SIFVersion><Subject>a</Subject><Subject>b</Subject>' +
        '<X-Mood level="3">happy &amp; <![CDATA[<calm>]]></X-Mood><Attach><Name>f.txt</Name></Attach></note>',
    );
    expect(note).toEqual({
      subject: 'a',
      extensions: [
        { family: 'sif', element: { name: 'Subject', attributes: [], text: 'b', children: [] } },
        {
          family: 'sif',
          element: { name: 'X-Mood', attributes: [['level', '3']], text: 'happy & <calm>', children: [] },
        },
        {
          family: 'sif',
          element: {
            name: 'Attach',
            attributes: [],
            text: '',
            children: [{ name: 'Name', attributes: [], text: 'f.txt', children: [] }],
          },
        },
      ],
      origin: 'sifn',
    });
    expect(parseSifN(toSifN(note))).toEqual(note);
  });

  it('reads a string whose declaration names another encoding as the text it is', () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?><note><Body>Übersicht</Body></note>';
    expect(parseSifN(text).body).toBe('Übersicht');
    const latin1 = Uint8Array.from(Buffer.from(text, 'latin1'));
    expect(parseSifN(latin1).body).toBe('Übersicht');
  });

  it('reads Outlook fields: folder, colour, window, categories', () => {
    expect(
      parseSifN(
        '<note><Body>x</Body><Categories>Business, Competition;Favorites</Categories><Folder>DEFAULT_FOLDER\\a</Folder>' +
          '<Color>2</Color><Height>166</Height><Width>200</Width><Top>80</Top><Left>-5</Left><Date>2006-10-14</Date></note>',
      ),
    ).toEqual({
      body: 'x',
      categories: ['Business', 'Competition', 'Favorites'],
      folder: 'DEFAULT_FOLDER\\a',
      color: 2,
      height: 166,
      width: 200,
      top: 80,
      left: -5,
      modified: '2006-10-14',
      extensions: [],
      origin: 'sifn',
    });
  });

  const errorOf = (input: string | Uint8Array, options = {}): NoteCodecError => {
    try {
      parseSifN(input, options);
    } catch (error) {
      if (error instanceof NoteCodecError) return error;
      throw error;
    }
    throw new Error('expected a NoteCodecError');
  };

  it.each([
    ['an invalid date', '<note><Date>20061314T090053Z</Date></note>', 'INVALID_DATE', 400],
    ['a colour that is no number', '<note><Color>yellow</Color></note>', 'INVALID_NUMBER', 400],
    ['another root', '<contact><FirstName>A</FirstName></contact>', 'WRONG_OBJECT', 400],
    ['broken XML', '<note><Body>x</note>', 'MALFORMED_ITEM', 400],
    ['an unknown entity', '<note><Body>&nbsp;</Body></note>', 'MALFORMED_ITEM', 400],
    ['neither XML nor base64', 'hello world!', 'MALFORMED_ITEM', 400],
  ])('rejects %s', (_, input, code, status) => {
    expect(errorOf(input)).toMatchObject({ code, status });
  });

  it('names the element and keeps the XML error as cause with its offset', () => {
    expect(errorOf('<note><Color>yellow</Color></note>')).toMatchObject({ element: 'Color' });
    const error = errorOf('<note><Body>x</note>');
    expect(error.offset).toBe(13);
    expect((error.cause as { code: string }).code).toBe('MISMATCHED_END_TAG');
  });

  it('enforces the size and element limits', () => {
    expect(errorOf(`<note><Body>${'x'.repeat(100)}</Body></note>`, { maxItemBytes: 50 })).toMatchObject({
      code: 'ITEM_TOO_LARGE',
      status: 413,
    });
    const many = `<note>${'<X>1</X>'.repeat(20)}</note>`;
    expect(errorOf(many, { maxSifElements: 10 })).toMatchObject({ code: 'TOO_MANY_FIELDS', status: 413 });
    const deep = `<note>${'<a>'.repeat(40)}${'</a>'.repeat(40)}</note>`;
    expect(errorOf(deep)).toMatchObject({ code: 'TOO_MANY_FIELDS', status: 413 });
  });
});

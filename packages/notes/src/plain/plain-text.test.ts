import { describe, expect, it } from 'vitest';
import { NoteCodecError } from '../errors.js';
import { parsePlainText, toPlainText } from './plain-text.js';

const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex.replace(/ /g, ''), 'hex'));

describe('parsePlainText', () => {
  it('takes the whole text as body and the first line as subject', () => {
    expect(parsePlainText('Shopping\r\nmilk\r\neggs\r\n')).toEqual({
      subject: 'Shopping',
      body: 'Shopping\nmilk\neggs\n',
      extensions: [],
      origin: 'plain',
    });
  });
  it('normalises CR, LF and CRLF to \\n', () => {
    expect(parsePlainText('a\rb\nc\r\nd').body).toBe('a\nb\nc\nd');
  });
  it('leaves the subject out when the first line is blank', () => {
    expect(parsePlainText('\n  \nsecond')).toEqual({ body: '\n  \nsecond', extensions: [], origin: 'plain' });
  });
  it('gives an empty note for blank text', () => {
    expect(parsePlainText(' \r\n ')).toEqual({ extensions: [], origin: 'plain' });
    expect(parsePlainText(new Uint8Array(0))).toEqual({ extensions: [], origin: 'plain' });
  });
  it('decodes UTF-8 and drops a BOM', () => {
    expect(parsePlainText(bytes('ef bb bf c3 9c 62 65 72'))).toMatchObject({ subject: 'Über', body: 'Über' });
  });
  it('falls back to windows-1252 for bytes that are not UTF-8', () => {
    expect(parsePlainText(bytes('dc 62 65 72 80'))).toMatchObject({ body: 'Über€' });
  });
  it('decodes the charset it is given', () => {
    expect(parsePlainText(bytes('8a 61 f8'), { charset: 'windows-1250' }).body).toBe('Šař');
    expect(parsePlainText(bytes('a9 61 f8'), { charset: 'iso-8859-2' }).body).toBe('Šař');
  });
  it('rejects bytes that are not UTF-8 when the fallback is off', () => {
    expect(() => parsePlainText(bytes('dc 62'), { fallbackCharset: null })).toThrow(
      expect.objectContaining({ code: 'INVALID_TEXT', status: 400 }),
    );
  });
  it('rejects an unknown charset with 415', () => {
    const run = (): unknown => parsePlainText(bytes('41'), { charset: 'x-klingon' });
    expect(run).toThrow(NoteCodecError);
    expect(run).toThrow(expect.objectContaining({ code: 'UNKNOWN_CHARSET', status: 415 }));
  });
  it('rejects an item over maxItemBytes with 413, for bytes and strings', () => {
    expect(() => parsePlainText(new Uint8Array(11), { maxItemBytes: 10 })).toThrow(
      expect.objectContaining({ code: 'ITEM_TOO_LARGE', status: 413, offset: 10 }),
    );
    expect(() => parsePlainText('ééééé'.repeat(2), { maxItemBytes: 10 })).toThrow(
      expect.objectContaining({ code: 'ITEM_TOO_LARGE' }),
    );
    expect(parsePlainText('ééééé', { maxItemBytes: 10 }).body).toBe('ééééé');
  });
});

describe('toPlainText', () => {
  it('writes the body with CRLF by default', () => {
    expect(toPlainText({ subject: 'Shopping', body: 'Shopping\nmilk', extensions: [] })).toBe(
      'Shopping\r\nmilk',
    );
    expect(toPlainText({ body: 'a\nb', extensions: [] }, { lineBreak: '\n' })).toBe('a\nb');
  });
  it('puts a subject the body does not start with on the first line', () => {
    expect(toPlainText({ subject: 'Shopping', body: 'milk\neggs', extensions: [] })).toBe(
      'Shopping\r\nmilk\r\neggs',
    );
  });
  it('writes a lone subject, or nothing', () => {
    expect(toPlainText({ subject: 'Call Bob', extensions: [] })).toBe('Call Bob');
    expect(toPlainText({ extensions: [] })).toBe('');
  });
  it('round-trips text/plain unchanged (with its line break)', () => {
    for (const text of ['Shopping\r\nmilk\r\n', 'one line', '  indented\r\nsecond', '\r\nstarts blank']) {
      expect(toPlainText(parsePlainText(text))).toBe(text);
    }
  });
});

describe('windows-1252 high bytes (Node 20 decodes the label as ISO-8859-1)', () => {
  it('maps 0x80-0x9F to the windows-1252 characters', () => {
    const all = bytes('80 82 83 84 85 86 87 88 89 8a 8b 8c 8e 91 92 93 94 95 96 97 98 99 9a 9b 9c 9e 9f');
    expect(parsePlainText(all, { charset: 'windows-1252' }).body).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
    expect(parsePlainText(bytes('80'), { charset: 'iso-8859-1' }).body).toBe('€');
  });
});

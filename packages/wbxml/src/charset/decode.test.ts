import { describe, expect, it } from 'vitest';
import { Charset, TokenKind } from '../constants.js';
import { WbxmlReader } from '../reader/reader.js';
import { bytesOf, thrown } from '../testing.test-util.js';
import { charsetInfo, charsetLabel } from './charsets.js';
import { decodeText, SHORT_STRING_THRESHOLD } from './decode.js';

const decode = (mib: number, ...bytes: number[]) =>
  decodeText(new Uint8Array(bytes), 0, bytes.length, charsetInfo(mib), 0);

/** The text of the first STR of a document whose header says `charset`. */
function firstString(charset: number[], version: number, str: number[], options = {}): string {
  const r = WbxmlReader.from(bytesOf(version, 0x01, ...charset, 0x00, 0x45, 0x03, ...str, 0x01), options);
  while (r.next() !== TokenKind.STR);
  return r.text();
}

describe('decodeText', () => {
  it('UTF-8 on both sides of the short-string threshold, ASCII and not', () => {
    const encode = (s: string) => Array.from(new TextEncoder().encode(s));
    for (const n of [
      0,
      1,
      SHORT_STRING_THRESHOLD - 1,
      SHORT_STRING_THRESHOLD,
      SHORT_STRING_THRESHOLD + 1,
      200,
    ]) {
      const asciiText = 'a'.repeat(n);
      expect(decode(Charset.UTF_8, ...encode(asciiText))).toBe(asciiText);
      const mixed = `${'b'.repeat(Math.max(0, n - 2))}é`;
      expect(decode(Charset.UTF_8, ...encode(mixed))).toBe(mixed);
    }
    expect(SHORT_STRING_THRESHOLD).toBe(12);
  });

  it('invalid UTF-8 becomes U+FFFD instead of failing', () => {
    expect(decode(Charset.UTF_8, 0x61, 0xff, 0x62)).toBe('a\uFFFDb');
    expect(decode(Charset.UTF_8, ...new Array(20).fill(0x61), 0xc3)).toBe(`${'a'.repeat(20)}\uFFFD`);
  });

  it('ISO-8859-1 maps every byte to the same code point (not windows-1252)', () => {
    expect(decode(Charset.ISO_8859_1, 0x41, 0x80, 0x9f, 0xe9, 0xff)).toBe('A\u0080\u009Féÿ');
    const big = new Array(10_000).fill(0xe9);
    expect(decode(Charset.ISO_8859_1, ...big)).toBe('é'.repeat(10_000));
  });

  it('windows-1252 by its own table (Node 20 TextDecoder gets 0x80-0x9F wrong)', () => {
    expect(decode(2252, 0x41, 0x80, 0x81, 0x8a, 0x9f, 0xe9)).toBe('A€\u0081ŠŸé');
  });

  it('US-ASCII: bytes above 0x7F are U+FFFD', () => {
    expect(decode(Charset.US_ASCII, 0x41, 0xe9)).toBe('A\uFFFD');
  });

  it('UTF-16: BE, LE, and 1015 by byte-order mark, big-endian without one', () => {
    expect(decode(Charset.UTF_16BE, 0x00, 0xe9, 0xd8, 0x34, 0xdd, 0x1e)).toBe('é𝄞');
    expect(decode(Charset.UTF_16LE, 0xe9, 0x00)).toBe('é');
    expect(decode(Charset.UTF_16, 0xff, 0xfe, 0xe9, 0x00)).toBe('é');
    expect(decode(Charset.UTF_16, 0xfe, 0xff, 0x00, 0xe9)).toBe('é');
    expect(decode(Charset.UTF_16, 0x00, 0xe9)).toBe('é');
  });

  it('other charsets through TextDecoder labels', () => {
    expect(decode(17, 0x82, 0xa0)).toBe('あ'); // Shift_JIS
    expect(decode(2250, 0x80, 0x8a)).toBe('€Š'); // windows-1250
    expect(decode(8, 0xe0)).toBe('р'); // ISO-8859-5
  });

  it('charsets it cannot decode throw UNSUPPORTED_CHARSET (415)', () => {
    expect(thrown(() => decode(1017, 0, 0, 0, 0x41))).toMatchObject({
      code: 'UNSUPPORTED_CHARSET',
      status: 415,
    });
    expect(thrown(() => decode(99999, 0x41))).toMatchObject({ code: 'UNSUPPORTED_CHARSET' });
  });
});

describe('charsetLabel', () => {
  it('names the MIBenums the codec knows', () => {
    expect([
      charsetLabel(106),
      charsetLabel(4),
      charsetLabel(1015),
      charsetLabel(2252),
      charsetLabel(0),
    ]).toEqual(['utf-8', 'iso-8859-1', 'utf-16', 'windows-1252', undefined]);
  });
});

describe('the document charset in the reader', () => {
  it('follows the header, and defaultCharset for 0 (unknown) and for WBXML 1.0', () => {
    expect(firstString([0x04], 0x03, [0xe9, 0x00])).toBe('é'); // ISO-8859-1
    expect(firstString([0x00], 0x03, [0xe9, 0x00])).toBe('\uFFFD'); // unknown -> UTF-8 by default
    expect(firstString([0x00], 0x03, [0xe9, 0x00], { defaultCharset: 4 })).toBe('é');
    // WBXML 1.0: no charset field at all; the byte after the public id is the table length
    const r = WbxmlReader.from(bytesOf(0x00, 0x01, 0x00, 0x45, 0x03, 0xe9, 0x00, 0x01), {
      defaultCharset: 4,
    });
    expect(r.next()).toBe(TokenKind.HEADER);
    expect([r.version, r.charset, r.effectiveCharset]).toEqual([0, 0, 4]);
    r.next();
    r.next();
    expect(r.text()).toBe('é');
  });

  it('UTF-16 documents end STR_I with two NUL bytes on a code-unit boundary', () => {
    // "é\u0100" in UTF-16BE: 00 E9 01 00, then 00 00. The 00 inside the units is no terminator.
    expect(firstString([0x87, 0x75], 0x03, [0x00, 0xe9, 0x01, 0x00, 0x00, 0x00])).toBe('é\u0100');
  });

  it('an undecodable charset still tokenizes; only text() fails', () => {
    // UTF-32LE (1019 = 87 7B): "A" then a four-byte terminator
    const r = WbxmlReader.from(
      bytesOf(0x03, 0x01, 0x87, 0x7b, 0x00, 0x45, 0x03, 0x41, 0, 0, 0, 0, 0, 0, 0, 0x01),
    );
    const kinds: number[] = [];
    for (let k = r.next(); k !== TokenKind.END_OF_DOCUMENT; k = r.next()) {
      kinds.push(k);
      if (k === TokenKind.STR) {
        expect(Array.from(r.bytes())).toEqual([0x41, 0, 0, 0]);
        expect(thrown(() => r.text())).toMatchObject({ code: 'UNSUPPORTED_CHARSET', offset: 6 });
      }
    }
    expect(kinds).toEqual([TokenKind.HEADER, TokenKind.START_TAG, TokenKind.STR, TokenKind.END_TAG]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  decodeQuotedPrintable,
  encodeQuotedPrintable,
  encodeQuotedPrintableLines,
} from './quoted-printable.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const qp = (s: string) => dec.decode(decodeQuotedPrintable(enc.encode(s)));

describe('decodeQuotedPrintable', () => {
  it('decodes escapes in either case', () => {
    expect(qp('uumlaut:=20=C3=BC')).toBe('uumlaut: ü');
    expect(qp('=c3=a4')).toBe('ä');
  });

  it('removes soft line breaks with CRLF or LF', () => {
    expect(qp('abc=\r\ndef=\nghi')).toBe('abcdefghi');
  });

  it('drops a lone trailing = and keeps malformed escapes literally', () => {
    expect(qp('abc=')).toBe('abc');
    expect(qp('a=ZZb=4')).toBe('a=ZZb=4');
  });
});

describe('encodeQuotedPrintableLines', () => {
  it('escapes =, 8-bit bytes and controls, keeps printable ASCII', () => {
    expect(encodeQuotedPrintable(enc.encode('a=b ü\r\n'))).toBe('a=3Db =C3=BC=0D=0A');
  });

  it('escapes a space or tab at the very end', () => {
    expect(encodeQuotedPrintable(enc.encode('end '))).toBe('end=20');
    expect(encodeQuotedPrintable(enc.encode('end\t'))).toBe('end=09');
  });

  it('keeps every line within the width, soft break included, never splits a triplet or a character', () => {
    const text = 'Grüße aus Köln, äöü ÄÖÜ ß — 日本語のテキスト '.repeat(6);
    const lines = encodeQuotedPrintableLines(enc.encode(text), 76, 20);
    expect(lines[0]!.length).toBeLessThanOrEqual(76 - 20 - 1);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/=[0-9A-F]?$/);
      expect(line).not.toMatch(/[ \t]$/);
    }
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^=[89AB][0-9A-F]/); // no continuation byte starts a line
    expect(qp(lines.join('=\r\n'))).toBe(text);
  });

  it('moves a space that would end a line to the next line', () => {
    const lines = encodeQuotedPrintableLines(enc.encode('aaaa bbbb'), 6);
    expect(lines).toEqual(['aaaa', ' bbbb']);
    expect(qp(lines.join('=\r\n'))).toBe('aaaa bbbb');
  });
});

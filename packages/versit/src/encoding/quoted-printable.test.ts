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

  it('moves a space that would end a line to the next line, escaped', () => {
    const lines = encodeQuotedPrintableLines(enc.encode('aaaa bbbb'), 6);
    expect(lines).toEqual(['aaaa', '=20bb', 'bb']);
    expect(qp(lines.join('=\r\n'))).toBe('aaaa bbbb');
  });
});

describe('soft breaks next to white space', () => {
  it('a space before a soft break goes to the next line as =20, never as leading white space', async () => {
    const { parseVersit } = await import('../parse/parse.js');
    for (const [dialectHeader, value] of [
      ['BEGIN:VNOTE\r\nVERSION:1.1', `${'x'.repeat(20)} €€€€€`],
      ['BEGIN:VCALENDAR\r\nVERSION:1.0', `${'x'.repeat(13)} €€€€€`],
    ] as const) {
      const lines = encodeQuotedPrintableLines(new TextEncoder().encode(value), 40, 30);
      for (const l of lines.slice(1)) expect(l.startsWith(' ') || l.startsWith('\t')).toBe(false);
      const end = dialectHeader.includes('VNOTE') ? 'END:VNOTE' : 'END:VCALENDAR';
      const text = `${dialectHeader}\r\nBODY;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${lines.join('=\r\n')}\r\n${end}\r\n`;
      const doc = parseVersit(text);
      const body = doc.components[0]!.properties.find((p) => p.name === 'BODY')!;
      expect(body.value).toBe(value);
    }
  });
});

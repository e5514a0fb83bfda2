import { describe, expect, it } from 'vitest';
import { decodeUnlessPinned, INTERN_CACHE_SLOTS, INTERN_MAX_BYTES, internUtf8 } from './intern.js';
import { EMPTY_NUMBER, NOT_A_NUMBER, parseDecimal } from './number.js';
import { decodeUtf8, encodeUtf8, isWhitespace, utf8Length, writeUtf8 } from './utf8.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseDecimal', () => {
  it.each([
    ['0', 0],
    ['201', 201],
    [' 2700\n', 2700],
    ['\t\r\n 42 ', 42],
    ['0042', 42],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%j -> %d', (s, v) => {
    expect(parseDecimal(bytes(s), 0, bytes(s).length)).toBe(v);
  });
  it.each(['-1', '+1', '1.5', '12x', '1 2', '9007199254740992', '12345678901234567', 'OK'])(
    '%j is not a number',
    (s) => {
      expect(parseDecimal(bytes(s), 0, bytes(s).length)).toBe(NOT_A_NUMBER);
    },
  );
  it('tells empty apart', () => {
    expect(parseDecimal(bytes('  '), 0, 2)).toBe(EMPTY_NUMBER);
    expect(parseDecimal(bytes(''), 0, 0)).toBe(EMPTY_NUMBER);
  });
  it('reads a range of a larger buffer', () => {
    const b = bytes('<Data>508</Data>');
    expect(parseDecimal(b, 6, 9)).toBe(508);
  });
});

describe('internUtf8', () => {
  it('gives the same string object for the same bytes, pinned or cached', () => {
    const a = bytes('xx application/vnd.syncml-devinf+wbxml');
    const b = bytes('application/vnd.syncml-devinf+wbxml');
    expect(internUtf8(a, 3, a.length)).toBe('application/vnd.syncml-devinf+wbxml');
    expect(internUtf8(b, 0, b.length)).toBe(internUtf8(a, 3, a.length));
    const c = bytes('./some-store');
    expect(internUtf8(c, 0, c.length)).toBe('./some-store');
    expect(internUtf8(bytes('./some-store'), 0, 12)).toBe('./some-store');
  });
  it('never confuses values whose hashes meet (cache stays correct under churn)', () => {
    for (let i = 0; i < INTERN_CACHE_SLOTS * 80; i++) {
      const s = `v${i}`;
      const b = bytes(s);
      expect(internUtf8(b, 0, b.length)).toBe(s);
    }
    for (let i = 0; i < 1000; i++) {
      const s = `v${i * 7}`;
      expect(internUtf8(bytes(s), 0, s.length)).toBe(s);
    }
  });
  it('decodes long and non-ASCII values', () => {
    const long = 'x'.repeat(INTERN_MAX_BYTES + 1);
    expect(internUtf8(bytes(long), 0, long.length)).toBe(long);
    const u = bytes('Hauptstraße');
    expect(internUtf8(u, 0, u.length)).toBe('Hauptstraße');
    expect(internUtf8(u, 0, 0)).toBe('');
  });
  it('decodeUnlessPinned returns pinned strings and plain decodes', () => {
    expect(decodeUnlessPinned(bytes('12'), 0, 2)).toBe('12');
    expect(decodeUnlessPinned(bytes('1234567'), 0, 7)).toBe('1234567');
  });
});

describe('UTF-8 helpers', () => {
  it.each(['', 'abc', 'é', '€uro', '𝄞', 'a\u0000b', '\ud800x', 'x\udc00'])(
    '%j: length and writing agree with TextEncoder',
    (s) => {
      const expected = encodeUtf8(s);
      expect(utf8Length(s)).toBe(expected.length);
      const out = new Uint8Array(expected.length + 2);
      expect(writeUtf8(s, out, 1)).toBe(expected.length + 1);
      expect(out.subarray(1, expected.length + 1)).toEqual(expected);
    },
  );
  it('decodes short ASCII and the rest alike', () => {
    for (const s of ['1', 'SyncHdr', 'text/x-vcard', 'café', 'x'.repeat(40)])
      expect(decodeUtf8(bytes(s), 0, bytes(s).length)).toBe(s);
  });
  it('tells XML white space', () => {
    expect(isWhitespace(bytes(' \t\r\n'), 0, 4)).toBe(true);
    expect(isWhitespace(bytes(' x '), 0, 3)).toBe(false);
  });
});

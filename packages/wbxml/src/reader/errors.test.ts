// Bad input: every failure is a WbxmlError with a stable code, an exact offset, the byte and
// the code page; nothing hangs or grows without bound; the reader recovers after reset().
import { describe, expect, it } from 'vitest';
import { TokenKind } from '../constants.js';
import { WbxmlError } from '../errors.js';
import { bytesOf, captures, randomCuts, readWhole, seededRandom, thrown } from '../testing.test-util.js';
import type { WbxmlReaderOptions } from './options.js';
import { WbxmlReader } from './reader.js';

/** Reads to the end (input whole, or in the given pieces) and returns the error thrown. */
function failure(bytes: Uint8Array, options?: WbxmlReaderOptions, cuts: readonly number[] = []): WbxmlError {
  const error = thrown(() => {
    const r = new WbxmlReader(options);
    let from = 0;
    for (const to of [...cuts, bytes.length]) {
      r.write(bytes.subarray(from, to));
      from = to;
      if (to === bytes.length) r.end();
      for (let k = r.next(); k !== TokenKind.NEED_MORE; k = r.next()) {
        if (k === TokenKind.END_OF_DOCUMENT) return;
      }
    }
  });
  expect(error).toBeInstanceOf(WbxmlError);
  return error as WbxmlError;
}

const HEADER = [0x03, 0x6a, 0x6a, 0x00]; // WBXML 1.3, public id 0x6A, UTF-8, empty table
const withTable = (table: string) => [0x03, 0x01, 0x6a, table.length, ...new TextEncoder().encode(table)];

describe('truncation: each prefix of each capture, then end()', () => {
  const all = captures();

  /** Every offset where a token starts or ends: a cut there is between tokens. */
  function boundaries(bytes: Uint8Array): number[] {
    const set = new Set<number>([0]);
    for (const t of readWhole(bytes)) {
      set.add(t.offset);
      set.add(t.endOffset);
    }
    return [...set].sort((a, b) => a - b);
  }

  function checkPrefix(bytes: Uint8Array, cut: number, bounds: number[], split: boolean): void {
    const prefix = bytes.subarray(0, cut);
    const cuts =
      split && cut > 2 ? [Math.floor(cut / 3), Math.floor((2 * cut) / 3)].filter((c) => c > 0) : [];
    const e = failure(prefix, undefined, [...new Set(cuts)]);
    expect(e.code).toBe('TRUNCATED');
    expect(e.status).toBe(400);
    // Between tokens: the end of input; inside a token: where that token starts.
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid]! <= cut) lo = mid;
      else hi = mid - 1;
    }
    const expected = bounds[lo]!;
    expect(e.offset).toBe(expected);
    expect(e.byte).toBe(expected === cut ? -1 : bytes[expected]);
  }

  it.each(all.filter((c) => c.bytes.length <= 40_000).map((c) => [c.name, c.bytes] as const))(
    '%s: every prefix',
    (_name, bytes) => {
      const bounds = boundaries(bytes);
      for (let cut = 0; cut < bytes.length; cut++) checkPrefix(bytes, cut, bounds, cut % 7 === 0);
    },
  );

  it.each(all.filter((c) => c.bytes.length > 40_000).map((c) => [c.name, c.bytes] as const))(
    '%s: 300 seeded prefixes (every one would take minutes)',
    (_name, bytes) => {
      const bounds = boundaries(bytes);
      for (const cut of randomCuts(bytes.length, 300, seededRandom(3))) checkPrefix(bytes, cut, bounds, true);
    },
  );
});

describe('mb_u_int32', () => {
  it('rejects more than 5 bytes, at the first byte of the integer', () => {
    const e = failure(bytesOf(HEADER, 0x45, 0xc3, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x01));
    expect([e.code, e.offset, e.byte, e.page, e.byteHex]).toEqual(['BAD_MB_UINT32', 6, 0x80, 0, '0x80']);
    expect(e.message).toContain('longer than 5 bytes');
    expect(e.message).toContain('offset 6 (byte 0x80), code page 0');
  });

  it('rejects a value above 0xFFFFFFFF and accepts 0xFFFFFFFF itself', () => {
    expect(failure(bytesOf(HEADER, 0x45, 0x02, 0x90, 0x80, 0x80, 0x80, 0x00, 0x01))).toMatchObject({
      code: 'BAD_MB_UINT32',
      offset: 6,
      byte: 0x90,
    });
    // ENTITY 0xFFFFFFFF is a well-formed integer (8F FF FF FF 7F)
    const tokens = readWhole(bytesOf(HEADER, 0x45, 0x02, 0x8f, 0xff, 0xff, 0xff, 0x7f, 0x01));
    expect(tokens[2]).toMatchObject({ kind: TokenKind.ENTITY, value: 0xffffffff, offset: 5, endOffset: 11 });
  });

  it('checks integers in the header too', () => {
    expect(failure(bytesOf(0x03, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01))).toMatchObject({
      code: 'BAD_MB_UINT32',
      offset: 1,
    });
    expect(failure(bytesOf(0x03, 0x01, 0xff, 0xff, 0xff, 0xff, 0x7f))).toMatchObject({
      code: 'BAD_MB_UINT32',
      offset: 2,
    });
  });

  it('gives the same error however the integer is split', () => {
    const doc = bytesOf(HEADER, 0x45, 0xc3, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x01);
    for (let cut = 1; cut < doc.length; cut++) {
      expect(failure(doc, undefined, [cut])).toMatchObject({ code: 'BAD_MB_UINT32', offset: 6, byte: 0x80 });
    }
  });
});

describe('string-table references', () => {
  it('STR_T index equal to the table length is out of range', () => {
    const e = failure(bytesOf(withTable('ab\0'), 0x45, 0x83, 0x03, 0x01));
    expect([e.code, e.offset, e.byte, e.status]).toEqual(['STRTBL_INDEX', 8, 0x83, 400]);
  });

  it('the last byte of the table is in range', () => {
    const tokens = readWhole(bytesOf(withTable('ab\0'), 0x45, 0x83, 0x02, 0x01));
    expect(tokens[2]).toMatchObject({ kind: TokenKind.STR, stringTableIndex: 2, bytes: '' });
  });

  it('LITERAL and public-id references are checked', () => {
    expect(failure(bytesOf(withTable('x\0'), 0x44, 0x05, 0x01))).toMatchObject({
      code: 'STRTBL_INDEX',
      offset: 6,
    });
    expect(failure(bytesOf(0x03, 0x00, 0x05, 0x6a, 0x02, 0x41, 0x00, 0x45, 0x01))).toMatchObject({
      code: 'STRTBL_INDEX',
      offset: 1,
    });
    expect(failure(bytesOf(HEADER, 0x45, 0x83, 0x00, 0x01))).toMatchObject({
      code: 'STRTBL_INDEX',
      offset: 5,
    });
  });

  it('a table string without NUL ends at the table end', () => {
    const tokens = readWhole(bytesOf(withTable('abc'), 0x45, 0x83, 0x01, 0x03, 0x00, 0x01));
    expect(tokens[2]).toMatchObject({ kind: TokenKind.STR, bytes: '6263' });
    expect(tokens[3]).toMatchObject({ kind: TokenKind.STR, bytes: '' });
  });
});

describe('limits', () => {
  it('nesting 100 000 deep stops at maxDepth, at once', () => {
    const doc = new Uint8Array(4 + 100_000);
    doc.set(HEADER);
    doc.fill(0x45, 4);
    const started = performance.now();
    const e = failure(doc);
    expect([e.code, e.offset, e.byte, e.page]).toEqual(['DEPTH_LIMIT', 4 + 256, 0x45, 0]);
    expect(failure(doc, { maxDepth: 10 })).toMatchObject({ code: 'DEPTH_LIMIT', offset: 14 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('nesting 100 000 deep is fine when allowed, and the ends balance', () => {
    const n = 100_000;
    const doc = new Uint8Array(4 + 2 * n);
    doc.set(HEADER);
    doc.fill(0x45, 4, 4 + n);
    doc.fill(0x01, 4 + n);
    const r = WbxmlReader.from(doc, { maxDepth: n });
    let max = 0;
    let ends = 0;
    for (let k = r.next(); k !== TokenKind.END_OF_DOCUMENT; k = r.next()) {
      if (r.depth > max) max = r.depth;
      if (k === TokenKind.END_TAG) ends++;
    }
    expect([max, ends]).toEqual([n, n]);
  });

  it('an OPAQUE declaring 4 GiB fails as soon as its length is read', () => {
    const doc = bytesOf(HEADER, 0x45, 0xc3, 0x8f, 0xff, 0xff, 0xff, 0x7f);
    const r = new WbxmlReader();
    r.write(doc); // no end(): the error must not wait for the 4 GiB
    expect(r.next()).toBe(TokenKind.HEADER);
    expect(r.next()).toBe(TokenKind.START_TAG);
    const e = thrown(() => r.next()) as WbxmlError;
    expect([e.code, e.offset, e.byte, e.status]).toEqual(['LENGTH_LIMIT', 5, 0xc3, 413]);
    expect(e.message).toContain('4294967295 bytes');
  });

  it('the declared length fails at once also when the integer arrives split', () => {
    const doc = bytesOf(HEADER, 0x45, 0xc3, 0x8f, 0xff, 0xff, 0xff, 0x7f);
    const r = new WbxmlReader();
    r.write(doc.subarray(0, 8));
    expect(r.next()).toBe(TokenKind.HEADER);
    expect(r.next()).toBe(TokenKind.START_TAG);
    expect(r.next()).toBe(TokenKind.NEED_MORE);
    r.write(doc.subarray(8));
    expect(thrown(() => r.next())).toMatchObject({ code: 'LENGTH_LIMIT', offset: 5 });
  });

  it('maxOpaqueLength, maxStringLength and maxStringTableLength apply exactly', () => {
    const opaque = bytesOf(HEADER, 0x45, 0xc3, 0x03, 'abc', 0x01);
    expect(readWhole(opaque, { maxOpaqueLength: 3 })[2]).toMatchObject({
      kind: TokenKind.OPAQUE,
      bytes: '616263',
    });
    expect(failure(opaque, { maxOpaqueLength: 2 })).toMatchObject({ code: 'LENGTH_LIMIT', offset: 5 });

    const str = bytesOf(HEADER, 0x45, 0x03, 'abcd', 0x00, 0x01);
    expect(readWhole(str, { maxStringLength: 4 })[2]).toMatchObject({
      kind: TokenKind.STR,
      bytes: '61626364',
    });
    expect(failure(str, { maxStringLength: 3 })).toMatchObject({
      code: 'LENGTH_LIMIT',
      offset: 5,
      byte: 0x03,
    });
    for (let cut = 1; cut < str.length; cut++) {
      expect(failure(str, { maxStringLength: 3 }, [cut])).toMatchObject({ code: 'LENGTH_LIMIT', offset: 5 });
    }

    const table = bytesOf(withTable('abcd'), 0x05);
    expect(readWhole(table, { maxStringTableLength: 4 })[0]).toMatchObject({ kind: TokenKind.HEADER });
    expect(failure(table, { maxStringTableLength: 3 })).toMatchObject({
      code: 'LENGTH_LIMIT',
      offset: 3,
      byte: 4,
    });
  });

  it('an unterminated STR_I fails once it is longer than maxStringLength, without waiting for more', () => {
    const r = new WbxmlReader({ maxStringLength: 100 });
    r.write(bytesOf(HEADER, 0x45, 0x03));
    expect(r.next()).toBe(TokenKind.HEADER);
    expect(r.next()).toBe(TokenKind.START_TAG);
    expect(r.next()).toBe(TokenKind.NEED_MORE);
    for (let i = 0; i < 100; i++) {
      r.write(bytesOf(0x41));
      expect(r.next()).toBe(TokenKind.NEED_MORE);
    }
    r.write(bytesOf(0x41));
    expect(thrown(() => r.next())).toMatchObject({ code: 'LENGTH_LIMIT', offset: 5 });
  });

  it('a string table declaring 0xFFFFFFFF bytes fails at once', () => {
    const r = new WbxmlReader();
    r.write(bytesOf(0x03, 0x01, 0x6a, 0x8f, 0xff, 0xff, 0xff, 0x7f));
    expect(thrown(() => r.next())).toMatchObject({ code: 'LENGTH_LIMIT', offset: 3 });
  });

  it('maxTotalSize stops input at write()', () => {
    const r = new WbxmlReader({ maxTotalSize: 10 });
    r.write(new Uint8Array(6));
    r.write(new Uint8Array(4));
    expect(thrown(() => r.write(new Uint8Array(1)))).toMatchObject({
      code: 'LENGTH_LIMIT',
      offset: 10,
      status: 413,
    });
    expect(thrown(() => r.next())).toMatchObject({ code: 'LENGTH_LIMIT' });
  });

  it('rejects bad option values', () => {
    expect(() => new WbxmlReader({ maxDepth: -1 })).toThrow(RangeError);
    expect(() => new WbxmlReader({ maxStringLength: 1.5 })).toThrow(RangeError);
  });
});

describe('structure', () => {
  const cases: [string, Uint8Array, string, number, number][] = [
    ['version 0x04', bytesOf(0x04, 0x01, 0x6a, 0x00, 0x05), 'BAD_VERSION', 0, 0x04],
    ['END with no open element', bytesOf(HEADER, 0x01), 'UNEXPECTED_TOKEN', 4, 0x01],
    ['text before the root', bytesOf(HEADER, 0x03, 'a', 0x00, 0x05), 'UNEXPECTED_TOKEN', 4, 0x03],
    ['a second root', bytesOf(HEADER, 0x05, 0x06), 'TRAILING_DATA', 5, 0x06],
    ['text after the root', bytesOf(HEADER, 0x05, 0xc3, 0x00), 'TRAILING_DATA', 5, 0xc3],
    ['END after the root', bytesOf(HEADER, 0x05, 0x01), 'TRAILING_DATA', 5, 0x01],
    ['SWITCH_PAGE after the root', bytesOf(HEADER, 0x05, 0x00, 0x01), 'TRAILING_DATA', 5, 0x00],
    ['an empty attribute list', bytesOf(HEADER, 0x85, 0x01), 'UNEXPECTED_TOKEN', 5, 0x01],
    ['a value before an attribute start', bytesOf(HEADER, 0x85, 0x90, 0x01), 'UNEXPECTED_TOKEN', 5, 0x90],
    ['STR_I before an attribute start', bytesOf(HEADER, 0x85, 0x03, 0x00), 'UNEXPECTED_TOKEN', 5, 0x03],
    ['PI inside an attribute list', bytesOf(HEADER, 0x85, 0x05, 0x43), 'BAD_TOKEN', 6, 0x43],
    ['LITERAL_C as an attribute', bytesOf(HEADER, 0x85, 0x05, 0x44, 0x00), 'BAD_TOKEN', 6, 0x44],
    ['two targets in a PI', bytesOf(HEADER, 0x43, 0x05, 0x06, 0x01), 'UNEXPECTED_TOKEN', 6, 0x06],
    ['an empty PI', bytesOf(HEADER, 0x43, 0x01), 'UNEXPECTED_TOKEN', 5, 0x01],
    ['no root at all', bytesOf(HEADER), 'TRUNCATED', 4, -1],
    ['an open root', bytesOf(HEADER, 0x45), 'TRUNCATED', 5, -1],
    ['input ending in an attribute list', bytesOf(HEADER, 0x85, 0x05), 'TRUNCATED', 6, -1],
  ];
  it.each(cases)('%s', (_label, doc, code, offset, byte) => {
    const e = failure(doc);
    expect([e.code, e.offset, e.byte]).toEqual([code, offset, byte]);
    expect(e.name).toBe('WbxmlError');
  });

  it('reports the attribute code page inside attribute lists', () => {
    const e = failure(bytesOf(HEADER, 0x85, 0x00, 0x07, 0x05, 0x43));
    expect([e.code, e.page]).toEqual(['BAD_TOKEN', 7]);
  });

  it('accepts PIs and page switches before the root, PIs after it', () => {
    const tokens = readWhole(
      bytesOf(HEADER, 0x43, 0x05, 0x01, 0x00, 0x02, 0x05, 0x43, 0x06, 0x03, 'v', 0x00, 0x01),
    );
    expect(tokens.map((t) => [t.kind, t.offset, t.page ?? null])).toEqual([
      [TokenKind.HEADER, 0, null],
      [TokenKind.PI, 4, null],
      [TokenKind.ATTR_START, 5, 0],
      [TokenKind.PI_END, 6, null],
      [TokenKind.START_TAG, 9, 2],
      [TokenKind.END_TAG, 10, 2],
      [TokenKind.PI, 10, null],
      [TokenKind.ATTR_START, 11, 0],
      [TokenKind.STR, 12, 0],
      [TokenKind.PI_END, 15, null],
    ]);
  });
});

describe('the reader after an error, and misuse', () => {
  it('rethrows the same error until reset(), then reads a good document', () => {
    const r = new WbxmlReader();
    r.write(bytesOf(HEADER, 0x01));
    r.end();
    expect(r.next()).toBe(TokenKind.HEADER);
    const first = thrown(() => r.next());
    expect(thrown(() => r.next())).toBe(first);
    expect(thrown(() => r.write(bytesOf(0x01)))).toBe(first);
    r.reset();
    r.write(bytesOf(HEADER, 0x45, 0x03, 'ok', 0x00, 0x01));
    r.end();
    const kinds: number[] = [];
    for (let k = r.next(); k !== TokenKind.END_OF_DOCUMENT; k = r.next()) kinds.push(k);
    expect(kinds).toEqual([TokenKind.HEADER, TokenKind.START_TAG, TokenKind.STR, TokenKind.END_TAG]);
    expect(r.text()).toBe('');
  });

  it('write() after end() fails; END_OF_DOCUMENT repeats', () => {
    const r = WbxmlReader.from(bytesOf(HEADER, 0x05));
    while (r.next() !== TokenKind.END_OF_DOCUMENT);
    expect(r.next()).toBe(TokenKind.END_OF_DOCUMENT);
    expect(thrown(() => r.write(bytesOf(0x01)))).toMatchObject({ code: 'WRITE_AFTER_END', status: 500 });
  });

  it('NEED_MORE only while input may still come', () => {
    const r = new WbxmlReader();
    expect(r.next()).toBe(TokenKind.NEED_MORE);
    r.write(bytesOf(HEADER, 0x05));
    expect(r.next()).toBe(TokenKind.HEADER);
    expect(r.next()).toBe(TokenKind.START_TAG);
    expect(r.next()).toBe(TokenKind.END_TAG);
    expect(r.next()).toBe(TokenKind.NEED_MORE); // PIs may follow the root
    r.end();
    expect(r.next()).toBe(TokenKind.END_OF_DOCUMENT);
  });

  it('garbage gives WbxmlError, never anything else', () => {
    const random = seededRandom(99);
    let failures = 0;
    for (let i = 0; i < 500; i++) {
      const doc = new Uint8Array(1 + Math.floor(random() * 200));
      for (let j = 0; j < doc.length; j++) doc[j] = Math.floor(random() * 256);
      try {
        readWhole(doc);
      } catch (e) {
        expect(e).toBeInstanceOf(WbxmlError);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(450);
  });
});

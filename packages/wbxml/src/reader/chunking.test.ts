// Chunk invariance (style.md habit 12): whole, byte by byte and at seeded random split points,
// every capture gives identical tokens: kind, offsets, page, token, bytes, values.
import { describe, expect, it } from 'vitest';
import { Charset, TokenKind } from '../constants.js';
import {
  captures,
  everyByte,
  randomCuts,
  readInPieces,
  readWhole,
  seededRandom,
  type TokenRecord,
} from '../testing.test-util.js';
import { WbxmlWriter } from '../writer/writer.js';
import { WbxmlReader } from './reader.js';

const all = captures();
const small = all.filter((c) => c.bytes.length <= 12_000);
const large = all.filter((c) => c.bytes.length > 12_000);

describe('chunk invariance on the captures', () => {
  it.each(small.map((c) => [c.name, c.bytes] as const))(
    '%s: byte by byte and 8 random splittings',
    (_n, bytes) => {
      const whole = readWhole(bytes);
      expect(whole.length).toBeGreaterThan(10);
      expect(readInPieces(bytes, everyByte(bytes.length))).toEqual(whole);
      const random = seededRandom(bytes.length);
      for (let round = 0; round < 8; round++) {
        const cuts = randomCuts(bytes.length, 1 + Math.floor(random() * 40), random);
        expect(readInPieces(bytes, cuts)).toEqual(whole);
      }
    },
  );

  it.each(large.map((c) => [c.name, c.bytes] as const))(
    '%s: 7-byte chunks and 4 random splittings',
    (_n, bytes) => {
      const whole = readWhole(bytes);
      const sevens = Array.from({ length: Math.floor((bytes.length - 1) / 7) }, (_, i) => (i + 1) * 7);
      expect(readInPieces(bytes, sevens)).toEqual(whole);
      const random = seededRandom(7);
      for (let round = 0; round < 4; round++) {
        expect(readInPieces(bytes, randomCuts(bytes.length, 200, random))).toEqual(whole);
      }
    },
  );

  it('sync12_add100 byte by byte', () => {
    const c = all.find((x) => x.name === 'synthetic/sync12_add100.wbxml')!;
    expect(readInPieces(c.bytes, everyByte(c.bytes.length))).toEqual(readWhole(c.bytes));
  });
});

describe('zero-copy', () => {
  const k500i = all.find((c) => c.name === 'wbxml/k500i_client_0.wbxml')!.bytes;

  it('a token inside one chunk points into the caller chunk', () => {
    const r = WbxmlReader.from(k500i);
    let seen = 0;
    for (let k = r.next(); k !== TokenKind.END_OF_DOCUMENT; k = r.next()) {
      if (k === TokenKind.OPAQUE) {
        expect(r.buf).toBe(k500i);
        expect(r.offset).toBe(r.bufStart - 2);
        seen++;
      }
      if (k === TokenKind.HEADER) expect(r.buf).toBe(k500i); // the FPI, in the string table
    }
    expect(seen).toBe(19);
  });

  it('only a token split across chunks is copied, into a fresh buffer each time', () => {
    // Cut inside the first OPAQUE ('1.1' at 37..42) and inside the second.
    const a = k500i.subarray(0, 40);
    const b = k500i.subarray(40, 50);
    const c = k500i.subarray(50);
    const r = new WbxmlReader();
    r.write(a);
    r.write(b);
    r.write(c);
    r.end();
    const buffers: Uint8Array[] = [];
    for (let k = r.next(); k !== TokenKind.END_OF_DOCUMENT; k = r.next()) {
      if (k === TokenKind.OPAQUE) buffers.push(r.buf);
    }
    expect(buffers[0]).not.toBe(a);
    expect(buffers[0]).not.toBe(b);
    expect(buffers[0]!.length).toBe(5); // C3 03 '1.1': exactly the token, copied
    expect(buffers[1]).not.toBe(buffers[0]);
    expect(buffers[1]!.length).toBe(12);
    expect(buffers[2]).toBe(c);
    expect(buffers.slice(2).every((x) => x === c)).toBe(true);
  });

  it('views handed out stay valid after more input', () => {
    const r = new WbxmlReader();
    r.write(k500i.subarray(0, 50)); // holds the first OPAQUE ('1.1' at 37..42) whole
    const texts: string[] = [];
    const views: Uint8Array[] = [];
    for (let k = r.next(); k !== TokenKind.NEED_MORE; k = r.next()) {
      if (k === TokenKind.OPAQUE) views.push(r.bytes());
    }
    expect(views).toHaveLength(1);
    r.write(k500i.subarray(50));
    r.end();
    for (let k = r.next(); k !== TokenKind.END_OF_DOCUMENT; k = r.next()) {
      if (k === TokenKind.OPAQUE) {
        views.push(r.bytes());
        texts.push(r.text());
      }
    }
    expect(new TextDecoder().decode(views[0])).toBe('1.1');
    expect(views.map((v) => new TextDecoder().decode(v)).slice(1)).toEqual(texts);
  });
});

describe('chunk invariance on written documents with every token form', () => {
  function everyForm(charset: number, version = 3): Uint8Array {
    const w = new WbxmlWriter({ initialCapacity: 8 });
    w.header({ version, publicId: '-//EXAMPLE//DTD Every Form//EN', charset });
    w.startProcessingInstruction().attribute(0, 0x05).text('pi value').endProcessingInstruction();
    w.startTag(0, 0x05, true, true)
      .attribute(0, 0x06)
      .text('attr text')
      .attributeValue(0, 0x85)
      .attribute(1, 0x07)
      .tableText('from the table')
      .entity(0xe9)
      .opaque(new Uint8Array([0, 1, 2, 0xff]))
      .extension(1)
      .extensionText(2, 'ext inline')
      .extensionInteger(0, 300)
      .literalAttribute('lit-attr')
      .text('v')
      .endAttributes();
    w.startLiteral('literal-element', true, false)
      .text('é ü ω 𝄞 long enough to take the TextDecoder path')
      .endTag();
    w.startLiteral('lit-empty', false, false);
    w.startLiteral('lit-attrs', false, true).attribute(0, 0x10).endAttributes();
    w.startLiteral('lit-both', true, true)
      .literalAttribute('x')
      .endAttributes()
      .tableText('from the table')
      .endTag();
    w.startTag(3, 0x3f, false, true).attribute(0, 0x7f).endAttributes();
    w.emptyTag(2, 0x05);
    w.startTag(0, 0x06).opaque(new Uint8Array(300).fill(0x41)).text('').text('x'.repeat(500)).endTag();
    w.startProcessingInstruction().literalAttribute('target').endProcessingInstruction();
    w.endTag();
    w.startProcessingInstruction().attribute(0, 0x08).endProcessingInstruction();
    return w.finish();
  }

  for (const [label, charset] of [
    ['UTF-8', Charset.UTF_8],
    ['UTF-16BE', Charset.UTF_16BE],
    ['UTF-16LE', Charset.UTF_16LE],
    ['UTF-16', Charset.UTF_16],
  ] as const) {
    it(`${label}: whole = byte by byte = random`, () => {
      const bytes = everyForm(charset);
      const whole = readWhole(bytes);
      expect(whole.map((t) => t.kind)).toContain(TokenKind.LITERAL_AC);
      expect(readInPieces(bytes, everyByte(bytes.length))).toEqual(whole);
      const random = seededRandom(charset);
      for (let i = 0; i < 20; i++) {
        expect(readInPieces(bytes, randomCuts(bytes.length, 1 + Math.floor(random() * 30), random))).toEqual(
          whole,
        );
      }
    });
  }

  it('WBXML 1.0 (no charset field): whole = byte by byte', () => {
    const bytes = everyForm(Charset.UTF_8, 0);
    const whole: TokenRecord[] = readWhole(bytes);
    expect(whole[0]).toMatchObject({ kind: TokenKind.HEADER, version: 0, charset: 0 });
    expect(readInPieces(bytes, everyByte(bytes.length))).toEqual(whole);
  });
});

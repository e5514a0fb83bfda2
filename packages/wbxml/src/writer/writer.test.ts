import { describe, expect, it } from 'vitest';
import { Charset, TokenKind, WbxmlVersion } from '../constants.js';
import { WbxmlError } from '../errors.js';
import { encodeMbUint32, mbUint32Length } from '../mb-uint32.js';
import { WbxmlReader } from '../reader/reader.js';
import { tokenize } from '../reader/tokenize.js';
import { bytesOf, thrown } from '../testing.test-util.js';
import { WbxmlWriter } from './writer.js';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
const ascii = (s: string) => Array.from(new TextEncoder().encode(s));

/** A document whose root (page 0, token 0x05) holds what `body` writes. */
function doc(
  body: (w: WbxmlWriter) => unknown,
  header: Parameters<WbxmlWriter['header']>[0] = { publicId: 1 },
): Uint8Array {
  const w = new WbxmlWriter();
  w.header(header).startTag(0, 0x05);
  body(w);
  return w.endTag().finish();
}

describe('headers (syncml-facts.md §1.1)', () => {
  function headerOnly(header: Parameters<WbxmlWriter['header']>[0]): Uint8Array {
    const bytes = new WbxmlWriter().header(header).emptyTag(0, 0x2d).finish();
    return bytes.subarray(0, bytes.length - 1); // drop the root tag
  }

  it('02 00 00 6A 1D + the FPI without NUL (Sony Ericsson, Synthesis RTK)', () => {
    const fpi = '-//SYNCML//DTD SyncML 1.1//EN';
    expect(Array.from(headerOnly({ version: 2, publicId: fpi, terminatePublicId: false }))).toEqual([
      0x02,
      0x00,
      0x00,
      0x6a,
      0x1d,
      ...ascii(fpi),
    ]);
    expect(ascii(fpi)).toHaveLength(29);
    const devinf = '-//SYNCML//DTD DevInf 1.0//EN';
    expect(Array.from(headerOnly({ version: 2, publicId: devinf, terminatePublicId: false }))).toEqual([
      0x02,
      0x00,
      0x00,
      0x6a,
      0x1d,
      ...ascii(devinf),
    ]);
  });

  it('numeric public ids: SyncML 1.0 / 1.1 / 1.2 as Motorola and the Synthesis RTK write them', () => {
    expect(hex(headerOnly({ version: 2, publicId: 0x0fd1 }))).toBe('02 9f 51 6a 00');
    expect(hex(headerOnly({ version: 2, publicId: 0x0fd3 }))).toBe('02 9f 53 6a 00');
    expect(hex(headerOnly({ version: 2, publicId: 0x1201 }))).toBe('02 a4 01 6a 00');
  });

  it('defaults: WBXML 1.3, UTF-8; a terminated string FPI at index 0', () => {
    expect(hex(headerOnly({ publicId: 0x1201 }))).toBe('03 a4 01 6a 00');
    expect(Array.from(headerOnly({ publicId: 'AB' }))).toEqual([
      0x03, 0x00, 0x00, 0x6a, 0x03, 0x41, 0x42, 0x00,
    ]);
  });

  it('WBXML 1.0 has no charset field', () => {
    expect(hex(headerOnly({ version: WbxmlVersion.V1_0, publicId: 0x0fd1 }))).toBe('00 9f 51 00');
  });

  it('an unterminated FPI goes after every other table string', () => {
    const w = new WbxmlWriter().header({ publicId: 'FPI', terminatePublicId: false });
    w.startTag(0, 0x05).tableText('ab').endTag();
    expect(hex(w.finish())).toBe('03 00 03 6a 06 61 62 00 46 50 49 45 83 00 01');
    const r = WbxmlReader.from(
      bytesOf(0x03, 0x00, 0x03, 0x6a, 0x06, 'ab', 0x00, 'FPI', 0x45, 0x83, 0x00, 0x01),
    );
    r.next();
    expect(r.publicIdText()).toBe('FPI');
  });
});

describe('mb_u_int32 (syncml-facts.md §1.2)', () => {
  const vectors: [number, string][] = [
    [0, '00'],
    [127, '7f'],
    [128, '81 00'],
    [588, '84 4c'],
    [0x0fd1, '9f 51'],
    [0x0fd3, '9f 53'],
    [0x1201, 'a4 01'],
    [0x1203, 'a4 03'],
    [16384, '81 80 00'],
    [0xffffffff, '8f ff ff ff 7f'],
  ];
  it.each(vectors)('%i -> %s', (value, bytes) => {
    expect(hex(encodeMbUint32(value))).toBe(bytes);
    expect(mbUint32Length(value)).toBe(bytes.split(' ').length);
    // as an ENTITY payload, read back by the reader
    const d = new WbxmlWriter().header({ publicId: 1 }).startTag(0, 0x05);
    // entity() takes code points only; extensionInteger() carries any mb_u_int32
    d.extensionInteger(0, value);
    const out = d.endTag().finish();
    expect(hex(out.subarray(6, out.length - 1))).toBe(bytes);
    expect(tokenize(out)[2]).toMatchObject({ kind: TokenKind.EXT, extToken: 0x80, value });
  });

  it('rejects values outside 0..0xFFFFFFFF', () => {
    expect(() => encodeMbUint32(-1)).toThrow(RangeError);
    expect(() => encodeMbUint32(2 ** 32)).toThrow(RangeError);
    expect(() => encodeMbUint32(1.5)).toThrow(RangeError);
  });

  it('writes an OPAQUE length of 588 as 84 4C (the A780 nested DevInf)', () => {
    const out = doc((w) => w.opaque(new Uint8Array(588)));
    expect(hex(out.subarray(5, 8))).toBe('c3 84 4c');
  });
});

describe('elements and pages', () => {
  it('an element without content is its bare identity: <Final/> = 12, <MoreData/> = 34', () => {
    const out = doc((w) => w.emptyTag(0, 0x12).emptyTag(0, 0x34));
    expect(hex(out)).toBe('03 01 6a 00 45 12 34 01');
  });

  it('flags: 0x40 content, 0x80 attributes, 0xC0 both', () => {
    const out = doc((w) =>
      w
        .startTag(0, 0x06, false, true)
        .attribute(0, 0x05)
        .endAttributes()
        .startTag(0, 0x07, true, true)
        .attribute(0, 0x05)
        .endAttributes()
        .endTag(),
    );
    expect(hex(out)).toBe('03 01 6a 00 45 86 05 01 c7 05 01 01 01');
  });

  it('switches pages only when needed; END never switches (libwbxml bytes 01 01 01 00 00 6B)', () => {
    // SyncHdr > Meta > MaxMsgSize (page 1), then SyncBody on page 0
    const w = new WbxmlWriter().header({ version: 3, publicId: 0x1201 }).startTag(0, 0x2d);
    w.startTag(0, 0x2c)
      .startTag(0, 0x1a)
      .textElement(1, 0x0c, '10000')
      .textElement(1, 0x15, '4')
      .endTag()
      .endTag();
    w.startTag(0, 0x2b).emptyTag(0, 0x12).endTag().endTag();
    expect(hex(w.finish())).toBe(
      '03 a4 01 6a 00 6d 6c 5a 00 01 4c 03 31 30 30 30 30 00 01 55 03 34 00 01 01 01 00 00 6b 12 01 01',
    );
  });

  it('attribute pages switch apart from tag pages', () => {
    const out = doc((w) =>
      w
        .startTag(1, 0x06, false, true)
        .attribute(2, 0x05)
        .attributeValue(2, 0x85)
        .attribute(0, 0x06)
        .endAttributes(),
    );
    expect(hex(out)).toBe('03 01 6a 00 45 00 01 86 00 02 05 85 00 00 06 01 01');
  });

  it('literal elements and attributes go through the string table', () => {
    const out = doc((w) =>
      w
        .startLiteral('x', false, false)
        .startLiteral('y', true, false)
        .endTag()
        .startLiteral('x', false, true)
        .literalAttribute('a')
        .endAttributes()
        .startLiteral('z', true, true)
        .literalAttribute('a')
        .endAttributes()
        .endTag(),
    );
    expect(hex(out)).toBe(
      '03 01 6a 08 78 00 79 00 61 00 7a 00 45 04 00 44 02 01 84 00 04 04 01 c4 06 04 04 01 01 01',
    );
  });
});

describe('content', () => {
  it('STR_I in UTF-8, short and long, with non-ASCII and surrogate pairs', () => {
    const short = 'é𝄞';
    const long = `${'x'.repeat(70)}é𝄞`;
    const out = doc((w) => w.text(short).text(long).text(''));
    const expected = [
      0x03,
      ...new TextEncoder().encode(short),
      0,
      0x03,
      ...new TextEncoder().encode(long),
      0,
      0x03,
      0,
    ];
    expect(Array.from(out.subarray(5, out.length - 1))).toEqual(expected);
  });

  it('lone surrogates become U+FFFD, as TextEncoder does', () => {
    for (const s of ['a\ud800b', '\udc00', `${'x'.repeat(80)}\ud83d`]) {
      const out = doc((w) => w.text(s));
      expect(Array.from(out.subarray(6, out.length - 2))).toEqual(Array.from(new TextEncoder().encode(s)));
    }
  });

  it('textBytes, tableText, stringReference, opaque, entity, extensions', () => {
    const w = new WbxmlWriter().header({ publicId: 1 }).startTag(0, 0x05);
    const index = w.addString('again');
    expect(w.addString('again')).toBe(index);
    w.textBytes(bytesOf('raw'))
      .tableText('again')
      .stringReference(index)
      .opaque(bytesOf(0, 1))
      .entity(0x20ac)
      .extension(2)
      .extensionText(1, 'e')
      .extensionInteger(2, 5);
    expect(hex(w.endTag().finish())).toBe(
      '03 01 6a 06 61 67 61 69 6e 00 45 03 72 61 77 00 83 00 83 00 c3 02 00 01 02 c1 2c c2 41 65 00 82 05 01',
    );
  });

  it('encodes text in ISO-8859-1, US-ASCII and UTF-16 (BE, LE, and BOM-less 1015 as BE)', () => {
    const cases: [number, string, number[]][] = [
      [Charset.ISO_8859_1, 'é', [0xe9, 0x00]],
      [Charset.US_ASCII, 'a', [0x61, 0x00]],
      [Charset.UTF_16BE, 'é', [0x00, 0xe9, 0x00, 0x00]],
      [Charset.UTF_16LE, 'é', [0xe9, 0x00, 0x00, 0x00]],
      [Charset.UTF_16, 'é', [0x00, 0xe9, 0x00, 0x00]],
    ];
    for (const [charset, text, bytes] of cases) {
      const out = doc((w) => w.text(text), { publicId: 1, charset });
      expect(Array.from(out.subarray(out.length - 2 - bytes.length, out.length - 1))).toEqual([
        0x03,
        ...bytes,
      ]);
      const r = WbxmlReader.from(out);
      while (r.next() !== TokenKind.STR);
      expect(r.text()).toBe(text);
    }
  });
});

describe('output buffer', () => {
  it('grows from a tiny capacity, by doubling', () => {
    const w = new WbxmlWriter({ initialCapacity: 1 }).header({ publicId: 1 }).startTag(0, 0x05);
    for (let i = 0; i < 1000; i++) w.textElement(0, 0x06, `item ${i}`);
    const out = w.endTag().finish();
    const strings = tokenize(out).filter((t) => t.kind === TokenKind.STR);
    expect(strings).toHaveLength(1000);
    expect(new TextDecoder().decode(strings[999]!.bytes)).toBe('item 999');
  });

  it('finish() hands the bytes over; reset() starts a new document in a new buffer', () => {
    const w = new WbxmlWriter();
    const first = w.header({ publicId: 1 }).emptyTag(0, 0x05).finish();
    expect(thrown(() => w.finish())).toMatchObject({ code: 'BAD_STATE' });
    w.reset();
    const second = w.header({ publicId: 2 }).emptyTag(0, 0x06).finish();
    expect(hex(first)).toBe('03 01 6a 00 05');
    expect(hex(second)).toBe('03 02 6a 00 06');
  });
});

describe('misuse', () => {
  const fresh = () => new WbxmlWriter();
  const started = () => new WbxmlWriter().header({ publicId: 1 }).startTag(0, 0x05);
  const cases: [string, () => unknown, string][] = [
    ['a tag before the header', () => fresh().startTag(0, 0x05), 'BAD_STATE'],
    ['two headers', () => started().header({ publicId: 1 }), 'BAD_STATE'],
    ['END without an open element', () => fresh().header({ publicId: 1 }).endTag(), 'NO_OPEN_ELEMENT'],
    ['END after the root closed', () => started().endTag().endTag(), 'NO_OPEN_ELEMENT'],
    ['a second root', () => started().endTag().emptyTag(0, 0x05), 'BAD_STATE'],
    ['text outside an element', () => fresh().header({ publicId: 1 }).text('x'), 'BAD_STATE'],
    ['NUL inside STR_I', () => started().text('a\u0000b'), 'NUL_IN_STRING'],
    ['NUL inside textBytes', () => started().textBytes(bytesOf('a', 0, 'b')), 'NUL_IN_STRING'],
    ['NUL inside a table string', () => started().tableText('\u0000'), 'NUL_IN_STRING'],
    [
      'odd UTF-16 bytes',
      () => new WbxmlWriter().header({ publicId: 1, charset: 1013 }).startTag(0, 5).textBytes(bytesOf(1)),
      'BAD_ARGUMENT',
    ],
    ['tag token 0x04', () => started().startTag(0, 0x04), 'BAD_ARGUMENT'],
    ['tag token 0x40', () => started().startTag(0, 0x40), 'BAD_ARGUMENT'],
    ['page 256', () => started().startTag(256, 0x05), 'BAD_ARGUMENT'],
    ['attribute outside a list', () => started().attribute(0, 0x05), 'BAD_STATE'],
    [
      'attribute code 0x43 (PI)',
      () => started().startTag(0, 6, false, true).attribute(0, 0x43),
      'BAD_ARGUMENT',
    ],
    [
      'attribute value code 0xC3 (OPAQUE)',
      () => started().startTag(0, 6, false, true).attribute(0, 5).attributeValue(0, 0xc3),
      'BAD_ARGUMENT',
    ],
    ['value before an attribute start', () => started().startTag(0, 6, false, true).text('v'), 'BAD_STATE'],
    ['an empty attribute list', () => started().startTag(0, 6, false, true).endAttributes(), 'BAD_STATE'],
    [
      'a child inside an attribute list',
      () => started().startTag(0, 6, false, true).emptyTag(0, 7),
      'BAD_STATE',
    ],
    [
      'two PI targets',
      () => started().startProcessingInstruction().attribute(0, 5).attribute(0, 6),
      'BAD_STATE',
    ],
    [
      'a PI without target',
      () => started().startProcessingInstruction().endProcessingInstruction(),
      'BAD_STATE',
    ],
    ['entity above U+10FFFF', () => started().entity(0x110000), 'BAD_ARGUMENT'],
    ['extension 3', () => started().extension(3 as 0), 'BAD_ARGUMENT'],
    ['a reference outside the table', () => started().stringReference(0), 'BAD_ARGUMENT'],
    ['finish with an open element', () => started().finish(), 'UNCLOSED_ELEMENT'],
    [
      'finish inside an attribute list',
      () => fresh().header({ publicId: 1 }).startTag(0, 5, false, true).finish(),
      'UNCLOSED_ELEMENT',
    ],
    ['finish without root', () => fresh().header({ publicId: 1 }).finish(), 'UNCLOSED_ELEMENT'],
    ['finish before the header', () => fresh().finish(), 'BAD_STATE'],
    ['numeric public id 0', () => fresh().header({ publicId: 0 }), 'BAD_ARGUMENT'],
    ['version 4', () => fresh().header({ publicId: 1, version: 4 }), 'BAD_ARGUMENT'],
    [
      'é in US-ASCII',
      () => new WbxmlWriter().header({ publicId: 1, charset: 3 }).startTag(0, 5).text('é'),
      'UNSUPPORTED_CHARSET',
    ],
    [
      'Ω in ISO-8859-1',
      () => new WbxmlWriter().header({ publicId: 1, charset: 4 }).startTag(0, 5).text('Ω'),
      'UNSUPPORTED_CHARSET',
    ],
    [
      'text in Shift_JIS',
      () => new WbxmlWriter().header({ publicId: 1, charset: 17 }).startTag(0, 5).text('a'),
      'UNSUPPORTED_CHARSET',
    ],
  ];
  it.each(cases)('%s', (_label, fn, code) => {
    const e = thrown(fn);
    expect(e).toBeInstanceOf(WbxmlError);
    expect((e as WbxmlError).code).toBe(code);
  });

  it('a failed call leaves the document as it was', () => {
    const w = started().text('ok');
    expect(thrown(() => w.text('bad\u0000'))).toMatchObject({ code: 'NUL_IN_STRING', offset: 5 });
    expect(
      thrown(() => new WbxmlWriter().header({ publicId: 1, charset: 4 }).startTag(0, 5).text('aΩ')),
    ).toMatchObject({
      code: 'UNSUPPORTED_CHARSET',
    });
    const out = w.endTag().finish();
    expect(hex(out)).toBe('03 01 6a 00 45 03 6f 6b 00 01');
  });

  it('textBytes writes other charsets', () => {
    const out = doc((w) => w.textBytes(bytesOf(0x82, 0xa0)), { publicId: 1, charset: 17 });
    const r = WbxmlReader.from(out);
    while (r.next() !== TokenKind.STR);
    expect(r.text()).toBe('あ'); // Shift_JIS 82 A0
  });
});

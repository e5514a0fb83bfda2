import { describe, expect, it } from 'vitest';
import { collectTokens } from './collect-tokens.test-util.js';
import { XmlToken } from './token-kind.js';
import { XmlReader } from './xml-reader.js';

const utf8 = new TextEncoder();

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[i * 2] = littleEndian ? u & 0xff : u >> 8;
    out[i * 2 + 1] = littleEndian ? u >> 8 : u & 0xff;
  }
  return out;
}

function readAll(bytes: Uint8Array): XmlReader {
  const reader = XmlReader.from(bytes);
  return reader;
}

describe('input encodings', () => {
  it('accepts a UTF-8 BOM; offsets count it', () => {
    const tokens = collectTokens([Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8.encode('<a>é</a>'))]);
    expect(tokens.map((t) => [t.kind, t.offset, t.text])).toEqual([
      ['START_TAG', 3, undefined],
      ['TEXT', 6, 'é'],
      ['END_TAG', 8, undefined],
    ]);
  });

  it.each([true, false])('transcodes UTF-16 (little endian: %s), with or without BOM', (littleEndian) => {
    const doc = '<?xml version="1.0" encoding="UTF-16"?><a b="é">€ 𝄞</a>';
    for (const text of [`\uFEFF${doc}`, doc]) {
      const bytes = utf16(text, littleEndian);
      const reader = readAll(bytes);
      expect(reader.next()).toBe(XmlToken.XML_DECLARATION);
      expect(reader.declaredEncoding).toBe('UTF-16');
      expect(reader.encoding).toBe('utf-8');
      expect(reader.inputEncoding).toBe(littleEndian ? 'utf-16le' : 'utf-16be');
      expect(reader.next()).toBe(XmlToken.START_TAG);
      expect(reader.attributeValue(0)).toBe('é');
      expect(reader.next()).toBe(XmlToken.TEXT);
      expect(reader.text()).toBe('€ 𝄞');
      expect(reader.textBytes()).toEqual(utf8.encode('€ 𝄞'));
      // Byte-by-byte input transcodes to the same tokens.
      expect(collectTokens(Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual(collectTokens([bytes]));
    }
  });

  it('decodes ISO-8859-1 text, attributes and names, and gives UTF-8 bytes', () => {
    const bytes = Uint8Array.of(
      ...utf8.encode('<?xml version="1.0" encoding="ISO-8859-1"?><a n="'),
      0xe9,
      ...utf8.encode('"><'),
      0xe9,
      ...utf8.encode('l>caf'),
      0xe9,
      0x80,
      ...utf8.encode(' &#x20AC;</'),
      0xe9,
      ...utf8.encode('l></a>'),
    );
    const reader = readAll(bytes);
    expect(reader.next()).toBe(XmlToken.XML_DECLARATION);
    expect(reader.encoding).toBe('iso-8859-1');
    expect(reader.next()).toBe(XmlToken.START_TAG);
    expect(reader.attributeValue(0)).toBe('é');
    expect(reader.attributeValueBytes(0)).toEqual(utf8.encode('é'));
    expect(reader.next()).toBe(XmlToken.START_TAG);
    expect(reader.name()).toBe('él');
    expect(reader.next()).toBe(XmlToken.TEXT);
    // ISO-8859-1 proper: 0x80 is U+0080 (WHATWG's label would give windows-1252's €).
    expect(reader.text()).toBe('café\u0080 €');
    expect(reader.textBytes()).toEqual(utf8.encode('café\u0080 €'));
  });

  it('decodes other declared encodings through TextDecoder (windows-1252)', () => {
    const bytes = Uint8Array.of(
      ...utf8.encode('<?xml version="1.0" encoding="windows-1252"?><a>'),
      0x80,
      ...utf8.encode('</a>'),
    );
    const reader = readAll(bytes);
    reader.next();
    expect(reader.encoding).toBe('windows-1252');
    reader.next();
    reader.next();
    expect(reader.text()).toBe('€');
    expect(reader.textBytes()).toEqual(utf8.encode('€'));
  });

  it('US-ASCII: bytes above 0x7F decode to U+FFFD', () => {
    const bytes = Uint8Array.of(
      ...utf8.encode('<?xml version="1.0" encoding="US-ASCII"?><a>x'),
      0xe9,
      ...utf8.encode('</a>'),
    );
    const reader = readAll(bytes);
    reader.next();
    reader.next();
    reader.next();
    expect(reader.text()).toBe('x\uFFFD');
    expect(reader.textBytes()).toEqual(utf8.encode('x\uFFFD'));
  });

  it('a UTF-8 BOM wins over a contradicting declaration', () => {
    const bytes = Uint8Array.of(
      0xef,
      0xbb,
      0xbf,
      ...utf8.encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>'),
    );
    const reader = readAll(bytes);
    reader.next();
    expect(reader.declaredEncoding).toBe('ISO-8859-1');
    expect(reader.encoding).toBe('utf-8');
    reader.next();
    reader.next();
    expect(reader.text()).toBe('é');
  });

  it('UTF-16 with an odd byte count or a lone surrogate is INVALID_ENCODING at its offset', () => {
    const odd = Uint8Array.of(0xff, 0xfe, 0x3c, 0x00, 0x61);
    expect(collectTokens([odd]).at(-1)).toEqual({ kind: 'ERROR INVALID_ENCODING', offset: 4, depth: -1 });
    const lowFirst = Uint8Array.of(0xfe, 0xff, 0x00, 0x3c, 0xdc, 0x00);
    expect(collectTokens([lowFirst]).at(-1)).toEqual({
      kind: 'ERROR INVALID_ENCODING',
      offset: 4,
      depth: -1,
    });
  });
});

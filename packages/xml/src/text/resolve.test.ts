import { describe, expect, it } from 'vitest';
import { XmlToken } from '../reader/token-kind.js';
import { XmlReader } from '../reader/xml-reader.js';

const utf8 = new TextEncoder();

function firstText(bytes: Uint8Array): XmlReader {
  const reader = XmlReader.from(bytes);
  for (let k = reader.next(); k !== XmlToken.TEXT && k !== XmlToken.CDATA; k = reader.next()) {
    if (k === XmlToken.END_OF_DOCUMENT) throw new Error('no text');
  }
  return reader;
}

describe('decode helpers', () => {
  it('expands the five entities and decimal / hex character references', () => {
    const reader = firstText(utf8.encode('<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x1F600;&#x10FFFF;</a>'));
    expect(reader.hasReferences).toBe(true);
    expect(reader.text()).toBe('<>&\'"A😀\u{10FFFF}');
    expect(reader.textBytes()).toEqual(utf8.encode('<>&\'"A😀\u{10FFFF}'));
  });

  it('keeps bytes of a range that ends inside a UTF-8 character (a large-object chunk)', () => {
    const bytes = Uint8Array.of(...utf8.encode('<Data>&amp;ab'), 0xe2, 0x82, ...utf8.encode('</Data>'));
    const reader = firstText(bytes);
    expect(Array.from(reader.textBytes())).toEqual([0x26, 0x61, 0x62, 0xe2, 0x82]);
    expect(reader.text()).toBe('&ab\uFFFD');
  });

  it('textBytes is a view when nothing needs expanding (text and CDATA)', () => {
    for (const doc of ['<a>plain é</a>', '<a><![CDATA[x &amp; <y>]]></a>']) {
      const bytes = utf8.encode(doc);
      const reader = firstText(bytes);
      const view = reader.textBytes();
      expect(view.buffer).toBe(bytes.buffer);
      expect(new TextDecoder().decode(view)).toBe(doc.includes('CDATA') ? 'x &amp; <y>' : 'plain é');
    }
  });

  it('normalizes attribute whitespace (literal TAB, LF, CR LF -> space; references kept)', () => {
    const reader = XmlReader.from(utf8.encode('<a v="x\ty\r\nz&#10;w&#9;" u="plain"/>'));
    reader.next();
    expect(reader.attributeValue(0)).toBe('x y z\nw\t');
    expect(reader.attributeValueBytes(0)).toEqual(utf8.encode('x y z\nw\t'));
    expect(reader.attributeValue(1)).toBe('plain');
  });

  it('decodes short and long ASCII and non-ASCII names and values the same way', () => {
    const long = 'x'.repeat(100);
    const reader = XmlReader.from(utf8.encode(`<Größe k="${long}" l="ä${long}">${long}é</Größe>`));
    reader.next();
    expect(reader.name()).toBe('Größe');
    expect(reader.attributeValue(0)).toBe(long);
    expect(reader.attributeValue(1)).toBe(`ä${long}`);
    reader.next();
    expect(reader.text()).toBe(`${long}é`);
  });

  it('whitespace text is reported and recognized', () => {
    const reader = firstText(utf8.encode('<a> \r\n\t</a>'));
    expect(reader.isWhitespace()).toBe(true);
    expect(reader.text()).toBe(' \r\n\t');
  });
});

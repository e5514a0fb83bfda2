import { describe, expect, it } from 'vitest';
import { XmlError } from '../errors.js';
import { seededRandom } from '../reader/collect-tokens.test-util.js';
import { XmlToken } from '../reader/token-kind.js';
import { XmlReader } from '../reader/xml-reader.js';
import { findUnrepresentableByte, findUnrepresentableChar } from './utf8-check.js';
import { XmlWriter } from './xml-writer.js';

const utf8 = new TextEncoder();
const str = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function writeErrorOf(action: () => unknown): { code: string; offset: number } {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(XmlError);
    const e = error as XmlError;
    return { code: e.code, offset: e.offset };
  }
  throw new Error('expected an XmlError');
}

describe('XmlWriter output', () => {
  it('writes declaration, DOCTYPE, elements, attributes, empty elements', () => {
    const w = new XmlWriter();
    w.declaration()
      .doctype(
        'SyncML',
        '-//SYNCML//DTD SyncML 1.2//EN',
        'http://www.openmobilealliance.org/tech/DTD/OMA-TS-SyncML_RepPro_DTD-V1_2.dtd',
      )
      .startElement('SyncML')
      .attribute('xmlns', 'SYNCML:SYNCML1.2')
      .element('VerDTD', '1.2')
      .startElement('Final')
      .endElement()
      .endElement();
    expect(str(w.finish())).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.2//EN" ' +
        '"http://www.openmobilealliance.org/tech/DTD/OMA-TS-SyncML_RepPro_DTD-V1_2.dtd">' +
        '<SyncML xmlns="SYNCML:SYNCML1.2"><VerDTD>1.2</VerDTD><Final/></SyncML>',
    );
  });

  it('escapes text (& < >) and attribute values (& < > " TAB LF CR)', () => {
    const w = new XmlWriter();
    w.startElement('a').attribute('v', 'q"&<>\'\t\n\r').text('x&y<z>"\'\r\n');
    w.textBytes(utf8.encode('&<>é')).endElement();
    expect(str(w.finish())).toBe(
      '<a v="q&quot;&amp;&lt;&gt;\'&#9;&#10;&#13;">x&amp;y&lt;z&gt;"\'\r\n&amp;&lt;&gt;é</a>',
    );
    const strict = new XmlWriter({ escapeCarriageReturn: true });
    strict.startElement('a').text('1\r\n2').textBytes(utf8.encode('\r')).endElement();
    expect(str(strict.finish())).toBe('<a>1&#13;\n2&#13;</a>');
  });

  it('attributeBytes escapes like attribute', () => {
    const w = new XmlWriter();
    w.startElement('a').attributeBytes('v', utf8.encode('a"b\tc')).endElement();
    expect(str(w.finish())).toBe('<a v="a&quot;b&#9;c"/>');
  });

  it('splits "]]>" inside CDATA into two sections', () => {
    const cases: [string, string][] = [
      ['x]]>y', '<![CDATA[x]]]]><![CDATA[>y]]>'],
      [']]>', '<![CDATA[]]]]><![CDATA[>]]>'],
      [']]]>', '<![CDATA[]]]]]><![CDATA[>]]>'],
      ['a]]>]]>b', '<![CDATA[a]]]]><![CDATA[>]]]]><![CDATA[>b]]>'],
      ['no end ]] > here', '<![CDATA[no end ]] > here]]>'],
    ];
    for (const [input, expected] of cases) {
      const w = new XmlWriter();
      w.startElement('d').cdata(utf8.encode(input)).endElement();
      const out = w.finish();
      expect(str(out)).toBe(`<d>${expected}</d>`);
      // A reader gets the original bytes back from the sections.
      const reader = XmlReader.from(out);
      let text = '';
      for (let k = reader.next(); k !== XmlToken.END_OF_DOCUMENT; k = reader.next()) {
        if (k === XmlToken.CDATA) text += reader.text();
      }
      expect(text).toBe(input);
    }
  });

  it('base64 matches RFC 4648 for every tail length', () => {
    for (let n = 0; n < 12; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 73 + 200) & 0xff);
      const w = new XmlWriter();
      w.startElement('b').base64(bytes).endElement();
      expect(str(w.finish())).toBe(n === 0 ? '<b/>' : `<b>${Buffer.from(bytes).toString('base64')}</b>`);
    }
  });

  it('indents element-only content and leaves mixed content alone', () => {
    const w = new XmlWriter({ indent: 2 });
    w.declaration()
      .startElement('a')
      .startElement('b')
      .element('c', 'x')
      .startElement('e')
      .endElement()
      .endElement();
    w.startElement('m').text('t').element('n', 'u').endElement().comment(' c ').endElement();
    expect(str(w.finish())).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a>\n  <b>\n    <c>x</c>\n    <e/>\n  </b>\n  <m>t<n>u</n></m>\n  <!-- c -->\n</a>\n',
    );
    const tabs = new XmlWriter({ indent: '\t' });
    tabs.startElement('a').element('b', '').endElement();
    expect(str(tabs.finish())).toBe('<a>\n\t<b/>\n</a>\n');
  });

  it('writes comments, processing instructions and raw bytes', () => {
    const w = new XmlWriter();
    w.comment(' top ')
      .processingInstruction('pi', 'a="1"')
      .startElement('r')
      .raw(utf8.encode('<x>&amp;</x>'));
    w.processingInstruction('p').endElement();
    expect(str(w.finish())).toBe('<!-- top --><?pi a="1"?><r><x>&amp;</x><?p?></r>');
  });

  it('finish() hands the bytes over and starts afresh', () => {
    const w = new XmlWriter({ initialCapacity: 4 });
    w.element('a', 'x'.repeat(100));
    const first = w.finish();
    expect(first.length).toBe(107);
    expect(w.length).toBe(0);
    w.element('b', '');
    expect(str(w.finish())).toBe('<b/>');
    expect(str(first)).toBe(`<a>${'x'.repeat(100)}</a>`);
  });
});

describe('XmlWriter refuses what would make the output ill-formed', () => {
  it('characters XML 1.0 cannot carry: nothing is written, the offset is in the input', () => {
    const w = new XmlWriter();
    w.startElement('a').text('ok');
    const before = w.length;
    expect(writeErrorOf(() => w.text('x\u0001'))).toEqual({ code: 'UNREPRESENTABLE_CHARACTER', offset: 1 });
    expect(writeErrorOf(() => w.text('\uD800x'))).toEqual({ code: 'UNREPRESENTABLE_CHARACTER', offset: 0 });
    expect(writeErrorOf(() => w.text('\uFFFE'))).toEqual({ code: 'UNREPRESENTABLE_CHARACTER', offset: 0 });
    expect(writeErrorOf(() => w.textBytes(Uint8Array.of(0x61, 0x00)))).toEqual({
      code: 'UNREPRESENTABLE_CHARACTER',
      offset: 1,
    });
    expect(writeErrorOf(() => w.textBytes(Uint8Array.of(0x61, 0xc3)))).toEqual({
      code: 'UNREPRESENTABLE_CHARACTER',
      offset: 1,
    });
    expect(writeErrorOf(() => w.cdata(Uint8Array.of(0x61, 0x5d, 0x5d, 0x3e, 0x1b)))).toEqual({
      code: 'UNREPRESENTABLE_CHARACTER',
      offset: 4,
    });
    expect(writeErrorOf(() => w.attribute('z', 'x'))).toEqual({
      code: 'INVALID_WRITER_STATE',
      offset: before,
    });
    expect(w.length).toBe(before);
    w.text('!').endElement();
    expect(str(w.finish())).toBe('<a>ok!</a>');
    const attr = new XmlWriter();
    attr.startElement('a');
    expect(writeErrorOf(() => attr.attribute('v', 'bad\u0002'))).toEqual({
      code: 'UNREPRESENTABLE_CHARACTER',
      offset: 3,
    });
    attr.attribute('v', 'good').endElement(); // the failed attribute left no trace, its name is free
    expect(str(attr.finish())).toBe('<a v="good"/>');
  });

  it('tryTextBytes writes in one pass, or answers false and leaves the element untouched', () => {
    const w = new XmlWriter();
    w.startElement('a');
    expect(w.tryTextBytes(Uint8Array.of(0x78, 0x01))).toBe(false);
    w.startElement('b');
    expect(w.tryTextBytes(Uint8Array.of(0xff))).toBe(false);
    w.endElement();
    expect(w.tryTextBytes(utf8.encode('x<é'))).toBe(true);
    w.endElement();
    expect(str(w.finish())).toBe('<a><b/>x&lt;é</a>');
  });

  it('findUnrepresentableByte / findUnrepresentableChar locate the first bad unit', () => {
    expect(findUnrepresentableByte(utf8.encode('plain é € 😀\t\r\n'))).toBe(-1);
    expect(findUnrepresentableByte(Uint8Array.of(0x41, 0x0b))).toBe(1);
    expect(findUnrepresentableByte(Uint8Array.of(0xc0, 0x80))).toBe(0); // overlong
    expect(findUnrepresentableByte(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(0); // surrogate
    expect(findUnrepresentableByte(Uint8Array.of(0xef, 0xbf, 0xbf))).toBe(0); // U+FFFF
    expect(findUnrepresentableByte(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(0); // > U+10FFFF
    expect(findUnrepresentableByte(Uint8Array.of(0x41, 0xe2, 0x82))).toBe(1); // cut short
    expect(findUnrepresentableByte(Uint8Array.of(0x41, 0xe2, 0x82, 0xac, 0x7f))).toBe(-1);
    expect(findUnrepresentableByte(Uint8Array.of(0x01, 0x41), 1)).toBe(-1);
    expect(findUnrepresentableChar('ok 😀')).toBe(-1);
    expect(findUnrepresentableChar('ok\u0008')).toBe(2);
    expect(findUnrepresentableChar('\uDC00')).toBe(0);
  });

  it('names, misplaced markup, duplicates, open elements, comment and PI content', () => {
    const w = new XmlWriter();
    expect(writeErrorOf(() => w.startElement('1a')).code).toBe('INVALID_NAME');
    expect(writeErrorOf(() => w.startElement('a b')).code).toBe('INVALID_NAME');
    expect(writeErrorOf(() => w.startElement('')).code).toBe('INVALID_NAME');
    expect(writeErrorOf(() => w.text('x')).code).toBe('INVALID_WRITER_STATE');
    expect(writeErrorOf(() => w.endElement()).code).toBe('INVALID_WRITER_STATE');
    w.startElement('a').attribute('x', '1');
    expect(writeErrorOf(() => w.attribute('x', '2')).code).toBe('INVALID_WRITER_STATE');
    expect(writeErrorOf(() => w.declaration()).code).toBe('INVALID_WRITER_STATE');
    expect(writeErrorOf(() => w.doctype('a')).code).toBe('INVALID_WRITER_STATE');
    expect(writeErrorOf(() => w.comment('a--b')).code).toBe('UNREPRESENTABLE_CHARACTER');
    expect(writeErrorOf(() => w.comment('a-')).code).toBe('UNREPRESENTABLE_CHARACTER');
    expect(writeErrorOf(() => w.processingInstruction('p', '?>')).code).toBe('UNREPRESENTABLE_CHARACTER');
    expect(writeErrorOf(() => w.processingInstruction('xml')).code).toBe('INVALID_WRITER_STATE');
    expect(writeErrorOf(() => w.finish()).code).toBe('INVALID_WRITER_STATE');
    w.endElement();
    expect(writeErrorOf(() => w.startElement('b')).code).toBe('INVALID_WRITER_STATE');
    expect(str(w.finish())).toBe('<a x="1"/>');
  });

  it('maxOutputSize bounds the buffer', () => {
    const w = new XmlWriter({ initialCapacity: 16, maxOutputSize: 64 });
    w.startElement('a');
    expect(writeErrorOf(() => w.text('x'.repeat(100))).code).toBe('OUTPUT_TOO_LARGE');
  });
});

// ---------------------------------------------------------------- round trips

type Node = { name: string; attributes: [string, string][]; children: (Node | string)[] };

const NAMES = ['SyncML', 'Item', 'Data', 'Größe', 'x-y.z', '_a', 'ns:el'];
const ALPHABET = [
  'a',
  'Z',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  ']',
  ']]>',
  '\t',
  '\n',
  '\r\n',
  'é',
  '€',
  '😀',
  ';',
  '&amp;',
];

function randomText(random: () => number, allowEmpty: boolean): string {
  const length = Math.floor(random() * 12) + (allowEmpty ? 0 : 1);
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  // Text nodes stay distinguishable from indentation.
  return allowEmpty || s.trim() !== '' ? s : `${s}x`;
}

function randomTree(random: () => number, depth: number): Node {
  const attributes: [string, string][] = [];
  const count = Math.floor(random() * 3);
  for (let i = 0; i < count; i++) attributes.push([`a${i}`, randomText(random, true)]);
  if (depth === 0) attributes.push(['xmlns:ns', 'urn:ns']);
  const children: (Node | string)[] = [];
  const n = depth > 4 ? 0 : Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    if (random() < 0.4) {
      const text = randomText(random, false);
      if (typeof children.at(-1) === 'string') children[children.length - 1] += text;
      else children.push(text);
    } else children.push(randomTree(random, depth + 1));
  }
  return { name: NAMES[Math.floor(random() * NAMES.length)]!, attributes, children };
}

function write(node: Node, w: XmlWriter, mode: number): void {
  w.startElement(node.name);
  for (const [k, v] of node.attributes) {
    if (mode === 0) w.attribute(k, v);
    else w.attributeBytes(k, utf8.encode(v));
  }
  for (const child of node.children) {
    if (typeof child !== 'string') write(child, w, mode);
    else if (mode === 0) w.text(child);
    else if (mode === 1) w.textBytes(utf8.encode(child));
    else w.cdata(utf8.encode(child));
  }
  w.endElement();
}

function read(bytes: Uint8Array, dropWhitespace: boolean): Node {
  const reader = XmlReader.from(bytes);
  const stack: Node[] = [{ name: '#document', attributes: [], children: [] }];
  for (let k = reader.next(); k !== XmlToken.END_OF_DOCUMENT; k = reader.next()) {
    const top = stack.at(-1)!;
    if (k === XmlToken.START_TAG) {
      const node: Node = { name: reader.name(), attributes: [], children: [] };
      for (let i = 0; i < reader.attributeCount; i++)
        node.attributes.push([reader.attributeName(i), reader.attributeValue(i)]);
      top.children.push(node);
      stack.push(node);
    } else if (k === XmlToken.END_TAG) {
      stack.pop();
    } else if (k === XmlToken.TEXT || k === XmlToken.CDATA) {
      if (dropWhitespace && k === XmlToken.TEXT && reader.isWhitespace()) continue;
      const text = reader.text();
      if (typeof top.children.at(-1) === 'string') top.children[top.children.length - 1] += text;
      else top.children.push(text);
    }
  }
  return stack[0]!.children[0] as Node;
}

describe('reader(writer(x)) round trips', () => {
  it('seeded random trees, as strings, bytes and CDATA, flat and indented', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const tree = randomTree(random, 0);
      for (const mode of [0, 1, 2]) {
        const flat = new XmlWriter({ escapeCarriageReturn: true });
        flat.declaration();
        write(tree, flat, mode);
        expect(read(flat.finish(), false)).toEqual(tree);
        // Indentation only adds whitespace-only text where the tree has none.
        const pretty = new XmlWriter({ indent: 1, escapeCarriageReturn: true });
        write(tree, pretty, mode);
        expect(read(pretty.finish(), true)).toEqual(tree);
      }
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NameTable } from '../names/name-table.js';
import { collectTokens } from './collect-tokens.test-util.js';
import { XmlToken } from './token-kind.js';
import { AttributeField } from './token-view.js';
import { XmlReader } from './xml-reader.js';

const vectors = process.env.SYNCDS_VECTORS!;
const utf8 = new TextEncoder();
const read = (file: string) => new Uint8Array(readFileSync(join(vectors, file)));

describe('exact tokens', () => {
  it('every token kind of a small document', () => {
    const src = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.2//EN" "http://x/d.dtd" [<!ENTITY e "]>">]>\n',
      '<!-- hi -->\n',
      '<?php echo 1 ?>\n',
      '<SyncML xmlns="SYNCML:SYNCML1.2" a=\'1 &lt; 2\'>',
      '<Meta><Type xmlns="syncml:metinf">text/x-vcard</Type></Meta>',
      '<Data><![CDATA[a]]b]]></Data>',
      '<Final/>',
      'x &amp; y',
      '</SyncML>\n',
    ].join('');
    const at = (needle: string) => src.indexOf(needle);
    const ml = 'SYNCML:SYNCML1.2';
    const mi = 'syncml:metinf';
    expect(collectTokens([utf8.encode(src)])).toEqual([
      { kind: 'XML_DECLARATION', offset: 0, depth: 0, text: '1.0|UTF-8|true' },
      {
        kind: 'DOCTYPE',
        offset: at('<!DOCTYPE'),
        depth: 0,
        name: 'SyncML',
        publicId: '-//SYNCML//DTD SyncML 1.2//EN',
        systemId: 'http://x/d.dtd',
        text: '<!ENTITY e "]>">',
      },
      { kind: 'COMMENT', offset: at('<!--'), depth: 0, text: ' hi ' },
      { kind: 'PROCESSING_INSTRUCTION', offset: at('<?php'), depth: 0, name: 'php', text: 'echo 1 ' },
      {
        kind: 'START_TAG',
        offset: at('<SyncML'),
        depth: 1,
        name: 'SyncML',
        ns: ml,
        selfClosing: false,
        attributes: [
          ['xmlns', ml],
          ['a', '1 < 2'],
        ],
      },
      {
        kind: 'START_TAG',
        offset: at('<Meta>'),
        depth: 2,
        name: 'Meta',
        ns: ml,
        selfClosing: false,
        attributes: [],
      },
      {
        kind: 'START_TAG',
        offset: at('<Type'),
        depth: 3,
        name: 'Type',
        ns: mi,
        selfClosing: false,
        attributes: [['xmlns', mi]],
      },
      {
        kind: 'TEXT',
        offset: at('text/x-vcard'),
        depth: 3,
        text: 'text/x-vcard',
        raw: 'text/x-vcard',
        references: false,
      },
      { kind: 'END_TAG', offset: at('</Type>'), depth: 3, name: 'Type', ns: mi, selfClosing: false },
      { kind: 'END_TAG', offset: at('</Meta>'), depth: 2, name: 'Meta', ns: ml, selfClosing: false },
      {
        kind: 'START_TAG',
        offset: at('<Data>'),
        depth: 2,
        name: 'Data',
        ns: ml,
        selfClosing: false,
        attributes: [],
      },
      { kind: 'CDATA', offset: at('<![CDATA['), depth: 2, text: 'a]]b' },
      { kind: 'END_TAG', offset: at('</Data>'), depth: 2, name: 'Data', ns: ml, selfClosing: false },
      {
        kind: 'START_TAG',
        offset: at('<Final/>'),
        depth: 2,
        name: 'Final',
        ns: ml,
        selfClosing: true,
        attributes: [],
      },
      { kind: 'END_TAG', offset: at('<Final/>'), depth: 2, name: 'Final', ns: ml, selfClosing: true },
      { kind: 'TEXT', offset: at('x &amp;'), depth: 1, text: 'x & y', raw: 'x &amp; y', references: true },
      { kind: 'END_TAG', offset: at('</SyncML>'), depth: 1, name: 'SyncML', ns: ml, selfClosing: false },
    ]);
  });

  it('wbxml/syncml_client_packet_1.xml: declaration, DOCTYPE, indented elements', () => {
    const tokens = collectTokens([read('wbxml/syncml_client_packet_1.xml')]);
    const ns = 'syncml:SYNCML1.1';
    expect(tokens.slice(0, 9)).toEqual([
      { kind: 'XML_DECLARATION', offset: 0, depth: 0, text: '1.0|undefined|undefined' },
      {
        kind: 'DOCTYPE',
        offset: 22,
        depth: 0,
        name: 'SyncML',
        publicId: '-//SYNCML//DTD SyncML 1.1//EN',
        systemId: 'http://www.syncml.org/docs/syncml_represent_v11_20020213.dtd',
        text: '',
      },
      {
        kind: 'START_TAG',
        offset: 142,
        depth: 1,
        name: 'SyncML',
        ns,
        selfClosing: false,
        attributes: [['xmlns', ns]],
      },
      { kind: 'TEXT', offset: 175, depth: 1, text: '\n ', raw: '\n ', references: false },
      { kind: 'START_TAG', offset: 177, depth: 2, name: 'SyncHdr', ns, selfClosing: false, attributes: [] },
      { kind: 'TEXT', offset: 186, depth: 2, text: '\n  ', raw: '\n  ', references: false },
      { kind: 'START_TAG', offset: 189, depth: 3, name: 'VerDTD', ns, selfClosing: false, attributes: [] },
      { kind: 'TEXT', offset: 197, depth: 3, text: '\n   1.1\n  ', raw: '\n   1.1\n  ', references: false },
      { kind: 'END_TAG', offset: 207, depth: 3, name: 'VerDTD', ns, selfClosing: false },
    ]);
  });

  it('funambol msg9.xml: a vCard with &amp; in <Data>', () => {
    const bytes = read('wbxml/funambol/msg9.xml');
    const tokens = collectTokens([bytes]);
    const data = tokens.find((t) => t.kind === 'TEXT' && t.references === true)!;
    expect(data.offset).toBe(
      new TextDecoder().decode(bytes).indexOf('BEGIN:VCARD\r\nVERSION:2.1\r\nN:Parker'),
    );
    expect(data.text).toBe(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Parker;Lucy;;;\r\nFN:Parker, Lucy\r\nEMAIL;INTERNET:lucy@company.com\r\n' +
        'TITLE:Secretary\r\nORG:Co & Co;\r\nTEL;VOICE:+039 123145123\r\nEND:VCARD\r\n',
    );
  });

  it('P900 client 11: vCalendar in CDATA, MetInf in single-quoted xmlns', () => {
    const tokens = collectTokens([read('sessions/P900_tasksandcalendar/syncml_client_11.xml')]);
    const cdata = tokens.filter((t) => t.kind === 'CDATA');
    expect(cdata).toHaveLength(3);
    expect(cdata[0]!.offset).toBe(1205 - 3);
    expect(cdata[0]!.text!.startsWith('BEGIN:VCALENDAR\nVERSION:1.0\nBEGIN:VEVENT\nUID:667\n')).toBe(true);
    const types = tokens.filter((t) => t.kind === 'START_TAG' && t.name === 'Type');
    expect(types.every((t) => t.ns === 'syncml:metinf')).toBe(true);
  });
});

describe('reader fields and helpers', () => {
  it('ranges, attribute table, name lookups, zero-copy text', () => {
    const bytes = utf8.encode('<p:a xmlns:p="urn:p" p:x="1" y="v&#x41;"><b>hé</b></p:a>');
    const reader = XmlReader.from(bytes);
    expect(reader.next()).toBe(XmlToken.START_TAG);
    expect(reader.buffer).toBe(bytes);
    expect([reader.nameStart, reader.localStart, reader.nameEnd]).toEqual([1, 3, 4]);
    expect(reader.prefix()).toBe('p');
    expect(reader.localName()).toBe('a');
    expect(reader.name()).toBe('p:a');
    expect(reader.namespaceUri).toBe('urn:p');
    expect(reader.nameEquals(utf8.encode('p:a'))).toBe(true);
    expect(reader.localNameEquals(utf8.encode('a'))).toBe(true);
    expect(reader.localNameEquals(utf8.encode('p:a'))).toBe(false);
    const table = new NameTable(['b', 'a']);
    expect(reader.lookupLocalName(table)).toBe(1);
    expect(reader.lookupName(table)).toBe(-1);
    expect(reader.attributeCount).toBe(3);
    const second = AttributeField.STRIDE;
    expect(reader.attributes[second + AttributeField.NAME_START]).toBe(21); // p:x
    expect(reader.attributes[second + AttributeField.LOCAL_START]).toBe(23);
    expect(reader.attributes[second + AttributeField.VALUE_START]).toBe(26);
    expect(reader.attributes[second + AttributeField.VALUE_END]).toBe(27);
    expect(reader.attributeNamespaceUri(1)).toBe('urn:p');
    expect(reader.attributeLocalName(1)).toBe('x');
    expect(reader.attributeNamespaceUri(2)).toBe('');
    expect(reader.attributeNamespaceUri(0)).toBe('http://www.w3.org/2000/xmlns/');
    expect(reader.findAttribute(utf8.encode('y'))).toBe(2);
    expect(reader.attributes[second * 2 + AttributeField.FLAGS]).toBe(1);
    expect(reader.attributeValue(2)).toBe('vA');
    expect(Array.from(reader.attributeValueBytes(2))).toEqual([0x76, 0x41]);
    expect(reader.attributeValueBytes(1).buffer).toBe(bytes.buffer); // no reference: a view
    expect(reader.lookupAttributeName(2, new NameTable(['y']))).toBe(0);
    expect(reader.next()).toBe(XmlToken.START_TAG);
    expect(reader.namespaceUri).toBe(''); // p: is not the default namespace
    expect(reader.next()).toBe(XmlToken.TEXT);
    expect(reader.text()).toBe('hé');
    const view = reader.textBytes();
    expect(view.buffer).toBe(bytes.buffer);
    expect(view.byteOffset).toBe(reader.textStart);
    expect(reader.isWhitespace()).toBe(false);
    expect(reader.next()).toBe(XmlToken.END_TAG);
    expect(reader.next()).toBe(XmlToken.END_TAG);
    expect(reader.namespaceUri).toBe('urn:p');
    expect(reader.next()).toBe(XmlToken.END_OF_DOCUMENT);
    expect(reader.next()).toBe(XmlToken.END_OF_DOCUMENT);
  });

  it('NEED_MORE is returned, not thrown, and a token split across writes is copied once', () => {
    const reader = new XmlReader();
    reader.write(utf8.encode('<root><na'));
    expect(reader.next()).toBe(XmlToken.START_TAG);
    const first = reader.buffer;
    expect(reader.next()).toBe(XmlToken.NEED_MORE);
    expect(reader.next()).toBe(XmlToken.NEED_MORE);
    const second = utf8.encode('me a="1">t</name></root>');
    reader.write(second);
    expect(reader.next()).toBe(XmlToken.START_TAG);
    expect(reader.buffer).not.toBe(first);
    expect(reader.buffer).not.toBe(second);
    expect(reader.buffer.length).toBe('<name a="1">'.length); // just the split token
    expect(reader.tokenOffset).toBe(6);
    expect(reader.name()).toBe('name');
    expect(reader.next()).toBe(XmlToken.TEXT);
    expect(reader.buffer).toBe(second); // back to zero-copy
    expect(reader.tokenOffset).toBe(18);
    expect(reader.next()).toBe(XmlToken.END_TAG);
    expect(reader.next()).toBe(XmlToken.END_TAG);
    expect(reader.next()).toBe(XmlToken.NEED_MORE);
    reader.end();
    expect(reader.next()).toBe(XmlToken.END_OF_DOCUMENT);
  });

  it('whitespace outside the root is skipped; inside it is TEXT', () => {
    const tokens = collectTokens([utf8.encode(' \n<a> <b/> </a>\r\n ')]);
    expect(tokens.map((t) => t.kind)).toEqual([
      'START_TAG',
      'TEXT',
      'START_TAG',
      'END_TAG',
      'TEXT',
      'END_TAG',
    ]);
  });

  it('interns names: the same string for every occurrence', () => {
    const reader = XmlReader.from(utf8.encode('<a><Item/><Item/></a>'));
    reader.next();
    reader.next();
    const first = reader.name();
    reader.next();
    reader.next();
    expect(reader.name()).toBe(first);
  });

  it('reset() makes the reader reusable with the same options', () => {
    const reader = new XmlReader({ maxDepth: 2 });
    reader.write(utf8.encode('<a><b><c/></b></a>'));
    reader.end();
    expect(() => {
      while (reader.next() !== XmlToken.END_OF_DOCUMENT);
    }).toThrow(expect.objectContaining({ code: 'DEPTH_LIMIT', offset: 6 }));
    expect(() => reader.next()).toThrow(expect.objectContaining({ code: 'DEPTH_LIMIT' }));
    reader.reset();
    reader.write(utf8.encode('<a><b/></a>'));
    reader.end();
    const kinds: number[] = [];
    for (let k = reader.next(); k !== XmlToken.END_OF_DOCUMENT; k = reader.next()) kinds.push(k);
    expect(kinds).toEqual([XmlToken.START_TAG, XmlToken.START_TAG, XmlToken.END_TAG, XmlToken.END_TAG]);
  });

  it('grows the attribute table past 64 attributes (up to maxAttributes)', () => {
    const attributes = Array.from({ length: 70 }, (_, i) => `a${i}="${i}"`).join(' ');
    const reader = XmlReader.from(utf8.encode(`<r ${attributes}/>`), { maxAttributes: 100 });
    const before = reader.attributes;
    expect(reader.next()).toBe(XmlToken.START_TAG);
    expect(reader.attributes).not.toBe(before);
    expect(reader.attributeCount).toBe(70);
    expect([reader.attributeName(69), reader.attributeValue(69)]).toEqual(['a69', '69']);
  });

  it('keeps decoding names right once the interning table is full', () => {
    const reader = XmlReader.from(utf8.encode('<a><b/><c/><d/><e/><b/></a>'), { maxInternedStrings: 2 });
    const names: string[] = [];
    for (let k = reader.next(); k !== XmlToken.END_OF_DOCUMENT; k = reader.next()) {
      if (k === XmlToken.START_TAG) names.push(reader.name());
    }
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e', 'b']);
  });

  it('the xml prefix is bound by definition', () => {
    const reader = XmlReader.from(utf8.encode('<a xml:lang="de"><xml:b/></a>'));
    reader.next();
    expect(reader.attributeNamespaceUri(0)).toBe('http://www.w3.org/XML/1998/namespace');
    reader.next();
    expect(reader.namespaceUri).toBe('http://www.w3.org/XML/1998/namespace');
  });

  it('write() after end() is a usage error', () => {
    const reader = new XmlReader();
    reader.end();
    expect(() => reader.write(utf8.encode('<a/>'))).toThrow(
      expect.objectContaining({ code: 'INVALID_READER_STATE' }),
    );
  });

  it('option values are checked', () => {
    expect(() => new XmlReader({ maxDepth: 0 })).toThrow(RangeError);
    expect(() => new XmlReader({ maxTextLength: 1.5 })).toThrow(RangeError);
  });
});

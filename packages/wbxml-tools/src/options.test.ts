import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyncMLTag, tokenOfTagId } from '@syncds/codepages';
import { WbxmlReader, WbxmlWriter } from '@syncds/wbxml';
import { describe, expect, it } from 'vitest';
import { parseTree } from './oracle.test-util.js';
import { wbxmlToXml } from './wbxml-to-xml.js';
import { xmlToWbxml } from './xml-to-wbxml.js';

const vectors = process.env.SYNCDS_VECTORS!;
const utf8 = new TextEncoder();
const read = (file: string) => new Uint8Array(readFileSync(join(vectors, file)));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Kinds of the tokens of a WBXML document, as names (STR, OPAQUE, ...). */
function collect(bytes: Uint8Array): string[] {
  const reader = WbxmlReader.from(bytes);
  const names: string[] = [];
  for (let k = reader.next(); k !== 1; k = reader.next()) names.push(reader.snapshot().kindName);
  return names;
}

describe('xmlToWbxml options', () => {
  const message = utf8.encode(
    '<SyncML xmlns="SYNCML:SYNCML1.1"><SyncHdr><VerDTD>1.1</VerDTD><VerProto>SyncML/1.1</VerProto></SyncHdr>' +
      '<SyncBody><Alert><Data>200</Data></Alert><Alert><Data>200</Data></Alert><Final/></SyncBody></SyncML>',
  );

  it('defaults: WBXML 1.2, numeric public id, UTF-8, no string table', () => {
    expect(Array.from(xmlToWbxml(message).subarray(0, 6))).toEqual([0x02, 0x9f, 0x53, 0x6a, 0x00, 0x6d]);
  });

  it('version and public id in the string table', () => {
    const bytes = xmlToWbxml(message, { version: 0x03, publicId: 'string' });
    expect(Array.from(bytes.subarray(0, 5))).toEqual([0x03, 0x00, 0x00, 0x6a, 30]);
    expect(text(bytes.subarray(5, 34))).toBe('-//SYNCML//DTD SyncML 1.1//EN');
    expect(parseTree(wbxmlToXml(bytes))).toEqual(parseTree(wbxmlToXml(xmlToWbxml(message))));
  });

  it('stringTable puts repeated text in the string table (STR_T) and decodes to the same tree', () => {
    const bytes = xmlToWbxml(message, { stringTable: true });
    expect(bytes[4]).toBe(4); // "200\0"
    const reader = WbxmlReader.from(bytes);
    const strings: [string, boolean][] = [];
    for (let k = reader.next(); k !== 1; k = reader.next()) {
      if (reader.snapshot().kindName === 'STR') strings.push([reader.text(), reader.fromStringTable]);
    }
    expect(strings).toEqual([
      ['1.1', false],
      ['SyncML/1.1', false],
      ['200', true],
      ['200', true],
    ]);
    expect(parseTree(wbxmlToXml(bytes))).toEqual(parseTree(message));
  });

  it('whitespace: ignorable (default), trim, preserve', () => {
    const packet = read('wbxml/syncml_client_packet_1.xml'); // values written "\n   1.1\n  "
    const verDtd = (bytes: Uint8Array) => parseTree(wbxmlToXml(bytes)).children[0]!.children[0]!.text;
    expect(verDtd(xmlToWbxml(packet))).toBe('\n   1.1\n  ');
    expect(verDtd(xmlToWbxml(packet, { whitespace: 'trim' }))).toBe('1.1');
    const preserved = wbxmlToXml(xmlToWbxml(packet, { whitespace: 'preserve' }), {
      xmlDeclaration: false,
      doctype: false,
    });
    expect(
      text(preserved).startsWith('<SyncML xmlns="syncml:SYNCML1.1">\n <SyncHdr>\n  <VerDTD>\n   1.1'),
    ).toBe(false);
    expect(
      text(preserved).startsWith(
        '<SyncML xmlns="SYNCML:SYNCML1.1">\n <SyncHdr>\n  <VerDTD>\n   1.1\n  </VerDTD>',
      ),
    ).toBe(true);
  });

  it('CDATA becomes OPAQUE by default, inline strings on request', () => {
    const add10 = read('synthetic/sync12_add10.xml');
    expect(collect(xmlToWbxml(add10)).filter((k) => k === 'OPAQUE')).toHaveLength(10);
    expect(collect(xmlToWbxml(add10, { cdataAsOpaque: false })).filter((k) => k === 'OPAQUE')).toHaveLength(
      0,
    );
    expect(parseTree(wbxmlToXml(xmlToWbxml(add10, { cdataAsOpaque: false })))).toEqual(parseTree(add10));
  });

  it('picks the vocabulary: DOCTYPE public id first, then namespace, then root name and VerDTD', () => {
    const header = (xml: string) => Array.from(xmlToWbxml(utf8.encode(xml)).subarray(0, 3));
    expect(
      header(
        '<!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.0//EN" "x"><SyncML xmlns="SYNCML:SYNCML1.2"/>',
      ),
    ).toEqual([0x02, 0x9f, 0x51]);
    expect(header('<SyncML xmlns="syncml:syncml1.2"/>')).toEqual([0x02, 0xa4, 0x01]);
    expect(header('<SyncML><SyncHdr><VerDTD>1.1</VerDTD></SyncHdr></SyncML>')).toEqual([0x02, 0x9f, 0x53]);
    expect(header('<SyncML/>')).toEqual([0x02, 0xa4, 0x01]); // no clue: the newest
    expect(header('<DevInf xmlns="syncml:devinf"><VerDTD>1.0</VerDTD></DevInf>')).toEqual([0x02, 0x9f, 0x52]);
    expect(
      Array.from(xmlToWbxml(utf8.encode('<SyncML/>'), { vocabulary: 'syncml10' }).subarray(0, 3)),
    ).toEqual([0x02, 0x9f, 0x51]);
  });

  it("Funambol's namespace-less message: SyncML 1.1 from its VerDTD, DevInf 1.1 nested from its own", () => {
    const bytes = xmlToWbxml(read('wbxml/funambol/msg1.xml'));
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0x02, 0x9f, 0x53]);
    const nested = bytes.indexOf(0xc3);
    // OPAQUE, mb_u_int32 length, then the nested header: WBXML 1.2, DevInf 1.1 (0x0FD4).
    const header = bytes.subarray(nested + 1).findIndex((b) => (b & 0x80) === 0) + nested + 2;
    expect(Array.from(bytes.subarray(header, header + 3))).toEqual([0x02, 0x9f, 0x54]);
  });

  it('nested DevInf round trip: Type follows the form (+xml in XML, +wbxml in WBXML)', () => {
    const p900 = read('sessions/P900_tasksandcalendar/syncml_client_10.xml');
    const bytes = xmlToWbxml(p900);
    expect(text(bytes)).toContain('application/vnd.syncml-devinf+wbxml');
    expect(parseTree(wbxmlToXml(bytes), { foldNamespaceCase: true })).toEqual(
      parseTree(p900, { foldNamespaceCase: true }),
    );
    expect(text(xmlToWbxml(p900, { rewriteDevInfType: false }))).toContain(
      'application/vnd.syncml-devinf+xml',
    );
  });

  it('attributes go as literal attributes and come back', () => {
    const xml = utf8.encode('<SyncML xmlns="SYNCML:SYNCML1.2" note="a&amp;b"><Final/></SyncML>');
    const bytes = xmlToWbxml(xml);
    expect(collect(bytes)).toEqual([
      'HEADER',
      'START_TAG',
      'ATTR_START',
      'STR',
      'ATTR_END',
      'START_TAG',
      'END_TAG',
      'END_TAG',
    ]);
    expect(text(wbxmlToXml(bytes, { xmlDeclaration: false, doctype: false }))).toBe(
      '<SyncML xmlns="SYNCML:SYNCML1.2" note="a&amp;b"><Final/></SyncML>',
    );
  });
});

describe('wbxmlToXml options', () => {
  it('literal elements decode by their string-table name, in the parent namespace', () => {
    const w = new WbxmlWriter();
    w.header({ version: 0x03, publicId: 0x1201 });
    w.startTag(0, tokenOfTagId(SyncMLTag.SyncML)).startLiteral('X-Custom', true, true).literalAttribute('k');
    w.text('v').endAttributes().text('t').endTag().endTag();
    expect(text(wbxmlToXml(w.finish(), { xmlDeclaration: false, doctype: false }))).toBe(
      '<SyncML xmlns="SYNCML:SYNCML1.2"><X-Custom k="v">t</X-Custom></SyncML>',
    );
  });

  it('indent, CR escaping', () => {
    const w = new WbxmlWriter();
    w.header({ version: 0x02, publicId: 0x1201 });
    w.startTag(0, tokenOfTagId(SyncMLTag.SyncML))
      .textElement(0, tokenOfTagId(SyncMLTag.Data), 'a\r\nb')
      .endTag();
    const bytes = w.finish();
    const plain = { xmlDeclaration: false, doctype: false };
    expect(text(wbxmlToXml(bytes, { ...plain, indent: 1 }))).toBe(
      '<SyncML xmlns="SYNCML:SYNCML1.2">\n <Data>a\r\nb</Data>\n</SyncML>\n',
    );
    expect(text(wbxmlToXml(bytes, { ...plain, escapeCarriageReturn: true }))).toBe(
      '<SyncML xmlns="SYNCML:SYNCML1.2"><Data>a&#13;\nb</Data></SyncML>',
    );
  });
});

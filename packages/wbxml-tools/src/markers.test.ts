import { spawnSync } from 'node:child_process';
import { SyncMLTag, tokenOfTagId } from '@syncds/codepages';
import { WbxmlWriter } from '@syncds/wbxml';
import { XmlReader, XmlToken } from '@syncds/xml';
import { describe, expect, it } from 'vitest';
import { libwbxmlDecode } from './oracle.test-util.js';
import { wbxmlToXml } from './wbxml-to-xml.js';
import { xmlToWbxml } from './xml-to-wbxml.js';

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A SyncML 1.2 message whose <Data> elements hold what `fill` writes. */
function syncml(fill: (w: WbxmlWriter) => void): Uint8Array {
  const tag = (id: number) => tokenOfTagId(id);
  const w = new WbxmlWriter();
  w.header({ version: 0x02, publicId: 0x1201, charset: 106 });
  w.startTag(0, tag(SyncMLTag.SyncML)).startTag(0, tag(SyncMLTag.SyncHdr));
  w.textElement(0, tag(SyncMLTag.VerDTD), '1.2').endTag();
  w.startTag(0, tag(SyncMLTag.SyncBody)).startTag(0, tag(SyncMLTag.Add)).startTag(0, tag(SyncMLTag.Item));
  fill(w);
  w.endTag().endTag().endTag().endTag();
  return w.finish();
}

/** True when Python's expat accepts the bytes: a second, independent XML parser. */
function expatAccepts(xml: Uint8Array): boolean {
  const check = 'import sys, xml.parsers.expat as e; e.ParserCreate().Parse(sys.stdin.buffer.read(), True)';
  return spawnSync('python3', ['-c', check], { input: xml }).status === 0;
}

function wellFormed(xml: Uint8Array): boolean {
  try {
    const reader = XmlReader.from(xml);
    while (reader.next() !== XmlToken.END_OF_DOCUMENT);
    return true;
  } catch {
    return false;
  }
}

const DATA = tokenOfTagId(SyncMLTag.Data);
const hostile = Uint8Array.of(0x01, 0x02, ...utf8.encode(']]>'), 0xff, 0x00, 0x1b, 0x61, 0xc3);

describe('content XML cannot carry', () => {
  it('an OPAQUE holding control bytes, "]]>" and invalid UTF-8 gives well-formed XML that encodes back to the same bytes', () => {
    const wbxml = syncml((w) => {
      w.startTag(0, DATA).opaque(hostile).endTag();
      w.startTag(0, DATA).textBytes(utf8.encode('bell\u0007')).endTag(); // a string with a control character
      w.startTag(0, DATA).text('a').entity(0x01).text('b').endTag(); // an entity XML cannot hold
    });
    const xml = wbxmlToXml(wbxml);
    expect(wellFormed(xml)).toBe(true);
    expect(expatAccepts(xml)).toBe(true);
    expect(text(xml)).toContain(
      '<Data><opaque xmlns="urn:syncds:wbxml-tools" encoding="base64">AQJdXT7/ABthww==</opaque></Data>' +
        '<Data><string xmlns="urn:syncds:wbxml-tools" encoding="base64">YmVsbAc=</string></Data>' +
        '<Data>a<entity xmlns="urn:syncds:wbxml-tools" codepoint="1"/>b</Data>',
    );
    expect(xmlToWbxml(xml)).toEqual(wbxml);
    // Pretty-printed, too (indentation is white space between elements).
    expect(xmlToWbxml(wbxmlToXml(wbxml, { indent: 2 }))).toEqual(wbxml);
  });

  it("libwbxml's wbxml2xml writes the same OPAQUE as ill-formed XML (why the markers exist)", () => {
    const wbxml = syncml((w) => w.startTag(0, DATA).opaque(hostile).endTag());
    expect(expatAccepts(libwbxmlDecode(wbxml))).toBe(false);
  });

  it('OPAQUE that is valid text, and representable entities, become plain text', () => {
    const wbxml = syncml((w) => {
      w.startTag(0, DATA).opaque(utf8.encode('BEGIN:VCARD\r\nN:Doe & <Co>]]>\r\nEND:VCARD\r\n')).endTag();
      w.startTag(0, DATA).text('caf').entity(0xe9).entity(0x1f600).endTag();
    });
    const xml = text(wbxmlToXml(wbxml));
    expect(xml).toContain('<Data>BEGIN:VCARD\r\nN:Doe &amp; &lt;Co&gt;]]&gt;\r\nEND:VCARD\r\n</Data>');
    expect(xml).toContain('<Data>café😀</Data>');
  });

  it('refuses marker elements that cannot be decoded, with their offset', () => {
    const wrap = (inner: string) =>
      utf8.encode(
        `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Add><Item><Data>${inner}</Data></Item></Add></SyncBody></SyncML>`,
      );
    const at = '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Add><Item><Data>'.length;
    const m = 'xmlns="urn:syncds:wbxml-tools"';
    for (const inner of [
      `<opaque ${m} encoding="base64">!!!!</opaque>`,
      `<opaque ${m} encoding="hex">00</opaque>`,
      `<opaque ${m} encoding="base64"><x/></opaque>`,
      `<string ${m} encoding="base64">AA==</string>`,
      `<entity ${m} codepoint="x"/>`,
      `<entity ${m} codepoint="1114112"/>`,
      `<entity ${m} codepoint="1">x</entity>`,
      `<other ${m}/>`,
    ]) {
      expect(() => xmlToWbxml(wrap(inner))).toThrow(
        expect.objectContaining({ code: 'INVALID_MARKER', offset: at }),
      );
    }
  });
});

// The writer against libwbxml's xml2wbxml (Debian libwbxml2-utils): the same document, built
// here from tokens, must come out byte for byte as xml2wbxml encodes its XML form. The bytes
// are also written out below, so the expectations hold where the tool is not installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenKind } from '../constants.js';
import { tokenize } from '../reader/tokenize.js';
import { WbxmlWriter } from './writer.js';

const xml2wbxml = '/usr/bin/xml2wbxml';
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const textHex = (s: string) => hex(new TextEncoder().encode(s));

interface Case {
  name: string;
  xml: string;
  args: string[];
  build: () => Uint8Array;
  expected: string;
}

// SyncML 1.2 page 0 / MetInf page 1 tokens (syncml-facts.md §3).
const cases: Case[] = [
  {
    name: 'SyncML 1.2 header and an Alert, MetInf on page 1',
    args: [],
    xml: `<?xml version="1.0"?>
<!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/OMA-TS-SyncML_RepPro_DTD-V1_2.dtd">
<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>http://example.com/sync</LocURI></Target><Source><LocURI>IMEI:1234</LocURI></Source><Meta><MaxMsgSize xmlns="syncml:metinf">10000</MaxMsgSize></Meta></SyncHdr><SyncBody><Alert><CmdID>1</CmdID><Data>200</Data></Alert><Final/></SyncBody></SyncML>`,
    build: () =>
      new WbxmlWriter()
        .header({ version: 3, publicId: 0x1201 })
        .startTag(0, 0x2d)
        .startTag(0, 0x2c)
        .textElement(0, 0x31, '1.2')
        .textElement(0, 0x32, 'SyncML/1.2')
        .textElement(0, 0x25, '1')
        .textElement(0, 0x1b, '1')
        .startTag(0, 0x2e)
        .textElement(0, 0x17, 'http://example.com/sync')
        .endTag()
        .startTag(0, 0x27)
        .textElement(0, 0x17, 'IMEI:1234')
        .endTag()
        .startTag(0, 0x1a)
        .textElement(1, 0x0c, '10000')
        .endTag()
        .endTag()
        .startTag(0, 0x2b)
        .startTag(0, 0x06)
        .textElement(0, 0x0b, '1')
        .textElement(0, 0x0f, '200')
        .endTag()
        .emptyTag(0, 0x12)
        .endTag()
        .endTag()
        .finish(),
    expected:
      `03a4016a006d6c7103${textHex('1.2')}00017203${textHex('SyncML/1.2')}000165033100015b033100016e5703` +
      `${textHex('http://example.com/sync')}000101675703${textHex('IMEI:1234')}0001015a00014c03${textHex('10000')}` +
      '0001010100006b464b033100014f03323030000101120101',
  },
  {
    name: 'DevInf 1.2, WBXML 1.2, a repeated string in the string table',
    args: ['-v', '1.2'],
    xml: `<?xml version="1.0"?>
<!DOCTYPE DevInf PUBLIC "-//SYNCML//DTD DevInf 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/OMA-SyncML-Device_Information-DTD-1.2.dtd">
<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD><Man>ACME</Man><DataStore><SourceRef>./contacts</SourceRef><Rx-Pref><CTType>text/vcard</CTType><VerCT>3.0</VerCT></Rx-Pref><Tx-Pref><CTType>text/vcard</CTType><VerCT>3.0</VerCT></Tx-Pref><SyncCap><SyncType>1</SyncType><SyncType>2</SyncType></SyncCap></DataStore></DevInf>`,
    build: () => {
      const w = new WbxmlWriter().header({ version: 2, publicId: 0x1203 });
      w.startTag(0, 0x0a).textElement(0, 0x25, '1.2').textElement(0, 0x11, 'ACME');
      w.startTag(0, 0x07).textElement(0, 0x1d, './contacts');
      for (const pref of [0x1a, 0x22]) {
        w.startTag(0, pref)
          .startTag(0, 0x06)
          .tableText('text/vcard')
          .endTag()
          .textElement(0, 0x24, '3.0')
          .endTag();
      }
      w.startTag(0, 0x1f).textElement(0, 0x20, '1').textElement(0, 0x20, '2').endTag();
      return w.endTag().endTag().finish();
    },
    expected:
      '02a4036a0b746578742f7663617264004a6503312e320001510341434d450001475d032e2f636f6e74616374730001' +
      '5a468300016403332e3000010162468300016403332e300001015f60033100016003320001010101',
  },
  {
    name: 'WML 1.3: attributes, attribute-value tokens, empty elements, a character reference',
    args: [],
    xml: `<?xml version="1.0"?>
<!DOCTYPE wml PUBLIC "-//WAPFORUM//DTD WML 1.3//EN" "http://www.wapforum.org/DTD/wml13.dtd">
<wml><card id="abc" ordered="true"><p>Hello<br/>X &#233; y</p><do type="accept"><go href="http://www.x.com/a"/></do></card></wml>`,
    build: () =>
      new WbxmlWriter()
        .header({ version: 3, publicId: 0x0a })
        .startTag(0, 0x3f) // wml
        .startTag(0, 0x27, true, true) // card
        .attribute(0, 0x55) // id
        .text('abc')
        .attribute(0, 0x33) // ordered="true"
        .endAttributes()
        .startTag(0, 0x20) // p
        .text('Hello')
        .emptyTag(0, 0x26) // br
        .text('X é y')
        .endTag()
        .startTag(0, 0x28, true, true) // do
        .attribute(0, 0x38) // type="accept"
        .endAttributes()
        .startTag(0, 0x2b, false, true) // go
        .attribute(0, 0x4b) // href="http://"
        .attributeValue(0, 0xa1) // "www."
        .text('x')
        .attributeValue(0, 0x85) // ".com/"
        .text('a')
        .endAttributes()
        .endTag()
        .endTag()
        .endTag()
        .finish(),
    expected:
      `030a6a007fe75503${textHex('abc')}0033016003${textHex('Hello')}002603${textHex('X é y')}0001e83801ab4ba103780085036100010101` +
      '01',
  },
];

describe('byte-exact against xml2wbxml', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: written bytes are the expected ones', (_n, c) => {
    expect(hex(c.build())).toBe(c.expected);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: the reader reads them back', (_n, c) => {
    const tokens = tokenize(c.build());
    const starts = tokens.filter((t) => t.kind === TokenKind.START_TAG).length;
    const ends = tokens.filter((t) => t.kind === TokenKind.END_TAG).length;
    expect(starts).toBe(ends);
    expect(starts).toBeGreaterThan(5);
  });

  describe.skipIf(!existsSync(xml2wbxml))('with the tool', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wbxml-writer-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(cases.map((c, i) => [c.name, c, i] as const))(
      '%s: xml2wbxml writes the same bytes',
      (_n, c, i) => {
        const input = join(dir, `${i}.xml`);
        const output = join(dir, `${i}.wbxml`);
        writeFileSync(input, c.xml);
        execFileSync(xml2wbxml, [...c.args, '-o', output, input], { stdio: 'pipe' });
        expect(hex(new Uint8Array(readFileSync(output)))).toBe(hex(c.build()));
      },
    );
  });
});

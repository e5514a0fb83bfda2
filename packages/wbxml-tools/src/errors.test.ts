import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyncMLTag, tokenOfTagId } from '@syncds/codepages';
import { WbxmlWriter } from '@syncds/wbxml';
import { describe, expect, it } from 'vitest';
import { WbxmlToolsError } from './errors.js';
import { wbxmlToXml } from './wbxml-to-xml.js';
import { xmlToWbxml } from './xml-to-wbxml.js';

const vectors = process.env.SYNCDS_VECTORS!;
const utf8 = new TextEncoder();

function failure(action: () => unknown): { code: string; offset: number; status: number; message: string } {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(WbxmlToolsError);
    const e = error as WbxmlToolsError;
    return { code: e.code, offset: e.offset, status: e.status, message: e.message };
  }
  throw new Error('expected a WbxmlToolsError');
}

describe('decode errors carry a code, the byte offset and a SyncML status', () => {
  it('unknown public id', () => {
    const bytes = Uint8Array.of(0x02, 0x9f, 0x7f, 0x6a, 0x00, 0x45, 0x01);
    expect(failure(() => wbxmlToXml(bytes))).toEqual({
      code: 'UNKNOWN_PUBLIC_ID',
      offset: 1,
      status: 415,
      message: 'Public id 0xFFF names no known vocabulary at byte 1',
    });
    const fpi = Uint8Array.of(0x02, 0x00, 0x00, 0x6a, 0x04, 0x41, 0x42, 0x43, 0x00, 0x45, 0x01);
    expect(failure(() => wbxmlToXml(fpi)).message).toBe(
      'Public id "ABC" names no known vocabulary at byte 1',
    );
    // Forcing the vocabulary reads it anyway (0x45 = SyncML's Add with content, on page 0).
    expect(
      new TextDecoder().decode(
        wbxmlToXml(bytes, { vocabulary: 'syncml12', doctype: false, xmlDeclaration: false }),
      ),
    ).toBe('<Add xmlns="SYNCML:SYNCML1.2"/>');
  });

  it('unknown code page and unknown tag, at the tag byte', () => {
    // SyncML 1.2, root SyncML (0x6D), then SWITCH_PAGE 2 and a tag: page 2 does not exist.
    const page = Uint8Array.of(0x02, 0xa4, 0x01, 0x6a, 0x00, 0x6d, 0x00, 0x02, 0x45, 0x01, 0x01);
    expect(failure(() => wbxmlToXml(page))).toMatchObject({ code: 'UNKNOWN_PAGE', offset: 8, status: 400 });
    // Token 0x30 is reserved on SyncML page 0.
    const tag = Uint8Array.of(0x02, 0xa4, 0x01, 0x6a, 0x00, 0x6d, 0x30, 0x01);
    expect(failure(() => wbxmlToXml(tag))).toEqual({
      code: 'UNKNOWN_TAG',
      offset: 6,
      status: 400,
      message: 'SyncML 1.2 has no tag 0x30 on code page 0 at byte 6',
    });
  });

  it('malformed WBXML: the reader error with its offset, as cause', () => {
    const k500i = new Uint8Array(readFileSync(join(vectors, 'wbxml/k500i_client_0.wbxml')));
    const cut = k500i.subarray(0, 200);
    let error: unknown;
    try {
      wbxmlToXml(cut);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WbxmlToolsError);
    const e = error as WbxmlToolsError;
    expect([e.code, e.offset, e.status]).toEqual(['MALFORMED_WBXML', 200, 400]);
    expect((e.cause as { name: string; code: string }).code).toBe('TRUNCATED');
  });

  it('an error inside a nested document is reported at its offset in the outer one, and keeps the OPAQUE', () => {
    // A damaged nested DevInf (header fine, body cut) stays OPAQUE: written as a marker, nothing lost.
    const nested = Uint8Array.of(0x02, 0x9f, 0x52, 0x6a, 0x00, 0x4a, 0x65, 0x03);
    const w = new WbxmlWriter();
    w.header({ version: 0x02, publicId: 0x1201 });
    w.startTag(0, tokenOfTagId(SyncMLTag.SyncML)).startTag(0, tokenOfTagId(SyncMLTag.Data)).opaque(nested);
    const bytes = w.endTag().endTag().finish();
    const xml = new TextDecoder().decode(wbxmlToXml(bytes, { xmlDeclaration: false, doctype: false }));
    expect(xml).toBe(
      '<SyncML xmlns="SYNCML:SYNCML1.2"><Data><opaque xmlns="urn:syncds:wbxml-tools" encoding="base64">' +
        'Ap9SagBKZQM=</opaque></Data></SyncML>',
    );
  });

  it('tokenized attributes and extension tokens have no XML form here', () => {
    // <SyncML> with an attribute list whose start token is 0x05 (no attribute pages).
    const attr = Uint8Array.of(0x02, 0xa4, 0x01, 0x6a, 0x00, 0xad, 0x05, 0x01, 0x01);
    expect(failure(() => wbxmlToXml(attr))).toMatchObject({ code: 'UNKNOWN_ATTRIBUTE', offset: 6 });
    const ext = Uint8Array.of(0x02, 0xa4, 0x01, 0x6a, 0x00, 0x6d, 0xc0, 0x01);
    expect(failure(() => wbxmlToXml(ext))).toMatchObject({ code: 'UNSUPPORTED_TOKEN', offset: 6 });
  });
});

describe('encode errors', () => {
  it('malformed XML, with line and column', () => {
    expect(failure(() => xmlToWbxml(utf8.encode('<SyncML>\n <SyncHdr></SyncML>')))).toEqual({
      code: 'MALFORMED_XML',
      offset: 19,
      status: 400,
      message: 'End tag does not match <SyncHdr> at byte 19 (line 2, column 11)',
    });
  });

  it('unknown document type and unknown element', () => {
    expect(failure(() => xmlToWbxml(utf8.encode('<html><body/></html>')))).toMatchObject({
      code: 'UNKNOWN_DOCUMENT_TYPE',
      offset: 0,
      status: 415,
    });
    expect(
      failure(() =>
        xmlToWbxml(utf8.encode('<SyncML xmlns="SYNCML:SYNCML1.1"><SyncHdr><Bogus/></SyncHdr></SyncML>')),
      ),
    ).toEqual({
      code: 'UNKNOWN_ELEMENT',
      offset: 42,
      status: 400,
      message: 'SyncML 1.1 has no element <Bogus> (namespace "SYNCML:SYNCML1.1") at byte 42',
    });
    // Without nesting, an inline DevInf is just an unknown element of SyncML.
    const devinf = utf8.encode(
      '<SyncML xmlns="SYNCML:SYNCML1.1"><Data><DevInf xmlns="syncml:devinf"/></Data></SyncML>',
    );
    expect(failure(() => xmlToWbxml(devinf, { nestDocuments: false }))).toMatchObject({
      code: 'UNKNOWN_ELEMENT',
      offset: 39,
    });
  });

  it('nesting deeper than maxNesting', () => {
    const devinf = utf8.encode(
      '<SyncML xmlns="SYNCML:SYNCML1.1"><Data><DevInf xmlns="syncml:devinf"/></Data></SyncML>',
    );
    expect(failure(() => xmlToWbxml(devinf, { maxNesting: 0 }))).toMatchObject({
      code: 'NESTING_LIMIT',
      offset: 39,
      status: 413,
    });
  });

  it('bad options', () => {
    const doc = utf8.encode('<SyncML xmlns="SYNCML:SYNCML1.1"/>');
    expect(failure(() => xmlToWbxml(doc, { version: 7 })).code).toBe('UNSUPPORTED_OPTION');
    expect(failure(() => xmlToWbxml(doc, { vocabulary: 'wml13' })).message).toContain(
      'known: syncml10, syncml11',
    );
    expect(failure(() => xmlToWbxml(doc, { whitespace: 'squash' as 'trim' })).code).toBe(
      'UNSUPPORTED_OPTION',
    );
    expect(failure(() => wbxmlToXml(doc, { maxNesting: -1 })).code).toBe('UNSUPPORTED_OPTION');
  });
});

describe('status of malformed input follows the reader', () => {
  it('a WBXML limit is 413', () => {
    const k500i = new Uint8Array(readFileSync(join(vectors, 'wbxml/k500i_client_0.wbxml')));
    expect(failure(() => wbxmlToXml(k500i, { wbxml: { maxTotalSize: 100 } }))).toMatchObject({
      code: 'MALFORMED_WBXML',
      status: 413,
    });
    expect(
      failure(() => xmlToWbxml(utf8.encode('<SyncML><a><b/></a></SyncML>'), { xml: { maxDepth: 2 } })),
    ).toMatchObject({
      code: 'MALFORMED_XML',
      offset: 11,
      status: 413,
    });
    expect(failure(() => xmlToWbxml(utf8.encode('<SyncML/>'), { xml: { maxTotalSize: 5 } }))).toMatchObject({
      code: 'MALFORMED_XML',
      offset: 5,
      status: 413,
    });
  });
});

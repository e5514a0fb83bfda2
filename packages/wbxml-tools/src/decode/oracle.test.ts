import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libwbxmlDecode, parseTree } from '../oracle.test-util.js';
import { wbxmlToXml } from '../wbxml-to-xml.js';

const vectors = process.env.SYNCDS_VECTORS!;

function wbxmlFiles(dir: string): string[] {
  return readdirSync(join(vectors, dir))
    .filter((f) => f.endsWith('.wbxml'))
    .map((f) => join(dir, f));
}

const captures = [...wbxmlFiles('wbxml'), ...wbxmlFiles('wbxml/funambol'), ...wbxmlFiles('synthetic')].sort();

describe('decode: the same element tree and text as libwbxml wbxml2xml', () => {
  it('covers every WBXML capture', () => {
    expect(captures.length).toBe(6 + 20 + 3);
  });

  // Normalization (both sides): whitespace-only text inside an element that
  // holds elements is dropped (indentation); text and CDATA are one text.
  it.each(captures)('%s', (file) => {
    const bytes = new Uint8Array(readFileSync(join(vectors, file)));
    const ours = parseTree(wbxmlToXml(bytes));
    const theirs = parseTree(libwbxmlDecode(bytes));
    expect(ours).toEqual(theirs);
  });

  it('indentation changes nothing but white space between elements', () => {
    const bytes = new Uint8Array(readFileSync(join(vectors, 'wbxml/syncml_client_packet_3.wbxml')));
    expect(parseTree(wbxmlToXml(bytes, { indent: 2 }))).toEqual(parseTree(wbxmlToXml(bytes)));
  });
});

describe('decode: SyncML specifics', () => {
  const decode = (file: string, options = {}) =>
    new TextDecoder().decode(wbxmlToXml(new Uint8Array(readFileSync(join(vectors, file))), options));

  it('writes the DOCTYPE and namespaces of the vocabulary, MetInf elements with xmlns="syncml:metinf"', () => {
    const xml = decode('wbxml/k500i_client_0.wbxml');
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.1//EN" ' +
          '"http://www.syncml.org/docs/syncml_represent_v11_20020213.dtd"><SyncML xmlns="SYNCML:SYNCML1.1"><SyncHdr>' +
          '<VerDTD>1.1</VerDTD>',
      ),
    ).toBe(true);
    // Anchor switches to page 1; Last/Next inherit its namespace.
    expect(xml).toContain('<Anchor xmlns="syncml:metinf"><Last>0</Last><Next>51</Next></Anchor>');
    // VerDTD was sent as OPAQUE ("1.1"): valid text, written as text.
  });

  it('inlines the DevInf the A780-style message carries as a nested WBXML document', () => {
    const xml = decode('wbxml/syncml_client_packet_3.wbxml');
    expect(xml).toContain(
      '<Type xmlns="syncml:metinf">application/vnd.syncml-devinf+xml</Type></Meta><Item><Source><LocURI>./devinf11' +
        '</LocURI></Source><Data><DevInf xmlns="syncml:devinf"><VerDTD>1.1</VerDTD><Man>Synthesis AG</Man>',
    );
    const kept = decode('wbxml/syncml_client_packet_3.wbxml', { inlineNestedDocuments: false });
    expect(kept).toContain('application/vnd.syncml-devinf+wbxml');
    expect(kept).toContain(
      '<Data><opaque xmlns="urn:syncds:wbxml-tools" encoding="base64">AgAAah0tLy9TWU5DTUwvL0RURCBEZXZJbmYgMS4xLy9F',
    );
  });

  it('without declaration or DOCTYPE on request', () => {
    expect(
      decode('wbxml/devinf.wbxml', { xmlDeclaration: false, doctype: false }).startsWith(
        '<DevInf xmlns="syncml:devinf"><VerDTD>1.0</VerDTD>',
      ),
    ).toBe(true);
  });
});

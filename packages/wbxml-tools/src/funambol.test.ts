import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNamespaces, libwbxmlEncode, parseTree } from './oracle.test-util.js';
import { wbxmlToXml } from './wbxml-to-xml.js';

const vectors = process.env.SYNCDS_VECTORS!;
const funambol = readdirSync(join(vectors, 'wbxml/funambol'))
  .filter((f) => f.endsWith('.xml'))
  .sort();

describe("our decode of libwbxml xml2wbxml's encoding of the Funambol XML gives the original tree", () => {
  it('covers the 20 messages and the W910i one, most with a string table (STR_T)', () => {
    expect(funambol.length).toBe(21);
    const withTable = funambol.filter(
      (f) => libwbxmlEncode(new Uint8Array(readFileSync(join(vectors, 'wbxml/funambol', f))))[4]! > 0,
    );
    expect(withTable.length).toBeGreaterThan(15);
  });

  // Normalization, all from what xml2wbxml does to its input: text trimmed
  // (it strips blanks), CR LF read as LF (its XML parser normalizes line
  // ends), namespaces compared case-insensitively where the original states
  // one (xml2wbxml picks the vocabulary), and the DevInf Type's form suffix
  // (+wbxml / +xml) ignored: Funambol's XML says +wbxml next to inline XML.
  const normalization = { trim: true, lineEnds: true, foldNamespaceCase: true, devInfTypeForm: true };

  it.each(funambol)('%s', (file) => {
    const xml = new Uint8Array(readFileSync(join(vectors, 'wbxml/funambol', file)));
    const original = parseTree(xml, normalization);
    const wbxml = libwbxmlEncode(xml);
    const ours = parseTree(wbxmlToXml(wbxml), normalization);
    alignNamespaces(original, ours);
    expect(ours).toEqual(original);
  });
});

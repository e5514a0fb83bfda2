import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNamespaces, libwbxmlDecode, parseTree } from '../oracle.test-util.js';
import { xmlToWbxml } from '../xml-to-wbxml.js';

const vectors = process.env.SYNCDS_VECTORS!;
const sessions = readdirSync(join(vectors, 'sessions'))
  .flatMap((dir) =>
    readdirSync(join(vectors, 'sessions', dir))
      .filter((f) => f.endsWith('.xml'))
      .map((f) => join('sessions', dir, f)),
  )
  .sort();

describe('encode: every session message, decoded back by libwbxml wbxml2xml, gives the same tree', () => {
  it('covers every session message', () => {
    expect(sessions.length).toBe(196);
  });

  // Normalization: whitespace-only text between elements dropped on both
  // sides; namespace URIs compared case-insensitively and only where the
  // original states one (messages without xmlns get the vocabulary's);
  // everything else, text included, must be identical (wbxml2xml runs
  // with -k so it keeps the white space we encode).
  it.each(sessions)('%s', (file) => {
    const xml = new Uint8Array(readFileSync(join(vectors, file)));
    const original = parseTree(xml, { foldNamespaceCase: true });
    const wbxml = xmlToWbxml(xml);
    expect(wbxml[0]).toBe(0x02); // WBXML 1.2
    const back = parseTree(libwbxmlDecode(wbxml), { foldNamespaceCase: true });
    alignNamespaces(original, back);
    expect(back).toEqual(original);
  });
});

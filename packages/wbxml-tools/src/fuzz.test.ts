import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XmlReader, XmlToken } from '@syncds/xml';
import { describe, expect, it } from 'vitest';
import { WbxmlToolsError } from './errors.js';
import { wbxmlToXml } from './wbxml-to-xml.js';
import { xmlToWbxml } from './xml-to-wbxml.js';

const vectors = process.env.SYNCDS_VECTORS!;
const read = (file: string) => new Uint8Array(readFileSync(join(vectors, file)));

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Flips, inserts, deletes and truncates bytes; `interesting` steers toward tokens. */
function mutate(source: Uint8Array, next: () => number, interesting: number[]): Uint8Array {
  const bytes = Array.from(source);
  const edits = 1 + Math.floor(next() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * bytes.length);
    const r = next();
    const value =
      next() < 0.5 ? interesting[Math.floor(next() * interesting.length)]! : Math.floor(next() * 256);
    if (r < 0.5) bytes[at] = value;
    else if (r < 0.75) bytes.splice(at, 0, value);
    else if (r < 0.95) bytes.splice(at, 1 + Math.floor(next() * 4));
    else bytes.length = at;
  }
  return Uint8Array.from(bytes);
}

function assertWellFormed(xml: Uint8Array): void {
  const reader = XmlReader.from(xml);
  while (reader.next() !== XmlToken.END_OF_DOCUMENT);
}

describe('seeded fuzz: only WbxmlToolsError escapes, and what comes out is well-formed', () => {
  it('wbxmlToXml on mutated captures', () => {
    const next = random(1);
    // Global tokens, page switches, tags with flags, nested-document headers.
    const interesting = [
      0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x43, 0x80, 0x83, 0xc0, 0xc3, 0xc4, 0x45, 0x85, 0xff, 0x9f,
    ];
    const sources = [
      'wbxml/syncml_client_packet_3.wbxml',
      'wbxml/k500i_client_0.wbxml',
      'wbxml/funambol/msg1.wbxml',
    ].map(read);
    let succeeded = 0;
    for (let round = 0; round < 1500; round++) {
      const input = mutate(sources[round % sources.length]!, next, interesting);
      try {
        assertWellFormed(wbxmlToXml(input));
        succeeded++;
      } catch (error) {
        expect(error).toBeInstanceOf(WbxmlToolsError);
      }
    }
    expect(succeeded).toBeGreaterThan(50);
  });

  it('xmlToWbxml on mutated messages; whatever it writes, wbxmlToXml reads', () => {
    const next = random(2);
    const interesting = Array.from('<>/&;"=!?[]-: x', (c) => c.charCodeAt(0));
    const sources = [
      'sessions/P900_tasksandcalendar/syncml_client_10.xml',
      'wbxml/funambol/msg9.xml',
      'synthetic/sync12_add10.xml',
    ].map(read);
    let succeeded = 0;
    for (let round = 0; round < 1500; round++) {
      const input = mutate(sources[round % sources.length]!, next, interesting);
      let wbxml: Uint8Array;
      try {
        wbxml = xmlToWbxml(input);
      } catch (error) {
        expect(error).toBeInstanceOf(WbxmlToolsError);
        continue;
      }
      succeeded++;
      assertWellFormed(wbxmlToXml(wbxml));
    }
    expect(succeeded).toBeGreaterThan(50);
  });
});

import { XmlReader } from './xml-reader.js';
import type { XmlReaderOptions } from './options.js';
import { XML_TOKEN_NAMES, XmlToken } from './token-kind.js';

/** One token as plain data, for exact comparisons in tests. */
export interface TokenRecord {
  kind: string;
  offset: number;
  depth: number;
  name?: string;
  ns?: string;
  selfClosing?: boolean;
  attributes?: [string, string][];
  text?: string;
  raw?: string;
  references?: boolean;
  publicId?: string | undefined;
  systemId?: string | undefined;
}

const latin1 = new TextDecoder('latin1');

export function recordToken(reader: XmlReader, kind: number): TokenRecord {
  const record: TokenRecord = {
    kind: XML_TOKEN_NAMES[kind]!,
    offset: reader.tokenOffset,
    depth: reader.depth,
  };
  switch (kind) {
    case XmlToken.START_TAG: {
      record.name = reader.name();
      record.ns = reader.namespaceUri;
      record.selfClosing = reader.selfClosing;
      const attributes: [string, string][] = [];
      for (let i = 0; i < reader.attributeCount; i++)
        attributes.push([reader.attributeName(i), reader.attributeValue(i)]);
      record.attributes = attributes;
      break;
    }
    case XmlToken.END_TAG:
      record.name = reader.name();
      record.ns = reader.namespaceUri;
      record.selfClosing = reader.selfClosing;
      break;
    case XmlToken.TEXT:
      record.text = reader.text();
      record.raw = latin1.decode(reader.buffer.subarray(reader.textStart, reader.textEnd));
      record.references = reader.hasReferences;
      break;
    case XmlToken.CDATA:
    case XmlToken.COMMENT:
      record.text = reader.text();
      break;
    case XmlToken.PROCESSING_INSTRUCTION:
      record.name = reader.name();
      record.text = reader.text();
      break;
    case XmlToken.DOCTYPE:
      record.name = reader.name();
      record.publicId = reader.publicId();
      record.systemId = reader.systemId();
      record.text = reader.text();
      break;
    case XmlToken.XML_DECLARATION:
      record.text = `${reader.xmlVersion}|${reader.declaredEncoding}|${reader.standalone}`;
      break;
  }
  return record;
}

/** Tokens of a document fed in the given chunks; an error ends the list as {kind:'ERROR', ...}. */
export function collectTokens(chunks: Uint8Array[], options?: XmlReaderOptions): TokenRecord[] {
  const reader = new XmlReader(options);
  const out: TokenRecord[] = [];
  try {
    for (const chunk of chunks) {
      reader.write(chunk);
      for (let kind = reader.next(); kind !== XmlToken.NEED_MORE; kind = reader.next()) {
        out.push(recordToken(reader, kind));
      }
    }
    reader.end();
    for (let kind = reader.next(); kind !== XmlToken.END_OF_DOCUMENT; kind = reader.next()) {
      out.push(recordToken(reader, kind));
    }
  } catch (error) {
    const e = error as { code?: string; offset?: number };
    if (e.code === undefined) throw error;
    out.push({ kind: `ERROR ${e.code}`, offset: e.offset ?? -1, depth: -1 });
  }
  return out;
}

/** Splits bytes at the given cut points (sorted, within range). */
export function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(bytes.slice(from, cut));
    from = cut;
  }
  parts.push(bytes.slice(from));
  return parts;
}

/** A small deterministic PRNG (mulberry32) for seeded splits and fuzzing. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

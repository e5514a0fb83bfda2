// Helpers shared by the tests (excluded from the build by the *.test-util.ts pattern).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TokenKind } from './constants.js';
import type { WbxmlReaderOptions } from './reader/options.js';
import { WbxmlReader } from './reader/reader.js';

export const vectorsDir: string = process.env.SYNCDS_VECTORS ?? '';

/** Every WBXML capture of the shared vectors: name relative to the vectors folder, bytes. */
export function captures(): { name: string; bytes: Uint8Array }[] {
  if (vectorsDir === '') throw new Error('SYNCDS_VECTORS is not set (vitest.shared.ts sets it)');
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of ['wbxml', 'wbxml/funambol', 'synthetic']) {
    for (const file of readdirSync(join(vectorsDir, dir)).sort()) {
      if (file.endsWith('.wbxml')) out.push({ name: `${dir}/${file}`, bytes: capture(`${dir}/${file}`) });
    }
  }
  return out;
}

export function capture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(vectorsDir, name)));
}

/** Mulberry32: a small seeded generator, so random splits and mutations are repeatable. */
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

/** One token as comparable plain data: every field that means something for its kind. */
export interface TokenRecord {
  kind: number;
  offset: number;
  endOffset: number;
  depth: number;
  page?: number;
  token?: number;
  hasAttributes?: boolean;
  hasContent?: boolean;
  literalIndex?: number;
  stringTableIndex?: number;
  value?: number;
  extToken?: number;
  bytes?: string;
  version?: number;
  publicId?: number;
  publicIdIndex?: number;
  charset?: number;
  stringTable?: string;
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** The reader's current token as a {@link TokenRecord} (bytes in hex, so toEqual compares content). */
export function record(r: WbxmlReader): TokenRecord {
  const t = r.snapshot();
  const out: TokenRecord = { kind: t.kind, offset: t.offset, endOffset: t.endOffset, depth: t.depth };
  for (const key of [
    'page',
    'token',
    'hasAttributes',
    'hasContent',
    'literalIndex',
    'stringTableIndex',
    'value',
    'extToken',
    'version',
    'publicId',
    'publicIdIndex',
    'charset',
  ] as const) {
    if (t[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = t[key];
  }
  if (t.bytes !== undefined) out.bytes = hex(t.bytes);
  if (t.stringTable !== undefined) out.stringTable = hex(t.stringTable);
  return out;
}

/**
 * Feeds `bytes` in the given pieces (cut points), pulling after every write as a streaming
 * consumer would, and returns every token. NEED_MORE may only appear while input is missing.
 */
export function readInPieces(
  bytes: Uint8Array,
  cuts: readonly number[],
  options?: WbxmlReaderOptions,
): TokenRecord[] {
  const r = new WbxmlReader(options);
  const out: TokenRecord[] = [];
  let from = 0;
  const points = [...cuts, bytes.length];
  for (const to of points) {
    if (to > from) r.write(bytes.subarray(from, to));
    from = Math.max(from, to);
    if (to === bytes.length) r.end();
    for (;;) {
      const kind = r.next();
      if (kind === TokenKind.NEED_MORE) {
        if (to === bytes.length) throw new Error('NEED_MORE after end()');
        break;
      }
      if (kind === TokenKind.END_OF_DOCUMENT) return out;
      out.push(record(r));
    }
  }
  throw new Error('no END_OF_DOCUMENT');
}

/** Cut points for byte-by-byte feeding. */
export function everyByte(length: number): number[] {
  return Array.from({ length: Math.max(0, length - 1) }, (_, i) => i + 1);
}

/** `count` sorted random cut points in (0, length). */
export function randomCuts(length: number, count: number, random: () => number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < Math.min(count, length - 1)) cuts.add(1 + Math.floor(random() * (length - 1)));
  return [...cuts].sort((a, b) => a - b);
}

/** Reads a whole document (one write) and returns its tokens. */
export function readWhole(bytes: Uint8Array, options?: WbxmlReaderOptions): TokenRecord[] {
  return readInPieces(bytes, [], options);
}

/** Runs `fn`, expecting a thrown error; returns it (fails the test when nothing is thrown). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}

export function bytesOf(...parts: (number | string | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') for (const b of new TextEncoder().encode(p)) out.push(b);
    else out.push(...p);
  }
  return new Uint8Array(out);
}

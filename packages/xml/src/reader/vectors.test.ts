import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectTokens, seededRandom, splitAt } from './collect-tokens.test-util.js';

const vectors = process.env.SYNCDS_VECTORS!;

function xmlFiles(dir: string): string[] {
  return readdirSync(join(vectors, dir))
    .filter((name) => name.endsWith('.xml'))
    .map((name) => join(dir, name));
}

const sessionDirs = readdirSync(join(vectors, 'sessions')).map((d) => join('sessions', d));
const corpus = [
  ...xmlFiles('wbxml'),
  ...xmlFiles('wbxml/funambol'),
  ...sessionDirs.flatMap(xmlFiles),
  ...xmlFiles('synthetic'),
].sort();

describe('every XML capture in the vectors', () => {
  it('finds the whole corpus', () => {
    // 11 wbxml/*.xml + funambol + sessions + synthetic: fail loudly if the corpus moves.
    expect(corpus.length).toBe(223);
  });

  it.each(corpus)('%s tokenizes to a balanced, complete document', (file) => {
    const tokens = collectTokens([readFileSync(join(vectors, file))]);
    const last = tokens.at(-1)!;
    expect(last.kind).toBe('END_TAG');
    expect(last.depth).toBe(1);
    const starts = tokens.filter((t) => t.kind === 'START_TAG').length;
    const ends = tokens.filter((t) => t.kind === 'END_TAG').length;
    expect(starts).toBeGreaterThan(0);
    expect(ends).toBe(starts);
    expect(tokens.some((t) => t.kind.startsWith('ERROR'))).toBe(false);
  });
});

describe('chunk invariance: whole, byte by byte and seeded random splits give identical tokens', () => {
  const small = corpus.filter((f) => !f.includes('add1000'));

  it.each(small)('%s', (file) => {
    const bytes = new Uint8Array(readFileSync(join(vectors, file)));
    const whole = collectTokens([bytes]);
    const byteByByte = collectTokens(Array.from(bytes, (b) => Uint8Array.of(b)));
    expect(byteByByte).toEqual(whole);
    const random = seededRandom(bytes.length);
    for (let round = 0; round < 3; round++) {
      const cuts = new Set<number>();
      const count = 1 + Math.floor(random() * 40);
      for (let i = 0; i < count; i++) cuts.add(Math.floor(random() * bytes.length));
      const parts = splitAt(
        bytes,
        [...cuts].sort((a, b) => a - b),
      );
      expect(collectTokens(parts)).toEqual(whole);
    }
  });

  it('synthetic/sync12_add1000.xml in 1 KiB and 7-byte chunks', () => {
    const bytes = new Uint8Array(readFileSync(join(vectors, 'synthetic/sync12_add1000.xml')));
    const whole = collectTokens([bytes]);
    for (const size of [1024, 7]) {
      const parts: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) parts.push(bytes.slice(i, i + size));
      expect(collectTokens(parts)).toEqual(whole);
    }
  });
});

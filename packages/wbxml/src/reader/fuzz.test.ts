// Seeded mutations of the captures. Invariants: only WbxmlError escapes; the outcome (tokens,
// or error code and offset) is the same whole and split; the reader works again after reset().
import { describe, expect, it } from 'vitest';
import { TokenKind } from '../constants.js';
import { WbxmlError } from '../errors.js';
import { captures, randomCuts, readInPieces, seededRandom, type TokenRecord } from '../testing.test-util.js';
import { WbxmlReader } from './reader.js';

type Outcome = { tokens: TokenRecord[] } | { code: string; offset: number; byte: number; page: number };

function outcome(bytes: Uint8Array, cuts: number[]): Outcome {
  try {
    return {
      tokens: readInPieces(bytes, cuts, { maxDepth: 64, maxStringLength: 4096, maxOpaqueLength: 8192 }),
    };
  } catch (e) {
    if (!(e instanceof WbxmlError)) throw e;
    return { code: e.code, offset: e.offset, byte: e.byte, page: e.page };
  }
}

function mutate(source: Uint8Array, random: () => number): Uint8Array {
  let bytes = Array.from(source);
  const at = () => Math.floor(random() * Math.max(1, bytes.length));
  const mutations = 1 + Math.floor(random() * 4);
  for (let m = 0; m < mutations; m++) {
    switch (Math.floor(random() * 7)) {
      case 0: // flip a bit
        if (bytes.length > 0) bytes[at()]! ^= 1 << Math.floor(random() * 8);
        break;
      case 1: // an interesting byte: global tokens, flags, mb continuation
        if (bytes.length > 0)
          bytes[at()] = [0x00, 0x01, 0x02, 0x03, 0x04, 0x43, 0x44, 0x83, 0x84, 0xc3, 0xc4, 0x80, 0xff][
            Math.floor(random() * 13)
          ]!;
        break;
      case 2: {
        // delete a range
        const i = at();
        bytes.splice(i, 1 + Math.floor(random() * 16));
        break;
      }
      case 3: {
        // insert random bytes
        const i = at();
        const n = 1 + Math.floor(random() * 8);
        bytes.splice(i, 0, ...Array.from({ length: n }, () => Math.floor(random() * 256)));
        break;
      }
      case 4: {
        // duplicate a range (nesting, repeated tokens)
        const i = at();
        const n = 1 + Math.floor(random() * 64);
        bytes.splice(i, 0, ...bytes.slice(i, i + n));
        break;
      }
      case 5: // truncate
        bytes = bytes.slice(0, at());
        break;
      default: {
        // a run of mb continuation bytes
        const i = at();
        for (let k = 0; k < 6 && i + k < bytes.length; k++) bytes[i + k] = 0x80 | Math.floor(random() * 128);
      }
    }
  }
  return new Uint8Array(bytes);
}

describe('fuzz: seeded mutations of the captures', () => {
  const corpus = captures().filter((c) => c.bytes.length <= 12_000);

  it('3000 mutants: only WbxmlError, same outcome whole and split, usable after reset()', () => {
    const random = seededRandom(20240601);
    const reader = new WbxmlReader();
    const counts = { ok: 0, failed: 0 };
    const codes = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const source = corpus[Math.floor(random() * corpus.length)]!;
      const bytes = mutate(source.bytes, random);
      const whole = outcome(bytes, []);
      const split = outcome(
        bytes,
        bytes.length > 1 ? randomCuts(bytes.length, 1 + Math.floor(random() * 12), random) : [],
      );
      expect(split).toEqual(whole);
      if ('code' in whole) {
        counts.failed++;
        codes.add(whole.code);
      } else counts.ok++;

      // The same reader object, used again and again: an error, then reset(), then a good document.
      reader.reset();
      reader.write(bytes);
      reader.end();
      try {
        while (reader.next() !== TokenKind.END_OF_DOCUMENT);
      } catch (e) {
        expect(e).toBeInstanceOf(WbxmlError);
      }
      reader.reset();
      reader.write(source.bytes);
      reader.end();
      let n = 0;
      while (reader.next() !== TokenKind.END_OF_DOCUMENT) n++;
      expect(n).toBeGreaterThan(10);
    }
    // The mutations reach most error paths, and some mutants stay valid.
    expect(counts.ok).toBeGreaterThan(50);
    expect(counts.failed).toBeGreaterThan(1500);
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        'BAD_MB_UINT32',
        'STRTBL_INDEX',
        'TRAILING_DATA',
        'TRUNCATED',
        'UNEXPECTED_TOKEN',
      ]),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';

describe('seededRandom', () => {
  it('gives the mulberry32 sequence of the seed', () => {
    const next = seededRandom(1);
    // mulberry32(1): the reference implementation's first outputs times 2^32.
    expect([next(), next(), next()].map((v) => v * 4294967296)).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('repeats for the same seed, differs for another, stays in [0, 1)', () => {
    const a = seededRandom(20240601);
    const b = seededRandom(20240601);
    const c = seededRandom(20240602);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('takes the seed modulo 2^32', () => {
    expect(seededRandom(-1)()).toBe(seededRandom(4294967295)());
  });
});

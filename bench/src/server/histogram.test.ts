import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './histogram.js';

describe('LatencyHistogram', () => {
  it('gives quantiles within 1 % of the exact ones', () => {
    const h = new LatencyHistogram();
    const values: number[] = [];
    let seed = 7;
    for (let i = 0; i < 10_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const v = 50 + (seed % 100_000);
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.99]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      const got = h.quantile(q);
      expect(got).toBeGreaterThanOrEqual(exact);
      expect(got).toBeLessThanOrEqual(exact * 1.01);
    }
    expect(h.count).toBe(10_000);
    expect(h.summary().minUs).toBe(values[0]);
    expect(h.summary().maxUs).toBe(values.at(-1));
  });

  it('summarises nothing as zeros, and caps huge or negative samples', () => {
    expect(new LatencyHistogram().summary()).toEqual({
      count: 0,
      meanUs: 0,
      minUs: 0,
      p50Us: 0,
      p90Us: 0,
      p99Us: 0,
      maxUs: 0,
    });
    const h = new LatencyHistogram();
    h.record(-5);
    h.record(1e12);
    expect(h.summary()).toMatchObject({ count: 2, minUs: 0, maxUs: LatencyHistogram.MAX_US });
    expect(h.quantile(1)).toBe(LatencyHistogram.MAX_US);
  });
});

import { describe, expect, it } from 'vitest';
import { inBatches } from './processes.js';

describe('inBatches', () => {
  it('runs at most `limit` at a time, every item once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inBatches([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      done.push(n);
      running--;
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('lets running work finish before it throws the first error, and starts nothing new', async () => {
    const finished: number[] = [];
    const started: number[] = [];
    const run = inBatches([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('first');
      await new Promise((r) => setTimeout(r, 20));
      finished.push(n);
    });
    await expect(run).rejects.toThrow('first');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([2]);
  });
});

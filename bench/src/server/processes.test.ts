import { describe, expect, it } from 'vitest';
import { inBatches, ListeningProcess } from './processes.js';

describe('ListeningProcess', () => {
  it('resolves with the URL of the listening line and counts log lines by level', async () => {
    const lines = [
      '{"time":"2026-01-01T00:00:00.000000Z","level":"info","msg":"session started","device":"d"}',
      '{"time":"2026-01-01T00:00:00.000001Z","level":"warn","msg":"unknown database"}',
      '{"time":"2026-01-01T00:00:00.000002Z","level":"info","msg":"listening","url":"http://127.0.0.1:9/syncml/"}',
      '{"level":"error","msg":"another shape"}',
      'not json',
    ];
    const script = `for (const l of ${JSON.stringify(lines)}) console.log(l); setTimeout(() => {}, 60000);`;
    const p = new ListeningProcess('test process');
    try {
      expect(await p.start(['-e', script], {})).toBe('http://127.0.0.1:9/syncml/');
      await new Promise((r) => setTimeout(r, 100)); // the lines after the listening one
      expect(p.levels).toEqual({ info: 2, warn: 1, error: 1, other: 1 });
      expect(p.problems).toEqual([lines[1], lines[3]]);
    } finally {
      await p.stop();
    }
  });
});

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

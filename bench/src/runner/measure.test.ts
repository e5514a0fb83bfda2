import { expect, test } from 'vitest';
import type { BenchCase, PreparedCase } from './bench-case.js';
import { BenchError } from './errors.js';
import { calibrateBatch, measureCase } from './measure.js';
import { MAX_BATCH, TIMING_PROFILES } from './modes.js';

const smoke = TIMING_PROFILES.smoke;

function benchCase(prepare: () => PreparedCase): BenchCase {
  return { name: 'demo/one', group: 'demo', file: 'x/one.bin', prepare };
}

/** A run of roughly constant cost: sums a buffer. */
function summing(length: number): () => void {
  const data = new Uint8Array(length).fill(7);
  let sink = 0;
  return () => {
    let s = 0;
    for (let i = 0; i < data.length; i++) s += data[i]!;
    sink = s;
    if (sink !== 7 * length) throw new Error('bad sum');
  };
}

test('a passing case gets figures consistent with each other', () => {
  let verified = 0;
  const m = measureCase(
    benchCase(() => ({
      bytes: 1000,
      run: summing(1000),
      verifyAfter: () => {
        verified++;
      },
      facts: { sum: 7000 },
    })),
    smoke,
    'cpu',
  );
  expect(m.status).toBe('ok');
  expect(m.error).toBeNull();
  expect(verified).toBe(1);
  expect(m.facts).toEqual({ sum: 7000 });
  expect(m.hz!).toBeGreaterThan(0);
  expect(m.hz!).toBeCloseTo(1e9 / m.meanNs!, 6);
  expect(m.mbPerSec!).toBeCloseTo((m.hz! * 1000) / 1e6, 6);
  expect(m.samples!).toBeGreaterThanOrEqual(smoke.minSamples);
  expect(m.messages).toBe(m.samples! * m.batch!);
});

test('a case whose prepare() throws is check-failed, never timed, with the error', () => {
  const m = measureCase(
    benchCase(() => {
      throw new BenchError('CHECK_FAILED', 'output differs', 'demo/one');
    }),
    smoke,
    'wall',
  );
  expect(m).toMatchObject({
    name: 'demo/one',
    file: 'x/one.bin',
    status: 'check-failed',
    bytes: null,
    hz: null,
    samples: null,
    error: { code: 'CHECK_FAILED', message: 'output differs' },
  });
});

test('a case whose output changes while timed is check-failed', () => {
  const m = measureCase(
    benchCase(() => ({
      bytes: 10,
      run: summing(10),
      verifyAfter: () => {
        throw new BenchError('CHECK_FAILED', 'the output changed while timed', 'demo/one');
      },
      facts: {},
    })),
    smoke,
    'cpu',
  );
  expect(m.status).toBe('check-failed');
  expect(m.bytes).toBe(10);
  expect(m.error).toEqual({ code: 'CHECK_FAILED', message: 'the output changed while timed' });
});

test('a case that throws while timed is failed, with the error', () => {
  let calls = 0;
  const m = measureCase(
    benchCase(() => ({
      bytes: 10,
      run: () => {
        if (++calls > 50) throw new RangeError('went wrong on call 51');
      },
      verifyAfter: () => {},
      facts: {},
    })),
    smoke,
    'cpu',
  );
  expect(m.status).toBe('failed');
  expect(m.hz).toBeNull();
  expect(m.error).toEqual({ code: 'RangeError', message: 'went wrong on call 51' });
});

test('batches aim at the sample target and stay within 1..MAX_BATCH', () => {
  // A fake clock where each call costs exactly 0.01 ms: the 0.1 ms target needs 10 calls.
  let t = 0;
  const now = (): number => t;
  const run = (): void => {
    t += 0.01;
  };
  expect(calibrateBatch(run, smoke, now)).toBe(10);
  const slow = (): void => {
    t += 5;
  };
  expect(calibrateBatch(slow, smoke, now)).toBe(1);
  const free = (): void => {
    t += 1e-9;
  };
  expect(calibrateBatch(free, { ...smoke, calibrationMs: 1e-6 }, now)).toBe(MAX_BATCH);
});

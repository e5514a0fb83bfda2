import { Bench } from 'tinybench';
import { type BenchClock, clockReader } from './clock.js';
import type { BenchCase } from './bench-case.js';
import { BenchError, describeError } from './errors.js';
import { MAX_BATCH, type TimingProfile } from './modes.js';

/** `ok`: timed; `check-failed`: the self-check rejected the output; `failed`: it threw while timed. */
export type CaseStatus = 'ok' | 'check-failed' | 'failed';

/** What the runner found for one case. Figures are null unless `status` is `ok`. */
export interface CaseMeasurement {
  readonly name: string;
  readonly group: string;
  readonly file: string;
  /** Bytes of one message (see `PreparedCase.bytes`); null when the check failed before knowing. */
  readonly bytes: number | null;
  readonly status: CaseStatus;
  /** Messages per second: 1000 / mean latency. */
  readonly hz: number | null;
  /** `hz * bytes / 1e6` (MB = 10^6 bytes). */
  readonly mbPerSec: number | null;
  /** tinybench samples (each one batch of calls). */
  readonly samples: number | null;
  /** Relative margin of error of the mean latency, in percent (95% confidence). */
  readonly rme: number | null;
  /** Calls per sample, from calibration. */
  readonly batch: number | null;
  /** Messages processed while timing: samples * batch. */
  readonly messages: number | null;
  /** Mean and median latency of one message, in nanoseconds. */
  readonly meanNs: number | null;
  readonly medianNs: number | null;
  readonly facts: Readonly<Record<string, number | string | boolean>>;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/**
 * Checks one case, warms it up, calibrates the batch size, then times it with tinybench:
 * samples of `batch` calls each, timed on `clock` and recorded as the mean time per call
 * (`overriddenDuration`). Never throws for a broken case: the failure is in the returned
 * measurement.
 */
export function measureCase(
  benchCase: BenchCase,
  profile: TimingProfile,
  clock: BenchClock,
): CaseMeasurement {
  const base = { name: benchCase.name, group: benchCase.group, file: benchCase.file };
  let prepared: ReturnType<BenchCase['prepare']>;
  try {
    prepared = benchCase.prepare();
  } catch (e) {
    return failed(base, null, 'check-failed', {}, e);
  }
  const { bytes, run, facts } = prepared;
  try {
    const now = clockReader(clock);
    // Warm up before calibrating: a cold path is several times slower and would give batches
    // too small for the clock's resolution. tinybench's own warm-up would come too late.
    runFor(run, profile.warmupMs, now);
    const batch = calibrateBatch(run, profile, now);
    const bench = new Bench({
      time: profile.timeMs,
      iterations: profile.minSamples,
      warmup: false,
      throws: true,
    });
    bench.add(benchCase.name, () => {
      const t0 = now();
      for (let i = 0; i < batch; i++) run();
      const elapsed = now() - t0;
      return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed };
    });
    const [task] = bench.runSync();
    const result = task?.result;
    if (result === undefined || !('latency' in result)) {
      throw new BenchError('CASE_FAILED', `tinybench gave no statistics (${result?.state ?? 'no task'})`);
    }
    prepared.verifyAfter();
    const latency = result.latency;
    const hz = 1000 / latency.mean;
    return {
      ...base,
      bytes,
      status: 'ok',
      hz,
      mbPerSec: (hz * bytes) / 1e6,
      samples: latency.samplesCount,
      rme: latency.rme,
      batch,
      messages: latency.samplesCount * batch,
      meanNs: latency.mean * 1e6,
      medianNs: latency.p50 * 1e6,
      facts,
      error: null,
    };
  } catch (e) {
    const status = e instanceof BenchError && e.code === 'CHECK_FAILED' ? 'check-failed' : 'failed';
    return failed(base, bytes, status, facts, e);
  }
}

/** Calls `run` until `ms` have passed on the clock `now` reads (at least once); returns the count. */
function runFor(run: () => void, ms: number, now: () => number): { calls: number; elapsed: number } {
  const t0 = now();
  let calls = 0;
  let elapsed = 0;
  do {
    run();
    calls++;
    elapsed = now() - t0;
  } while (elapsed < ms);
  return { calls, elapsed };
}

/** Calls per sample so that one sample lasts about `sampleTargetMs` on the clock `now` reads. */
export function calibrateBatch(run: () => void, profile: TimingProfile, now: () => number): number {
  const { calls, elapsed } = runFor(run, profile.calibrationMs, now);
  const perCall = elapsed / calls;
  if (!(perCall > 0)) return MAX_BATCH;
  return Math.min(MAX_BATCH, Math.max(1, Math.round(profile.sampleTargetMs / perCall)));
}

function failed(
  base: { name: string; group: string; file: string },
  bytes: number | null,
  status: CaseStatus,
  facts: Readonly<Record<string, number | string | boolean>>,
  e: unknown,
): CaseMeasurement {
  return {
    ...base,
    bytes,
    status,
    hz: null,
    mbPerSec: null,
    samples: null,
    rme: null,
    batch: null,
    messages: null,
    meanNs: null,
    medianNs: null,
    facts,
    error: describeError(e),
  };
}

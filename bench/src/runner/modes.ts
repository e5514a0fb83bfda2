/**
 * How long a run spends on each case. `full` is the default and the mode the committed
 * results come from; `quick` is for CI (figures are rough, the self-checks are complete);
 * `smoke` only proves the harness works (the bench's own test uses it) and measures nothing
 * worth reading.
 */
export type BenchMode = 'full' | 'quick' | 'smoke';

/** Every mode, in the order `--help` lists them. */
export const BENCH_MODES: readonly BenchMode[] = ['full', 'quick', 'smoke'];

/** The timing budget of one mode. */
export interface TimingProfile {
  /** tinybench `time`: measured milliseconds per case. */
  readonly timeMs: number;
  /**
   * Untimed calls for this long (on the run's clock) first, so V8 has optimised the path before
   * the batch size is calibrated and tinybench samples.
   */
  readonly warmupMs: number;
  /** tinybench `iterations`: fewest samples per case, even past `timeMs`. */
  readonly minSamples: number;
  /**
   * Target duration of one sample. Messages that take less are timed in batches of this
   * length, so each sample is far above the timer's resolution and call overhead.
   */
  readonly sampleTargetMs: number;
  /** How long the batch size is calibrated for (untimed calls, after the warm-up). */
  readonly calibrationMs: number;
}

/** The profiles of the three modes (the full run takes a few minutes for the codec suite). */
export const TIMING_PROFILES: Readonly<Record<BenchMode, TimingProfile>> = {
  full: {
    timeMs: 1000,
    warmupMs: 250,
    minSamples: 64,
    sampleTargetMs: 0.5,
    calibrationMs: 20,
  },
  quick: {
    timeMs: 100,
    warmupMs: 25,
    minSamples: 16,
    sampleTargetMs: 0.25,
    calibrationMs: 5,
  },
  smoke: {
    timeMs: 5,
    warmupMs: 1,
    minSamples: 3,
    sampleTargetMs: 0.1,
    calibrationMs: 1,
  },
};

/** Largest batch of calls per sample, whatever the calibration says (bounds one sample's time). */
export const MAX_BATCH = 100_000;

/**
 * What a sample's duration is measured in. `cpu`: CPU time of this process (user + system,
 * `process.cpuUsage()`, 1 µs resolution), which other processes on a shared machine barely
 * disturb; it includes V8's helper threads (parallel GC), which work for the measured code.
 * `wall`: elapsed time (`performance.now()`), what a dedicated machine would show. The
 * libwbxml harness uses the matching C clock (CLOCK_PROCESS_CPUTIME_ID / CLOCK_MONOTONIC).
 */
export type BenchClock = 'cpu' | 'wall';

/** Every clock, the default first. */
export const BENCH_CLOCKS: readonly BenchClock[] = ['cpu', 'wall'];

/** Default clock: the development machine and CI runners are shared, so CPU time. */
export const DEFAULT_CLOCK: BenchClock = 'cpu';

function cpuNowMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function wallNowMs(): number {
  return performance.now();
}

/** A function reading `clock` in milliseconds (only differences are meaningful). */
export function clockReader(clock: BenchClock): () => number {
  return clock === 'cpu' ? cpuNowMs : wallNowMs;
}

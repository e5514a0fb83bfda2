import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchClock } from '../../runner/clock.js';
import type { BenchMode } from '../../runner/modes.js';
import { BenchError } from '../../runner/errors.js';
import type { HarnessBinary } from './build.js';
import { commandFailure } from './build.js';
import { type HarnessOutput, LIBWBXML_OPS, type LibwbxmlOp, parseHarnessOutput } from './harness-output.js';

/** How much time the baseline gets per file and operation. */
export interface BaselineProfile {
  /** Timed harness runs per file; each figure is the median over them. */
  readonly runs: number;
  /** Iterations of the first, untimed calibration run. */
  readonly calibrationIterations: number;
  /** Iteration count is chosen so the slowest operation takes about this long per run. */
  readonly targetMsPerOp: number;
  /** One harness run is killed after this long. */
  readonly timeoutMs: number;
}

/** Medians of 3 runs in every mode; shorter runs in `quick` and `smoke`. */
export const BASELINE_PROFILES: Readonly<Record<BenchMode, BaselineProfile>> = {
  full: { runs: 3, calibrationIterations: 5, targetMsPerOp: 300, timeoutMs: 120_000 },
  quick: { runs: 3, calibrationIterations: 3, targetMsPerOp: 40, timeoutMs: 60_000 },
  smoke: { runs: 3, calibrationIterations: 1, targetMsPerOp: 2, timeoutMs: 30_000 },
};

/** Most iterations per harness run, whatever the calibration says. */
export const MAX_HARNESS_ITERATIONS = 10_000_000;

/** libwbxml's figure for one operation on one file. */
export type LibwbxmlFigure =
  | {
      readonly ok: true;
      /** Calls per second, from the median time per call. */
      readonly hz: number;
      readonly medianNs: number;
      /** Time per call of each run (nanoseconds), in run order. */
      readonly runsNs: readonly number[];
      readonly outputBytes: number;
    }
  | { readonly ok: false; readonly error: string };

/** libwbxml on one file. */
export interface LibwbxmlFileResult {
  /** Relative to the vectors directory. */
  readonly file: string;
  /** libwbxml's version, as the harness was compiled against it. */
  readonly version: string;
  readonly bytes: number;
  /** Length of libwbxml's XML rendering (the input of its xml_to_wbxml). */
  readonly xmlBytes: number;
  readonly iterations: number;
  readonly runs: number;
  readonly ops: Readonly<Record<LibwbxmlOp, LibwbxmlFigure>>;
}

/** Runs the harness once. Throws BenchError BASELINE_UNAVAILABLE or BAD_BASELINE_OUTPUT. */
export function runHarness(
  binary: HarnessBinary,
  path: string,
  iterations: number,
  clock: BenchClock,
  timeoutMs: number,
): HarnessOutput {
  let stdout: string;
  try {
    stdout = execFileSync(binary.path, [path, String(iterations), clock], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      maxBuffer: 1024 * 1024,
    });
  } catch (e) {
    throw new BenchError(
      'BASELINE_UNAVAILABLE',
      `libwbxml harness failed on ${path}: ${commandFailure(e)}`,
      path,
      {
        cause: e,
      },
    );
  }
  const output = parseHarnessOutput(stdout, path);
  if (output.clock !== clock) {
    throw new BenchError(
      'BAD_BASELINE_OUTPUT',
      `libwbxml harness used the ${output.clock} clock, not ${clock}`,
      path,
    );
  }
  return output;
}

/**
 * Times libwbxml on one file: a calibration run picks the iteration count, then `runs` timed
 * runs; each operation's figure is the median. Throws like {@link runHarness}.
 */
export function measureLibwbxml(
  binary: HarnessBinary,
  vectorsDir: string,
  file: string,
  profile: BaselineProfile,
  clock: BenchClock,
): LibwbxmlFileResult {
  const path = join(vectorsDir, file);
  const calibration = runHarness(binary, path, profile.calibrationIterations, clock, profile.timeoutMs);
  let slowestNs = 0;
  for (const op of LIBWBXML_OPS) {
    const o = calibration.ops[op];
    if (o.ok) slowestNs = Math.max(slowestNs, o.nsPerOp);
  }
  const iterations =
    slowestNs > 0
      ? Math.min(MAX_HARNESS_ITERATIONS, Math.max(1, Math.ceil((profile.targetMsPerOp * 1e6) / slowestNs)))
      : profile.calibrationIterations;
  const outputs: HarnessOutput[] = [];
  for (let i = 0; i < profile.runs; i++)
    outputs.push(runHarness(binary, path, iterations, clock, profile.timeoutMs));
  const ops = {} as Record<LibwbxmlOp, LibwbxmlFigure>;
  for (const op of LIBWBXML_OPS) ops[op] = figureOf(outputs, op);
  return {
    file,
    version: calibration.version,
    bytes: calibration.bytes,
    xmlBytes: calibration.xmlBytes,
    iterations,
    runs: profile.runs,
    ops,
  };
}

function figureOf(outputs: readonly HarnessOutput[], op: LibwbxmlOp): LibwbxmlFigure {
  const runsNs: number[] = [];
  let outputBytes = 0;
  for (const out of outputs) {
    const o = out.ops[op];
    if (!o.ok) return { ok: false, error: o.error };
    runsNs.push(o.nsPerOp);
    outputBytes = o.outputBytes;
  }
  const medianNs = median(runsNs);
  return { ok: true, hz: 1e9 / medianNs, medianNs, runsNs, outputBytes };
}

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

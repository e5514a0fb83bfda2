import { fileURLToPath } from 'node:url';
import { matchesFilters } from '../runner/cli.js';
import { BenchError } from '../runner/errors.js';
import { type RunMetadata, runMetadata } from '../runner/machine.js';
import { type CaseMeasurement, measureCase } from '../runner/measure.js';
import { BENCH_MODES, type BenchMode, TIMING_PROFILES } from '../runner/modes.js';
import { writeResultsFile } from '../runner/results-file.js';
import { BENCH_CLOCKS, type BenchClock, DEFAULT_CLOCK } from '../runner/clock.js';
import { type BaselineReport, LibwbxmlBaseline } from './baseline.js';
import { type CodecCase, codecCases } from './cases/codec-cases.js';
import { attachBaselines, type CodecCaseRecord } from './compare.js';
import { defaultVectorsDir, loadCorpus } from './corpus.js';
import { progressLine, resultsTable, targetLines } from './print.js';
import { evaluateTargets, type TargetResult } from './targets.js';

/** Where `pnpm bench` writes its results: `bench/results/latest.json`. */
export const CODEC_RESULTS_FILE: string = fileURLToPath(
  new URL('../../results/latest.json', import.meta.url),
);

/** The folders (from the repository root) whose code the codec suite measures. */
export const CODEC_SOURCE_PATHS: readonly string[] = [
  'packages/codepages',
  'packages/wbxml',
  'packages/xml',
  'packages/syncml',
  'bench',
];

/** Version of the results file layout; raised when a field changes meaning or goes away. */
export const RESULTS_SCHEMA_VERSION = 1;

/** Options of {@link runCodecBench}. */
export interface CodecBenchOptions {
  /** Default `full`. */
  readonly mode?: BenchMode;
  /** Case-name substrings; a case runs when it matches any. Default: every case. */
  readonly filters?: readonly string[];
  /** Results file; null writes none. Default {@link CODEC_RESULTS_FILE}. */
  readonly out?: string | null;
  /** Run the libwbxml baseline. Default true. */
  readonly baseline?: boolean;
  /** What durations are measured in, ours and libwbxml's. Default {@link DEFAULT_CLOCK} (`cpu`). */
  readonly clock?: BenchClock;
  /** Default: `SYNCDS_VECTORS`, else `shared/vectors` beside the repository. */
  readonly vectorsDir?: string;
  /** Progress and result lines. Default: console.log. */
  readonly log?: (line: string) => void;
}

/** The results file: one record per case, libwbxml's figures, targets, run metadata. */
export interface CodecReport {
  readonly schemaVersion: number;
  readonly meta: RunMetadata & { readonly vectors: string };
  readonly summary: {
    readonly cases: number;
    readonly ok: number;
    readonly checkFailed: number;
    readonly failed: number;
  };
  readonly cases: readonly CodecCaseRecord[];
  readonly baseline: BaselineReport;
  readonly targets: readonly TargetResult[];
}

/** The codec cases on the corpus in `vectorsDir`, after `filters`. Throws BenchError VECTORS_MISSING. */
export function selectCodecCases(vectorsDir: string, filters: readonly string[]): CodecCase[] {
  return codecCases(loadCorpus(vectorsDir)).filter((c) => matchesFilters(c.name, filters));
}

/**
 * Runs the codec suite: each selected case is self-checked, then timed (cases that fail their
 * check are reported, never timed), with libwbxml timed right after them on the same file; the results
 * table and the target lines are logged and the report is written to `out`. Throws BenchError
 * VECTORS_MISSING, NO_CASES or WRITE_FAILED; broken cases and a missing baseline are in the
 * report, not thrown.
 */
export function runCodecBench(options: CodecBenchOptions = {}): CodecReport {
  const mode = options.mode ?? 'full';
  if (!BENCH_MODES.includes(mode)) throw new BenchError('USAGE', `unknown mode ${JSON.stringify(mode)}`);
  const clock = options.clock ?? DEFAULT_CLOCK;
  if (!BENCH_CLOCKS.includes(clock)) throw new BenchError('USAGE', `unknown clock ${JSON.stringify(clock)}`);
  const filters = options.filters ?? [];
  const log = options.log ?? ((line: string) => console.log(line));
  const vectorsDir = options.vectorsDir ?? defaultVectorsDir();
  const profile = TIMING_PROFILES[mode];
  const meta = {
    ...runMetadata('codec', mode, clock, profile, filters, CODEC_SOURCE_PATHS),
    vectors: vectorsDir,
  };
  const cases = selectCodecCases(vectorsDir, filters);
  if (cases.length === 0) {
    throw new BenchError('NO_CASES', `no case matches --filter ${filters.join(',')}`);
  }
  log(`codec bench, ${mode} mode, ${clock} clock: ${cases.length} cases, node ${meta.node}, ${meta.cpu}`);

  // Cases run file by file, libwbxml right after ours on the same file, so each ratio compares
  // figures taken under the same machine load; the report keeps the group order.
  const baselineRun = new LibwbxmlBaseline(mode, clock, options.baseline !== false, log);
  const measured = new Map<CodecCase, CaseMeasurement>();
  for (const corpusId of [...new Set(cases.map((c) => c.corpusId))]) {
    const ofFile = cases.filter((c) => c.corpusId === corpusId);
    for (const c of ofFile) {
      const m = measureCase(c, profile, clock);
      measured.set(c, m);
      log(progressLine(m));
    }
    const baselineFile = ofFile.find((c) => c.baselineFile !== null)?.baselineFile ?? null;
    if (baselineFile !== null) baselineRun.measureFile(vectorsDir, baselineFile);
  }
  const baseline = baselineRun.finish();

  const records = attachBaselines(
    cases.map((c) => ({ ...measured.get(c)!, baselineFile: c.baselineFile })),
    baseline,
  );
  const targets = evaluateTargets(records);
  const report: CodecReport = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    meta,
    summary: {
      cases: records.length,
      ok: records.filter((r) => r.status === 'ok').length,
      checkFailed: records.filter((r) => r.status === 'check-failed').length,
      failed: records.filter((r) => r.status === 'failed').length,
    },
    cases: records,
    baseline,
    targets,
  };

  log('');
  log(resultsTable(records));
  log('');
  if (baseline.status !== 'measured') {
    log(
      `libwbxml baseline ${baseline.status}: ${baseline.reason}${baseline.error ? ` (${baseline.error.message})` : ''}`,
    );
  } else {
    log(
      `libwbxml ${baseline.version}, medians of ${baseline.profile.runs} runs; ratio = ours / libwbxml (msg/s, ${clock} time)`,
    );
  }
  for (const line of targetLines(targets)) log(line);
  const out = options.out === undefined ? CODEC_RESULTS_FILE : options.out;
  if (out !== null) {
    writeResultsFile(out, report);
    log(`results written to ${out}`);
  }
  return report;
}

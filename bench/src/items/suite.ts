import { fileURLToPath } from 'node:url';
import { defaultVectorsDir } from '../codec/corpus.js';
import { BENCH_CLOCKS, type BenchClock, DEFAULT_CLOCK } from '../runner/clock.js';
import { matchesFilters } from '../runner/cli.js';
import { BenchError } from '../runner/errors.js';
import { runMetadata } from '../runner/machine.js';
import { measureCase } from '../runner/measure.js';
import { BENCH_MODES, type BenchMode, TIMING_PROFILES } from '../runner/modes.js';
import { writeResultsFile } from '../runner/results-file.js';
import { type ItemsCase, itemCases } from './cases/item-cases.js';
import { GENERATED_ITEMS_PER_FORMAT, GENERATED_ITEMS_SEED } from './corpus/generated-items.js';
import { type ItemCorpus, loadItemCorpus } from './corpus/item-corpus.js';
import { itemsProgressLine, itemsResultsTable, knownIssueLines } from './print.js';
import { ITEMS_RESULTS_SCHEMA_VERSION, type ItemsCaseRecord, type ItemsReport } from './report.js';

/** Where the items suite writes its results: `bench/results/items.json`. */
export const ITEMS_RESULTS_FILE: string = fileURLToPath(new URL('../../results/items.json', import.meta.url));

/** The folders (from the repository root) whose code the items suite measures. */
export const ITEMS_SOURCE_PATHS: readonly string[] = [
  'packages/versit',
  'packages/xml',
  'packages/contacts',
  'packages/calendar',
  'packages/notes',
  'packages/formats',
  'bench',
];

/** Options of {@link runItemsBench}. */
export interface ItemsBenchOptions {
  /** Default `full`. */
  readonly mode?: BenchMode;
  /** Case-name patterns (`matchesFilters`); a case runs when it matches any. Default: every case. */
  readonly filters?: readonly string[];
  /** Results file; null writes none. Default {@link ITEMS_RESULTS_FILE}. */
  readonly out?: string | null;
  /** What durations are measured in. Default {@link DEFAULT_CLOCK} (`cpu`). */
  readonly clock?: BenchClock;
  /** Default: `SYNCDS_VECTORS`, else `shared/vectors` beside the repository. */
  readonly vectorsDir?: string;
  /** Items generated for each format the captures lack. Default {@link GENERATED_ITEMS_PER_FORMAT}. */
  readonly generatedPerFormat?: number;
  /** Progress and result lines. Default: console.log. */
  readonly log?: (line: string) => void;
}

/**
 * The items cases on the corpus in `vectorsDir`, after `filters`. Throws BenchError
 * VECTORS_MISSING, CAPTURE_TOO_LARGE or BAD_CAPTURE.
 */
export function selectItemCases(
  vectorsDir: string,
  filters: readonly string[],
  generatedPerFormat: number = GENERATED_ITEMS_PER_FORMAT,
): ItemsCase[] {
  return casesOf(loadItemCorpus(vectorsDir, { generatedPerFormat }), filters);
}

function casesOf(corpus: ItemCorpus, filters: readonly string[]): ItemsCase[] {
  return itemCases(corpus).filter((c) => matchesFilters(c.name, filters));
}

/**
 * Runs the items suite: each selected case (one format, one direction, every item of the
 * format per call) is self-checked, then timed; cases that fail their check are reported and
 * never timed. Logs a table, writes the report to `out`. Throws BenchError USAGE,
 * VECTORS_MISSING, CAPTURE_TOO_LARGE, BAD_CAPTURE, NO_CASES or WRITE_FAILED; broken cases are
 * in the report, not thrown.
 */
export function runItemsBench(options: ItemsBenchOptions = {}): ItemsReport {
  const mode = options.mode ?? 'full';
  if (!BENCH_MODES.includes(mode)) throw new BenchError('USAGE', `unknown mode ${JSON.stringify(mode)}`);
  const clock = options.clock ?? DEFAULT_CLOCK;
  if (!BENCH_CLOCKS.includes(clock)) throw new BenchError('USAGE', `unknown clock ${JSON.stringify(clock)}`);
  const generatedPerFormat = options.generatedPerFormat ?? GENERATED_ITEMS_PER_FORMAT;
  if (!Number.isInteger(generatedPerFormat) || generatedPerFormat < 1) {
    throw new BenchError('USAGE', `generatedPerFormat must be a positive integer, not ${generatedPerFormat}`);
  }
  const filters = options.filters ?? [];
  const log = options.log ?? ((line: string) => console.log(line));
  const vectorsDir = options.vectorsDir ?? defaultVectorsDir();
  const profile = TIMING_PROFILES[mode];
  const corpus = loadItemCorpus(vectorsDir, { generatedPerFormat });
  const cases = casesOf(corpus, filters);
  if (cases.length === 0) {
    throw new BenchError('NO_CASES', `no items case matches --filter ${filters.join(',')}`);
  }
  const meta = {
    ...runMetadata('items', mode, clock, profile, filters, ITEMS_SOURCE_PATHS),
    vectors: vectorsDir,
    corpus: {
      files: corpus.files.length,
      duplicates: corpus.duplicates,
      skipped: corpus.skipped,
      generatedPerFormat,
      generatedSeed: GENERATED_ITEMS_SEED,
    },
  };
  log(`items bench, ${mode} mode, ${clock} clock: ${cases.length} cases, node ${meta.node}, ${meta.cpu}`);

  const records: ItemsCaseRecord[] = cases.map((c) => {
    const m = measureCase(c, profile, clock);
    const items = c.sources.length;
    log(itemsProgressLine(m, items));
    return {
      ...m,
      format: c.format,
      items,
      itemsPerSec: m.hz === null ? null : m.hz * items,
      sources: c.sources,
    };
  });
  const report: ItemsReport = {
    schemaVersion: ITEMS_RESULTS_SCHEMA_VERSION,
    meta,
    summary: {
      cases: records.length,
      ok: records.filter((r) => r.status === 'ok').length,
      checkFailed: records.filter((r) => r.status === 'check-failed').length,
      failed: records.filter((r) => r.status === 'failed').length,
    },
    cases: records,
  };

  log('');
  log(itemsResultsTable(records));
  for (const line of knownIssueLines(records)) log(line);
  const out = options.out === undefined ? ITEMS_RESULTS_FILE : options.out;
  if (out !== null) {
    writeResultsFile(out, report);
    log(`results written to ${out}`);
  }
  return report;
}

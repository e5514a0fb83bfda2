import { readFileSync } from 'node:fs';
import { BenchError } from '../runner/errors.js';
import type { RunMetadata } from '../runner/machine.js';
import type { CaseMeasurement } from '../runner/measure.js';
import type { SkippedItem } from './corpus/captured-items.js';
import type { ItemFormatId } from './item-formats.js';

/** Version of the items results layout; raised when a field changes meaning or goes away. */
export const ITEMS_RESULTS_SCHEMA_VERSION = 1;

/**
 * One case of the items report: the runner's measurement of one call (every item of the set
 * once), and the per-item figure. `hz` counts calls (sets) per second and `bytes` the set's
 * bytes, so `mbPerSec` is the data rate; `itemsPerSec` is `hz * items`.
 */
export interface ItemsCaseRecord extends CaseMeasurement {
  readonly format: ItemFormatId;
  /** Items processed by one call. */
  readonly items: number;
  /** Items per second; null when the case was not timed. */
  readonly itemsPerSec: number | null;
  /** Where each item comes from: `<capture>#<index>` or `generated/<format>#<index>`. */
  readonly sources: readonly string[];
}

/** What the corpus left out, and how the generated items were made. */
export interface ItemsCorpusSummary {
  /** Capture files read. */
  readonly files: number;
  /** Captured items dropped as byte-identical repeats within a format. */
  readonly duplicates: number;
  /** Items not measured and why (large-object chunks, other encodings, other types). */
  readonly skipped: readonly SkippedItem[];
  /** Generated items per format the captures lack, and the generator's seed. */
  readonly generatedPerFormat: number;
  readonly generatedSeed: number;
}

/** The items results file: one record per case and the run metadata, as the codec results. */
export interface ItemsReport {
  readonly schemaVersion: number;
  readonly meta: RunMetadata & { readonly vectors: string; readonly corpus: ItemsCorpusSummary };
  readonly summary: {
    readonly cases: number;
    readonly ok: number;
    readonly checkFailed: number;
    readonly failed: number;
  };
  readonly cases: readonly ItemsCaseRecord[];
}

/** Reads an items results file. Throws BenchError BAD_RESULTS_FILE. */
export function readItemsReport(path: string): ItemsReport {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new BenchError('BAD_RESULTS_FILE', `cannot read ${path}: ${(e as Error).message}`, path, {
      cause: e,
    });
  }
  const v = value as Partial<ItemsReport> | null;
  if (
    v === null ||
    typeof v !== 'object' ||
    v.schemaVersion !== ITEMS_RESULTS_SCHEMA_VERSION ||
    v.meta?.suite !== 'items' ||
    !Array.isArray(v.cases)
  ) {
    throw new BenchError(
      'BAD_RESULTS_FILE',
      `${path} is no items results file of schema ${ITEMS_RESULTS_SCHEMA_VERSION}`,
      path,
    );
  }
  return v as ItemsReport;
}

import type { BenchClock } from '../runner/clock.js';
import { BenchError, describeError } from '../runner/errors.js';
import type { BenchMode } from '../runner/modes.js';
import type { CodecGroup } from './cases/groups.js';
import { buildHarness, type HarnessBinary } from './libwbxml/build.js';
import type { LibwbxmlOp } from './libwbxml/harness-output.js';
import {
  BASELINE_PROFILES,
  type BaselineProfile,
  type LibwbxmlFileResult,
  measureLibwbxml,
} from './libwbxml/measure-libwbxml.js';

/** libwbxml's operations that each of our groups is compared with; the first is the primary one. */
export const BASELINE_PAIRS: Readonly<Record<CodecGroup, readonly LibwbxmlOp[]>> = {
  'wbxml-tokens': [],
  'wbxml-to-ast': ['wbxml_to_tree'],
  'xml-to-ast': [],
  'ast-to-wbxml': ['xml_to_wbxml', 'tree_to_wbxml'],
  'ast-to-xml': ['wbxml_to_xml'],
};

/** The libwbxml function each operation calls, for tables and the README. */
export const LIBWBXML_FUNCTIONS: Readonly<Record<LibwbxmlOp, string>> = {
  wbxml_to_tree: 'wbxml_tree_from_wbxml',
  wbxml_to_xml: 'wbxml_conv_wbxml2xml',
  xml_to_wbxml: 'wbxml_conv_xml2wbxml (no string table)',
  tree_to_wbxml: 'wbxml_tree_to_wbxml (no string table)',
};

/** One file the harness could not measure. */
export interface LibwbxmlFileFailure {
  readonly file: string;
  readonly error: { readonly code: string; readonly message: string };
}

/** The baseline part of the report. */
export type BaselineReport =
  | {
      readonly status: 'measured';
      readonly library: 'libwbxml';
      readonly version: string;
      /** What the harness's durations are measured in (the run's clock). */
      readonly clock: BenchClock;
      /** How the harness was compiled. */
      readonly build: string;
      readonly profile: BaselineProfile;
      readonly files: readonly (LibwbxmlFileResult | LibwbxmlFileFailure)[];
    }
  | {
      /** `unavailable`: the harness cannot build or run here; `skipped`: not asked for or not needed. */
      readonly status: 'unavailable' | 'skipped';
      readonly reason: string;
      readonly error: { readonly code: string; readonly message: string } | null;
    };

/**
 * The libwbxml same-run baseline: the harness is compiled on the first file that needs it, each
 * file is timed when asked (right after our cases on it, so both see the same machine load), and
 * {@link finish} gives the report and removes the binary. Never throws: a harness that cannot
 * be built or run makes the report `unavailable` with the reason; a file it fails on is listed
 * with its error.
 */
export class LibwbxmlBaseline {
  readonly #profile: BaselineProfile;
  readonly #clock: BenchClock;
  readonly #log: (line: string) => void;
  readonly #disabledReason: string | null;
  #binary: HarnessBinary | null = null;
  #unavailable: { reason: string; error: { code: string; message: string } } | null = null;
  readonly #files: (LibwbxmlFileResult | LibwbxmlFileFailure)[] = [];

  /** `enabled` false: every call is a no-op and the report says `skipped` (--no-baseline). */
  constructor(mode: BenchMode, clock: BenchClock, enabled: boolean, log: (line: string) => void) {
    this.#profile = BASELINE_PROFILES[mode];
    this.#clock = clock;
    this.#log = log;
    this.#disabledReason = enabled ? null : 'turned off (--no-baseline)';
  }

  /** Times libwbxml on `file` (relative to `vectorsDir`). */
  measureFile(vectorsDir: string, file: string): void {
    if (this.#disabledReason !== null || this.#unavailable !== null) return;
    if (this.#binary === null) {
      try {
        this.#binary = buildHarness();
      } catch (e) {
        this.#unavailable = {
          reason: 'the libwbxml harness cannot be built (it needs a C compiler and libwbxml2-dev)',
          error: describeError(e),
        };
        this.#log(`libwbxml baseline unavailable: ${describeError(e).message}`);
        return;
      }
    }
    try {
      const r = measureLibwbxml(this.#binary, vectorsDir, file, this.#profile, this.#clock);
      this.#files.push(r);
      this.#log(`libwbxml/${file}  ${r.iterations} iterations x ${r.runs} runs`);
    } catch (e) {
      const error = describeError(e);
      this.#log(`libwbxml/${file}  FAILED: ${error.message}`);
      if (this.#files.length === 0 && e instanceof BenchError && e.code === 'BASELINE_UNAVAILABLE') {
        // The harness failing on the very first file means it cannot run here (no shared library...).
        this.#unavailable = { reason: 'the libwbxml harness does not run', error };
        return;
      }
      this.#files.push({ file, error });
    }
  }

  /** The report; removes the compiled harness. */
  finish(): BaselineReport {
    this.#binary?.dispose();
    const binary = this.#binary;
    this.#binary = null;
    if (this.#disabledReason !== null)
      return { status: 'skipped', reason: this.#disabledReason, error: null };
    if (this.#unavailable !== null) return { status: 'unavailable', ...this.#unavailable };
    if (binary === null) {
      return { status: 'skipped', reason: 'no selected case has a libwbxml counterpart', error: null };
    }
    const measured = this.#files.find((f): f is LibwbxmlFileResult => 'version' in f);
    return {
      status: 'measured',
      library: 'libwbxml',
      version: measured?.version ?? 'unknown',
      clock: this.#clock,
      build: binary.command,
      profile: this.#profile,
      files: this.#files,
    };
  }
}

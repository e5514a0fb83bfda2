import type { CaseMeasurement } from '../runner/measure.js';
import { BASELINE_PAIRS, type BaselineReport, type LibwbxmlFileFailure } from './baseline.js';
import type { CodecGroup } from './cases/groups.js';
import type { LibwbxmlOp } from './libwbxml/harness-output.js';
import type { LibwbxmlFileResult } from './libwbxml/measure-libwbxml.js';

/** libwbxml's figure next to ours for one case. */
export interface BaselineComparison {
  readonly library: 'libwbxml';
  readonly op: LibwbxmlOp;
  /** libwbxml's calls per second (median of its runs). */
  readonly hz: number;
  /** On the bytes libwbxml reads (decoders) or writes (encoders). */
  readonly mbPerSec: number;
  /** Our hz / libwbxml's hz; null when our case has no figure. */
  readonly ratio: number | null;
}

/** One case of the report: our measurement and libwbxml's figures for the same file. */
export interface CodecCaseRecord extends CaseMeasurement {
  /** Comparisons with libwbxml, the primary one first; empty when there is none. */
  readonly baselines: readonly BaselineComparison[];
}

/** Puts libwbxml's figures next to each measured case (`baselineFile`: see CodecCase). */
export function attachBaselines(
  cases: readonly (CaseMeasurement & { readonly baselineFile: string | null })[],
  baseline: BaselineReport,
): CodecCaseRecord[] {
  const byFile = new Map<string, LibwbxmlFileResult>();
  if (baseline.status === 'measured') {
    for (const f of baseline.files) if (!isFailure(f)) byFile.set(f.file, f);
  }
  return cases.map((c) => {
    const { baselineFile, ...measurement } = c;
    const lib = baselineFile === null ? undefined : byFile.get(baselineFile);
    const baselines: BaselineComparison[] = [];
    if (lib !== undefined) {
      for (const op of BASELINE_PAIRS[c.group as CodecGroup] ?? []) {
        const figure = lib.ops[op];
        if (!figure.ok) continue;
        const libBytes = op === 'wbxml_to_tree' || op === 'wbxml_to_xml' ? lib.bytes : figure.outputBytes;
        baselines.push({
          library: 'libwbxml',
          op,
          hz: figure.hz,
          mbPerSec: (figure.hz * libBytes) / 1e6,
          ratio: c.hz === null ? null : c.hz / figure.hz,
        });
      }
    }
    return { ...measurement, baselines };
  });
}

function isFailure(f: LibwbxmlFileResult | LibwbxmlFileFailure): f is LibwbxmlFileFailure {
  return 'error' in f;
}

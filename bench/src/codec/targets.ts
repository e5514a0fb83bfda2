import { median } from './libwbxml/measure-libwbxml.js';
import type { CodecCaseRecord } from './compare.js';
import type { LibwbxmlOp } from './libwbxml/harness-output.js';

/** PASS or MISS against the target; UNMEASURED when the run has no figure for it. */
export type TargetStatus = 'PASS' | 'MISS' | 'UNMEASURED';

/** One speed target of the issue, evaluated on a run. */
export interface TargetResult {
  readonly id: string;
  readonly description: string;
  readonly status: TargetStatus;
  readonly required: number;
  readonly measured: number | null;
  readonly unit: 'x' | 'MB/s';
  /** How the figure was made (rows used, the file...) or why it is missing. */
  readonly detail: string;
}

/** The targets. Each reads the figures of one group. */
export const CODEC_TARGETS = {
  /** WBXML -> AST at 5x libwbxml's WBXML -> tree, median over the rows. */
  wbxmlToAstMedianRatio: 5,
  /** ...and no row under 3x. */
  wbxmlToAstMinRatio: 3,
  /** WBXML -> AST at 1 GB/s (10^9 bytes) or more on the 1000-item Sync message. */
  wbxmlToAstLargeMbPerSec: 1000,
  /** AST -> WBXML at 5x libwbxml's encoder (xml_to_wbxml), median over the rows. */
  astToWbxmlMedianRatio: 5,
} as const;

/** The capture the throughput target is measured on. */
export const LARGE_MESSAGE_FILE = 'synthetic/sync12_add1000.wbxml';

function ratios(records: readonly CodecCaseRecord[], group: string, op: LibwbxmlOp): number[] {
  const out: number[] = [];
  for (const r of records) {
    if (r.group !== group) continue;
    const b = r.baselines.find((x) => x.op === op);
    if (b !== undefined && b.ratio !== null) out.push(b.ratio);
  }
  return out;
}

function rowsOf(records: readonly CodecCaseRecord[], group: string): number {
  return records.filter((r) => r.group === group).length;
}

function ratioTarget(
  id: string,
  description: string,
  required: number,
  values: readonly number[],
  rows: number,
  pick: (values: readonly number[]) => number,
  how: string,
): TargetResult {
  if (values.length === 0) {
    return {
      id,
      description,
      status: 'UNMEASURED',
      required,
      measured: null,
      unit: 'x',
      detail:
        rows === 0
          ? 'no case of this group was selected'
          : "no row has both our figure and libwbxml's (baseline missing or checks failed)",
    };
  }
  const measured = pick(values);
  return {
    id,
    description,
    status: measured >= required ? 'PASS' : 'MISS',
    required,
    measured,
    unit: 'x',
    detail: `${how} over ${values.length} of ${rows} rows`,
  };
}

/** Evaluates the targets on a run's records. */
export function evaluateTargets(records: readonly CodecCaseRecord[]): TargetResult[] {
  const toTree = ratios(records, 'wbxml-to-ast', 'wbxml_to_tree');
  const toTreeRows = rowsOf(records, 'wbxml-to-ast');
  const encoder = ratios(records, 'ast-to-wbxml', 'xml_to_wbxml');
  const large = records.find((r) => r.group === 'wbxml-to-ast' && r.file === LARGE_MESSAGE_FILE);
  const largeTarget: TargetResult =
    large === undefined || large.mbPerSec === null
      ? {
          id: 'wbxml-to-ast-large-throughput',
          description: `WBXML -> AST throughput on ${LARGE_MESSAGE_FILE}`,
          status: 'UNMEASURED',
          required: CODEC_TARGETS.wbxmlToAstLargeMbPerSec,
          measured: null,
          unit: 'MB/s',
          detail: large === undefined ? 'case not selected' : `case ${large.status}`,
        }
      : {
          id: 'wbxml-to-ast-large-throughput',
          description: `WBXML -> AST throughput on ${LARGE_MESSAGE_FILE}`,
          status: large.mbPerSec >= CODEC_TARGETS.wbxmlToAstLargeMbPerSec ? 'PASS' : 'MISS',
          required: CODEC_TARGETS.wbxmlToAstLargeMbPerSec,
          measured: large.mbPerSec,
          unit: 'MB/s',
          detail: `${large.bytes} bytes per message, ±${large.rme?.toFixed(1)}%`,
        };
  return [
    ratioTarget(
      'wbxml-to-ast-vs-libwbxml-median',
      'WBXML -> AST vs libwbxml wbxml_tree_from_wbxml (median ratio)',
      CODEC_TARGETS.wbxmlToAstMedianRatio,
      toTree,
      toTreeRows,
      median,
      'median',
    ),
    ratioTarget(
      'wbxml-to-ast-vs-libwbxml-min',
      'WBXML -> AST vs libwbxml wbxml_tree_from_wbxml (lowest ratio)',
      CODEC_TARGETS.wbxmlToAstMinRatio,
      toTree,
      toTreeRows,
      (v) => Math.min(...v),
      'lowest',
    ),
    largeTarget,
    ratioTarget(
      'ast-to-wbxml-vs-libwbxml-median',
      'AST -> WBXML vs libwbxml wbxml_conv_xml2wbxml (median ratio)',
      CODEC_TARGETS.astToWbxmlMedianRatio,
      encoder,
      rowsOf(records, 'ast-to-wbxml'),
      median,
      'median',
    ),
  ];
}

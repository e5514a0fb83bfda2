import {
  type Align,
  formatFigure,
  formatMarkdownTable,
  formatRatio,
  formatTable,
} from '../runner/text-table.js';
import type { CaseMeasurement } from '../runner/measure.js';
import type { CodecCaseRecord } from './compare.js';
import type { TargetResult } from './targets.js';

const HEADERS = [
  'case',
  'bytes',
  'msg/s',
  'MB/s',
  '±%',
  'libwbxml op',
  'libwbxml msg/s',
  'ratio',
  'encoder-only ratio',
] as const;
const ALIGN: readonly Align[] = [
  'left',
  'right',
  'right',
  'right',
  'right',
  'left',
  'right',
  'right',
  'right',
];

function rowOf(r: CodecCaseRecord): string[] {
  const primary = r.baselines[0];
  const encoderOnly = r.baselines.find((b) => b.op === 'tree_to_wbxml');
  const figures =
    r.status === 'ok'
      ? [formatFigure(r.hz), formatFigure(r.mbPerSec), r.rme === null ? '-' : r.rme.toFixed(1)]
      : [r.status.toUpperCase(), '-', '-'];
  return [
    r.name,
    r.bytes === null ? '-' : String(r.bytes),
    ...figures,
    primary?.op ?? '-',
    primary === undefined ? '-' : formatFigure(primary.hz),
    formatRatio(primary?.ratio ?? null),
    formatRatio(encoderOnly?.ratio ?? null),
  ];
}

/** The results as a plain-text table (what the bench prints). */
export function resultsTable(records: readonly CodecCaseRecord[]): string {
  return formatTable(HEADERS, records.map(rowOf), ALIGN);
}

/** The results as a Markdown table (for bench/README.md). */
export function resultsMarkdown(records: readonly CodecCaseRecord[]): string {
  return formatMarkdownTable(HEADERS, records.map(rowOf), ALIGN);
}

/** One `PASS`/`MISS`/`UNMEASURED` line per target. */
export function targetLines(targets: readonly TargetResult[]): string[] {
  return targets.map((t) => {
    const measured =
      t.measured === null
        ? 'no figure'
        : t.unit === 'x'
          ? formatRatio(t.measured)
          : `${formatFigure(t.measured)} MB/s`;
    const required = t.unit === 'x' ? `${t.required}x` : `${t.required} MB/s`;
    return `${t.status.padEnd(10)} ${t.description}: ${measured} (target >= ${required}; ${t.detail})`;
  });
}

/** One progress line per measured case. */
export function progressLine(r: CaseMeasurement): string {
  if (r.status !== 'ok') return `${r.name}  ${r.status.toUpperCase()}: ${r.error?.message ?? ''}`;
  return `${r.name}  ${formatFigure(r.hz)} msg/s  ${formatFigure(r.mbPerSec)} MB/s  ±${r.rme?.toFixed(1)}%`;
}

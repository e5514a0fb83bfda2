import { readFileSync } from 'node:fs';
import { BenchError } from '../runner/errors.js';
import { type Align, formatFigure, formatMarkdownTable, formatRatio } from '../runner/text-table.js';
import { CODEC_GROUPS } from './cases/groups.js';
import type { CodecCaseRecord } from './compare.js';
import { median } from './libwbxml/measure-libwbxml.js';
import { resultsMarkdown, targetLines } from './print.js';
import type { CodecReport } from './suite.js';
import { LARGE_MESSAGE_FILE } from './targets.js';

/** Reads a results file written by the codec suite. Throws BenchError BAD_RESULTS_FILE. */
export function readCodecReport(path: string, schemaVersion: number): CodecReport {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new BenchError('BAD_RESULTS_FILE', `cannot read ${path}: ${(e as Error).message}`, path, {
      cause: e,
    });
  }
  const v = value as Partial<CodecReport> | null;
  if (v === null || typeof v !== 'object' || v.schemaVersion !== schemaVersion || !Array.isArray(v.cases)) {
    throw new BenchError(
      'BAD_RESULTS_FILE',
      `${path} is no codec results file of schema ${schemaVersion}`,
      path,
    );
  }
  return v as CodecReport;
}

function primaryRatios(records: readonly CodecCaseRecord[]): number[] {
  const out: number[] = [];
  for (const r of records) {
    const ratio = r.baselines[0]?.ratio;
    if (ratio !== undefined && ratio !== null) out.push(ratio);
  }
  return out;
}

/** One row per group: how many cases passed, ratios to libwbxml, the 1000-item message. */
export function groupSummaryMarkdown(report: CodecReport): string {
  const headers = [
    'group',
    'cases ok',
    'libwbxml op',
    'median ratio',
    'lowest ratio',
    'add1000 msg/s',
    'add1000 MB/s',
    'add1000 ratio',
  ];
  const align: Align[] = ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'right'];
  const largeStem = LARGE_MESSAGE_FILE.replace(/\.wbxml$/, '');
  const rows = CODEC_GROUPS.flatMap((group) => {
    const records = report.cases.filter((r) => r.group === group);
    if (records.length === 0) return [];
    const ratios = primaryRatios(records);
    const large = records.find((r) => r.file.startsWith(largeStem));
    const op = records.find((r) => r.baselines.length > 0)?.baselines[0]?.op ?? '-';
    return [
      [
        group,
        `${records.filter((r) => r.status === 'ok').length}/${records.length}`,
        op,
        formatRatio(ratios.length > 0 ? median(ratios) : null),
        formatRatio(ratios.length > 0 ? Math.min(...ratios) : null),
        formatFigure(large?.hz ?? null),
        formatFigure(large?.mbPerSec ?? null),
        formatRatio(large?.baselines[0]?.ratio ?? null),
      ],
    ];
  });
  return formatMarkdownTable(headers, rows, align);
}

/** The README's figures section: run line, targets, group summary, the full table folded. */
export function figuresMarkdown(report: CodecReport): string {
  const m = report.meta;
  const b = report.baseline;
  const baselineLine =
    b.status === 'measured'
      ? `libwbxml ${b.version} (same run, medians of ${b.profile.runs} runs)`
      : `no libwbxml baseline (${b.status}: ${b.reason})`;
  return [
    `Run of ${m.date.slice(0, 10)}, ${m.mode} mode, ${m.clock} clock, Node ${m.node}, ${m.cpu} (${m.cpuCount} cores), ` +
      `commit ${m.commit ?? 'unknown'}${m.dirty === true ? ' (uncommitted changes)' : ''}; ${baselineLine}. ` +
      `${report.summary.ok} of ${report.summary.cases} cases passed their self-check.`,
    '',
    '```',
    ...targetLines(report.targets),
    '```',
    '',
    groupSummaryMarkdown(report),
    '',
    '<details><summary>Every case</summary>',
    '',
    resultsMarkdown(report.cases),
    '',
    '</details>',
  ].join('\n');
}

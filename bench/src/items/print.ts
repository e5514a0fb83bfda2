import type { CaseMeasurement } from '../runner/measure.js';
import { type Align, formatFigure, formatMarkdownTable, formatTable } from '../runner/text-table.js';
import { ITEM_FORMATS } from './item-formats.js';
import type { ItemsCaseRecord, ItemsReport } from './report.js';

const HEADERS = ['case', 'items', 'bytes', 'items/s', 'MB/s', '±%', 'items from'] as const;
const ALIGN: readonly Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'left'];

/** `captured`, `generated`, or both with counts. */
function origin(r: ItemsCaseRecord): string {
  const captured = Number(r.facts.captured ?? 0);
  const generated = Number(r.facts.generated ?? 0);
  if (generated === 0) return 'captured';
  if (captured === 0) return 'generated';
  return `${captured} captured, ${generated} generated`;
}

function rowOf(r: ItemsCaseRecord): string[] {
  const figures =
    r.status === 'ok'
      ? [formatFigure(r.itemsPerSec), formatFigure(r.mbPerSec), r.rme === null ? '-' : r.rme.toFixed(1)]
      : [r.status.toUpperCase(), '-', '-'];
  return [r.name, String(r.items), r.bytes === null ? '-' : String(r.bytes), ...figures, origin(r)];
}

/** The results as a plain-text table (what the bench prints). */
export function itemsResultsTable(records: readonly ItemsCaseRecord[]): string {
  return formatTable(HEADERS, records.map(rowOf), ALIGN);
}

/** One progress line per measured case. */
export function itemsProgressLine(m: CaseMeasurement, items: number): string {
  if (m.status !== 'ok') return `${m.name}  ${m.status.toUpperCase()}: ${m.error?.message ?? ''}`;
  return (
    `${m.name}  ${formatFigure(m.hz === null ? null : m.hz * items)} items/s  ` +
    `${formatFigure(m.mbPerSec)} MB/s  ±${m.rme?.toFixed(1)}%`
  );
}

/** One line per case that was timed although a known codec issue shows in its round trip. */
export function knownIssueLines(records: readonly ItemsCaseRecord[]): string[] {
  return records.flatMap((r) =>
    typeof r.facts.knownIssues === 'string' ? [`KNOWN ISSUE ${r.name}: ${r.facts.knownIssues}`] : [],
  );
}

/**
 * The README's figures section for an items report: the run line, one row per format with
 * parse and serialize figures side by side, and the known issues.
 */
export function itemsFiguresMarkdown(report: ItemsReport): string {
  const m = report.meta;
  const byName = new Map(report.cases.map((c) => [c.name, c]));
  const figure = (r: ItemsCaseRecord | undefined, f: 'itemsPerSec' | 'mbPerSec'): string =>
    r === undefined ? '-' : r.status === 'ok' ? formatFigure(r[f]) : r.status.toUpperCase();
  const rows = ITEM_FORMATS.flatMap((format) => {
    const parse = byName.get(`items/parse/${format}`);
    const serialize = byName.get(`items/serialize/${format}`);
    const any = parse ?? serialize;
    if (any === undefined) return [];
    return [
      [
        format,
        String(any.items),
        origin(any),
        parse === undefined || parse.bytes === null ? '-' : String(Math.round(parse.bytes / parse.items)),
        figure(parse, 'itemsPerSec'),
        figure(parse, 'mbPerSec'),
        figure(serialize, 'itemsPerSec'),
        figure(serialize, 'mbPerSec'),
      ],
    ];
  });
  const table = formatMarkdownTable(
    [
      'format',
      'items',
      'items from',
      'mean item bytes',
      'parse items/s',
      'parse MB/s',
      'serialize items/s',
      'serialize MB/s',
    ],
    rows,
    ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
  const known = knownIssueLines(report.cases);
  return [
    `Run of ${m.date.slice(0, 10)}, ${m.mode} mode, ${m.clock} clock, Node ${m.node}, ${m.cpu} (${m.cpuCount} cores), ` +
      `commit ${m.commit ?? 'unknown'}${m.dirty === true ? ' (uncommitted changes)' : ''}. ` +
      `${report.summary.ok} of ${report.summary.cases} cases passed their self-check.`,
    '',
    table,
    ...(known.length > 0 ? ['', '```', ...known, '```'] : []),
  ].join('\n');
}

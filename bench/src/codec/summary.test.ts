import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { CodecCaseRecord } from './compare.js';
import { figuresMarkdown, groupSummaryMarkdown, readCodecReport } from './summary.js';
import type { CodecReport } from './suite.js';
import { evaluateTargets } from './targets.js';

const dir = mkdtempSync(join(tmpdir(), 'syncds-bench-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function record(
  name: string,
  file: string,
  hz: number,
  bytes: number,
  libHz: number | null,
): CodecCaseRecord {
  const group = name.slice(0, name.indexOf('/'));
  return {
    name,
    group,
    file,
    bytes,
    status: 'ok',
    hz,
    mbPerSec: (hz * bytes) / 1e6,
    samples: 100,
    rme: 1.5,
    batch: 1,
    messages: 100,
    meanNs: 1e9 / hz,
    medianNs: 1e9 / hz,
    facts: {},
    error: null,
    baselines:
      libHz === null
        ? []
        : [
            {
              library: 'libwbxml',
              op: 'wbxml_to_tree',
              hz: libHz,
              mbPerSec: (libHz * bytes) / 1e6,
              ratio: hz / libHz,
            },
          ],
  };
}

const cases = [
  record('wbxml-to-ast/k500i_client_0', 'wbxml/k500i_client_0.wbxml', 400_000, 331, 100_000),
  record('wbxml-to-ast/synthetic/sync12_add1000', 'synthetic/sync12_add1000.wbxml', 3000, 348_198, 250),
  record('wbxml-to-ast/funambol/msg1', 'wbxml/funambol/msg1.wbxml', 20_000, 3134, 10_000),
];

const report: CodecReport = {
  schemaVersion: 1,
  meta: {
    suite: 'codec',
    mode: 'full',
    clock: 'cpu',
    date: '2026-11-27T01:00:00.000Z',
    node: 'v20.20.2',
    v8: '11.3',
    tinybench: '6.2.5',
    cpu: 'AMD EPYC',
    cpuCount: 2,
    platform: 'linux',
    arch: 'x64',
    memoryGiB: 8,
    commit: 'abc1234',
    dirty: false,
    timing: {
      timeMs: 1000,
      warmupMs: 250,
      minSamples: 64,
      sampleTargetMs: 0.5,
      calibrationMs: 20,
    },
    filters: [],
    vectors: '/v',
  },
  summary: { cases: 3, ok: 3, checkFailed: 0, failed: 0 },
  cases,
  baseline: { status: 'skipped', reason: 'turned off (--no-baseline)', error: null },
  targets: evaluateTargets(cases),
};

test('targets over the rows: median 4x misses 5x, lowest 2x misses 3x, 1.04 GB/s passes', () => {
  expect(report.targets.map((t) => [t.id, t.status, t.measured])).toEqual([
    ['wbxml-to-ast-vs-libwbxml-median', 'MISS', 4],
    ['wbxml-to-ast-vs-libwbxml-min', 'MISS', 2],
    ['wbxml-to-ast-large-throughput', 'PASS', (3000 * 348_198) / 1e6],
    ['ast-to-wbxml-vs-libwbxml-median', 'UNMEASURED', null],
  ]);
  expect(report.targets[0]!.detail).toBe('median over 3 of 3 rows');
});

test('group summary: one row per group present', () => {
  expect(groupSummaryMarkdown(report)).toBe(
    [
      '| group | cases ok | libwbxml op | median ratio | lowest ratio | add1000 msg/s | add1000 MB/s | add1000 ratio |',
      '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
      '| wbxml-to-ast | 3/3 | wbxml_to_tree | 4.00x | 2.00x | 3,000 | 1,040 | 12.0x |',
    ].join('\n'),
  );
});

test('figures section names the run, the targets and folds the full table', () => {
  const md = figuresMarkdown(report);
  expect(md.split('\n')[0]).toBe(
    'Run of 2026-11-27, full mode, cpu clock, Node v20.20.2, AMD EPYC (2 cores), commit abc1234; ' +
      'no libwbxml baseline (skipped: turned off (--no-baseline)). 3 of 3 cases passed their self-check.',
  );
  expect(md).toContain('PASS       WBXML -> AST throughput on synthetic/sync12_add1000.wbxml: 1,040 MB/s');
  expect(md).toContain(
    '| wbxml-to-ast/k500i_client_0 | 331 | 400,000 | 132 | 1.5 | wbxml_to_tree | 100,000 | 4.00x | - |',
  );
  expect(md.trimEnd().endsWith('</details>')).toBe(true);
});

test('readCodecReport round-trips a results file and rejects others', () => {
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify(report));
  expect(readCodecReport(good, 1)).toEqual(JSON.parse(JSON.stringify(report)));
  const other = join(dir, 'other.json');
  writeFileSync(other, JSON.stringify({ schemaVersion: 2, cases: [] }));
  expect(() => readCodecReport(other, 1)).toThrow(expect.objectContaining({ code: 'BAD_RESULTS_FILE' }));
  expect(() => readCodecReport(join(dir, 'missing.json'), 1)).toThrow(
    expect.objectContaining({ code: 'BAD_RESULTS_FILE' }),
  );
});

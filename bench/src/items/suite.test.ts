import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadItemCorpus } from './corpus/item-corpus.js';
import { itemsFiguresMarkdown } from './print.js';
import { readItemsReport } from './report.js';
import { runItemsBench } from './suite.js';

// Runs the real items suite in smoke mode on one case and checks the results file a CI run
// would get; then the failure paths.
const vectors = process.env.SYNCDS_VECTORS!;
const dir = mkdtempSync(join(tmpdir(), 'syncds-items-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;

test('smoke run on one case writes a complete results file', () => {
  const out = join(dir, 'items.json');
  const lines: string[] = [];
  const report = runItemsBench({
    mode: 'smoke',
    filters: ['items/parse/vcalendar-1.0$'],
    out,
    log: (l) => lines.push(l),
  });

  const json = JSON.parse(readFileSync(out, 'utf8')) as Json;
  expect(json).toEqual(JSON.parse(JSON.stringify(report)));
  expect(Object.keys(json)).toEqual(['schemaVersion', 'meta', 'summary', 'cases']);
  expect(json.schemaVersion).toBe(1);

  const meta = json.meta as Json;
  expect(meta.suite).toBe('items');
  expect(meta.mode).toBe('smoke');
  expect(meta.clock).toBe('cpu');
  expect(meta.node).toBe(process.version);
  expect(typeof meta.cpu).toBe('string');
  expect(Number.isNaN(Date.parse(meta.date as string))).toBe(false);
  expect(meta.filters).toEqual(['items/parse/vcalendar-1.0$']);
  expect(meta.vectors).toBe(vectors);
  expect(meta.timing).toEqual({
    timeMs: 5,
    warmupMs: 1,
    minSamples: 3,
    sampleTargetMs: 0.1,
    calibrationMs: 1,
  });
  expect(meta.corpus).toEqual({
    files: 118,
    duplicates: 3,
    skipped: [{ source: 'wbxml/funambol/msg9.xml#4', reason: 'a chunk of a large object (MoreData)' }],
    generatedPerFormat: 6,
    generatedSeed: 20_081_231,
  });
  expect(json.summary).toEqual({ cases: 1, ok: 1, checkFailed: 0, failed: 0 });

  const cases = json.cases as Json[];
  expect(cases).toHaveLength(1);
  const c = cases[0]!;
  expect(c.name).toBe('items/parse/vcalendar-1.0');
  expect(c.group).toBe('items/parse');
  expect(c.format).toBe('vcalendar-1.0');
  expect(c.status, JSON.stringify(c.error)).toBe('ok');
  expect(c.error).toBeNull();
  expect(c.file).toBe(
    'sessions/P900_tasksandcalendar/syncml_client_11.xml, sessions/P900_tasksandcalendar/syncml_client_21.xml, ' +
      'sessions/P900_tasksandcalendar/syncml_client_31.xml, sessions/synthesis_tasks/syncml_client_11.xml, ' +
      'sessions/synthesis_tasks/syncml_client_21.xml, wbxml/funambol/msg13.xml',
  );
  // The P900's events and tasks, two Synthesis tasks, six Funambol events: 12 events, 5 tasks.
  expect(c.items).toBe(17);
  expect((c.sources as string[]).length).toBe(17);
  expect(c.facts).toEqual({ items: 17, captured: 17, generated: 0, events: 12, tasks: 5 });
  const set = loadItemCorpus(vectors).sets.find((s) => s.format === 'vcalendar-1.0')!;
  expect(c.sources).toEqual(set.items.map((i) => i.source));
  expect(c.bytes).toBe(set.items.reduce((n, i) => n + i.bytes.length, 0));
  expect(c.bytes).toBe(4899);
  for (const k of [
    'bytes',
    'hz',
    'itemsPerSec',
    'mbPerSec',
    'samples',
    'rme',
    'batch',
    'messages',
    'meanNs',
    'medianNs',
  ]) {
    expect(typeof c[k], k).toBe('number');
    expect(Number.isFinite(c[k]), k).toBe(true);
  }
  expect(c.hz as number).toBeGreaterThan(0);
  expect(c.itemsPerSec as number).toBeCloseTo((c.hz as number) * 17, 6);
  expect(c.mbPerSec as number).toBeCloseTo(((c.hz as number) * 4899) / 1e6, 6);
  expect(c.samples as number).toBeGreaterThanOrEqual(3);
  expect(c.messages).toBe((c.samples as number) * (c.batch as number));

  expect(lines[0]).toMatch(/^items bench, smoke mode, cpu clock: 1 cases, node v/);
  expect(
    lines.some((l) => /^items\/parse\/vcalendar-1\.0 {2}[\d,.]+ items\/s {2}[\d,.]+ MB\/s/.test(l)),
  ).toBe(true);
  expect(lines.at(-1)).toBe(`results written to ${out}`);

  // The README's figures come from the file: one row per format measured, serialize not run here.
  const figures = itemsFiguresMarkdown(readItemsReport(out)).split('\n');
  expect(figures[0]).toMatch(
    /^Run of \d{4}-\d\d-\d\d, smoke mode, cpu clock, Node v.*\. 1 of 1 cases passed their self-check\.$/,
  );
  expect(figures.slice(2, 4)).toEqual([
    '| format | items | items from | mean item bytes | parse items/s | parse MB/s | serialize items/s | serialize MB/s |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ]);
  expect(figures[4]).toMatch(
    /^\| vcalendar-1\.0 \| 17 \| captured \| 288 \| [\d,.]+ \| [\d,.]+ \| - \| - \|$/,
  );
  expect(figures).toHaveLength(5);
});

test('a filter that matches nothing is an error, and writes no file', () => {
  const out = join(dir, 'none.json');
  expect(() => runItemsBench({ mode: 'smoke', filters: ['no-such-case'], out, log: () => {} })).toThrow(
    expect.objectContaining({ code: 'NO_CASES' }),
  );
  expect(existsSync(out)).toBe(false);
});

test('a format whose item the codec rejects is check-failed and not timed; the others run', () => {
  // A copy of the notes session and one Funambol message, with the second SIF-N item cut short.
  const corpus = join(dir, 'vectors');
  const notes = 'sessions/sync4j_pocketpc_notes';
  cpSync(join(vectors, notes), join(corpus, notes), { recursive: true });
  mkdirSync(join(corpus, 'wbxml/funambol'), { recursive: true });
  cpSync(join(vectors, 'wbxml/funambol/msg13.xml'), join(corpus, 'wbxml/funambol/msg13.xml'));
  const file = join(corpus, notes, 'syncml_client_21.xml');
  const xml = readFileSync(file, 'utf8');
  const original = Buffer.from(
    'PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTgiPz48bm90ZT48U3ViamVjdD5jbGllbnQyPC9TdWJqZWN0PjxCb2R5PmNsaWVudDINClRlc3QNCjwvQm9keT48RGF0ZT4yMDA2MTAxNFQwOTAyMzBaPC9EYXRlPjwvbm90ZT4=',
    'base64',
  ).toString();
  expect(xml).toContain(Buffer.from(original).toString('base64'));
  const cut = Buffer.from(original.slice(0, original.indexOf('</Body>'))).toString('base64');
  writeFileSync(file, xml.replace(Buffer.from(original).toString('base64'), cut));

  const report = runItemsBench({
    mode: 'smoke',
    filters: ['sifn', 'vcalendar-1.0'],
    out: null,
    vectorsDir: corpus,
    log: () => {},
  });
  expect(report.cases.map((c) => [c.name, c.status, c.items])).toEqual([
    ['items/parse/vcalendar-1.0', 'ok', 6],
    ['items/parse/sifn', 'check-failed', 3],
    ['items/serialize/vcalendar-1.0', 'ok', 6],
    ['items/serialize/sifn', 'check-failed', 3],
  ]);
  const failed = report.cases[1]!;
  expect(failed.error?.code).toBe('CHECK_FAILED');
  expect(failed.error?.message).toMatch(
    /^sessions\/sync4j_pocketpc_notes\/syncml_client_21\.xml#0: the codec rejects it: MALFORMED_ITEM \(400\): /,
  );
  expect([failed.hz, failed.itemsPerSec, failed.samples, failed.mbPerSec]).toEqual([null, null, null, null]);
  expect(report.summary).toEqual({ cases: 4, ok: 2, checkFailed: 2, failed: 0 });
});

test('bad options are usage errors', () => {
  expect(() => runItemsBench({ mode: 'fast' as 'full', out: null, log: () => {} })).toThrow(
    expect.objectContaining({ code: 'USAGE' }),
  );
  expect(() => runItemsBench({ generatedPerFormat: 0, out: null, log: () => {} })).toThrow(
    expect.objectContaining({ code: 'USAGE' }),
  );
});

test('readItemsReport refuses what is not an items results file', () => {
  const garbage = join(dir, 'garbage.json');
  writeFileSync(garbage, '{ not json');
  expect(() => readItemsReport(garbage)).toThrow(
    expect.objectContaining({ code: 'BAD_RESULTS_FILE', path: garbage }),
  );
  const codec = join(dir, 'codec.json');
  writeFileSync(codec, JSON.stringify({ schemaVersion: 1, meta: { suite: 'codec' }, cases: [] }));
  expect(() => readItemsReport(codec)).toThrow(
    expect.objectContaining({
      code: 'BAD_RESULTS_FILE',
      message: `${codec} is no items results file of schema 1`,
    }),
  );
  expect(() => readItemsReport(join(dir, 'absent.json'))).toThrow(
    expect.objectContaining({ code: 'BAD_RESULTS_FILE' }),
  );
});

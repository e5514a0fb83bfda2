import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runCodecBench } from './index.js';

// Runs the real harness, in smoke mode, on one small capture, and checks the results file a
// CI run would get. libwbxml2-dev is a test peer (scripts/setup.sh --test-peers): where it is
// installed the baseline must be measured, elsewhere the report must say why it is missing.
const LIBWBXML_HEADER = '/usr/include/libwbxml-1.0/wbxml/wbxml.h';
const FILE = 'wbxml/k700i_syncml_client_0.wbxml';

const dir = mkdtempSync(join(tmpdir(), 'syncds-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;

test('smoke run on one capture writes a complete results file', () => {
  const out = join(dir, 'results.json');
  const lines: string[] = [];
  const report = runCodecBench({
    mode: 'smoke',
    filters: ['k700i_syncml_client_0'],
    out,
    log: (l) => lines.push(l),
  });

  const json = JSON.parse(readFileSync(out, 'utf8')) as Json;
  expect(json).toEqual(JSON.parse(JSON.stringify(report)));
  expect(json.schemaVersion).toBe(1);

  const meta = json.meta as Json;
  expect(meta.mode).toBe('smoke');
  expect(meta.clock).toBe('cpu');
  expect(meta.node).toBe(process.version);
  expect(typeof meta.cpu).toBe('string');
  expect(Number.isNaN(Date.parse(meta.date as string))).toBe(false);
  expect(meta.filters).toEqual(['k700i_syncml_client_0']);

  // The capture has no XML twin, so four groups apply, in report order.
  const cases = json.cases as Json[];
  expect(cases.map((c) => c.name)).toEqual([
    'wbxml-tokens/k700i_syncml_client_0',
    'wbxml-to-ast/k700i_syncml_client_0',
    'ast-to-wbxml/k700i_syncml_client_0',
    'ast-to-xml/k700i_syncml_client_0',
  ]);
  for (const c of cases) {
    expect(c.status, `${c.name}: ${JSON.stringify(c.error)}`).toBe('ok');
    expect(c.file).toBe(FILE);
    expect(c.error).toBeNull();
    for (const k of [
      'bytes',
      'hz',
      'mbPerSec',
      'samples',
      'rme',
      'batch',
      'messages',
      'meanNs',
      'medianNs',
    ]) {
      expect(typeof c[k], `${c.name}.${k}`).toBe('number');
      expect(Number.isFinite(c[k]), `${c.name}.${k}`).toBe(true);
    }
    expect(c.hz as number).toBeGreaterThan(0);
    expect(c.mbPerSec as number).toBeCloseTo(((c.hz as number) * (c.bytes as number)) / 1e6, 6);
    expect(c.samples as number).toBeGreaterThanOrEqual(3);
    expect(c.messages).toBe((c.samples as number) * (c.batch as number));
  }
  // Decoders count the capture's bytes; the tokenizer's self-check records its token count.
  expect(cases[0]!.bytes).toBe(272);
  expect(cases[1]!.bytes).toBe(272);
  expect((cases[0]!.facts as Json).tokens).toBeGreaterThan(10);
  expect(json.summary).toEqual({ cases: 4, ok: 4, checkFailed: 0, failed: 0 });

  const baseline = json.baseline as Json;
  const ratioOps = cases.map((c) => (c.baselines as Json[]).map((b) => b.op));
  if (existsSync(LIBWBXML_HEADER)) {
    expect(baseline.status).toBe('measured');
    expect(baseline.library).toBe('libwbxml');
    expect(baseline.clock).toBe('cpu');
    expect(baseline.version).toMatch(/^\d+\.\d+\.\d+$/);
    const files = baseline.files as Json[];
    expect(files.map((f) => f.file)).toEqual([FILE]);
    const ops = files[0]!.ops as Record<string, Json>;
    for (const op of ['wbxml_to_tree', 'wbxml_to_xml', 'xml_to_wbxml', 'tree_to_wbxml']) {
      expect(ops[op]!.ok, op).toBe(true);
      expect(ops[op]!.runsNs as number[]).toHaveLength(3);
      expect(ops[op]!.hz as number).toBeGreaterThan(0);
    }
    expect(ratioOps).toEqual([[], ['wbxml_to_tree'], ['xml_to_wbxml', 'tree_to_wbxml'], ['wbxml_to_xml']]);
    for (const c of cases) {
      for (const b of c.baselines as Json[]) {
        expect(b.ratio as number).toBeCloseTo((c.hz as number) / (b.hz as number), 6);
      }
    }
    expect(lines.some((l) => l.startsWith('libwbxml 0.11') && l.includes('medians of 3 runs'))).toBe(true);
  } else {
    expect(baseline.status).toBe('unavailable');
    expect(typeof baseline.reason).toBe('string');
    expect(ratioOps).toEqual([[], [], [], []]);
  }

  // Four targets, each PASS / MISS / UNMEASURED; the large-message one cannot be measured here.
  const targets = json.targets as Json[];
  expect(targets.map((t) => t.id)).toEqual([
    'wbxml-to-ast-vs-libwbxml-median',
    'wbxml-to-ast-vs-libwbxml-min',
    'wbxml-to-ast-large-throughput',
    'ast-to-wbxml-vs-libwbxml-median',
  ]);
  for (const t of targets) expect(['PASS', 'MISS', 'UNMEASURED']).toContain(t.status);
  expect(targets[2]!.status).toBe('UNMEASURED');
  expect(lines.filter((l) => /^(PASS|MISS|UNMEASURED) /.test(l))).toHaveLength(4);
});

test('a filter that matches nothing is an error, and writes no file', () => {
  const out = join(dir, 'none.json');
  expect(() => runCodecBench({ mode: 'smoke', filters: ['no-such-case'], out, log: () => {} })).toThrow(
    expect.objectContaining({ code: 'NO_CASES' }),
  );
  expect(existsSync(out)).toBe(false);
});

test('a case whose output disagrees is reported as check-failed and not timed', () => {
  // A corpus whose msg16.xml twin names another SessionID than msg16.wbxml carries: the two
  // decoders disagree, so neither decoder case may be timed; the encoders check their own
  // round trip and still run.
  const vectors = process.env.SYNCDS_VECTORS!;
  const corpus = join(dir, 'vectors');
  for (const folder of ['wbxml', 'wbxml/funambol', 'synthetic'])
    mkdirSync(join(corpus, folder), { recursive: true });
  copyFileSync(join(vectors, FILE), join(corpus, FILE));
  copyFileSync(join(vectors, 'synthetic/sync12_add10.wbxml'), join(corpus, 'synthetic/sync12_add10.wbxml'));
  copyFileSync(join(vectors, 'wbxml/funambol/msg16.wbxml'), join(corpus, 'wbxml/funambol/msg16.wbxml'));
  const xml = readFileSync(join(vectors, 'wbxml/funambol/msg16.xml'), 'utf8');
  expect(xml).toContain('<SessionID>1193032190</SessionID>');
  writeFileSync(
    join(corpus, 'wbxml/funambol/msg16.xml'),
    xml.replace('<SessionID>1193032190</SessionID>', '<SessionID>1193032191</SessionID>'),
  );

  const report = runCodecBench({
    mode: 'smoke',
    filters: ['msg16'],
    out: null,
    baseline: false,
    vectorsDir: corpus,
    log: () => {},
  });
  expect(report.cases.map((c) => [c.name, c.status])).toEqual([
    ['wbxml-tokens/funambol/msg16', 'ok'],
    ['wbxml-to-ast/funambol/msg16', 'check-failed'],
    ['xml-to-ast/funambol/msg16', 'check-failed'],
    ['ast-to-wbxml/funambol/msg16', 'ok'],
    ['ast-to-xml/funambol/msg16', 'ok'],
  ]);
  const failed = report.cases[1]!;
  expect(failed.error).toEqual({
    code: 'CHECK_FAILED',
    message:
      'the AST of wbxml/funambol/msg16.wbxml differs from that of wbxml/funambol/msg16.xml: ' +
      '$.header.sessionID: "1193032190" vs "1193032191"',
  });
  expect([failed.hz, failed.samples, failed.mbPerSec]).toEqual([null, null, null]);
  expect(report.summary).toEqual({ cases: 5, ok: 3, checkFailed: 2, failed: 0 });
  expect(report.baseline).toEqual({ status: 'skipped', reason: 'turned off (--no-baseline)', error: null });
  expect(report.targets.map((t) => t.status)).toEqual([
    'UNMEASURED',
    'UNMEASURED',
    'UNMEASURED',
    'UNMEASURED',
  ]);
});

test('without a working C compiler the bench still runs and records why the baseline is missing', () => {
  const saved = process.env.CC;
  process.env.CC = join(dir, 'no-such-compiler');
  try {
    const report = runCodecBench({
      mode: 'smoke',
      filters: ['wbxml-to-ast/k700i'],
      out: null,
      log: () => {},
    });
    expect(report.cases.map((c) => [c.name, c.status, c.baselines])).toEqual([
      ['wbxml-to-ast/k700i_syncml_client_0', 'ok', []],
    ]);
    const baseline = report.baseline;
    expect(baseline.status).toBe('unavailable');
    if (baseline.status === 'measured') return;
    expect(baseline.reason).toBe(
      'the libwbxml harness cannot be built (it needs a C compiler and libwbxml2-dev)',
    );
    expect(baseline.error?.code).toBe('BASELINE_UNAVAILABLE');
    expect(baseline.error?.message).toContain('no-such-compiler');
    expect(report.targets[0]!.status).toBe('UNMEASURED');
  } finally {
    if (saved === undefined) delete process.env.CC;
    else process.env.CC = saved;
  }
});

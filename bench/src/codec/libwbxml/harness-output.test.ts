import { expect, test } from 'vitest';
import { BenchError } from '../../runner/errors.js';
import { parseHarnessOutput } from './harness-output.js';
import { median } from './measure-libwbxml.js';

const good = {
  library: 'libwbxml',
  version: '0.11.8',
  clock: 'cpu',
  file: '/v/a.wbxml',
  bytes: 272,
  xmlBytes: 882,
  iterations: 20,
  ops: {
    wbxml_to_tree: { ok: true, nsPerOp: 10540.15, outputBytes: 0 },
    wbxml_to_xml: { ok: true, nsPerOp: 14148.05, outputBytes: 882 },
    xml_to_wbxml: { ok: false, error: 'Bad Parameter' },
    tree_to_wbxml: { ok: true, nsPerOp: 2854.7, outputBytes: 243 },
  },
};

test('reads the harness JSON', () => {
  const out = parseHarnessOutput(JSON.stringify(good), 'a.wbxml');
  expect(out.version).toBe('0.11.8');
  expect(out.clock).toBe('cpu');
  expect(out.iterations).toBe(20);
  expect(out.ops.wbxml_to_tree).toEqual({ ok: true, nsPerOp: 10540.15, outputBytes: 0 });
  expect(out.ops.xml_to_wbxml).toEqual({ ok: false, error: 'Bad Parameter' });
});

test.each([
  ['not json', 'not JSON'],
  ['[]', 'not an object'],
  [JSON.stringify({ ...good, ops: undefined }), 'ops is not an object'],
  [
    JSON.stringify({ ...good, ops: { ...good.ops, tree_to_wbxml: undefined } }),
    'ops.tree_to_wbxml is missing',
  ],
  [
    JSON.stringify({
      ...good,
      ops: { ...good.ops, wbxml_to_tree: { ok: true, nsPerOp: 0, outputBytes: 0 } },
    }),
    'ops.wbxml_to_tree has no positive nsPerOp',
  ],
  [JSON.stringify({ ...good, bytes: -1 }), 'bytes is not a count'],
  [JSON.stringify({ ...good, version: 11 }), 'version is not a string'],
  [JSON.stringify({ ...good, clock: 'tsc' }), 'clock is "tsc"'],
])('rejects %s', (text, why) => {
  let caught: unknown;
  try {
    parseHarnessOutput(text, 'a.wbxml');
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(BenchError);
  expect((caught as BenchError).code).toBe('BAD_BASELINE_OUTPUT');
  expect((caught as BenchError).message).toContain(why);
  expect((caught as BenchError).path).toBe('a.wbxml');
});

test('median of odd and even counts', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([7])).toBe(7);
});

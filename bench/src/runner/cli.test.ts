import { describe, expect, test } from 'vitest';
import { matchesFilters, parseBenchArgs } from './cli.js';
import { BenchError } from './errors.js';

describe('parseBenchArgs', () => {
  test('defaults: full mode, every case, baseline on, default results file', () => {
    expect(parseBenchArgs([])).toEqual({
      suite: 'all',
      mode: 'full',
      filters: [],
      list: false,
      help: false,
      out: undefined,
      baseline: true,
      clock: 'cpu',
    });
  });

  test('modes, filters (repeated and comma-separated), out, list, no-baseline', () => {
    expect(
      parseBenchArgs([
        '--suite',
        'codec',
        '--quick',
        '--filter',
        'wbxml-to-ast,add1000',
        '--filter=msg1',
        '--out',
        'x.json',
        '--list',
        '--no-baseline',
        '--clock',
        'wall',
      ]),
    ).toEqual({
      suite: 'codec',
      mode: 'quick',
      filters: ['wbxml-to-ast', 'add1000', 'msg1'],
      list: true,
      help: false,
      out: 'x.json',
      baseline: false,
      clock: 'wall',
    });
    expect(parseBenchArgs(['--smoke']).mode).toBe('smoke');
    expect(parseBenchArgs(['--suite=items', '--out=r.json']).out).toBe('r.json');
    expect(parseBenchArgs(['--suite', 'items']).suite).toBe('items');
  });

  test.each([
    [['--fast'], 'unknown argument "--fast"'],
    [['--filter'], '--filter needs a value'],
    [['--filter', '--quick'], '--filter needs a value'],
    [['--filter='], '--filter needs a value'],
    [['--quick', '--smoke'], '--quick and --smoke exclude each other'],
    [['--list=yes'], '--list takes no value'],
    [['--clock', 'tsc'], '--clock takes cpu or wall, not "tsc"'],
    [['--clock'], '--clock needs a value'],
    [['--suite', 'server'], '--suite takes all, codec, items, not "server"'],
    [['--suite'], '--suite needs a value'],
    [['--out', 'r.json'], '--out names one results file: add --suite codec or --suite items'],
  ])('%j is a usage error', (argv, message) => {
    let caught: unknown;
    try {
      parseBenchArgs(argv);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BenchError);
    expect((caught as BenchError).code).toBe('USAGE');
    expect((caught as BenchError).message).toBe(message);
  });
});

describe('matchesFilters', () => {
  test('no filter matches everything', () => {
    expect(matchesFilters('wbxml-to-ast/funambol/msg1', [])).toBe(true);
  });

  test('a filter matches case-insensitively at the start of a name or of a word in it', () => {
    expect(matchesFilters('wbxml-to-ast/funambol/msg1', ['FUNAMBOL/MSG1'])).toBe(true);
    expect(matchesFilters('wbxml-to-ast/synthetic/sync12_add1000', ['add1000'])).toBe(true);
    expect(matchesFilters('wbxml-to-ast/synthetic/sync12_add1000', ['to-ast'])).toBe(true);
    expect(matchesFilters('wbxml-to-ast/funambol/msg1', ['xml-to-ast'])).toBe(false);
    expect(matchesFilters('xml-to-ast/funambol/msg1', ['xml-to-ast'])).toBe(true);
    expect(matchesFilters('ast-to-xml/k500i_client_0', ['nothing', 'ast-to-xml'])).toBe(true);
    expect(matchesFilters('ast-to-xml/k500i_client_0', ['500i'])).toBe(false);
  });

  test('a trailing $ anchors at the end of the name', () => {
    expect(matchesFilters('wbxml-to-ast/funambol/msg10', ['msg1'])).toBe(true);
    expect(matchesFilters('wbxml-to-ast/funambol/msg10', ['msg1$'])).toBe(false);
    expect(matchesFilters('wbxml-to-ast/funambol/msg1', ['msg1$'])).toBe(true);
    expect(matchesFilters('wbxml-to-ast/funambol/msg1', ['$'])).toBe(true);
  });
});

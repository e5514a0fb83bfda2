import { describe, expect, it } from 'vitest';
import { LoadBenchError } from './errors.js';
import { MODE_DEFAULTS, parseServerBenchArgs } from './options.js';

describe('parseServerBenchArgs', () => {
  it('fills in the defaults of the mode', () => {
    expect(parseServerBenchArgs([])).toEqual({
      mode: 'full',
      ...MODE_DEFAULTS.full,
      logLevel: 'info',
      sqliteSynchronous: 'normal',
      serverNodeOptions: [],
      client: 'lean',
      dataDir: undefined,
      echo: true,
      verify: true,
      out: undefined,
    });
    expect(parseServerBenchArgs(['--quick'])).toMatchObject({ mode: 'quick', pairs: 8, durationMs: 3000 });
    expect(parseServerBenchArgs(['--help'])).toBe('help');
    expect(parseServerBenchArgs(['--server-node-options='])).toMatchObject({ serverNodeOptions: [] });
  });

  it('reads every option', () => {
    expect(
      parseServerBenchArgs([
        '--smoke',
        '--pairs',
        '3',
        '--duration=1.5',
        '--max-sessions',
        '40',
        '--data-dir',
        '/dev/shm',
        '--log-level',
        'warn',
        '--sqlite-synchronous=full',
        '--client',
        'undici',
        '--server-node-options',
        '--max-semi-space-size=16  --stack-size=2000',
        '--no-echo',
        '--no-verify',
        '--out',
        'x.json',
      ]),
    ).toEqual({
      mode: 'smoke',
      pairs: 3,
      durationMs: 1500,
      maxSessions: 40,
      dataDir: '/dev/shm',
      logLevel: 'warn',
      sqliteSynchronous: 'full',
      serverNodeOptions: ['--max-semi-space-size=16', '--stack-size=2000'],
      client: 'undici',
      echo: false,
      verify: false,
      out: 'x.json',
    });
  });

  it('refuses bad input with USAGE', () => {
    for (const argv of [
      ['--pairs', '0'],
      ['--pairs', '2000'],
      ['--duration', '-1'],
      ['--max-sessions', 'many'],
      ['--quick', '--smoke'],
      ['--log-level', 'trace'],
      ['--sqlite-synchronous', 'off'],
      ['--client', 'curl'],
      ['--server-node-options', 'inspect'],
      ['--out'],
      ['--frobnicate'],
    ]) {
      let error: unknown;
      try {
        parseServerBenchArgs(argv);
      } catch (err) {
        error = err;
      }
      expect(error, argv.join(' ')).toBeInstanceOf(LoadBenchError);
      expect((error as LoadBenchError).code).toBe('USAGE');
    }
  });
});

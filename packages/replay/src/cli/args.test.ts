import { describe, expect, it } from 'vitest';
import { ReplayError } from '../errors.js';
import { parseReplayArgs } from './args.js';

describe('parseReplayArgs', () => {
  it('reads the capture folder and every option', () => {
    const args = parseReplayArgs([
      'sessions/P900',
      '--url',
      'http://127.0.0.1:8080/syncml/',
      '--user=alice@example.com',
      '--password',
      'secret',
      '--wbxml',
      '--auth',
      'md5',
      '--db',
      'scard=Contacts',
      '--db=./scal=Calendar',
      '--device',
      'dev-1',
      '--recorded-session-ids',
      '--run',
      '2',
      '--run',
      '3',
      '--timeout',
      '2.5',
      '--json',
      '--quiet',
    ]);
    expect(args).toEqual({
      help: false,
      captureDir: 'sessions/P900',
      url: 'http://127.0.0.1:8080/syncml/',
      user: 'alice@example.com',
      password: 'secret',
      passwordStdin: false,
      encoding: 'wbxml',
      auth: 'md5',
      databases: [
        ['scard', 'Contacts'],
        ['./scal', 'Calendar'],
      ],
      device: 'dev-1',
      recordedSessionIds: true,
      runs: ['2', '3'],
      timeoutSeconds: 2.5,
      json: true,
      quiet: true,
    });
  });

  it('has defaults for everything optional', () => {
    expect(parseReplayArgs(['d'])).toMatchObject({
      encoding: 'recorded',
      auth: 'recorded',
      databases: [],
      runs: [],
      recordedSessionIds: false,
      timeoutSeconds: undefined,
      password: undefined,
    });
    expect(parseReplayArgs(['--help']).help).toBe(true);
    expect(parseReplayArgs(['d', '--xml']).encoding).toBe('xml');
  });

  it('refuses what it does not know or cannot use', () => {
    const cases: [string[], RegExp][] = [
      [['d', '--nope'], /unknown option --nope/],
      [['d', '--url'], /--url needs a value/],
      [['a', 'b'], /one capture folder expected, got 2/],
      [['d', '--wbxml', '--xml'], /exclude each other/],
      [['d', '--auth', 'digest'], /--auth must be recorded, basic or md5/],
      [['d', '--timeout', '0'], /--timeout must be a positive number/],
      [['d', '--db', 'scard'], /--db wants REMOTE=FOLDER/],
      [['d', '--url', 'a', '--url', 'b'], /--url given more than once/],
      [['d', '--json=yes'], /--json takes no value/],
      [['d', '--password', 'p', '--password-stdin'], /exclude each other/],
    ];
    for (const [argv, message] of cases) {
      let error: unknown;
      try {
        parseReplayArgs(argv);
      } catch (err) {
        error = err;
      }
      expect(error, argv.join(' ')).toBeInstanceOf(ReplayError);
      expect((error as ReplayError).code).toBe('BAD_OPTION');
      expect((error as ReplayError).message).toMatch(message);
    }
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseArgs, runCli } from './cli.js';

let dir: string;
let out: string;
const run = async (...argv: string[]) => {
  out = '';
  return runCli([...argv, '--data-dir', dir], (s) => {
    out += s;
  });
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'syncds-cli-'));
  delete process.env.SYNCDS_PASSWORD;
});
afterEach(() => {
  delete process.env.SYNCDS_PASSWORD;
});

describe('syncds admin CLI', () => {
  test('domains and accounts, with the password given non-interactively', async () => {
    expect(await run('domain', 'add', 'example.com')).toBe(0);
    expect(await run('account', 'add', 'Alice@Example.com', '--password', 'pw1')).toBe(0);
    process.env.SYNCDS_PASSWORD = 'pw2';
    expect(await run('account', 'add', 'bob@example.com')).toBe(0);
    expect(await run('account', 'list', '--json')).toBe(0);
    const accounts = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { login: string; enabled: boolean });
    expect(accounts.map((a) => a.login)).toEqual(['alice@example.com', 'bob@example.com']);
    expect(await run('account', 'disable', 'bob@example.com')).toBe(0);
    expect(await run('account', 'list')).toBe(0);
    expect(out).toContain('bob@example.com\tfalse');
    expect(await run('folder', 'list', 'alice@example.com')).toBe(0);
    expect(out.split('\n').map((l) => l.split('\t')[0])).toEqual(
      expect.arrayContaining(['Contacts', 'Events', 'Tasks', 'Notes', 'Journal', 'inbox', 'Files']),
    );
    expect(await run('folder', 'export', 'alice@example.com', 'calendar')).toBe(0);
    expect(out).toBe('');
  });

  test('errors: usage 2, failed operation 1, with a message', async () => {
    expect(await run('account', 'add', 'x@nowhere.example', '--password', 'p')).toBe(1);
    expect(await run('frobnicate')).toBe(2);
    expect(await run('account', 'add', 'y@example.com')).toBe(2);
  });

  test('parseArgs', () => {
    expect(parseArgs(['account', 'add', 'a@b', '--password', 'x y', '--json', '--port=9'])).toEqual({
      positional: ['account', 'add', 'a@b'],
      flags: new Map<string, string | true>([
        ['password', 'x y'],
        ['json', true],
        ['port', '9'],
      ]),
    });
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayReport } from '../driver/report.js';
import { ServerProcess } from '../testing/server.test-util.js';
import { type ReplayCliIo, runReplayCli } from './run.js';

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');

function io(options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: ReplayCliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: () => options.stdin ?? '',
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

describe('syncds-replay', () => {
  const server = new ServerProcess();
  let url = '';
  const temps: string[] = [];
  beforeAll(async () => {
    url = await server.start();
    await server.addAccount('cli@example.com', 'syncmltest');
    await server.addAccount('bin@example.com', 'syncmltest');
  }, 120_000);
  afterAll(async () => {
    await server.close();
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });

  it('prints each step with our statuses and a summary, exit 0', async () => {
    const t = io();
    const code = await runReplayCli(
      [
        join(SESSIONS, 'synthesis_tasks'),
        '--url',
        url,
        '--user',
        'cli@example.com',
        '--password',
        'syncmltest',
      ],
      t.io,
    );
    expect(code).toBe(0);
    const lines = t.out().split('\n');
    expect(lines[0]).toMatch(/^run 1: device SERIALNUMBER, session 10-\w+ \(recorded 10\)$/);
    expect(lines[1]).toMatch(
      /^ {3}1 syncml_client_10\.xml {2}msg 1 xml \d+ B -> HTTP 200 \d+ B [\d.]+ ms {2}reply 1 Final$/,
    );
    expect(lines[2]).toBe(
      '      statuses: SyncHdr 212 | Put ./devinf11 200 | Get ./devinf11 200 | Alert 201 tasks 200',
    );
    expect(lines[3]).toBe('      server sent: Results ./devinf11, Alert 201 ./tasks');
    expect(lines.at(-2)).toBe('ok: 4 run(s), 12 step(s), 12 message(s) sent, 0 error(s), 2 warning(s)');
    expect(t.err()).toBe('');
  });

  it('--json prints the report; --password-stdin reads the password; paths are relative to cwd', async () => {
    const t = io({ stdin: 'syncmltest\n', cwd: SESSIONS });
    const code = await runReplayCli(
      [
        'sync4j_pocketpc_notes',
        '--url',
        url,
        '--user',
        'cli@example.com',
        '--password-stdin',
        '--json',
        '--device',
        'json-device',
      ],
      t.io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(t.out()) as ReplayReport;
    expect(report.capture).toBe(join(SESSIONS, 'sync4j_pocketpc_notes'));
    expect(report.errors).toBe(0);
    expect(report.runs.map((r) => r.device)).toEqual([
      'json-device',
      'json-device',
      'json-device',
      'json-device',
    ]);
  });

  it('--quiet prints only warnings, errors and the summary; errors give exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncds-cli-'));
    temps.push(dir);
    for (const f of readdirSync(join(SESSIONS, 'sync4j_pocketpc_notes'))) {
      if (!f.startsWith('syncml_') || !f.endsWith('0.xml')) continue;
      const text = readFileSync(join(SESSIONS, 'sync4j_pocketpc_notes', f), 'utf8');
      writeFileSync(join(dir, f), text.replaceAll('<LocURI>notes</LocURI>', '<LocURI>bookmarks</LocURI>'));
    }
    // Only message 0 of each run is kept: an Alert for `bookmarks`, which the server does not know.
    const t = io({ env: { SYNCDS_REPLAY_PASSWORD: 'syncmltest' } });
    const code = await runReplayCli(
      [dir, '--url', url, '--user', 'cli@example.com', '--quiet', '--run', '1'],
      t.io,
    );
    expect(code).toBe(1);
    expect(t.out()).toBe(
      'run 1 step 1: error UNKNOWN_DATABASE: Alert 200 bookmarks: 404, the server has no database of that name (rename it with --db NAME=FOLDER) (recorded server: 508)\n' +
        'FAILED: 1 run(s), 1 step(s), 1 message(s) sent, 1 error(s), 0 warning(s)\n',
    );
  });

  it('exits 2 on usage errors and unreadable captures', async () => {
    const missing = io();
    expect(await runReplayCli([join(SESSIONS, 'synthesis_tasks'), '--user', 'u'], missing.io)).toBe(2);
    expect(missing.err()).toMatch(/^syncds-replay: missing --url, --password/);
    const bad = io();
    expect(await runReplayCli(['--bogus'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/^syncds-replay: unknown option --bogus\n\nusage: syncds-replay/);
    const absent = io();
    const args = [join(tmpdir(), 'no-such-capture'), '--url', url, '--user', 'u', '--password', 'p'];
    expect(await runReplayCli(args, absent.io)).toBe(2);
    expect(absent.err()).toMatch(/^syncds-replay: CAPTURE_NOT_FOUND: no capture folder at /);
    const badRun = io();
    expect(
      await runReplayCli(
        [join(SESSIONS, 'synthesis_tasks'), '--url', url, '--user', 'u', '--password', 'p', '--run', '9'],
        badRun.io,
      ),
    ).toBe(2);
    expect(badRun.err()).toContain('the capture has no run 9 (runs: 1, 2, 3, 4)');
    const help = io();
    expect(await runReplayCli(['--help'], help.io)).toBe(0);
    expect(help.out()).toMatch(/^usage: syncds-replay <capture-dir>/);
  });

  it('runs as the built bin', () => {
    const main = join(dirname(fileURLToPath(import.meta.url)), '../../dist/cli/main.js');
    const result = spawnSync(
      process.execPath,
      [
        main,
        relative(process.cwd(), join(SESSIONS, 'synthesis_tasks')),
        '--url',
        url,
        '--user',
        'bin@example.com',
        '--password',
        'syncmltest',
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      'ok: 4 run(s), 12 step(s), 12 message(s) sent, 0 error(s), 2 warning(s)',
    );
  });
});

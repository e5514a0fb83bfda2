import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createServer, connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LoadBenchError } from './errors.js';

/** The start of a syncds server log line: `{"time":"...","level":"info",...` (see apps/server's JsonLogger). */
const SERVER_LINE_LEVEL = /^\{"time":"[^"]*","level":"([a-z]+)",/;

/** How long a process may take to print its "listening" line. */
const START_TIMEOUT_MS = 60_000;

/** The built syncds server's entry, through node's resolution of @syncds/server's package.json. */
export function serverMainPath(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('@syncds/server/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin?: Record<string, string> };
  const main = join(dirname(pkgFile), pkg.bin?.syncds ?? 'dist/main.js');
  if (!existsSync(main))
    throw new LoadBenchError(
      'PROCESS_FAILED',
      `${main} is missing: build first (pnpm bench:server builds it)`,
      main,
    );
  return main;
}

/** The raw uWebSockets.js echo app's entry (built next to this file, in bench/dist/server). */
export function echoAppPath(): string {
  const path = fileURLToPath(new URL('../../dist/server/echo-app.js', import.meta.url));
  if (!existsSync(path))
    throw new LoadBenchError('PROCESS_FAILED', `${path} is missing: build the bench first`, path);
  return path;
}

/** A child process that prints JSON log lines, one of them `{"msg":"listening","url":...}`. */
export class ListeningProcess {
  readonly name: string;
  url = '';
  /** Log lines by level (the server logs JSON; anything else counts as `other`). */
  readonly levels: Record<string, number> = {};
  /** The last lines at warn level or above, for the report. */
  readonly problems: string[] = [];
  #child: ChildProcess | undefined;

  constructor(name: string) {
    this.name = name;
  }

  /**
   * Starts the process and resolves with its URL: from its `listening` log line, or, when
   * `port` is given (a server logging only warnings prints none), as soon as the port accepts
   * connections.
   */
  start(
    args: readonly string[],
    env: Record<string, string>,
    port?: number,
    path = '/syncml/',
  ): Promise<string> {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const lines = createInterface({ input: child.stdout! });
    const errors = createInterface({ input: child.stderr! });
    errors.on('line', (line) => this.#keep(`stderr: ${line}`));
    return new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(
          new LoadBenchError(
            'PROCESS_FAILED',
            `${this.name} did not start within ${START_TIMEOUT_MS} ms`,
            args[0],
          ),
        );
      }, START_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(
          new LoadBenchError(
            'PROCESS_FAILED',
            `${this.name} exited with ${code}: ${this.problems.join(' | ')}`,
            args[0],
          ),
        );
      });
      if (port !== undefined) {
        const poll = () => {
          const socket = connect(port, '127.0.0.1');
          socket.once('connect', () => {
            socket.destroy();
            clearTimeout(timer);
            this.url = `http://127.0.0.1:${port}${path}`;
            ok(this.url);
          });
          socket.once('error', () => {
            socket.destroy();
            if (child.exitCode === null) setTimeout(poll, 50);
          });
        };
        poll();
      }
      lines.on('line', (line) => {
        // The server writes several lines per session: its level is read off the line's start
        // (the logger's fixed field order) instead of parsing every line in the load generator.
        const known = SERVER_LINE_LEVEL.exec(line);
        if (known !== null && !line.includes('"msg":"listening"')) {
          this.#count(known[1]!, line);
          return;
        }
        let entry: { msg?: unknown; level?: unknown; url?: unknown };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          this.levels.other = (this.levels.other ?? 0) + 1;
          return;
        }
        this.#count(typeof entry.level === 'string' ? entry.level : 'other', line);
        if (entry.msg === 'listening' && typeof entry.url === 'string') {
          clearTimeout(timer);
          this.url = entry.url;
          ok(entry.url);
        }
      });
    });
  }

  #count(level: string, line: string): void {
    this.levels[level] = (this.levels[level] ?? 0) + 1;
    if (level === 'warn' || level === 'error') this.#keep(line);
  }

  #keep(line: string): void {
    if (this.problems.length < 20) this.problems.push(line.length > 500 ? `${line.slice(0, 500)}...` : line);
  }

  /** The process id, while it runs. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** SIGTERM and wait for the exit. */
  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    await exited;
  }
}

let clockTicks: number | undefined;

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from
 * /proc/<pid>/stat; undefined where there is no /proc (the figures then go without it).
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

/** Runs `syncds <args>` on a data folder; resolves with stdout, rejects with LoadBenchError ADMIN_FAILED. */
export function syncdsAdmin(dataDir: string, args: readonly string[]): Promise<string> {
  const main = serverMainPath();
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [main, ...args], {
      env: { ...process.env, SYNCDS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    child.on('close', (code) => {
      if (code === 0) ok(Buffer.concat(out).toString('utf8'));
      else
        fail(
          new LoadBenchError(
            'ADMIN_FAILED',
            `syncds ${args.join(' ')} exited with ${code}: ${err.trim()}`,
            dataDir,
          ),
        );
    });
  });
}

/**
 * Runs `work` on every element, at most `limit` at a time. On a failure no new work starts, the
 * running ones finish (they may be child processes writing to a folder the caller then
 * removes), and the first error is thrown.
 */
export async function inBatches<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && failure === undefined) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(lanes);
  if (failure !== undefined) throw failure.error;
}

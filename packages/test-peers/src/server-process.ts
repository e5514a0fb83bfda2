import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One line of `syncds folder export`: a stored item. */
export interface ExportedItem {
  guid: string;
  contentType: string;
  version: number;
  sequence: number;
  origin: string | null;
  deleted: boolean;
  size: number;
  summary?: string;
  record?: Record<string, unknown>;
  converted?: string;
}

export interface ServerProcessOptions {
  /** The built server's entry (`apps/server/dist/main.js`). */
  main: string;
  /** SYNCDS_* settings for the server and its admin commands. */
  env?: Record<string, string>;
  /** Data folder; default a fresh temporary one. */
  dataDir?: string;
}

/**
 * The syncds server as the README runs it (`node .../main.js serve`), in its own process on
 * 127.0.0.1 and a free port, with its JSON log lines collected; admin commands run against
 * the same data folder.
 */
export class ServerProcess {
  readonly dataDir: string;
  readonly logs: Record<string, unknown>[] = [];
  url = '';
  readonly #main: string;
  readonly #env: Record<string, string>;
  #child: ChildProcess | undefined;

  constructor(options: ServerProcessOptions) {
    this.#main = options.main;
    this.#env = options.env ?? {};
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'syncds-server-'));
  }

  /** Runs an admin command (`account add ...`); the exit code and output, whatever they are. */
  admin(args: readonly string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [this.#main, ...args], {
        env: { ...process.env, SYNCDS_DATA_DIR: this.dataDir, ...this.#env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.stdin.end(input ?? '');
      child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    });
  }

  /** An admin command that must succeed: its standard output. */
  async adminOk(args: readonly string[], input?: string): Promise<string> {
    const r = await this.admin(args, input);
    if (r.code !== 0) throw new Error(`syncds ${args.join(' ')} exited with ${r.code}: ${r.stderr}`);
    return r.stdout;
  }

  /** Creates an account (and its domain when missing). */
  async addAccount(
    login: string,
    password: string,
    options: { keepClearPassword?: boolean } = {},
  ): Promise<void> {
    const args = ['account', 'add', login, '--password', password, '--create-domain'];
    if (options.keepClearPassword === true) args.push('--keep-clear-password');
    await this.adminOk(args);
  }

  /** The items of a folder through `syncds folder export` (what an administrator sees). */
  async exportFolder(login: string, folder: string, as?: string): Promise<ExportedItem[]> {
    const args = ['folder', 'export', login, folder];
    if (as !== undefined) args.push('--as', as);
    return (await this.adminOk(args))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as ExportedItem);
  }

  /** Starts the server; resolves with its endpoint URL once it listens. */
  async start(): Promise<string> {
    const child = spawn(process.execPath, [this.#main, 'serve'], {
      env: {
        ...process.env,
        SYNCDS_DATA_DIR: this.dataDir,
        SYNCDS_HOST: '127.0.0.1',
        SYNCDS_PORT: '0',
        SYNCDS_LOG_LEVEL: 'debug',
        ...this.#env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.#child = child;
    const lines = createInterface({ input: child.stdout! });
    this.url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('the server did not start within 60 s')), 60_000);
      child.once('exit', (code) => fail(new Error(`the server exited with ${code} before listening`)));
      lines.on('line', (line) => {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          return;
        }
        this.logs.push(entry);
        if (entry.msg === 'listening') {
          clearTimeout(timer);
          ok(String(entry.url));
        }
      });
    });
    return this.url;
  }

  /** SIGTERM and wait: the server finishes in-flight messages; the data folder stays. Its exit code. */
  async stop(): Promise<number | null> {
    const child = this.#child;
    this.#child = undefined;
    if (child === undefined) return null;
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    return exited;
  }

  /** Stops the server and removes its data folder. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  logsWith(msg: string): Record<string, unknown>[] {
    return this.logs.filter((l) => l.msg === msg);
  }
}

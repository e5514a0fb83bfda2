import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/** One line of `syncds folder export`: a stored item. */
export interface ExportedItem {
  guid: string;
  contentType: string;
  version: number;
  sequence: number;
  origin: string;
  deleted: boolean;
  size: number;
  summary?: string;
  record?: Record<string, unknown>;
  converted?: string;
}

/**
 * The built server's entry (`bin.syncds` of @syncds/server), found through node's module
 * resolution of its package.json, never by a path into apps/.
 */
export function serverMainPath(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('@syncds/server/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin?: Record<string, string> };
  const bin = pkg.bin?.syncds;
  if (bin === undefined) throw new Error(`${pkgFile} names no syncds bin`);
  const main = join(dirname(pkgFile), bin);
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first (pnpm build)`);
  return main;
}

/** A real syncds server in its own process, on 127.0.0.1 and a free port, with a fresh data folder. */
export class ServerProcess {
  readonly dataDir: string;
  readonly logs: Record<string, unknown>[] = [];
  url = '';
  readonly #main = serverMainPath();
  readonly #env: Record<string, string>;
  #child: ChildProcess | undefined;

  constructor(env: Record<string, string> = {}) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'syncds-replay-'));
    this.#env = env;
  }

  /** An admin command (`account add ...`) on this server's data folder; rejects on a non-zero exit. */
  admin(args: readonly string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [this.#main, ...args], {
        env: { ...process.env, SYNCDS_DATA_DIR: this.dataDir, ...this.#env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => {
        if (code === 0) resolve(stdout);
        else reject(new Error(`syncds ${args.join(' ')} exited with ${code}: ${stderr}`));
      });
    });
  }

  /** Creates an account (and its domain). */
  async addAccount(
    login: string,
    password: string,
    options: { keepClearPassword?: boolean } = {},
  ): Promise<void> {
    const args = ['account', 'add', login, '--password', password, '--create-domain'];
    if (options.keepClearPassword === true) args.push('--keep-clear-password');
    await this.admin(args);
  }

  /** The items of a folder, through `syncds folder export` (what an administrator sees). */
  async exportFolder(login: string, folder: string, as?: string): Promise<ExportedItem[]> {
    const args = ['folder', 'export', login, folder];
    if (as !== undefined) args.push('--as', as);
    const out = await this.admin(args);
    return out
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as ExportedItem);
  }

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

  /** SIGTERM, wait for the exit, remove the data folder. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child !== undefined && child.exitCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      await exited;
    }
    this.#child = undefined;
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  logsWith(msg: string): Record<string, unknown>[] {
    return this.logs.filter((l) => l.msg === msg);
  }
}

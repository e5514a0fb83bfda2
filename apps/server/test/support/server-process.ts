import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = resolve(import.meta.dirname, '../../dist/main.js');

/** The server as the README starts it: `node apps/server/dist/main.js serve`, in its own process. */
export class ServerProcess {
  readonly dataDir: string;
  readonly logs: Record<string, unknown>[] = [];
  url = '';
  #child: ChildProcess | undefined;
  readonly #env: Record<string, string>;

  constructor(env: Record<string, string> = {}, dataDir?: string) {
    this.dataDir = dataDir ?? mkdtempSync(join(tmpdir(), 'syncds-server-'));
    this.#env = env;
  }

  /** Runs an admin command (`syncds account add ...`) against this server's data directory. */
  admin(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [MAIN, ...args], {
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
      if (input !== undefined) child.stdin.end(input);
      else child.stdin.end();
      child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    });
  }

  async start(): Promise<string> {
    const child = spawn(process.execPath, [MAIN, 'serve'], {
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
      const timer = setTimeout(() => fail(new Error('server did not start within 20 s')), 20_000);
      child.once('exit', (code) => fail(new Error(`server exited with ${code} before listening`)));
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

  /** SIGTERM and wait: the server finishes in-flight messages and closes the store. */
  async stop(): Promise<number | null> {
    const child = this.#child;
    if (child === undefined || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    const code = await exited;
    this.#child = undefined;
    return code;
  }

  logsWith(msg: string): Record<string, unknown>[] {
    return this.logs.filter((l) => l.msg === msg);
  }
}

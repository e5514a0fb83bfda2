import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpTransport } from '@syncds/replay';
import { SimulatedDevice } from './device.js';
import { echoSession } from './echo-session.js';
import { LoadBenchError } from './errors.js';
import { LatencyHistogram } from './histogram.js';
import { LoadHttpClient } from './http-client.js';
import { type PhaseResult, runPhase } from './load.js';
import type { ServerBenchOptions } from './options.js';
import {
  echoAppPath,
  freePort,
  inBatches,
  ListeningProcess,
  processCpuMs,
  serverMainPath,
  syncdsAdmin,
} from './processes.js';
import { type AccountCheck, checkAccount } from './verify.js';

/** The targets of the issue: reported against the figures, never enforced by the exit status. */
export const TARGETS = { sessionsPerSec: 2000, messageRateRatio: 0.3 } as const;
/** Admin commands (node processes) run at once while accounts are made and checked. */
const ADMIN_PARALLELISM = 4;
const DOMAIN = 'bench.example';
const PASSWORD = 'bench-password';

/** The JSON report written to bench/results/. */
export interface ServerBenchReport {
  readonly suite: 'server-load';
  readonly date: string;
  readonly machine: {
    node: string;
    cpu: string;
    cpuCount: number;
    memoryGiB: number;
    commit: string | null;
    /** 1, 5 and 15 minute load averages when the run started and ended: other work on the machine. */
    loadAverage: { start: number[]; end: number[] };
  };
  readonly options: ServerBenchOptions & { dataDirKind: 'tmpfs' | 'disk' };
  readonly scenario: string;
  readonly syncml: PhaseResult;
  readonly echo: PhaseResult | null;
  /** SyncML messages/s over raw echo messages/s, in the same run. */
  readonly messageRateRatio: number | null;
  readonly targets: typeof TARGETS & { sessionsPerSecMet: boolean; messageRateRatioMet: boolean | null };
  readonly server: { logLines: Record<string, number>; problems: string[] };
  readonly check: {
    readonly ok: boolean;
    readonly sessionsFailed: number;
    readonly itemsExpected: number;
    readonly itemsFound: number | null;
    readonly accounts: AccountCheck[];
    readonly reasons: string[];
  };
}

interface Pair {
  readonly login: string;
  readonly a: SimulatedDevice;
  readonly b: SimulatedDevice;
  /** FN of each device's last contact, which its partner must get next. */
  readonly last: Map<SimulatedDevice, string>;
  /** Every contact the pair's devices added in a completed session. */
  readonly sent: string[];
}

/** Runs the whole load bench: setup, SyncML phase, raw echo phase, store check, report file. */
export async function runServerBench(
  options: ServerBenchOptions,
  log: (line: string) => void = () => {},
): Promise<ServerBenchReport> {
  const parent = options.dataDir === undefined ? tmpdir() : resolve(options.dataDir);
  mkdirSync(parent, { recursive: true });
  const dataDir = mkdtempSync(join(parent, 'syncds-load-'));
  const loadAtStart = loadAverage();
  const server = new ListeningProcess('syncds server');
  const echoApp = new ListeningProcess('echo app');
  // One client per phase, the same kind in both: the load generator's own work is equal.
  const client = () =>
    options.client === 'undici'
      ? createHttpTransport({ connections: options.pairs })
      : new LoadHttpClient({ maxConnections: options.pairs });
  const transports = [client(), client()];
  try {
    log(`accounts: ${options.pairs} (one per device pair) in ${dataDir}`);
    await syncdsAdmin(dataDir, ['domain', 'add', DOMAIN]);
    const logins = Array.from(
      { length: options.pairs },
      (_, i) => `load${String(i + 1).padStart(4, '0')}@${DOMAIN}`,
    );
    await inBatches(logins, ADMIN_PARALLELISM, async (login) => {
      await syncdsAdmin(dataDir, ['account', 'add', login, '--password', PASSWORD]);
    });
    const port = await freePort();
    const url = await server.start(
      [...options.serverNodeOptions, serverMainPath(), 'serve'],
      {
        SYNCDS_DATA_DIR: dataDir,
        SYNCDS_HOST: '127.0.0.1',
        SYNCDS_PORT: String(port),
        SYNCDS_LOG_LEVEL: options.logLevel,
        SYNCDS_SQLITE_SYNCHRONOUS: options.sqliteSynchronous,
      },
      port,
    );
    log(
      `server: ${url} (node ${options.serverNodeOptions.join(' ') || 'defaults'}, log level ${options.logLevel}, SQLite synchronous=${options.sqliteSynchronous})`,
    );
    const pairs: Pair[] = logins.map((login, i) => {
      const device = (side: string) =>
        new SimulatedDevice(
          { login, password: PASSWORD, deviceId: `dev-${String(i + 1).padStart(4, '0')}-${side}` },
          transports[0]!,
          url,
        );
      return { login, a: device('a'), b: device('b'), last: new Map(), sent: [] };
    });

    // Untimed first syncs (slow, with DevInf): A, then B, which gets A's contact.
    await Promise.all(
      pairs.map(async (pair) => {
        for (const device of [pair.a, pair.b]) {
          const outcome = await device.sync();
          if (!outcome.ok) {
            throw new LoadBenchError(
              'SETUP_FAILED',
              `first sync of ${device.identity.deviceId}: ${outcome.failure}`,
              url,
            );
          }
          pair.last.set(device, outcome.sent);
          pair.sent.push(outcome.sent);
        }
      }),
    );
    log('first syncs done; SyncML phase');

    const syncmlLatency = new LatencyHistogram();
    const syncml = await runPhase(
      options.pairs,
      options.durationMs,
      options.maxSessions,
      async (worker, turn) => {
        const pair = pairs[worker]!;
        const device = turn % 2 === 0 ? pair.a : pair.b;
        const partner = device === pair.a ? pair.b : pair.a;
        const outcome = await device.sync(syncmlLatency);
        if (!outcome.ok) return outcome;
        pair.sent.push(outcome.sent);
        pair.last.set(device, outcome.sent);
        const expected = pair.last.get(partner);
        if (outcome.received.length !== 1 || outcome.received[0] !== expected) {
          return {
            ok: false,
            messages: outcome.messages,
            failure: `${device.identity.deviceId} got ${JSON.stringify(outcome.received)}, expected [${expected}]`,
          };
        }
        return outcome;
      },
      syncmlLatency,
      () => processCpuMs(server.pid),
    );
    log(`SyncML: ${syncml.sessionsPerSec} sessions/s, ${syncml.messagesPerSec} messages/s`);

    let echo: PhaseResult | null = null;
    if (options.echo) {
      const echoUrl = await echoApp.start([...options.serverNodeOptions, echoAppPath()], {});
      const echoLatency = new LatencyHistogram();
      echo = await runPhase(
        options.pairs,
        options.durationMs,
        options.maxSessions,
        (worker, turn) => echoSession(transports[1]!, echoUrl, `echo-${worker}`, turn + 1, echoLatency),
        echoLatency,
        () => processCpuMs(echoApp.pid),
      );
      await echoApp.stop();
      log(`raw echo: ${echo.sessionsPerSec} sessions/s, ${echo.messagesPerSec} messages/s`);
    }
    await Promise.all(transports.map((t) => t.close()));
    await server.stop();

    const reasons: string[] = [];
    if (syncml.sessionsFailed > 0)
      reasons.push(`${syncml.sessionsFailed} SyncML session(s) failed: ${syncml.failures[0]}`);
    if (echo !== null && echo.sessionsFailed > 0)
      reasons.push(`${echo.sessionsFailed} echo session(s) failed: ${echo.failures[0]}`);
    const accounts: AccountCheck[] = [];
    const itemsExpected = pairs.reduce((n, p) => n + p.sent.length, 0);
    let itemsFound: number | null = null;
    if (options.verify) {
      log('checking the store');
      await inBatches(pairs, ADMIN_PARALLELISM, async (pair) => {
        accounts.push(await checkAccount(dataDir, pair.login, pair.sent));
      });
      accounts.sort((x, y) => x.login.localeCompare(y.login));
      itemsFound = accounts.reduce((n, a) => n + a.found, 0);
      for (const a of accounts) {
        if (a.missing.length > 0)
          reasons.push(`${a.login}: ${a.expected - a.found} item(s) missing, e.g. ${a.missing[0]}`);
        if (a.duplicates.length > 0) reasons.push(`${a.login}: stored twice: ${a.duplicates[0]}`);
        if (a.missing.length === 0 && a.found !== a.expected)
          reasons.push(`${a.login}: ${a.found} items stored, ${a.expected} sent`);
      }
    }
    const ratio =
      echo === null || echo.messagesPerSec === 0
        ? null
        : Math.round((syncml.messagesPerSec / echo.messagesPerSec) * 1000) / 1000;
    return {
      suite: 'server-load',
      date: new Date().toISOString(),
      machine: { ...machine(), loadAverage: { start: loadAtStart, end: loadAverage() } },
      options: { ...options, dataDirKind: dataDir.startsWith('/dev/shm') ? 'tmpfs' : 'disk' },
      scenario:
        "per session, WBXML SyncML 1.2: init (basic auth, Alert 200 with anchors) / two-way Sync with one new vCard, server Adds the partner device's last contact / Statuses + Map; device pairs share an account and alternate",
      syncml,
      echo,
      messageRateRatio: ratio,
      targets: {
        ...TARGETS,
        sessionsPerSecMet: syncml.sessionsPerSec >= TARGETS.sessionsPerSec,
        messageRateRatioMet: ratio === null ? null : ratio >= TARGETS.messageRateRatio,
      },
      server: { logLines: server.levels, problems: server.problems },
      check: {
        ok: reasons.length === 0,
        sessionsFailed: syncml.sessionsFailed,
        itemsExpected,
        itemsFound,
        accounts,
        reasons,
      },
    };
  } finally {
    await echoApp.stop();
    await server.stop();
    await Promise.allSettled(transports.map((t) => t.close()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Default results file: bench/results/server-latest.json. */
export function defaultResultsFile(): string {
  return fileURLToPath(new URL('../../results/server-latest.json', import.meta.url));
}

/** Writes the report as indented JSON, through a temporary file and a rename. Throws LoadBenchError WRITE_FAILED. */
export function writeReport(path: string, report: ServerBenchReport): void {
  const tmp = `${path.replace(/\.json$/, '')}.tmp.json`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(report, null, 2)}\n`);
    renameSync(tmp, path);
  } catch (err) {
    throw new LoadBenchError('WRITE_FAILED', `cannot write ${path}: ${(err as Error).message}`, path, {
      cause: err,
    });
  }
}

function loadAverage(): number[] {
  return loadavg().map((n) => Math.round(n * 100) / 100);
}

function machine(): Omit<ServerBenchReport['machine'], 'loadAverage'> {
  const list = cpus();
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: dirname(fileURLToPath(import.meta.url)),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
  } catch {
    commit = null;
  }
  return {
    node: process.version,
    cpu: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    commit,
  };
}

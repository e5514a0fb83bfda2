import { LoadBenchError } from './errors.js';

/** `full`: the figures to read (default); `quick`: a few seconds, for CI; `smoke`: proves the harness only. */
export type LoadMode = 'full' | 'quick' | 'smoke';

/** Every setting of one load run. */
export interface ServerBenchOptions {
  readonly mode: LoadMode;
  /** Concurrent device pairs; each pair is one account and one worker running its two devices' sessions in turn. */
  readonly pairs: number;
  /** How long each timed phase (SyncML, then raw echo) lasts, in ms. */
  readonly durationMs: number;
  /** Most sessions started in one phase. */
  readonly maxSessions: number;
  /** The server's data folder; undefined: a fresh temporary folder, removed afterwards. */
  readonly dataDir: string | undefined;
  /** Also measure the raw uWebSockets.js echo app. */
  readonly echo: boolean;
  /** Check the store afterwards (every item the devices sent is there, once). */
  readonly verify: boolean;
  /** Results file; undefined: bench/results/server-latest.json. */
  readonly out: string | undefined;
  /** The server's log level (SYNCDS_LOG_LEVEL); default `info`, the server's own default. */
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
  /**
   * The server's SYNCDS_SQLITE_SYNCHRONOUS. Default `normal` (not the server's `full`): with
   * `full` every commit waits for an fsync, which on most disks caps the rate by itself; the
   * bench measures the SyncML work. Runs on tmpfs pay no fsync either way.
   */
  readonly sqliteSynchronous: 'full' | 'normal';
  /**
   * Node.js options the server and the echo app run with (e.g. `--max-semi-space-size=64` to try a
   * larger young generation). Default none: the server as `node dist/main.js serve` runs it.
   */
  readonly serverNodeOptions: readonly string[];
  /**
   * The load generator's HTTP client, the same in both phases. `lean` (default): a small keep-alive
   * HTTP/1.1 client on `net` sockets that costs about a third of undici's CPU per message, CPU the
   * server and the echo app would otherwise lose on a 2-core machine. `undici`: undici's pool (the
   * replay tool's transport), a general-purpose client, for comparison.
   */
  readonly client: 'lean' | 'undici';
}

/** The defaults of each mode. */
export const MODE_DEFAULTS: Readonly<
  Record<LoadMode, Pick<ServerBenchOptions, 'pairs' | 'durationMs' | 'maxSessions'>>
> = {
  full: { pairs: 32, durationMs: 10_000, maxSessions: 500_000 },
  quick: { pairs: 8, durationMs: 3_000, maxSessions: 50_000 },
  smoke: { pairs: 2, durationMs: 1_000, maxSessions: 2_000 },
};

/** Largest `pairs` accepted: each pair is an account created through the admin CLI. */
export const MAX_PAIRS = 1024;

export const USAGE: string = `usage: node dist/server/main.js [options]      (pnpm bench:server [-- options])

Load bench of the running SyncML server: simulated devices (pairs of phones sharing an account)
run whole WBXML sessions (init with basic auth, two-way sync with one new contact, map) on
127.0.0.1; then the same sessions go to a raw uWebSockets.js echo app for the baseline.

  --quick              short run for CI (${MODE_DEFAULTS.quick.durationMs / 1000} s per phase, ${MODE_DEFAULTS.quick.pairs} pairs)
  --smoke              ultra-short run that only proves the harness works
  --pairs N            concurrent device pairs (default ${MODE_DEFAULTS.full.pairs}; at most ${MAX_PAIRS})
  --duration SECONDS   length of each timed phase (default ${MODE_DEFAULTS.full.durationMs / 1000})
  --max-sessions N     most sessions per phase (default ${MODE_DEFAULTS.full.maxSessions})
  --data-dir DIR       the server's data folder (default: a fresh temporary folder; /dev/shm/... puts
                       SQLite on tmpfs, where fsync costs nothing)
  --log-level LEVEL    the server's log level: error | warn | info (default, the server's) | debug
  --server-node-options "FLAGS"
                       Node.js options of the server and the echo app, e.g. "--max-semi-space-size=64"
                       (default none)
  --sqlite-synchronous full|normal
                       the server's SQLite durability (default normal: no fsync per commit; the
                       server's own default is full, an fsync per commit)
  --client lean|undici the load generator's HTTP client in both phases (default lean: a small
                       keep-alive client that leaves more CPU to the server; undici: undici's pool)
  --no-echo            skip the raw echo baseline
  --no-verify          skip the store check
  --out FILE           results file (default bench/results/server-latest.json)
  --help               this text

Exit status: 0 when every session completed and every item is in the store (speed targets are
reported, not enforced), 1 when the self-check failed, 2 on a usage or setup error.`;

/** Parses `process.argv.slice(2)`. Throws LoadBenchError USAGE. */
export function parseServerBenchArgs(argv: readonly string[]): ServerBenchOptions | 'help' {
  let mode: LoadMode = 'full';
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    switch (name) {
      case '--help':
        return 'help';
      case '--quick':
      case '--smoke': {
        const m = name.slice(2) as LoadMode;
        if (mode !== 'full' && mode !== m) throw usage('--quick and --smoke exclude each other');
        mode = m;
        break;
      }
      case '--no-echo':
      case '--no-verify':
        flags.add(name);
        break;
      case '--log-level':
      case '--sqlite-synchronous':
      case '--client':
      case '--server-node-options':
      case '--pairs':
      case '--duration':
      case '--max-sessions':
      case '--data-dir':
      case '--out': {
        const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || (value === '' && name !== '--server-node-options'))
          throw usage(`${name} needs a value`);
        values[name] = value;
        break;
      }
      default:
        throw usage(`unknown argument ${arg}`);
    }
  }
  const d = MODE_DEFAULTS[mode];
  const pairs = values['--pairs'] === undefined ? d.pairs : int(values['--pairs'], '--pairs', 1, MAX_PAIRS);
  const seconds = values['--duration'] === undefined ? undefined : Number(values['--duration']);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600)) {
    throw usage(`--duration must be a number of seconds from 0 to 3600, got ${values['--duration']}`);
  }
  const logLevel = values['--log-level'] ?? 'info';
  if (logLevel !== 'error' && logLevel !== 'warn' && logLevel !== 'info' && logLevel !== 'debug') {
    throw usage(`--log-level must be error, warn, info or debug, got ${logLevel}`);
  }
  const sqliteSynchronous = values['--sqlite-synchronous'] ?? 'normal';
  if (sqliteSynchronous !== 'full' && sqliteSynchronous !== 'normal') {
    throw usage(`--sqlite-synchronous must be full or normal, got ${sqliteSynchronous}`);
  }
  const client = values['--client'] ?? 'lean';
  if (client !== 'lean' && client !== 'undici') throw usage(`--client must be lean or undici, got ${client}`);
  const nodeOptions = values['--server-node-options'];
  const serverNodeOptions = nodeOptions === undefined ? [] : nodeOptions.split(/\s+/).filter((o) => o !== '');
  for (const option of serverNodeOptions) {
    if (!option.startsWith('--')) throw usage(`--server-node-options takes --flags only, got ${option}`);
  }
  return {
    mode,
    pairs,
    logLevel,
    sqliteSynchronous,
    serverNodeOptions,
    client,
    durationMs: seconds === undefined ? d.durationMs : Math.round(seconds * 1000),
    maxSessions:
      values['--max-sessions'] === undefined
        ? d.maxSessions
        : int(values['--max-sessions'], '--max-sessions', 1, 10_000_000),
    dataDir: values['--data-dir'],
    echo: !flags.has('--no-echo'),
    verify: !flags.has('--no-verify'),
    out: values['--out'],
  };
}

function int(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw usage(`${name} must be an integer from ${min} to ${max}, got ${text}`);
  return n;
}

function usage(message: string): LoadBenchError {
  return new LoadBenchError('USAGE', message);
}

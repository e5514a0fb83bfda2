import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { readCapture } from '../capture/read-capture.js';
import { replayCapture } from '../driver/replay.js';
import type { RunReport } from '../driver/report.js';
import { isReplayError } from '../errors.js';
import { type ReplayArgs, USAGE, parseReplayArgs } from './args.js';
import { formatIssue, formatReport, formatRunHeader, formatStep, formatSummary } from './format.js';

/** Where the command line tool reads and writes. */
export interface ReplayCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input as text (for --password-stdin). */
  readStdin(): string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder relative capture paths are resolved against. */
  readonly cwd: string;
}

/** Exit statuses of the tool. */
export const EXIT_OK = 0;
export const EXIT_PROTOCOL_ERRORS = 1;
export const EXIT_USAGE = 2;

/** The process's own streams; relative paths from where `pnpm` was started (INIT_CWD) when run as a pnpm script. */
export function processIo(): ReplayCliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => readFileSync(0, 'utf8'),
    env: process.env,
    cwd: process.env.INIT_CWD ?? process.cwd(),
  };
}

/** `syncds-replay` / `pnpm replay`: returns the exit status. */
export async function runReplayCli(argv: readonly string[], io: ReplayCliIo = processIo()): Promise<number> {
  let args: ReplayArgs;
  try {
    args = parseReplayArgs(argv);
  } catch (err) {
    if (!isReplayError(err)) throw err;
    io.stderr(`syncds-replay: ${err.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const missing = [
    args.captureDir === undefined ? 'a capture folder' : undefined,
    args.url === undefined ? '--url' : undefined,
    args.user === undefined ? '--user' : undefined,
  ].filter((m) => m !== undefined);
  let password = args.password ?? io.env.SYNCDS_REPLAY_PASSWORD;
  if (args.passwordStdin) password = io.readStdin().replace(/\r?\n$/, '');
  if (password === undefined) missing.push('--password (or --password-stdin, SYNCDS_REPLAY_PASSWORD)');
  if (missing.length > 0) {
    io.stderr(`syncds-replay: missing ${missing.join(', ')}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const dir = isAbsolute(args.captureDir!) ? args.captureDir! : resolve(io.cwd, args.captureDir!);
  try {
    const capture = readCapture(dir);
    let currentRun: RunReport | undefined;
    const report = await replayCapture(capture, {
      url: args.url!,
      user: args.user!,
      password: password!,
      encoding: args.encoding,
      auth: args.auth,
      databases: args.databases,
      device: args.device,
      sessionIds: args.recordedSessionIds ? 'recorded' : 'unique',
      runs: args.runs.length > 0 ? args.runs : undefined,
      timeoutMs: args.timeoutSeconds === undefined ? undefined : Math.ceil(args.timeoutSeconds * 1000),
      onStep: args.json
        ? undefined
        : (step, run) => {
            if (run !== currentRun) {
              currentRun = run;
              if (!args.quiet) io.stdout(`${formatRunHeader(run)}\n`);
            }
            if (args.quiet) {
              for (const i of step.issues) {
                if (i.severity !== 'note') io.stdout(`run ${run.id} step ${step.index}: ${formatIssue(i)}\n`);
              }
            } else {
              io.stdout(`${formatStep(step).join('\n')}\n`);
            }
          },
    });
    if (args.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const run of report.runs) {
        for (const i of run.issues) {
          if (!args.quiet || i.severity !== 'note') io.stdout(`run ${run.id}: ${formatIssue(i)}\n`);
        }
      }
      io.stdout(`${formatSummary(report)}\n`);
    }
    return report.errors === 0 ? EXIT_OK : EXIT_PROTOCOL_ERRORS;
  } catch (err) {
    if (!isReplayError(err)) throw err;
    const where = err.path === '' ? '' : ` (${err.path}${err.offset >= 0 ? `, byte ${err.offset}` : ''})`;
    io.stderr(`syncds-replay: ${err.code}: ${err.message}${where}\n`);
    return err.code === 'BAD_OPTION' || err.code.startsWith('CAPTURE_') ? EXIT_USAGE : EXIT_PROTOCOL_ERRORS;
  }
}

export { formatReport };

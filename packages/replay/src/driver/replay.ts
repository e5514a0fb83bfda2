import type { Capture } from '../capture/capture.js';
import { GuidTable } from '../correlate/guid-table.js';
import { ReplayError } from '../errors.js';
import { type ReplayOptions, resolveReplayOptions } from './options.js';
import type { ReplayReport } from './report.js';
import { type ReplayShared, RunReplayer } from './run-replayer.js';

/**
 * Replays the runs of a capture against a running server, one after the other (a run's
 * anchors are the previous run's). Resolves with the report; the exchange's problems are
 * issues in it (`report.errors` counts the errors). Throws {@link ReplayError} only for bad
 * options or an unknown run id.
 */
export async function replayCapture(capture: Capture, options: ReplayOptions): Promise<ReplayReport> {
  const o = resolveReplayOptions(options);
  const runs =
    o.runs === undefined
      ? capture.runs
      : o.runs.map((id) => {
          const run = capture.runs.find((r) => r.id === id);
          if (run === undefined) {
            throw new ReplayError(
              'BAD_OPTION',
              `the capture has no run ${id} (runs: ${capture.runs.map((r) => r.id).join(', ')})`,
              { path: capture.dir },
            );
          }
          return run;
        });
  const shared: ReplayShared = {
    options: o,
    nonces: new Map(),
    authTypes: new Map(),
    guids: new GuidTable(),
  };
  const report: ReplayReport = {
    capture: capture.dir,
    layout: capture.layout,
    url: o.url,
    user: o.user,
    runs: [],
    errors: 0,
    warnings: 0,
    messages: 0,
  };
  try {
    for (const run of runs) {
      const replayer = new RunReplayer(run, shared);
      const result = await replayer.replay();
      report.runs.push(result);
      report.messages += replayer.messagesSent;
      report.errors += result.errors;
      for (const step of result.steps)
        for (const i of step.issues) if (i.severity === 'warning') report.warnings++;
      for (const i of result.issues) if (i.severity === 'warning') report.warnings++;
      // A run that could not finish leaves anchors the next run's recording does not expect.
      if (result.issues.some((i) => i.code === 'SESSION_INCOMPLETE') || stopped(result)) break;
    }
  } finally {
    if (o.ownsTransport) await o.transport.close();
  }
  return report;
}

/** The run ended on a transport, HTTP or authentication failure. */
function stopped(run: ReplayReport['runs'][number]): boolean {
  const last = run.steps[run.steps.length - 1];
  return (
    last?.issues.some(
      (i) =>
        i.code === 'TRANSPORT_FAILED' ||
        i.code === 'HTTP_STATUS' ||
        i.code === 'BAD_REPLY' ||
        i.code === 'AUTH_FAILED',
    ) ?? false
  );
}

import { LatencyHistogram } from './histogram.js';

/** One session run by a worker: resolves with whether it completed, and the messages it posted. */
export type SessionRunner = (
  worker: number,
  turn: number,
) => Promise<{ ok: boolean; messages: number; failure?: string | undefined }>;

/** What one timed phase measured. */
export interface PhaseResult {
  readonly workers: number;
  readonly elapsedMs: number;
  readonly sessions: number;
  readonly sessionsFailed: number;
  readonly messages: number;
  readonly sessionsPerSec: number;
  readonly messagesPerSec: number;
  /** Round trip of one message and of one whole session, in microseconds. */
  readonly messageLatency: ReturnType<LatencyHistogram['summary']>;
  readonly sessionLatency: ReturnType<LatencyHistogram['summary']>;
  /** The first failures (at most {@link MAX_FAILURES_KEPT}). */
  readonly failures: string[];
  /**
   * CPU time used during the phase, in ms and in µs per message: by the process under test
   * (server or echo app) and by the load generator. On a shared machine these vary less than
   * the rates, which also count time spent waiting for a core. Null where not measurable.
   */
  readonly cpu: {
    readonly targetMs: number | null;
    readonly clientMs: number;
    readonly targetUsPerMessage: number | null;
    readonly clientUsPerMessage: number;
  };
}

/** Failures kept for the report; the count has them all. */
export const MAX_FAILURES_KEPT = 10;

/**
 * Runs `workers` concurrent workers, each running sessions one after the other, until
 * `durationMs` has passed or `maxSessions` have started (the bounds of a phase); sessions
 * in flight at the deadline finish and count.
 */
export async function runPhase(
  workers: number,
  durationMs: number,
  maxSessions: number,
  runSession: SessionRunner,
  messageLatency: LatencyHistogram,
  targetCpuMs: () => number | undefined = () => undefined,
): Promise<PhaseResult> {
  const sessionLatency = new LatencyHistogram();
  const failures: string[] = [];
  let started = 0;
  let sessions = 0;
  let failed = 0;
  let messages = 0;
  const targetBefore = targetCpuMs();
  const clientBefore = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  const lane = async (worker: number) => {
    for (let turn = 0; performance.now() < deadline && started < maxSessions; turn++) {
      started++;
      const s0 = performance.now();
      const outcome = await runSession(worker, turn);
      sessionLatency.record((performance.now() - s0) * 1000);
      sessions++;
      messages += outcome.messages;
      if (!outcome.ok) {
        failed++;
        if (failures.length < MAX_FAILURES_KEPT)
          failures.push(`worker ${worker} turn ${turn}: ${outcome.failure ?? 'failed'}`);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, i) => lane(i)));
  const elapsedMs = performance.now() - t0;
  const clientUsage = process.cpuUsage(clientBefore);
  const clientMs = (clientUsage.user + clientUsage.system) / 1000;
  const targetAfter = targetCpuMs();
  const targetMs =
    targetBefore === undefined || targetAfter === undefined ? null : targetAfter - targetBefore;
  const round = (n: number) => Math.round(n * 10) / 10;
  const perSec = (n: number) => Math.round((n / elapsedMs) * 1000 * 10) / 10;
  return {
    workers,
    elapsedMs: Math.round(elapsedMs),
    sessions,
    sessionsFailed: failed,
    messages,
    sessionsPerSec: perSec(sessions - failed),
    messagesPerSec: perSec(messages),
    messageLatency: messageLatency.summary(),
    sessionLatency: sessionLatency.summary(),
    failures,
    cpu: {
      targetMs: targetMs === null ? null : round(targetMs),
      clientMs: round(clientMs),
      targetUsPerMessage: targetMs === null || messages === 0 ? null : round((targetMs * 1000) / messages),
      clientUsPerMessage: messages === 0 ? 0 : round((clientMs * 1000) / messages),
    },
  };
}

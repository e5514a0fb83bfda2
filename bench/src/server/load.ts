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
): Promise<PhaseResult> {
  const sessionLatency = new LatencyHistogram();
  const failures: string[] = [];
  let started = 0;
  let sessions = 0;
  let failed = 0;
  let messages = 0;
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
  };
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServerBench, type ServerBenchReport, TARGETS, writeReport } from './bench.js';
import { MODE_DEFAULTS } from './options.js';

// The load bench in its CI mode: the real server and the raw echo app, a few seconds per phase.
// It checks its own results; speed is reported, never asserted (benchmarks live in bench/).
describe('server load bench (short mode)', () => {
  it.each(['lean', 'undici'] as const)(
    'completes every session with status 200 and finds every item in the store (%s client)',
    {
      timeout: 180_000,
    },
    async (client) => {
      const lines: string[] = [];
      const report = await runServerBench(
        {
          mode: 'quick',
          ...MODE_DEFAULTS.quick,
          pairs: 4,
          durationMs: 2000,
          logLevel: 'warn',
          sqliteSynchronous: 'normal',
          serverNodeOptions: [],
          client,
          dataDir: undefined,
          echo: true,
          verify: true,
          out: undefined,
        },
        (line) => lines.push(line),
      );
      expect(report.check.reasons).toEqual([]);
      expect(report.check.ok).toBe(true);
      expect(report.syncml.sessionsFailed).toBe(0);
      expect(report.syncml.sessions).toBeGreaterThan(0);
      // Three messages per session, each answered.
      expect(report.syncml.messages).toBe(report.syncml.sessions * 3);
      expect(report.syncml.messageLatency.count).toBe(report.syncml.messages);
      // Every contact of every session (the untimed first syncs included) is stored once.
      expect(report.check.itemsExpected).toBe(report.syncml.sessions + 2 * 4);
      expect(report.check.itemsFound).toBe(report.check.itemsExpected);
      expect(report.check.accounts).toHaveLength(4);
      expect(report.echo?.sessionsFailed).toBe(0);
      expect(report.echo!.messages).toBe(report.echo!.sessions * 3);
      expect(report.messageRateRatio).toBeCloseTo(
        report.syncml.messagesPerSec / report.echo!.messagesPerSec,
        2,
      );
      expect(report.targets).toMatchObject(TARGETS);
      // CPU of the server and of the echo app, from /proc (CI runs on Linux).
      expect(report.syncml.cpu.targetMs).toBeGreaterThan(0);
      expect(report.echo!.cpu.targetMs).toBeGreaterThan(0);
      expect(report.syncml.cpu.clientUsPerMessage).toBeGreaterThan(0);
      expect(report.server.logLines.error ?? 0).toBe(0);
      expect(lines[0]).toMatch(/^accounts: 4 \(one per device pair\) in /);

      const dir = mkdtempSync(join(tmpdir(), 'syncds-bench-out-'));
      try {
        const file = join(dir, 'server.json');
        writeReport(file, report);
        const back = JSON.parse(readFileSync(file, 'utf8')) as ServerBenchReport;
        expect(back.suite).toBe('server-load');
        expect(back.syncml.sessions).toBe(report.syncml.sessions);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

import { defaultResultsFile, runServerBench, type ServerBenchReport, writeReport } from './bench.js';
import { LoadBenchError } from './errors.js';
import { parseServerBenchArgs, USAGE } from './options.js';

// `pnpm bench:server`: exit 0 when the self-check passed (every session completed, every item
// stored; speed targets are reported, not enforced), 1 when it did not, 2 on a usage or setup error.
async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseServerBenchArgs>;
  try {
    options = parseServerBenchArgs(argv);
  } catch (err) {
    if (!(err instanceof LoadBenchError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    const report = await runServerBench(options, (line) => console.log(`bench:server: ${line}`));
    const out = options.out ?? defaultResultsFile();
    writeReport(out, report);
    console.log(summary(report));
    console.log(`results: ${out}`);
    return report.check.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof LoadBenchError) {
      console.error(`bench:server: ${err.code}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

function summary(r: ServerBenchReport): string {
  const s = r.syncml;
  const o = r.options;
  const lines = [
    `server  node ${o.serverNodeOptions.join(' ') || '(no options)'}, SQLite synchronous=${o.sqliteSynchronous}${o.sqliteSynchronous === 'normal' ? ' (no fsync per commit)' : ' (an fsync per commit)'} on ${o.dataDirKind}, log level ${o.logLevel}, ${o.client} HTTP client; load average ${r.machine.loadAverage.start.join(' ')} at start, ${r.machine.loadAverage.end.join(' ')} at end`,
    `SyncML  ${s.sessionsPerSec} sessions/s  ${s.messagesPerSec} msg/s  message p50 ${ms(s.messageLatency.p50Us)} p99 ${ms(s.messageLatency.p99Us)}  (${s.sessions} sessions, ${s.workers} pairs, ${s.elapsedMs} ms)`,
  ];
  lines.push(
    `        CPU per message: server ${cpu(s.cpu.targetUsPerMessage)}, load generator ${cpu(s.cpu.clientUsPerMessage)}`,
  );
  if (r.echo !== null) {
    const e = r.echo;
    lines.push(
      `raw     ${e.sessionsPerSec} sessions/s  ${e.messagesPerSec} msg/s  message p50 ${ms(e.messageLatency.p50Us)} p99 ${ms(e.messageLatency.p99Us)}`,
      `        CPU per message: echo app ${cpu(r.echo.cpu.targetUsPerMessage)}, load generator ${cpu(r.echo.cpu.clientUsPerMessage)}`,
      `ratio   SyncML/raw message rate ${r.messageRateRatio} (target >= ${r.targets.messageRateRatio}: ${r.targets.messageRateRatioMet ? 'met' : 'missed'})`,
    );
  }
  lines.push(
    `target  ${r.targets.sessionsPerSec} sessions/s: ${r.targets.sessionsPerSecMet ? 'met' : 'missed'}`,
  );
  lines.push(
    r.check.ok
      ? `check   ok: ${s.sessions} sessions completed, ${r.check.itemsFound ?? 'unchecked'} of ${r.check.itemsExpected} items stored`
      : `check   FAILED: ${r.check.reasons.slice(0, 5).join('; ')}`,
  );
  return lines.join('\n');
}

function cpu(us: number | null): string {
  return us === null ? 'unmeasured' : `${Math.round(us)} µs`;
}

function ms(us: number): string {
  return `${(us / 1000).toFixed(2)} ms`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);

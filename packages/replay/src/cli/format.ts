import type { Issue, ReplayReport, RunReport, StatusLine, StepReport } from '../driver/report.js';

/** Which lines {@link formatReport} writes. */
export interface FormatOptions {
  /** Also list notes (skipped messages, dropped Statuses, retries...). Default true. */
  notes?: boolean | undefined;
}

/** The report as text: a header, each run and step with our server's statuses, then a summary. */
export function formatReport(report: ReplayReport, options: FormatOptions = {}): string {
  const lines: string[] = [
    `replay of ${report.capture} (${report.layout} layout) against ${report.url} as ${report.user}`,
  ];
  for (const run of report.runs) lines.push(...formatRun(run, options));
  lines.push(formatSummary(report));
  return `${lines.join('\n')}\n`;
}

/** The header line of a run and its steps. */
export function formatRun(run: RunReport, options: FormatOptions = {}): string[] {
  const lines = [formatRunHeader(run)];
  for (const step of run.steps) lines.push(...formatStep(step, options));
  for (const i of run.issues) if (shown(i, options)) lines.push(`    ${formatIssue(i)}`);
  return lines;
}

export function formatRunHeader(run: RunReport): string {
  const session =
    run.sessionId === run.recordedSessionId
      ? run.sessionId
      : `${run.sessionId} (recorded ${run.recordedSessionId})`;
  return `run ${run.id}: device ${run.device}, session ${session}`;
}

/** One step: what was sent, what came back, the statuses, the issues. */
export function formatStep(step: StepReport, options: FormatOptions = {}): string[] {
  const what = step.file ?? 'Alert 222 (added)';
  if (step.kind === 'skipped') {
    const lines = [`  ${pad(step.index)} ${what}  skipped`];
    for (const i of step.issues)
      if (i.code !== 'MESSAGE_SKIPPED' && shown(i, options)) lines.push(`      ${formatIssue(i)}`);
    return lines;
  }
  const retry = step.kind === 'auth-retry' ? ' (again, new credentials)' : '';
  const http = step.httpStatus === undefined ? 'no reply' : `HTTP ${step.httpStatus} ${step.bytesReceived} B`;
  const reply =
    step.replyMsgID === undefined ? '' : `  reply ${step.replyMsgID}${step.final ? ' Final' : ''}`;
  const lines = [
    `  ${pad(step.index)} ${what}${retry}  msg ${step.msgID} ${step.encoding} ${step.bytesSent} B -> ${http} ${step.elapsedMs.toFixed(1)} ms${reply}`,
  ];
  if (step.statuses.length > 0) lines.push(`      statuses: ${step.statuses.map(formatStatus).join(' | ')}`);
  if (step.serverCommands.length > 0) lines.push(`      server sent: ${step.serverCommands.join(', ')}`);
  for (const i of step.issues) if (shown(i, options)) lines.push(`      ${formatIssue(i)}`);
  return lines;
}

export function formatStatus(s: StatusLine): string {
  const recorded =
    s.recordedCode === undefined || s.recordedCode === s.code ? '' : ` (recorded ${s.recordedCode})`;
  return `${s.command} ${s.code}${recorded}`;
}

export function formatIssue(i: Issue): string {
  return `${i.severity} ${i.code}: ${i.message}`;
}

export function formatSummary(report: ReplayReport): string {
  const steps = report.runs.reduce((n, r) => n + r.steps.length, 0);
  const verdict = report.errors === 0 ? 'ok' : 'FAILED';
  return `${verdict}: ${report.runs.length} run(s), ${steps} step(s), ${report.messages} message(s) sent, ${report.errors} error(s), ${report.warnings} warning(s)`;
}

function shown(i: Issue, options: FormatOptions): boolean {
  return i.severity !== 'note' || options.notes !== false;
}

function pad(n: number): string {
  return String(n).padStart(2, ' ');
}

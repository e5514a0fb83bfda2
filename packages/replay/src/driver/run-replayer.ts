import { basename } from 'node:path';
import { parseMessage, type Status, type SyncMLMessage, serializeMessage } from '@syncds/syncml';
import type { RecordedExchange, RecordedRun } from '../capture/capture.js';
import type { GuidTable } from '../correlate/guid-table.js';
import { ServerCommandLedger } from '../correlate/ledger.js';
import { isReplayError } from '../errors.js';
import { isContinuationRequest } from '../protocol/commands.js';
import { type RewriteResult, rewriteHeader, rewriteMessage } from '../rewrite/message.js';
import { continuationMessage } from './continuation.js';
import { type AuthMemory, DeviceCredentials } from './credentials-state.js';
import type { ResolvedReplayOptions } from './options.js';
import { issue, type RunReport, type StepReport } from './report.js';
import { judgeStatus } from './judge.js';
import { SentCommands } from './sent-commands.js';

export const XML_CONTENT_TYPE = 'application/vnd.syncml+xml';
export const WBXML_CONTENT_TYPE = 'application/vnd.syncml+wbxml';

/** State shared by the runs of one replay: nonces our server handed out, server id translations. */
export interface ReplayShared extends AuthMemory {
  readonly options: ResolvedReplayOptions;
  readonly guids: GuidTable;
}

/** Our server's last reply, as far as the flow needs it. */
interface LastReply {
  readonly msgID: string;
  readonly final: boolean;
}

/**
 * Drives one recorded run (one SyncML session) against our server, message by message:
 * rewrites each recorded client message, sends it, reads the reply, and judges every Status.
 * The flow follows our server where it differs from the recording: a recorded "send me the
 * rest" message (Alert 222) is skipped when our server had already closed its package, and
 * Alert 222 messages are added while our server's package is still open.
 */
export class RunReplayer {
  readonly #shared: ReplayShared;
  readonly #o: ResolvedReplayOptions;
  readonly #run: RecordedRun;
  readonly report: RunReport;
  readonly #recorded = new ServerCommandLedger();
  readonly #ours = new ServerCommandLedger();
  readonly #sent = new SentCommands();
  readonly #recordedDevice: string;
  readonly #recordedServerUri: string;
  #url: string;
  #msgNo = 0;
  #reply: LastReply | undefined;
  #sentFinal = false;
  readonly #credentials: DeviceCredentials;
  #stepNo = 0;

  constructor(run: RecordedRun, shared: ReplayShared) {
    this.#shared = shared;
    this.#o = shared.options;
    this.#run = run;
    const first = run.exchanges[0]!.client.message.header;
    this.#recordedDevice = first.source.locURI;
    this.#recordedServerUri = first.target.locURI;
    this.#url = this.#o.url;
    for (const ex of run.exchanges) {
      if (ex.server === undefined) continue;
      this.#recorded.record(ex.server.message);
      this.#sent.recordServerMessage(ex.server.message);
    }
    this.report = {
      id: run.id,
      device: this.#o.device ?? this.#recordedDevice,
      sessionId:
        this.#o.sessionIds === 'recorded' ? first.sessionID : `${first.sessionID}-${this.#o.sessionTag}`,
      recordedSessionId: first.sessionID,
      steps: [],
      issues: [],
      errors: 0,
    };
    this.#credentials = new DeviceCredentials(shared, this.report.device, this.#o);
  }

  get messagesSent(): number {
    return this.#msgNo;
  }

  async replay(): Promise<RunReport> {
    const exchanges = this.#run.exchanges;
    let carried: Status[] = [];
    let completed = true;
    for (let i = 0; i < exchanges.length; i++) {
      const ex = exchanges[i]!;
      const recorded = ex.client.message;
      const previousServer = exchanges[i - 1]?.server?.message;
      if (this.#packageOpen() && !isContinuationRequest(recorded)) {
        if (!(await this.#drain())) {
          completed = false;
          break;
        }
      }
      if (
        isContinuationRequest(recorded) &&
        this.#reply?.final === true &&
        (previousServer === undefined || !previousServer.final)
      ) {
        this.#skip(ex);
        for (const cmd of recorded.commands)
          if (cmd.kind === 'Status' && cmd.cmd !== 'SyncHdr') carried.push(cmd);
        continue;
      }
      if (!(await this.#sendRecorded(ex, carried))) {
        completed = false;
        break;
      }
      carried = [];
    }
    if (completed && this.#packageOpen()) completed = await this.#drain();
    this.#finish(completed);
    return this.report;
  }

  /** Our server's package is still open: our last message closed ours, its reply had no Final. */
  #packageOpen(): boolean {
    return this.#reply !== undefined && !this.#reply.final && this.#sentFinal;
  }

  #newStep(kind: StepReport['kind'], file: string | undefined): StepReport {
    const step: StepReport = {
      index: ++this.#stepNo,
      kind,
      file,
      msgID: undefined,
      url: undefined,
      encoding: undefined,
      bytesSent: 0,
      bytesReceived: 0,
      elapsedMs: 0,
      httpStatus: undefined,
      replyMsgID: undefined,
      final: false,
      serverCommands: [],
      statuses: [],
      issues: [],
    };
    this.report.steps.push(step);
    return step;
  }

  #done(step: StepReport): void {
    for (const i of step.issues) if (i.severity === 'error') this.report.errors++;
    this.#o.onStep?.(step, this.report);
  }

  #skip(ex: RecordedExchange): void {
    const step = this.#newStep('skipped', basename(ex.client.file));
    step.issues.push(
      issue(
        'MESSAGE_SKIPPED',
        'not sent: it only asks for the rest of a package (Alert 222), and our server had already sent Final',
      ),
    );
    this.#done(step);
  }

  /** Sends one recorded message, again after each credentials challenge. False: the run cannot go on. */
  async #sendRecorded(ex: RecordedExchange, carried: readonly Status[]): Promise<boolean> {
    const recorded = ex.client.message;
    const encoding = this.#o.encoding === 'recorded' ? ex.client.encoding : this.#o.encoding;
    for (let attempt = 0; ; attempt++) {
      const step = this.#newStep(attempt === 0 ? 'recorded' : 'auth-retry', basename(ex.client.file));
      for (const w of ex.client.warnings) {
        if (attempt === 0)
          step.issues.push(issue('RECORDING_WARNING', `${w.code} at ${w.path}: ${w.message}`));
      }
      const rewritten = this.#rewrite(recorded, carried);
      for (const n of rewritten.notes) if (attempt === 0) step.issues.push(issue(n.code, n.message));
      const reply = await this.#exchange(step, rewritten, encoding, recorded.header.msgID);
      if (reply === undefined) {
        this.#done(step);
        return false;
      }
      const header = headerStatus(reply, rewritten.message.header.msgID);
      const code = header?.code;
      if (code === 401 || code === 407) {
        for (const cmd of reply.commands) if (cmd.kind === 'Status') step.statuses.push(this.#sent.take(cmd));
        step.replyMsgID = reply.header.msgID;
        step.final = reply.final;
        // The retry goes where the server said (same session, next MsgID).
        const respURI = reply.header.respURI?.trim();
        if (respURI !== undefined && respURI !== '') this.#url = respURI;
        const type = attempt < this.#o.maxAuthRetries ? this.#credentials.challenge(header!.chal) : undefined;
        if (type !== undefined) {
          step.issues.push(
            issue('AUTH_CHALLENGED', `SyncHdr ${code}: challenged for ${type}; sending the message again`, {
              command: 'SyncHdr',
              status: code,
            }),
          );
          this.#sent.forget(rewritten.message.header.msgID);
          this.#done(step);
          continue;
        }
        step.issues.push(
          issue('AUTH_FAILED', `SyncHdr ${code}: the server refused the credentials of ${this.#o.user}`, {
            command: 'SyncHdr',
            status: code,
          }),
        );
        this.#done(step);
        return false;
      }
      this.#credentials.accepted(header);
      // A SyncHdr failure other than a challenge (403, 503...) is judged with the other Statuses.
      this.#accept(step, reply, rewritten);
      this.#done(step);
      return code === undefined || (code >= 200 && code < 300);
    }
  }

  #rewrite(recorded: SyncMLMessage, carried: readonly Status[]): RewriteResult {
    const msgID = String(++this.#msgNo);
    const { cred, locName } = this.#credentials.forMessage(recorded);
    return rewriteMessage(
      recorded,
      {
        url: this.#o.url,
        recordedServerUri: this.#recordedServerUri,
        device: this.report.device,
        recordedDevice: this.#recordedDevice,
        sessionId: this.report.sessionId,
        msgID,
        locName,
        cred,
        replyMsgID: this.#reply?.msgID,
        databases: this.#o.databases,
        recorded: this.#recorded,
        ours: this.#ours,
        guids: this.#shared.guids,
      },
      carried,
    );
  }

  /** Asks for the rest of our server's package with Alert 222 until it sends Final. */
  async #drain(): Promise<boolean> {
    const first = this.#run.exchanges[0]!.client;
    const encoding = this.#o.encoding === 'recorded' ? first.encoding : this.#o.encoding;
    for (let n = 0; this.#packageOpen(); n++) {
      if (n >= this.#o.maxContinuations) {
        this.report.issues.push(
          issue(
            'SESSION_INCOMPLETE',
            `our server's package did not end after ${n} Alert 222 requests (maxContinuations)`,
          ),
        );
        return false;
      }
      const step = this.#newStep('continuation', undefined);
      const msgID = String(++this.#msgNo);
      const header = rewriteHeader(first.message.header, {
        url: this.#o.url,
        sessionId: this.report.sessionId,
        msgID,
        device: this.report.device,
        locName: first.message.header.source.locName === undefined ? undefined : this.#o.user,
        cred: undefined,
      });
      const { message, sent } = continuationMessage(
        header,
        this.#reply!.msgID,
        this.#o.url,
        this.report.device,
      );
      step.issues.push(
        issue(
          'CONTINUATION_SENT',
          "Alert 222: our server's package went on where the recorded server's had ended",
        ),
      );
      const rewritten: RewriteResult = { message, sent, notes: [], answers: [] };
      const reply = await this.#exchange(step, rewritten, encoding, undefined);
      if (reply === undefined) {
        this.#done(step);
        return false;
      }
      this.#accept(step, reply, rewritten);
      this.#done(step);
    }
    return true;
  }

  /** Serializes, posts and parses; records the client commands sent. Undefined when no usable reply came. */
  async #exchange(
    step: StepReport,
    rewritten: RewriteResult,
    encoding: 'xml' | 'wbxml',
    recordedMsgID: string | undefined,
  ): Promise<SyncMLMessage | undefined> {
    const msgID = rewritten.message.header.msgID;
    step.msgID = msgID;
    step.url = this.#url;
    step.encoding = encoding;
    const body = serializeMessage(rewritten.message, { encoding });
    step.bytesSent = body.length;
    this.#sent.add(msgID, recordedMsgID, rewritten.sent);
    this.#sentFinal = rewritten.message.final;
    const t0 = performance.now();
    let http: Awaited<ReturnType<ResolvedReplayOptions['transport']['post']>>;
    try {
      http = await this.#o.transport.post(
        this.#url,
        body,
        encoding === 'wbxml' ? WBXML_CONTENT_TYPE : XML_CONTENT_TYPE,
      );
    } catch (err) {
      step.elapsedMs = performance.now() - t0;
      if (!isReplayError(err)) throw err;
      step.issues.push(issue('TRANSPORT_FAILED', `${err.code}: ${err.message}`));
      return undefined;
    }
    step.elapsedMs = performance.now() - t0;
    step.httpStatus = http.status;
    step.bytesReceived = http.body.length;
    if (http.status !== 200) {
      const text = new TextDecoder().decode(http.body.subarray(0, 300)).trim();
      step.issues.push(
        issue('HTTP_STATUS', `HTTP ${http.status} from ${this.#url}${text === '' ? '' : `: ${text}`}`, {
          status: http.status,
        }),
      );
      return undefined;
    }
    try {
      return parseMessage(http.body, { maxMessageSize: this.#o.maxResponseSize }).message;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      step.issues.push(
        issue(
          'BAD_REPLY',
          `the reply (${http.contentType ?? 'no content type'}) is not SyncML: ${e.code}: ${e.message}`,
        ),
      );
      return undefined;
    }
  }

  /** The reply counts: follow its RespURI, judge its Statuses, learn its commands. */
  #accept(step: StepReport, reply: SyncMLMessage, rewritten: RewriteResult): void {
    for (const answered of rewritten.answers) answered.answered++;
    const h = reply.header;
    if (h.respURI !== undefined && h.respURI.trim() !== '') this.#url = h.respURI.trim();
    this.#reply = { msgID: h.msgID, final: reply.final };
    step.replyMsgID = h.msgID;
    step.final = reply.final;
    for (const cmd of reply.commands) {
      if (cmd.kind !== 'Status') continue;
      const line = this.#sent.take(cmd);
      step.statuses.push(line);
      const found = judgeStatus(line, this.#sent.kindOf(cmd));
      if (found !== undefined) step.issues.push(found);
    }
    for (const cmd of this.#ours.record(reply)) step.serverCommands.push(cmd.label);
  }

  #finish(completed: boolean): void {
    const run = this.report;
    if (completed) {
      for (const s of this.#sent.unanswered()) {
        run.issues.push(
          issue('NOT_ANSWERED', `${s.label} (message ${s.msgID}, command ${s.cmdID}) got no Status`, {
            command: s.label,
          }),
        );
      }
    }
    const unanswered = this.#ours.all().filter((c) => c.answered === 0);
    if (unanswered.length > 0) {
      run.issues.push(
        issue(
          'SERVER_COMMAND_UNANSWERED',
          `the recorded client never saw ${unanswered.length} command(s) of our server: ${unanswered
            .slice(0, 8)
            .map((c) => `${c.label} (message ${c.msgID})`)
            .join(', ')}${unanswered.length > 8 ? ', ...' : ''}`,
        ),
      );
    }
    for (const i of run.issues) if (i.severity === 'error') run.errors++;
  }
}

/** The Status of our message's SyncHdr in a reply. */
function headerStatus(reply: SyncMLMessage, msgID: string): Status | undefined {
  for (const cmd of reply.commands) {
    if (cmd.kind === 'Status' && cmd.cmd === 'SyncHdr' && cmd.msgRef === msgID) return cmd;
  }
  return undefined;
}

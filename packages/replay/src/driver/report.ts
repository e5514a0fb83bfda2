import type { CaptureLayout } from '../capture/layout.js';

/** How much an {@link Issue} matters: errors make the replay fail (non-zero exit status). */
export type IssueSeverity = 'error' | 'warning' | 'note';

/** Stable codes of {@link Issue}. */
export type IssueCode =
  /** The server answered with an HTTP status other than 200. */
  | 'HTTP_STATUS'
  /** The reply is not a SyncML message. */
  | 'BAD_REPLY'
  /** No reply: connection failed, timed out, or the reply was over the size limit. */
  | 'TRANSPORT_FAILED'
  /** The server refused the credentials (after the allowed retries), or the SyncHdr failed. */
  | 'AUTH_FAILED'
  /** A sync Alert was answered 404: the server knows no database of that name (see `--db`). */
  | 'UNKNOWN_DATABASE'
  /** An Add, Replace or Delete of the recorded client was answered with a status >= 300. */
  | 'ITEM_REFUSED'
  /** Another command of the recorded client was answered with a status >= 300. */
  | 'COMMAND_FAILED'
  /** A sync Alert got 508 (slow sync forced) where the recorded server did not force one. */
  | 'SLOW_SYNC_FORCED'
  /** A command of the recorded client got no Status at all. */
  | 'NOT_ANSWERED'
  /** Our server's package never ended (no Final within `maxContinuations` requests). */
  | 'SESSION_INCOMPLETE'
  /** A success status other than the recorded server's (201 where it said 200...). */
  | 'STATUS_DIFFERS'
  /** 508 where the recorded server also answered 508 (a first or forced slow sync in both). */
  | 'SLOW_SYNC'
  /** The server challenged the credentials; the message was sent again with new ones. */
  | 'AUTH_CHALLENGED'
  /** A recorded message was not sent: it only asked for the rest of a package our server had finished. */
  | 'MESSAGE_SKIPPED'
  /** The replay asked for the rest of our server's package (Alert 222), which the recording did not need. */
  | 'CONTINUATION_SENT'
  /** A recorded Status answered a command our server did not send; it was left out. */
  | 'STATUS_DROPPED'
  /** A recorded Results answered a Get our server did not send; it was left out. */
  | 'RESULTS_DROPPED'
  /** A recorded Map item named a server item our server never added; it was left out. */
  | 'MAP_ITEM_DROPPED'
  /** Commands our server sent that the recorded client never answered (it never saw them). */
  | 'SERVER_COMMAND_UNANSWERED'
  /** The parser tolerated an oddity in a recorded message. */
  | 'RECORDING_WARNING';

/** One severity per code: the table the exit status follows. */
export const ISSUE_SEVERITY: Readonly<Record<IssueCode, IssueSeverity>> = {
  HTTP_STATUS: 'error',
  BAD_REPLY: 'error',
  TRANSPORT_FAILED: 'error',
  AUTH_FAILED: 'error',
  UNKNOWN_DATABASE: 'error',
  ITEM_REFUSED: 'error',
  COMMAND_FAILED: 'error',
  SLOW_SYNC_FORCED: 'error',
  NOT_ANSWERED: 'error',
  SESSION_INCOMPLETE: 'error',
  STATUS_DIFFERS: 'note',
  SLOW_SYNC: 'note',
  AUTH_CHALLENGED: 'note',
  MESSAGE_SKIPPED: 'note',
  CONTINUATION_SENT: 'note',
  STATUS_DROPPED: 'note',
  RESULTS_DROPPED: 'note',
  MAP_ITEM_DROPPED: 'warning',
  SERVER_COMMAND_UNANSWERED: 'note',
  RECORDING_WARNING: 'warning',
};

/** Something the replay found: an error status, a left-out command, a retry... */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  readonly message: string;
  /** The client command concerned (`Replace 83899317`, `Alert 200 contacts`), when one is. */
  readonly command?: string | undefined;
  /** Our server's status for it, and the recorded server's. */
  readonly status?: number | undefined;
  readonly recordedStatus?: number | undefined;
}

/** A Status our server returned. */
export interface StatusLine {
  /** Our message and command it answers. */
  readonly msgRef: string;
  readonly cmdRef: string;
  /** The Cmd element (`SyncHdr`, `Alert`, `Replace`...). */
  readonly cmd: string;
  /** The client command, as {@link Issue.command}; `SyncHdr` for the header. */
  readonly command: string;
  readonly code: number;
  /** What the recorded server answered the same recorded command (when captured). */
  readonly recordedCode: number | undefined;
}

/** What one message exchange of the replay did. */
export interface StepReport {
  /** 1-based within the run. */
  readonly index: number;
  /** `recorded`: a recorded message; `auth-retry`: the same sent again with new credentials; `continuation`: an Alert 222 the replay made; `skipped`: a recorded message not sent. */
  readonly kind: 'recorded' | 'auth-retry' | 'continuation' | 'skipped';
  /** File name of the recorded message (undefined for a continuation). */
  readonly file: string | undefined;
  /** MsgID sent, URL posted to, encoding; undefined when skipped. */
  msgID: string | undefined;
  url: string | undefined;
  encoding: 'xml' | 'wbxml' | undefined;
  bytesSent: number;
  bytesReceived: number;
  /** Round trip in milliseconds. */
  elapsedMs: number;
  httpStatus: number | undefined;
  /** Our server's reply: its MsgID, whether it closed its package, the commands it sent. */
  replyMsgID: string | undefined;
  final: boolean;
  readonly serverCommands: string[];
  readonly statuses: StatusLine[];
  readonly issues: Issue[];
}

/** One recorded run (SyncML session) replayed. */
export interface RunReport {
  readonly id: string;
  readonly device: string;
  /** SessionID sent, and the recorded one. */
  readonly sessionId: string;
  readonly recordedSessionId: string;
  readonly steps: StepReport[];
  /** Findings about the run as a whole (unanswered commands...). */
  readonly issues: Issue[];
  /** Errors in the run, steps included. */
  errors: number;
}

/** The outcome of {@link replayCapture}. */
export interface ReplayReport {
  readonly capture: string;
  readonly layout: CaptureLayout;
  readonly url: string;
  readonly user: string;
  readonly runs: RunReport[];
  /** Error-severity issues in all runs: zero means the server answered everything with success. */
  errors: number;
  warnings: number;
  /** Messages sent (retries and continuations included). */
  messages: number;
}

/** A new issue with the severity of its code. */
export function issue(
  code: IssueCode,
  message: string,
  details: { command?: string; status?: number; recordedStatus?: number } = {},
): Issue {
  return { code, severity: ISSUE_SEVERITY[code], message, ...details };
}

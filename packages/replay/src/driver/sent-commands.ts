import type { Command, Status, SyncMLMessage } from '@syncds/syncml';
import type { SentCommand } from '../rewrite/message.js';
import type { StatusLine } from './report.js';

/** A client command sent, with the Statuses our server gave it so far. */
export interface SentRecord extends SentCommand {
  readonly msgID: string;
  /** The recorded message's MsgID, to find the recorded server's answer. */
  readonly recordedMsgID: string | undefined;
  readonly codes: number[];
}

/**
 * The client commands of one run as sent, our server's Statuses for them (which may come in a
 * later reply), and the recorded server's Statuses for the same recorded commands.
 */
export class SentCommands {
  readonly #sent = new Map<string, SentRecord>();
  /** Recorded server Statuses by recorded client command (`msgID cmdID`). */
  readonly #recorded = new Map<string, number[]>();

  /** Learns the recorded server's Statuses from its messages. */
  recordServerMessage(message: SyncMLMessage): void {
    for (const cmd of message.commands) {
      if (cmd.kind !== 'Status') continue;
      const key = `${cmd.msgRef}\u0000${cmd.cmdRef}`;
      const list = this.#recorded.get(key);
      if (list === undefined) this.#recorded.set(key, [cmd.code]);
      else list.push(cmd.code);
    }
  }

  /** The commands of a message just sent (`recordedMsgID`: the MsgID of the recording it came from). */
  add(msgID: string, recordedMsgID: string | undefined, commands: readonly SentCommand[]): void {
    for (const cmd of commands)
      this.#sent.set(`${msgID}\u0000${cmd.cmdID}`, { ...cmd, msgID, recordedMsgID, codes: [] });
  }

  /** The kind of the command a Status answers, when it is one of ours. */
  kindOf(status: Status): Command['kind'] | undefined {
    return this.#sent.get(`${status.msgRef}\u0000${status.cmdRef}`)?.kind;
  }

  /**
   * Takes one Status of our server: counts it for its command and returns the report line, with
   * the recorded server's code for the same command (the n-th Status of a multi-item command
   * against the recording's n-th).
   */
  take(status: Status): StatusLine {
    const sent = this.#sent.get(`${status.msgRef}\u0000${status.cmdRef}`);
    let recordedCode: number | undefined;
    if (sent !== undefined) {
      sent.codes.push(status.code);
      if (sent.recordedMsgID !== undefined && sent.recordedCmdID !== undefined) {
        const codes = this.#recorded.get(`${sent.recordedMsgID}\u0000${sent.recordedCmdID}`);
        recordedCode = codes?.[Math.min(sent.codes.length, codes.length) - 1];
      }
    }
    return {
      msgRef: status.msgRef,
      cmdRef: status.cmdRef,
      cmd: status.cmd,
      command: status.cmd === 'SyncHdr' ? 'SyncHdr' : (sent?.label ?? `${status.cmd} ${status.cmdRef}`),
      code: status.code,
      recordedCode,
    };
  }

  /** Drops the commands of a message the server refused to authenticate: their 401s do not count. */
  forget(msgID: string): void {
    for (const key of [...this.#sent.keys()]) if (key.startsWith(`${msgID}\u0000`)) this.#sent.delete(key);
  }

  /** Commands that expect a Status and got none. */
  unanswered(): SentRecord[] {
    return [...this.#sent.values()].filter((s) => s.expectsStatus && s.codes.length === 0);
  }
}

import {
  type Command,
  type SerializeOptions,
  type SyncHeader,
  type SyncMLMessage,
  encodedOverhead,
  encodedSize,
  serializeMessage,
} from '@syncds/syncml';

/**
 * How replies are written. XML item data goes in CDATA sections: vCards keep
 * their CR bytes as devices expect, instead of `&#13;` references.
 */
export function replyOptions(encoding: 'xml' | 'wbxml'): SerializeOptions {
  return encoding === 'xml' ? { encoding, xmlData: 'cdata' } : { encoding };
}

/** Bytes kept free below the client's MaxMsgSize for what sizing cannot see (page switches at joins). */
const SIZE_MARGIN = 64;

/**
 * One reply message under construction. Commands get their CmdIDs here, in
 * message order (nested ones too), and are admitted only while the encoded
 * message stays under the client's MaxMsgSize.
 */
export class ReplyBuilder {
  readonly header: SyncHeader;
  readonly #encoding: SerializeOptions;
  readonly #limit: number;
  readonly #commands: Command[] = [];
  #size: number;
  #nextCmdId = 1;

  constructor(header: SyncHeader, encoding: 'xml' | 'wbxml', maxMessageSize: number) {
    this.header = header;
    this.#encoding = replyOptions(encoding);
    this.#limit = maxMessageSize - SIZE_MARGIN;
    this.#size = encodedOverhead(header, true, this.#encoding);
  }

  get commands(): readonly Command[] {
    return this.#commands;
  }

  /** Bytes still free in this message. */
  remaining(): number {
    return this.#limit - this.#size;
  }

  /** The size a command would take in this message (CmdIDs assigned as they would be). */
  measure(cmd: Command): number {
    const saved = this.#nextCmdId;
    this.#number(cmd);
    const size = encodedSize(cmd, this.#encoding);
    this.#nextCmdId = saved;
    return size;
  }

  /** Adds the command if it fits; returns false (and changes nothing) when it does not. */
  tryAdd(cmd: Command): boolean {
    const saved = this.#nextCmdId;
    this.#number(cmd);
    const size = encodedSize(cmd, this.#encoding);
    if (this.#size + size > this.#limit && this.#commands.length > 0) {
      this.#nextCmdId = saved;
      return false;
    }
    this.#commands.push(cmd);
    this.#size += size;
    return true;
  }

  /** Adds the command whatever its size (the SyncHdr status, or a message that must carry one command). */
  add(cmd: Command): void {
    this.#number(cmd);
    this.#size += encodedSize(cmd, this.#encoding);
    this.#commands.push(cmd);
  }

  hasCommandsOtherThanStatus(): boolean {
    return this.#commands.some((c) => c.kind !== 'Status');
  }

  build(final: boolean): SyncMLMessage {
    return { header: this.header, commands: this.#commands, final };
  }

  encode(final: boolean): Uint8Array {
    return serializeMessage(this.build(final), this.#encoding);
  }

  #number(cmd: Command): void {
    cmd.cmdID = String(this.#nextCmdId++);
    if (cmd.kind === 'Sync' || cmd.kind === 'Atomic' || cmd.kind === 'Sequence') {
      for (const inner of cmd.commands) this.#number(inner);
    }
  }
}

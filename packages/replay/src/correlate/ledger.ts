import type { Command, SyncMLMessage } from '@syncds/syncml';
import { commandKey, describeCommand, expectsStatus, walkCommands } from '../protocol/commands.js';
import { normalizeDatabase } from '../rewrite/databases.js';

/** A server command that expects a Status from the client. */
export interface ServerCommand {
  readonly msgID: string;
  readonly cmdID: string;
  readonly kind: Command['kind'];
  /** Matching key ({@link commandKey}) and its position among the server's commands of that key. */
  readonly key: string;
  readonly ordinal: number;
  readonly label: string;
  /** How many Statuses the replayed client sent for it. */
  answered: number;
}

/**
 * The commands one server sent in one run, in order, for matching the two servers' commands
 * "by kind and order", and the server ids (GUIDs) of the items it added, per client database.
 */
export class ServerCommandLedger {
  readonly #byRef = new Map<string, ServerCommand>();
  readonly #byKey = new Map<string, ServerCommand[]>();
  readonly #adds = new Map<string, string[]>();
  readonly #addIndex = new Map<string, { db: string; index: number }>();

  /** Records the commands of one server message; returns the ones that expect a Status. */
  record(message: SyncMLMessage): ServerCommand[] {
    const msgID = message.header.msgID;
    const added: ServerCommand[] = [];
    walkCommands(message.commands, (cmd, sync) => {
      if (cmd.kind === 'Add' && sync !== undefined) {
        const db = normalizeDatabase(sync.target?.locURI ?? '');
        let list = this.#adds.get(db);
        if (list === undefined) {
          list = [];
          this.#adds.set(db, list);
        }
        for (const item of cmd.items) {
          const guid = item.source?.locURI;
          if (guid === undefined || guid === '' || this.#addIndex.has(guid)) continue;
          this.#addIndex.set(guid, { db, index: list.length });
          list.push(guid);
        }
      }
      if (!expectsStatus(cmd)) return;
      const key = commandKey(cmd);
      let sameKey = this.#byKey.get(key);
      if (sameKey === undefined) {
        sameKey = [];
        this.#byKey.set(key, sameKey);
      }
      const entry: ServerCommand = {
        msgID,
        cmdID: cmd.cmdID,
        kind: cmd.kind,
        key,
        ordinal: sameKey.length,
        label: describeCommand(cmd),
        answered: 0,
      };
      sameKey.push(entry);
      this.#byRef.set(`${msgID}\u0000${cmd.cmdID}`, entry);
      added.push(entry);
    });
    return added;
  }

  /** The command a Status or Results refers to (MsgRef, CmdRef). */
  get(msgRef: string, cmdRef: string): ServerCommand | undefined {
    return this.#byRef.get(`${msgRef}\u0000${cmdRef}`);
  }

  /**
   * The command of kind `kind` in message `msgID`, when there is exactly one: for peers that
   * get CmdRef wrong but name the command right (a Synthesis client answers a Sync by the
   * CmdID before it).
   */
  onlyOfKind(msgID: string, kind: string): ServerCommand | undefined {
    let found: ServerCommand | undefined;
    for (const c of this.#byRef.values()) {
      if (c.msgID !== msgID || c.kind !== kind) continue;
      if (found !== undefined) return undefined;
      found = c;
    }
    return found;
  }

  /** The `ordinal`-th command of `key` this server sent, if it sent that many. */
  nth(key: string, ordinal: number): ServerCommand | undefined {
    return this.#byKey.get(key)?.[ordinal];
  }

  /** Where the server added the item `guid`: client database and position among its Adds there. */
  positionOfAdd(guid: string): { db: string; index: number } | undefined {
    return this.#addIndex.get(guid);
  }

  /** The GUID of the `index`-th item the server added to client database `db`. */
  addAt(db: string, index: number): string | undefined {
    return this.#adds.get(db)?.[index];
  }

  /** Every command that expects a Status, in the order sent. */
  all(): ServerCommand[] {
    return [...this.#byRef.values()];
  }
}

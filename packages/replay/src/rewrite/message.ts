import type {
  Alert,
  Command,
  Cred,
  Item,
  MapCommand,
  Results,
  Status,
  Sync,
  SyncCommand,
  SyncHeader,
  SyncMLMessage,
} from '@syncds/syncml';
import type { GuidTable } from '../correlate/guid-table.js';
import type { ServerCommand, ServerCommandLedger } from '../correlate/ledger.js';
import { describeCommand, expectsStatus } from '../protocol/commands.js';
import type { DatabaseMap } from './databases.js';

/** Everything a recorded client message is rewritten with. */
export interface RewriteContext {
  /** The URL of our server: the SyncHdr Target LocURI. */
  readonly url: string;
  /** The recorded SyncHdr Target LocURI (the recorded server's URL), replaced by `url` in refs. */
  readonly recordedServerUri: string;
  /** The device id to send, and the recorded one it replaces in refs. */
  readonly device: string;
  readonly recordedDevice: string;
  readonly sessionId: string;
  readonly msgID: string;
  /** SyncHdr Source LocName (the user name MD5 needs); undefined keeps the recorded one. */
  readonly locName: string | undefined;
  /** Credentials for the SyncHdr; undefined sends none. */
  readonly cred: Cred | undefined;
  /** MsgID of our server's last reply, which this message's SyncHdr Status answers. */
  readonly replyMsgID: string | undefined;
  readonly databases: DatabaseMap;
  /** Commands of the recorded server (this run) and of ours so far. */
  readonly recorded: ServerCommandLedger;
  readonly ours: ServerCommandLedger;
  readonly guids: GuidTable;
}

/** A client command as sent, with the recorded command it came from. */
export interface SentCommand {
  /** CmdID in the message sent (commands are renumbered from 1). */
  readonly cmdID: string;
  /** CmdID in the recording; undefined for a command the replay made. */
  readonly recordedCmdID: string | undefined;
  readonly kind: Command['kind'];
  readonly label: string;
  /** True when our server owes it a Status. */
  readonly expectsStatus: boolean;
}

/** Something the rewrite left out, and why. */
export interface RewriteNote {
  readonly code: 'STATUS_DROPPED' | 'RESULTS_DROPPED' | 'MAP_ITEM_DROPPED';
  readonly message: string;
}

export interface RewriteResult {
  readonly message: SyncMLMessage;
  readonly sent: SentCommand[];
  readonly notes: RewriteNote[];
  /** Our server's commands the message's Statuses answer (to count once the message is accepted). */
  readonly answers: ServerCommand[];
}

/**
 * Rewrites one recorded client message for our server: header (URL, session id, MsgID,
 * device, credentials), the references of its Statuses and Results (to the command of ours
 * that matches the recorded server's by kind and order), server ids in Map items and refs,
 * and remote database names. `carried` are Statuses of a skipped recorded message, sent
 * with this one. Commands are renumbered from 1. The recording is not modified.
 */
export function rewriteMessage(
  recorded: SyncMLMessage,
  ctx: RewriteContext,
  carried: readonly Status[] = [],
): RewriteResult {
  const notes: RewriteNote[] = [];
  const sent: SentCommand[] = [];
  const answers: ServerCommand[] = [];
  let nextCmdID = 1;
  const number = (cmd: Command, recordedCmdID: string | undefined): string => {
    const cmdID = String(nextCmdID++);
    sent.push({
      cmdID,
      recordedCmdID,
      kind: cmd.kind,
      label: describeCommand(cmd),
      expectsStatus: expectsStatus(cmd),
    });
    return cmdID;
  };
  const ref = (value: string): string => translateRef(value, ctx);

  const rewriteOne = (cmd: Command): Command | undefined => {
    switch (cmd.kind) {
      case 'Status':
        return rewriteStatus(cmd);
      case 'Results':
        return rewriteResults(cmd);
      case 'Map':
        return rewriteMap(cmd);
      case 'Alert': {
        const out: Alert = { ...cmd, items: cmd.items.map(rewriteAlertItem), cmdID: '' };
        if (cmd.cred !== undefined) out.cred = ctx.cred;
        out.cmdID = number(out, cmd.cmdID);
        return out;
      }
      case 'Sync': {
        const out: Sync = {
          ...cmd,
          target:
            cmd.target === undefined
              ? undefined
              : { ...cmd.target, locURI: ctx.databases.rename(cmd.target.locURI) },
          commands: [],
          cmdID: '',
        };
        if (cmd.cred !== undefined) out.cred = ctx.cred;
        out.cmdID = number(out, cmd.cmdID);
        out.commands = cmd.commands.map((c) => rewriteSyncCommand(c));
        return out;
      }
      case 'Atomic':
      case 'Sequence': {
        const out = { ...cmd, commands: [] as Command[], cmdID: '' };
        out.cmdID = number(out, cmd.cmdID);
        out.commands = cmd.commands.map((c) => rewriteOne(c)).filter((c): c is Command => c !== undefined);
        return out as Command;
      }
      case 'Add':
      case 'Replace':
      case 'Delete':
      case 'Copy':
      case 'Move':
        return rewriteSyncCommand(cmd);
      default: {
        const out = { ...cmd, cmdID: '' };
        out.cmdID = number(out, cmd.cmdID);
        return out;
      }
    }
  };

  const rewriteSyncCommand = (cmd: SyncCommand): SyncCommand => {
    if (cmd.kind === 'Atomic' || cmd.kind === 'Sequence') {
      const out = { ...cmd, commands: [] as Command[], cmdID: '' };
      out.cmdID = number(out, cmd.cmdID);
      out.commands = cmd.commands.map((c) => rewriteSyncCommand(c as SyncCommand));
      return out;
    }
    const out = { ...cmd, items: cmd.items.map(rewriteDataItem), cmdID: '' };
    if (cmd.cred !== undefined) out.cred = ctx.cred;
    out.cmdID = number(out, cmd.cmdID);
    return out;
  };

  // Items of client Add/Replace/Delete may name the server's id in Target LocURI.
  const rewriteDataItem = (item: Item): Item =>
    item.target === undefined
      ? item
      : { ...item, target: { ...item.target, locURI: ref(item.target.locURI) } };

  const rewriteAlertItem = (item: Item): Item =>
    item.target === undefined
      ? item
      : { ...item, target: { ...item.target, locURI: ctx.databases.rename(item.target.locURI) } };

  const rewriteStatus = (status: Status): Status | undefined => {
    if (status.cmd === 'SyncHdr' && status.cmdRef === '0') {
      if (ctx.replyMsgID === undefined) {
        notes.push({
          code: 'STATUS_DROPPED',
          message: `SyncHdr Status ${status.code}: there is no reply of our server to answer yet`,
        });
        return undefined;
      }
      const out: Status = {
        ...status,
        msgRef: ctx.replyMsgID,
        targetRefs: status.targetRefs.map(ref),
        sourceRefs: status.sourceRefs.map(ref),
        cmdID: '',
      };
      out.cmdID = number(out, status.cmdID);
      return out;
    }
    const target = matchServerCommand(
      status.msgRef,
      status.cmdRef,
      `Status ${status.cmd} ${status.code}`,
      'STATUS_DROPPED',
      status.cmd,
    );
    if (target === undefined) return undefined;
    answers.push(target);
    const out: Status = {
      ...status,
      msgRef: target.msgID,
      cmdRef: target.cmdID,
      cmd: target.kind,
      targetRefs: status.targetRefs.map(ref),
      sourceRefs: status.sourceRefs.map(ref),
      items: status.items.map(rewriteRefItem),
      cmdID: '',
    };
    out.cmdID = number(out, status.cmdID);
    return out;
  };

  const rewriteRefItem = (item: Item): Item => ({
    ...item,
    target: item.target === undefined ? undefined : { ...item.target, locURI: ref(item.target.locURI) },
    source: item.source === undefined ? undefined : { ...item.source, locURI: ref(item.source.locURI) },
  });

  const rewriteResults = (results: Results): Results | undefined => {
    const target = matchServerCommand(
      results.msgRef ?? '',
      results.cmdRef,
      describeCommand(results),
      'RESULTS_DROPPED',
      'Get',
    );
    if (target === undefined) return undefined;
    const out: Results = { ...results, msgRef: target.msgID, cmdRef: target.cmdID, cmdID: '' };
    out.cmdID = number(out, results.cmdID);
    return out;
  };

  const rewriteMap = (map: MapCommand): MapCommand | undefined => {
    const mapItems = [];
    for (const m of map.mapItems) {
      const guid = ctx.guids.translate(m.target, ctx.recorded, ctx.ours);
      if (guid === undefined) {
        notes.push({
          code: 'MAP_ITEM_DROPPED',
          message: `Map item ${m.target} -> ${m.source} dropped: our server added no item in its place`,
        });
        continue;
      }
      mapItems.push({ target: guid, source: m.source });
    }
    if (mapItems.length === 0) return undefined;
    const out: MapCommand = {
      ...map,
      target: { ...map.target, locURI: ctx.databases.rename(map.target.locURI) },
      mapItems,
      cmdID: '',
    };
    if (map.cred !== undefined) out.cred = ctx.cred;
    out.cmdID = number(out, map.cmdID);
    return out;
  };

  const matchServerCommand = (
    msgRef: string,
    cmdRef: string,
    what: string,
    code: RewriteNote['code'],
    kind: string,
  ) => {
    // By reference; when that names nothing, or a command of another kind, by the kind named.
    const byRef = ctx.recorded.get(msgRef, cmdRef);
    const original =
      byRef !== undefined && byRef.kind === kind ? byRef : (ctx.recorded.onlyOfKind(msgRef, kind) ?? byRef);
    if (original === undefined) {
      notes.push({
        code,
        message: `${what} dropped: it answers command ${cmdRef} of message ${msgRef}, which the recorded server did not send`,
      });
      return undefined;
    }
    const ours = ctx.ours.nth(original.key, original.ordinal);
    if (ours === undefined) {
      notes.push({
        code,
        message: `${what} dropped: it answers the recorded server's ${original.label}, and our server sent no ${ordinalName(original.ordinal)} ${original.key}`,
      });
      return undefined;
    }
    return ours;
  };

  const commands: Command[] = [];
  const body = recorded.commands;
  let carriedDone = carried.length === 0;
  for (const cmd of body) {
    const out = rewriteOne(cmd);
    if (out !== undefined) commands.push(out);
    // Carried Statuses go right after the SyncHdr Status, where Statuses belong.
    if (!carriedDone && cmd.kind === 'Status' && cmd.cmd === 'SyncHdr') {
      for (const s of carried) {
        const c = rewriteStatus(s);
        if (c !== undefined) commands.push(c);
      }
      carriedDone = true;
    }
  }
  if (!carriedDone) {
    const extra: Command[] = [];
    for (const s of carried) {
      const c = rewriteStatus(s);
      if (c !== undefined) extra.push(c);
    }
    commands.unshift(...extra);
  }

  const message: SyncMLMessage = {
    header: rewriteHeader(recorded.header, ctx),
    commands,
    final: recorded.final,
  };
  return { message, sent, notes, answers };
}

/** The recorded SyncHdr with our URL, session id, MsgID, device, user name and credentials. */
export function rewriteHeader(
  h: SyncHeader,
  ctx: Pick<RewriteContext, 'url' | 'sessionId' | 'msgID' | 'device' | 'locName' | 'cred'>,
): SyncHeader {
  return {
    version: h.version,
    verProto: h.verProto,
    sessionID: ctx.sessionId,
    msgID: ctx.msgID,
    target: { locURI: ctx.url, locName: h.target.locName },
    source: { locURI: ctx.device, locName: ctx.locName ?? h.source.locName },
    noResp: h.noResp,
    cred: ctx.cred,
    meta: h.meta,
  };
}

/** A reference value as our server knows it: URL, device, server id, database name. */
function translateRef(value: string, ctx: RewriteContext): string {
  if (value === ctx.recordedServerUri) return ctx.url;
  if (value === ctx.recordedDevice) return ctx.device;
  if (ctx.guids.isRecorded(value, ctx.recorded)) {
    return ctx.guids.translate(value, ctx.recorded, ctx.ours) ?? value;
  }
  return ctx.databases.rename(value);
}

function ordinalName(n: number): string {
  const k = n + 1;
  const suffix = k % 100 >= 11 && k % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${suffix}`;
}

import type { Command, SyncMLMessage } from '@syncds/syncml';

/** Alert codes 200-210: requests to sync a datastore (syncml-facts.md §4.1). */
const FIRST_SYNC_ALERT = 200;
const LAST_SYNC_ALERT = 210;
/** Alert 222: "next message", a request for the rest of the peer's package. */
export const ALERT_NEXT_MESSAGE = 222;

/**
 * Visits every command, the ones nested in Sync, Atomic and Sequence included, in message
 * order (a container before its content). `sync` is the enclosing Sync, if any. Iterative:
 * nesting comes from the network.
 */
export function walkCommands(
  commands: readonly Command[],
  visit: (cmd: Command, sync: Extract<Command, { kind: 'Sync' }> | undefined) => void,
): void {
  const stack: {
    list: readonly Command[];
    at: number;
    sync: Extract<Command, { kind: 'Sync' }> | undefined;
  }[] = [{ list: commands, at: 0, sync: undefined }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.at >= top.list.length) {
      stack.pop();
      continue;
    }
    const cmd = top.list[top.at++]!;
    visit(cmd, top.sync);
    if (cmd.kind === 'Sync') stack.push({ list: cmd.commands, at: 0, sync: cmd });
    else if (cmd.kind === 'Atomic' || cmd.kind === 'Sequence') {
      stack.push({ list: cmd.commands, at: 0, sync: top.sync });
    }
  }
}

/**
 * The key commands of two servers are matched by: the kind, except that sync Alerts
 * (200-210) and each control Alert code (222 next message, 223 no end of data...) count
 * apart, so that one server's "next message" Alert never stands in for the other's sync Alert.
 */
export function commandKey(cmd: Command): string {
  if (cmd.kind !== 'Alert') return cmd.kind;
  const code = cmd.code ?? 0;
  return code >= FIRST_SYNC_ALERT && code <= LAST_SYNC_ALERT ? 'Alert:sync' : `Alert:${code}`;
}

/** True when the peer owes this command a Status (everything but Status itself and NoResp commands). */
export function expectsStatus(cmd: Command): boolean {
  return cmd.kind !== 'Status' && cmd.noResp !== true;
}

/**
 * A message that only asks for the rest of the peer's package: Statuses plus Alert 222 and
 * nothing else.
 */
export function isContinuationRequest(message: SyncMLMessage): boolean {
  let alerts = 0;
  for (const cmd of message.commands) {
    if (cmd.kind === 'Status') continue;
    if (cmd.kind === 'Alert' && cmd.code === ALERT_NEXT_MESSAGE) alerts++;
    else return false;
  }
  return alerts > 0;
}

/** A short label of a command for reports: kind, code or database, first item id. */
export function describeCommand(cmd: Command): string {
  switch (cmd.kind) {
    case 'Alert': {
      const item = cmd.items[0];
      const db = item?.target?.locURI;
      return `Alert ${cmd.code ?? '?'}${db === undefined ? '' : ` ${db}`}`;
    }
    case 'Sync':
      return `Sync ${cmd.target?.locURI ?? '?'}`;
    case 'Map':
      return `Map ${cmd.target.locURI} (${cmd.mapItems.length} item${cmd.mapItems.length === 1 ? '' : 's'})`;
    case 'Add':
    case 'Replace':
    case 'Delete':
    case 'Copy':
    case 'Move': {
      const ids = cmd.items.map((i) => i.source?.locURI ?? i.target?.locURI ?? '?');
      return `${cmd.kind} ${ids.length <= 3 ? ids.join(' ') : `${ids.slice(0, 3).join(' ')} (+${ids.length - 3})`}`;
    }
    case 'Put':
      return `Put ${cmd.items[0]?.source?.locURI ?? ''}`.trimEnd();
    case 'Get':
      return `Get ${cmd.items[0]?.target?.locURI ?? ''}`.trimEnd();
    case 'Results':
      return `Results ${cmd.items[0]?.source?.locURI ?? ''}`.trimEnd();
    case 'Status':
      return `Status ${cmd.cmd} ${cmd.code}`;
    default:
      return cmd.kind;
  }
}

/** 2xx: the command succeeded (200 OK, 201 added, 212 authenticated, 213 chunk accepted...). */
export function isSuccessStatus(code: number): boolean {
  return code >= 200 && code < 300;
}

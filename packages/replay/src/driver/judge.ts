import type { Command } from '@syncds/syncml';
import { type Issue, issue, type StatusLine } from './report.js';

const ITEM_COMMANDS: ReadonlySet<string> = new Set(['Add', 'Replace', 'Delete', 'Copy', 'Move']);
/** 508 "refresh required": the answer to a sync Alert when the server forces a slow sync. */
const REFRESH_REQUIRED = 508;
const NOT_FOUND = 404;

/**
 * What one Status of our server means for the replay, against the recorded server's answer
 * to the same command: nothing (a success like the recording's), a note, or an error. A
 * status >= 300 is an error, except 508 on a sync Alert where the recorded server also
 * answered 508 (both forced a slow sync, e.g. the device's first sync) or left no answer.
 * Challenges (401/407 on the SyncHdr) are handled by the retry, not here.
 */
export function judgeStatus(line: StatusLine, kind: Command['kind'] | undefined): Issue | undefined {
  const { code, recordedCode } = line;
  const details = {
    command: line.command,
    status: code,
    ...(recordedCode === undefined ? {} : { recordedStatus: recordedCode }),
  };
  const recorded = recordedCode === undefined ? '' : ` (recorded server: ${recordedCode})`;
  if (code >= 200 && code < 300) {
    if (recordedCode !== undefined && recordedCode !== code) {
      return issue('STATUS_DIFFERS', `${line.command}: ${code}${recorded}`, details);
    }
    return undefined;
  }
  if (line.cmd === 'SyncHdr') {
    return issue('AUTH_FAILED', `SyncHdr ${code}: the server did not accept the message${recorded}`, details);
  }
  const alert = kind === 'Alert' || line.cmd === 'Alert';
  if (alert && code === REFRESH_REQUIRED) {
    if (recordedCode === undefined || recordedCode === REFRESH_REQUIRED) {
      return issue('SLOW_SYNC', `${line.command}: 508, slow sync${recorded}`, details);
    }
    return issue(
      'SLOW_SYNC_FORCED',
      `${line.command}: 508, our server forced a slow sync${recorded}`,
      details,
    );
  }
  if (alert && code === NOT_FOUND) {
    return issue(
      'UNKNOWN_DATABASE',
      `${line.command}: 404, the server has no database of that name (rename it with --db NAME=FOLDER)${recorded}`,
      details,
    );
  }
  const itemCommand = ITEM_COMMANDS.has(kind ?? line.cmd);
  return issue(
    itemCommand ? 'ITEM_REFUSED' : 'COMMAND_FAILED',
    `${line.command}: ${code}${itemCommand ? ', the server refused the item' : ''}${recorded}`,
    details,
  );
}

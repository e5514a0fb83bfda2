import type { SyncHeader, SyncMLMessage } from '@syncds/syncml';
import { ALERT_NEXT_MESSAGE, describeCommand } from '../protocol/commands.js';
import type { SentCommand } from '../rewrite/message.js';

/**
 * The message a client sends to get the rest of the server's package: the SyncHdr Status for
 * the server's last reply and Alert 222 (Target the server, Source the device), Final.
 */
export function continuationMessage(
  header: SyncHeader,
  replyMsgID: string,
  url: string,
  device: string,
): { message: SyncMLMessage; sent: SentCommand[] } {
  const message: SyncMLMessage = {
    header,
    commands: [
      {
        kind: 'Status',
        cmdID: '1',
        msgRef: replyMsgID,
        cmdRef: '0',
        cmd: 'SyncHdr',
        targetRefs: [url],
        sourceRefs: [device],
        code: 200,
        items: [],
      },
      {
        kind: 'Alert',
        cmdID: '2',
        code: ALERT_NEXT_MESSAGE,
        items: [{ target: { locURI: url }, source: { locURI: device } }],
      },
    ],
    final: true,
  };
  const sent: SentCommand[] = message.commands.map((cmd) => ({
    cmdID: cmd.cmdID,
    recordedCmdID: undefined,
    kind: cmd.kind,
    label: describeCommand(cmd),
    expectsStatus: cmd.kind !== 'Status',
  }));
  return { message, sent };
}

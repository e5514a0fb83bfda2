import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage, type Status } from '@syncds/syncml';
import { describe, expect, it } from 'vitest';
import { continuationMessage } from './continuation.js';
import { SentCommands } from './sent-commands.js';

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');
const recorded = (file: string) =>
  parseMessage(new Uint8Array(readFileSync(join(SESSIONS, 'sync4j_pocketpc_contacts', file)))).message;

function status(msgRef: string, cmdRef: string, cmd: string, code: number): Status {
  return { kind: 'Status', cmdID: '9', msgRef, cmdRef, cmd, targetRefs: [], sourceRefs: [], code, items: [] };
}

describe('SentCommands', () => {
  it('pairs our Statuses with the commands sent and with the recorded server answers', () => {
    const sent = new SentCommands();
    sent.recordServerMessage(recorded('syncml_server_41.xml'));
    sent.add('7', '2', [
      { cmdID: '3', recordedCmdID: '3', kind: 'Sync', label: 'Sync contacts', expectsStatus: true },
      {
        cmdID: '4',
        recordedCmdID: '4',
        kind: 'Delete',
        label: 'Delete 83899317 151008046',
        expectsStatus: true,
      },
    ]);
    expect(sent.take(status('7', '3', 'Sync', 200))).toEqual({
      msgRef: '7',
      cmdRef: '3',
      cmd: 'Sync',
      command: 'Sync contacts',
      code: 200,
      recordedCode: 200,
    });
    // Two items, two Statuses, each against the recording's.
    expect(sent.take(status('7', '4', 'Delete', 200)).recordedCode).toBe(200);
    expect(sent.take(status('7', '4', 'Delete', 211)).recordedCode).toBe(200);
    expect(sent.kindOf(status('7', '4', 'Delete', 200))).toBe('Delete');
    expect(sent.take(status('8', '1', 'Map', 200))).toMatchObject({
      command: 'Map 1',
      recordedCode: undefined,
    });
    expect(sent.unanswered()).toEqual([]);
  });

  it('lists commands without a Status, and forgets a refused message', () => {
    const sent = new SentCommands();
    const { sent: commands } = continuationMessage(
      recorded('syncml_client_10.xml').header,
      '4',
      'http://x/syncml/',
      'dev',
    );
    sent.add('5', undefined, commands);
    expect(sent.unanswered().map((s) => s.label)).toEqual(['Alert 222 http://x/syncml/']);
    sent.forget('5');
    expect(sent.unanswered()).toEqual([]);
  });
});

describe('continuationMessage', () => {
  it('answers the last reply and asks for the rest with Alert 222', () => {
    const header = recorded('syncml_client_10.xml').header;
    const { message } = continuationMessage(header, '4', 'http://x/syncml/', 'dev');
    expect(message.final).toBe(true);
    expect(message.commands).toEqual([
      {
        kind: 'Status',
        cmdID: '1',
        msgRef: '4',
        cmdRef: '0',
        cmd: 'SyncHdr',
        targetRefs: ['http://x/syncml/'],
        sourceRefs: ['dev'],
        code: 200,
        items: [],
      },
      {
        kind: 'Alert',
        cmdID: '2',
        code: 222,
        items: [{ target: { locURI: 'http://x/syncml/' }, source: { locURI: 'dev' } }],
      },
    ]);
  });
});

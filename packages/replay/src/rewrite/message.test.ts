import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, parseMessage, type Status, type SyncMLMessage } from '@syncds/syncml';
import { describe, expect, it } from 'vitest';
import { GuidTable } from '../correlate/guid-table.js';
import { ServerCommandLedger } from '../correlate/ledger.js';
import { credential } from '../protocol/credentials.js';
import { DatabaseMap } from './databases.js';
import { type RewriteContext, rewriteMessage } from './message.js';

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');
const recorded = (session: string, file: string) =>
  parseMessage(new Uint8Array(readFileSync(join(SESSIONS, session, file)))).message;

const URL = 'http://127.0.0.1:8080/syncml/';

function context(over: Partial<RewriteContext> = {}): RewriteContext {
  return {
    url: URL,
    recordedServerUri: 'http://192.168.60.3/headhorde/rpc.php',
    device: 'replayed-device',
    recordedDevice: 'fwm-0E232B741AFE0',
    sessionId: '26429128-x',
    msgID: '7',
    locName: undefined,
    cred: undefined,
    replyMsgID: '6',
    databases: new DatabaseMap(),
    recorded: new ServerCommandLedger(),
    ours: new ServerCommandLedger(),
    guids: new GuidTable(),
    ...over,
  };
}

/** Our server's reply in run 1 of the Pocket PC contacts session: Alert, then a Sync with one Add. */
function oursFor(ledger: ServerCommandLedger): void {
  const header = recorded('sync4j_pocketpc_contacts', 'syncml_server_10.xml').header;
  ledger.record({
    header: { ...header, msgID: '1' },
    final: true,
    commands: [{ kind: 'Alert', cmdID: '3', code: 201, items: [] }],
  });
  ledger.record({
    header: { ...header, msgID: '2' },
    final: true,
    commands: [
      {
        kind: 'Sync',
        cmdID: '4',
        target: { locURI: 'contact' },
        commands: [{ kind: 'Add', cmdID: '5', items: [{ source: { locURI: 'ourguid1' } }] }],
      },
    ],
  });
}

describe('rewriteMessage', () => {
  it('rewrites the header: URL, session, MsgID, device, credentials, user', () => {
    const msg = recorded('sync4j_pocketpc_contacts', 'syncml_client_10.xml');
    const cred = credential('basic', 'alice@example.com', 'pw', new Uint8Array(0), '1.1');
    const out = rewriteMessage(msg, context({ cred, locName: 'alice@example.com', replyMsgID: undefined }));
    expect(out.message.header).toMatchObject({
      version: '1.1',
      verProto: 'SyncML/1.1',
      sessionID: '26429128-x',
      msgID: '7',
      target: { locURI: URL },
      source: { locURI: 'replayed-device', locName: 'alice@example.com' },
      meta: { maxMsgSize: 16384 },
    });
    expect(out.message.header.cred?.data.text()).toBe('YWxpY2VAZXhhbXBsZS5jb206cHc=');
    expect(out.message.header.respURI).toBeUndefined();
    expect(out.message.final).toBe(true);
  });

  it('points Statuses at the matching command of our server and its ids, and translates the Map', () => {
    const rec = new ServerCommandLedger();
    for (const f of ['syncml_server_10.xml', 'syncml_server_11.xml', 'syncml_server_12.xml']) {
      rec.record(recorded('sync4j_pocketpc_contacts', f));
    }
    const ours = new ServerCommandLedger();
    oursFor(ours);
    const msg = recorded('sync4j_pocketpc_contacts', 'syncml_client_13.xml');
    const before = JSON.stringify(msg);
    const out = rewriteMessage(msg, context({ recorded: rec, ours }));
    const [hdr, sync, add, map] = out.message.commands as [
      Status,
      Status,
      Status,
      Extract<Command, { kind: 'Map' }>,
    ];
    expect(hdr).toMatchObject({
      cmdID: '1',
      msgRef: '6',
      cmdRef: '0',
      cmd: 'SyncHdr',
      targetRefs: [URL],
      sourceRefs: ['replayed-device'],
      code: 200,
    });
    // Horde's Sync (message 3, command 4) is our first Sync (message 2, command 4).
    expect(sync).toMatchObject({ cmdID: '2', msgRef: '2', cmdRef: '4', cmd: 'Sync', code: 200 });
    // Horde's Add (3/5) is ours (2/5); the item's id is ours too.
    expect(add).toMatchObject({ cmdID: '3', msgRef: '2', cmdRef: '5', cmd: 'Add', code: 201 });
    expect(add.items[0]!.source?.locURI).toBe('ourguid1');
    expect(map).toMatchObject({
      cmdID: '4',
      target: { locURI: 'contacts' },
      mapItems: [{ target: 'ourguid1', source: '50344628' }],
    });
    expect(out.answers.map((a) => `${a.msgID}/${a.cmdID}`)).toEqual(['2/4', '2/5']);
    expect(out.notes).toEqual([]);
    expect(out.sent.map((s) => [s.cmdID, s.recordedCmdID, s.kind, s.expectsStatus])).toEqual([
      ['1', '1', 'Status', false],
      ['2', '2', 'Status', false],
      ['3', '3', 'Status', false],
      ['4', '4', 'Map', true],
    ]);
    expect(JSON.stringify(msg)).toBe(before);
  });

  it('leaves out what answers nothing of ours, and says why', () => {
    const rec = new ServerCommandLedger();
    for (const f of ['syncml_server_10.xml', 'syncml_server_11.xml', 'syncml_server_12.xml']) {
      rec.record(recorded('sync4j_pocketpc_contacts', f));
    }
    const out = rewriteMessage(
      recorded('sync4j_pocketpc_contacts', 'syncml_client_13.xml'),
      context({ recorded: rec }),
    );
    expect(out.message.commands.map((c) => c.kind)).toEqual(['Status']);
    expect(out.notes.map((n) => n.code)).toEqual(['STATUS_DROPPED', 'STATUS_DROPPED', 'MAP_ITEM_DROPPED']);
    expect(out.notes[0]!.message).toBe(
      "Status Sync 200 dropped: it answers the recorded server's Sync contact, and our server sent no 1st Sync",
    );
    const unknown = rewriteMessage(recorded('sync4j_pocketpc_contacts', 'syncml_client_13.xml'), context());
    expect(unknown.notes[0]!.message).toBe(
      'Status Sync 200 dropped: it answers command 4 of message 3, which the recorded server did not send',
    );
  });

  it('renames databases in Alerts, Syncs and Maps, and renumbers commands from 1', () => {
    const databases = new DatabaseMap([['calendar', 'Events']]);
    const init = rewriteMessage(
      recorded('P900_tasksandcalendar', 'syncml_client_10.xml'),
      context({ databases }),
    );
    const alert = init.message.commands[2] as Extract<Command, { kind: 'Alert' }>;
    expect(alert.items[0]!.target?.locURI).toBe('Events');
    expect(alert.items[0]!.source?.locURI).toBe('c:\\Documents\\agenda\\agenda');
    const sync = rewriteMessage(
      recorded('P900_tasksandcalendar', 'syncml_client_11.xml'),
      context({ databases }),
    );
    const s = sync.message.commands.find((c) => c.kind === 'Sync') as Extract<Command, { kind: 'Sync' }>;
    expect(s.target?.locURI).toBe('Events');
    // The SyncHdr Status is 1; the Statuses for Horde's Results and Alert answer nothing of ours.
    expect(sync.message.commands[0]).toMatchObject({ kind: 'Status', cmd: 'SyncHdr', cmdID: '1' });
    expect([s.cmdID, ...s.commands.map((c) => c.cmdID)]).toEqual(['2', '3', '4', '5']);
  });

  it('puts carried Statuses right after the SyncHdr Status', () => {
    const rec = new ServerCommandLedger();
    rec.record(recorded('sync4j_pocketpc_contacts', 'syncml_server_12.xml'));
    const ours = new ServerCommandLedger();
    oursFor(ours);
    const carried = recorded('sync4j_pocketpc_contacts', 'syncml_client_13.xml').commands.slice(
      1,
      2,
    ) as Status[];
    const msg: SyncMLMessage = recorded('sync4j_pocketpc_contacts', 'syncml_client_12.xml');
    const out = rewriteMessage(msg, context({ recorded: rec, ours }), carried);
    expect(out.message.commands.map((c) => (c.kind === 'Status' ? `Status ${c.cmd}` : c.kind))).toEqual([
      'Status SyncHdr',
      'Status Sync',
      'Alert',
    ]);
    expect(out.message.commands.map((c) => c.cmdID)).toEqual(['1', '2', '3']);
  });

  it('replaces the credentials of an Alert that carries them', () => {
    const msg = recorded('synthesis_tasks', 'syncml_client_20.xml');
    const withAlertCred: SyncMLMessage = {
      ...msg,
      header: { ...msg.header, cred: undefined },
      commands: msg.commands.map((c) =>
        c.kind === 'Alert' ? { ...c, cred: credential('basic', 'x', 'y', new Uint8Array(0), '1.1') } : c,
      ),
    };
    const cred = credential('basic', 'alice@example.com', 'pw', new Uint8Array(0), '1.1');
    const out = rewriteMessage(withAlertCred, context({ cred }));
    const alert = out.message.commands.find((c) => c.kind === 'Alert') as Extract<Command, { kind: 'Alert' }>;
    expect(alert.cred).toBe(cred);
  });
});

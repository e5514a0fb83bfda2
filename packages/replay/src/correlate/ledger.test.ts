import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage, type SyncMLMessage } from '@syncds/syncml';
import { describe, expect, it } from 'vitest';
import { GuidTable } from './guid-table.js';
import { ServerCommandLedger } from './ledger.js';

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');
const recorded = (session: string, file: string) =>
  parseMessage(new Uint8Array(readFileSync(join(SESSIONS, session, file)))).message;

/** A server message with a Sync of Adds (client database `db`) and an Alert, as our server would send. */
function serverMessage(msgID: string, db: string, guids: string[], alertCode = 200): SyncMLMessage {
  const base = recorded('sync4j_pocketpc_contacts', 'syncml_server_10.xml');
  return {
    header: { ...base.header, msgID },
    final: true,
    commands: [
      { kind: 'Alert', cmdID: '1', code: alertCode, items: [] },
      {
        kind: 'Sync',
        cmdID: '2',
        target: { locURI: db },
        commands: guids.map((g, i) => ({
          kind: 'Add' as const,
          cmdID: String(i + 3),
          items: [{ source: { locURI: g } }],
        })),
      },
    ],
  };
}

describe('ServerCommandLedger', () => {
  it('numbers the commands of each kind in the order sent, nested ones included', () => {
    const ledger = new ServerCommandLedger();
    const first = ledger.record(recorded('P900_tasksandcalendar', 'syncml_server_10.xml'));
    // Statuses expect nothing; Results and the sync Alert do.
    expect(first.map((c) => [c.key, c.ordinal, c.msgID, c.cmdID])).toEqual([
      ['Results', 0, '1', '4'],
      ['Alert:sync', 0, '1', '6'],
    ]);
    ledger.record(recorded('P900_tasksandcalendar', 'syncml_server_11.xml'));
    expect(ledger.nth('Add', 2)).toMatchObject({
      msgID: '2',
      cmdID: '6',
      label: 'Add 20070102183704.6l75i6x9a2gw@voltaire.local',
    });
    expect(ledger.nth('Add', 3)).toBeUndefined();
    expect(ledger.get('2', '3')).toMatchObject({ kind: 'Sync', ordinal: 0 });
    expect(ledger.get('2', '99')).toBeUndefined();
    expect(ledger.all()).toHaveLength(6);
  });

  it('keeps the ids of added items per client database, in order', () => {
    const ledger = new ServerCommandLedger();
    ledger.record(serverMessage('1', './Contacts', ['g1', 'g2']));
    ledger.record(serverMessage('2', 'contacts', ['g3']));
    ledger.record(serverMessage('3', 'cal', ['c1']));
    expect(ledger.positionOfAdd('g3')).toEqual({ db: 'contacts', index: 2 });
    expect(ledger.positionOfAdd('c1')).toEqual({ db: 'cal', index: 0 });
    expect(ledger.addAt('CONTACTS', 1)).toBeUndefined();
    expect(ledger.addAt('contacts', 1)).toBe('g2');
    expect(ledger.positionOfAdd('nope')).toBeUndefined();
  });

  it('counts sync Alerts apart from Alert 222', () => {
    const ledger = new ServerCommandLedger();
    ledger.record(serverMessage('1', 'x', [], 222));
    ledger.record(serverMessage('2', 'x', [], 201));
    expect(ledger.nth('Alert:sync', 0)).toMatchObject({ msgID: '2' });
    expect(ledger.nth('Alert:222', 0)).toMatchObject({ msgID: '1' });
  });

  it('finds the only command of a kind in a message', () => {
    const ledger = new ServerCommandLedger();
    ledger.record(recorded('synthesis_tasks', 'syncml_server_11.xml'));
    expect(ledger.onlyOfKind('2', 'Sync')).toMatchObject({ cmdID: '4' });
    expect(ledger.onlyOfKind('2', 'Get')).toBeUndefined();
    ledger.record(serverMessage('3', 'x', ['a', 'b']));
    expect(ledger.onlyOfKind('3', 'Add')).toBeUndefined();
  });
});

describe('GuidTable', () => {
  it('translates the n-th recorded Add of a database to our n-th, and remembers it', () => {
    const recordedLedger = new ServerCommandLedger();
    recordedLedger.record(serverMessage('3', 'contact', ['horde-1', 'horde-2']));
    const ours = new ServerCommandLedger();
    ours.record(serverMessage('2', 'contact', ['ours-1']));
    const table = new GuidTable();
    expect(table.translate('horde-1', recordedLedger, ours)).toBe('ours-1');
    expect(table.translate('horde-2', recordedLedger, ours)).toBeUndefined();
    expect(table.translate('unknown', recordedLedger, ours)).toBeUndefined();
    expect(table.isRecorded('horde-2', recordedLedger)).toBe(true);
    expect(table.isRecorded('ours-1', recordedLedger)).toBe(false);
    // Known from now on, even with ledgers of another run.
    const empty = new ServerCommandLedger();
    expect(table.translate('horde-1', empty, empty)).toBe('ours-1');
    expect(table.isRecorded('horde-1', empty)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, parseMessage } from '@syncds/syncml';
import { describe, expect, it } from 'vitest';
import {
  commandKey,
  describeCommand,
  expectsStatus,
  isContinuationRequest,
  isSuccessStatus,
  walkCommands,
} from './commands.js';

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');
const recorded = (session: string, file: string) =>
  parseMessage(new Uint8Array(readFileSync(join(SESSIONS, session, file)))).message;

describe('walkCommands', () => {
  it('visits nested commands after their container, with the enclosing Sync', () => {
    const msg = recorded('sync4j_pocketpc_contacts', 'syncml_client_21.xml');
    const seen: string[] = [];
    walkCommands(msg.commands, (cmd, sync) =>
      seen.push(`${cmd.kind}${sync === undefined ? '' : `<${sync.cmdID}`}`),
    );
    expect(seen).toEqual(['Status', 'Status', 'Sync', 'Add<3', 'Replace<3']);
  });

  it('walks Atomic and Sequence inside Sync, iteratively', () => {
    let inner: Command = { kind: 'Add', cmdID: 'leaf', items: [] };
    for (let i = 0; i < 10_000; i++) inner = { kind: 'Sequence', cmdID: String(i), commands: [inner] };
    const sync: Command = { kind: 'Sync', cmdID: 's', commands: [inner as never] };
    let leafSync: string | undefined;
    let count = 0;
    walkCommands([sync], (cmd, enclosing) => {
      count++;
      if (cmd.cmdID === 'leaf') leafSync = enclosing?.cmdID;
    });
    expect(count).toBe(10_002);
    expect(leafSync).toBe('s');
  });
});

describe('commandKey', () => {
  it('tells sync Alerts from control Alerts', () => {
    expect(commandKey({ kind: 'Alert', cmdID: '1', code: 201, items: [] })).toBe('Alert:sync');
    expect(commandKey({ kind: 'Alert', cmdID: '1', code: 210, items: [] })).toBe('Alert:sync');
    expect(commandKey({ kind: 'Alert', cmdID: '1', code: 222, items: [] })).toBe('Alert:222');
    expect(commandKey({ kind: 'Alert', cmdID: '1', items: [] })).toBe('Alert:0');
    expect(commandKey({ kind: 'Add', cmdID: '1', items: [] })).toBe('Add');
  });
});

describe('expectsStatus', () => {
  it('is false for Status and NoResp commands only', () => {
    expect(expectsStatus({ kind: 'Get', cmdID: '1', items: [] })).toBe(true);
    expect(expectsStatus({ kind: 'Get', cmdID: '1', items: [], noResp: true })).toBe(false);
    const status = recorded('synthesis_tasks', 'syncml_client_11.xml').commands[0]!;
    expect(expectsStatus(status)).toBe(false);
  });
});

describe('isContinuationRequest', () => {
  it('is true for Statuses plus Alert 222 only', () => {
    expect(isContinuationRequest(recorded('sync4j_pocketpc_contacts', 'syncml_client_12.xml'))).toBe(true);
    expect(isContinuationRequest(recorded('sync4j_pocketpc_contacts', 'syncml_client_13.xml'))).toBe(false);
    expect(isContinuationRequest(recorded('sync4j_pocketpc_contacts', 'syncml_client_10.xml'))).toBe(false);
    const onlyStatus = recorded('P900_tasksandcalendar', 'syncml_client_22.xml');
    expect(isContinuationRequest(onlyStatus)).toBe(false);
  });
});

describe('describeCommand', () => {
  it('names kind, code, database and item ids', () => {
    const init = recorded('P900_tasksandcalendar', 'syncml_client_10.xml');
    expect(init.commands.map(describeCommand)).toEqual([
      'Put ./devinf10',
      'Get ./devinf10',
      'Alert 200 calendar',
    ]);
    const sync = recorded('sync4j_pocketpc_contacts', 'syncml_client_41.xml');
    expect(sync.commands.map(describeCommand)).toEqual([
      'Status SyncHdr 200',
      'Status Alert 200',
      'Sync contacts',
    ]);
    const del = (sync.commands[2] as Extract<Command, { kind: 'Sync' }>).commands[0]!;
    expect(describeCommand(del)).toBe('Delete 83899317 151008046');
    const map = recorded('P900_tasksandcalendar', 'syncml_client_12.xml').commands[5]!;
    expect(describeCommand(map)).toBe('Map calendar (1 item)');
    const many = {
      kind: 'Add' as const,
      cmdID: '1',
      items: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ source: { locURI: id } })),
    };
    expect(describeCommand(many)).toBe('Add a b c (+2)');
  });
});

it('isSuccessStatus is 2xx', () => {
  expect([101, 199, 200, 212, 213, 299, 300, 404, 508].map(isSuccessStatus)).toEqual([
    false,
    false,
    true,
    true,
    true,
    true,
    false,
    false,
    false,
  ]);
});

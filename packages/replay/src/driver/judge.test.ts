import { describe, expect, it } from 'vitest';
import { judgeStatus } from './judge.js';
import type { StatusLine } from './report.js';

const line = (cmd: string, command: string, code: number, recordedCode?: number): StatusLine => ({
  msgRef: '2',
  cmdRef: '3',
  cmd,
  command,
  code,
  recordedCode,
});

describe('judgeStatus', () => {
  it('accepts success, noting a code other than the recorded one', () => {
    expect(judgeStatus(line('Add', 'Add 1', 201, 201), 'Add')).toBeUndefined();
    expect(judgeStatus(line('Add', 'Add 1', 201), 'Add')).toBeUndefined();
    expect(judgeStatus(line('Replace', 'Replace 1', 200, 201), 'Replace')).toEqual({
      code: 'STATUS_DIFFERS',
      severity: 'note',
      message: 'Replace 1: 200 (recorded server: 201)',
      command: 'Replace 1',
      status: 200,
      recordedStatus: 201,
    });
  });

  it('takes 508 on a sync Alert as a slow sync when the recording had one too, else as an error', () => {
    expect(judgeStatus(line('Alert', 'Alert 200 x', 508, 508), 'Alert')).toMatchObject({
      code: 'SLOW_SYNC',
      severity: 'note',
    });
    expect(judgeStatus(line('Alert', 'Alert 200 x', 508), 'Alert')).toMatchObject({
      code: 'SLOW_SYNC',
      severity: 'note',
    });
    expect(judgeStatus(line('Alert', 'Alert 200 x', 508, 200), 'Alert')).toMatchObject({
      code: 'SLOW_SYNC_FORCED',
      severity: 'error',
      message: 'Alert 200 x: 508, our server forced a slow sync (recorded server: 200)',
    });
  });

  it('names unknown databases, refused items and other failures', () => {
    expect(judgeStatus(line('Alert', 'Alert 200 scard', 404, 200), 'Alert')).toMatchObject({
      code: 'UNKNOWN_DATABASE',
      severity: 'error',
      status: 404,
    });
    expect(judgeStatus(line('Replace', 'Replace 83899317', 400, 201), 'Replace')).toEqual({
      code: 'ITEM_REFUSED',
      severity: 'error',
      message: 'Replace 83899317: 400, the server refused the item (recorded server: 201)',
      command: 'Replace 83899317',
      status: 400,
      recordedStatus: 201,
    });
    expect(judgeStatus(line('Map', 'Map x (1 item)', 500), 'Map')).toMatchObject({
      code: 'COMMAND_FAILED',
      status: 500,
    });
    expect(judgeStatus(line('SyncHdr', 'SyncHdr', 403), undefined)).toMatchObject({
      code: 'AUTH_FAILED',
      status: 403,
    });
    // The kind of the command sent decides, whatever Cmd the server wrote.
    expect(judgeStatus(line('Sync', 'Delete 1', 404), 'Delete')).toMatchObject({ code: 'ITEM_REFUSED' });
  });
});

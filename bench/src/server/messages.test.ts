import { parseMessage, serializeMessage, type SyncMLMessage } from '@syncds/syncml';
import { describe, expect, it } from 'vitest';
import { contactCard, formattedName, initMessage, mapMessage, syncMessage } from './messages.js';

const ctx = {
  url: 'http://127.0.0.1:1/syncml/',
  deviceId: 'dev-1',
  login: 'a@bench.example',
  password: 'pw',
  sessionId: '4',
};

/** Through WBXML and back, as the server reads it. */
function roundTrip(message: SyncMLMessage): SyncMLMessage {
  return parseMessage(serializeMessage(message, { encoding: 'wbxml' })).message;
}

describe('bench messages', () => {
  it('init: basic credentials, DevInf on the first sync, the Alert with anchors', () => {
    const first = roundTrip(initMessage(ctx, { code: 201, last: undefined, next: '1' }, true));
    expect(first.header).toMatchObject({
      version: '1.2',
      sessionID: '4',
      msgID: '1',
      source: { locURI: 'dev-1' },
    });
    expect(first.header.cred?.data.text()).toBe(Buffer.from('a@bench.example:pw').toString('base64'));
    expect(first.commands.map((c) => c.kind)).toEqual(['Put', 'Alert']);
    const put = first.commands[0]!;
    expect(put.kind === 'Put' && put.items[0]?.data?.kind).toBe('devinf');
    const later = roundTrip(initMessage(ctx, { code: 200, last: '1', next: '2' }, false));
    expect(later.commands).toHaveLength(1);
    const alert = later.commands[0]!;
    expect(alert.kind === 'Alert' && alert.items[0]?.meta?.anchor).toEqual({ last: '1', next: '2' });
    expect(later.final).toBe(true);
  });

  it('sync: Statuses for the server init package and one Add', () => {
    const card = contactCard('dev-1', 7);
    const msg = roundTrip(
      syncMessage(ctx, { msgID: '1', alertCmdID: '3' }, { luid: 'L9', vcard: card.vcard }),
    );
    expect(msg.commands.map((c) => c.kind)).toEqual(['Status', 'Status', 'Sync']);
    expect(msg.commands[1]).toMatchObject({ msgRef: '1', cmdRef: '3', cmd: 'Alert', code: 200 });
    const sync = msg.commands[2]!;
    if (sync.kind !== 'Sync') throw new Error('no Sync');
    expect(sync.numberOfChanges).toBe(1);
    const add = sync.commands[0]!;
    if (add.kind !== 'Add') throw new Error('no Add');
    expect(add.items[0]!.source?.locURI).toBe('L9');
    const data = add.items[0]!.data;
    expect(data?.kind === 'payload' && formattedName(data.text())).toBe('dev-1 item 7');
  });

  it('map: a Status per server Add and one Map item each', () => {
    const msg = roundTrip(
      mapMessage(ctx, { msgID: '2', syncCmdID: '5' }, [
        { cmdID: '6', guid: 'g1', luid: 'L2' },
        { cmdID: '7', guid: 'g2', luid: 'L3' },
      ]),
    );
    expect(
      msg.commands.map((c) => (c.kind === 'Status' ? `${c.cmd} ${c.cmdRef} ${c.code}` : c.kind)),
    ).toEqual(['SyncHdr 0 200', 'Sync 5 200', 'Add 6 201', 'Add 7 201', 'Map']);
    const map = msg.commands[4]!;
    expect(map.kind === 'Map' && map.mapItems).toEqual([
      { target: 'g1', source: 'L2' },
      { target: 'g2', source: 'L3' },
    ]);
    expect(roundTrip(mapMessage(ctx, { msgID: '2', syncCmdID: '5' }, [])).commands).toHaveLength(2);
  });

  it('reads the FN of a vCard', () => {
    expect(formattedName('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8:Ann Example\r\nEND:VCARD\r\n')).toBe(
      'Ann Example',
    );
    expect(formattedName('BEGIN:VCARD\r\nN:x\r\nEND:VCARD')).toBeUndefined();
  });
});

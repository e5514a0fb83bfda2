import { type Command, type DevInf, Payload, type SyncHeader, type SyncMLMessage } from '@syncds/syncml';
import { basicCredentialData } from '@syncds/replay';

/** What a simulated device says about itself and its Contacts datastore. */
export interface DeviceMessageContext {
  readonly url: string;
  readonly deviceId: string;
  readonly login: string;
  readonly password: string;
  readonly sessionId: string;
}

/** The server database and the device's own database URI. */
export const SERVER_DATABASE = 'Contacts';
export const DEVICE_DATABASE = './contacts';
/** The device takes messages up to this size (SyncHdr Meta MaxMsgSize). */
export const DEVICE_MAX_MSG_SIZE = 65_536;
const VCARD = 'text/x-vcard';

export function header(ctx: DeviceMessageContext, msgID: number, withCred: boolean): SyncHeader {
  return {
    version: '1.2',
    verProto: 'SyncML/1.2',
    sessionID: ctx.sessionId,
    msgID: String(msgID),
    target: { locURI: ctx.url },
    source: { locURI: ctx.deviceId },
    cred: withCred
      ? {
          meta: { type: 'syncml:auth-basic', format: 'b64' },
          data: Payload.fromText(basicCredentialData(ctx.login, ctx.password)),
        }
      : undefined,
    meta: { maxMsgSize: DEVICE_MAX_MSG_SIZE },
  };
}

/** The DevInf a device Puts in its first session: one Contacts datastore taking vCard 2.1. */
export function deviceDevInf(deviceId: string): DevInf {
  const vcard = { ctType: VCARD, verCT: '2.1' };
  return {
    verDTD: '1.2',
    man: 'syncds',
    mod: 'bench device',
    devID: deviceId,
    devTyp: 'phone',
    supportLargeObjs: true,
    supportNumberOfChanges: true,
    dataStores: [
      {
        sourceRef: DEVICE_DATABASE,
        rxPref: vcard,
        rx: [],
        txPref: vcard,
        tx: [],
        ctCaps: [],
        syncTypes: [1, 2],
        filterRx: [],
        filterCaps: [],
      },
    ],
    ctCaps: [],
    exts: [],
  };
}

/** Package 1: credentials, the sync Alert with anchors (and the DevInf on the first sync). */
export function initMessage(
  ctx: DeviceMessageContext,
  alert: { code: 200 | 201; last: string | undefined; next: string },
  withDevInf: boolean,
): SyncMLMessage {
  const commands: Command[] = [];
  if (withDevInf) {
    commands.push({
      kind: 'Put',
      cmdID: '1',
      meta: { type: 'application/vnd.syncml-devinf+wbxml' },
      items: [
        { source: { locURI: './devinf12' }, data: { kind: 'devinf', devinf: deviceDevInf(ctx.deviceId) } },
      ],
    });
  }
  commands.push({
    kind: 'Alert',
    cmdID: String(commands.length + 1),
    code: alert.code,
    items: [
      {
        target: { locURI: SERVER_DATABASE },
        source: { locURI: DEVICE_DATABASE },
        meta: { anchor: { last: alert.last, next: alert.next } },
      },
    ],
  });
  return { header: header(ctx, 1, true), commands, final: true };
}

/** The Status a client gives one command of the server's message `msgRef`. */
export function status(
  cmdID: number,
  msgRef: string,
  cmdRef: string,
  cmd: string,
  code: number,
  refs: { target?: string; source?: string } = {},
): Command {
  return {
    kind: 'Status',
    cmdID: String(cmdID),
    msgRef,
    cmdRef,
    cmd,
    targetRefs: refs.target === undefined ? [] : [refs.target],
    sourceRefs: refs.source === undefined ? [] : [refs.source],
    code,
    items: [],
  };
}

/** Package 3: Statuses for the server's init package, then a Sync with the one changed item (an Add). */
export function syncMessage(
  ctx: DeviceMessageContext,
  reply: { msgID: string; alertCmdID: string },
  item: { luid: string; vcard: string },
): SyncMLMessage {
  return {
    header: header(ctx, 2, false),
    commands: [
      status(1, reply.msgID, '0', 'SyncHdr', 200, { target: ctx.url, source: ctx.deviceId }),
      status(2, reply.msgID, reply.alertCmdID, 'Alert', 200, {
        target: DEVICE_DATABASE,
        source: SERVER_DATABASE,
      }),
      {
        kind: 'Sync',
        cmdID: '3',
        target: { locURI: SERVER_DATABASE },
        source: { locURI: DEVICE_DATABASE },
        numberOfChanges: 1,
        commands: [
          {
            kind: 'Add',
            cmdID: '4',
            meta: { type: VCARD },
            items: [{ source: { locURI: item.luid }, data: Payload.fromText(item.vcard) }],
          },
        ],
      },
    ],
    final: true,
  };
}

/** Package 5: Statuses for the server's Sync and its Adds, and the Map of the ids the device gave them. */
export function mapMessage(
  ctx: DeviceMessageContext,
  reply: { msgID: string; syncCmdID: string | undefined },
  adds: readonly { cmdID: string; guid: string; luid: string }[],
): SyncMLMessage {
  let cmdID = 1;
  const commands: Command[] = [
    status(cmdID++, reply.msgID, '0', 'SyncHdr', 200, { target: ctx.url, source: ctx.deviceId }),
  ];
  if (reply.syncCmdID !== undefined) {
    commands.push(
      status(cmdID++, reply.msgID, reply.syncCmdID, 'Sync', 200, {
        target: DEVICE_DATABASE,
        source: SERVER_DATABASE,
      }),
    );
  }
  for (const add of adds)
    commands.push(status(cmdID++, reply.msgID, add.cmdID, 'Add', 201, { source: add.guid }));
  if (adds.length > 0) {
    commands.push({
      kind: 'Map',
      cmdID: String(cmdID++),
      target: { locURI: SERVER_DATABASE },
      source: { locURI: DEVICE_DATABASE },
      mapItems: adds.map((a) => ({ target: a.guid, source: a.luid })),
    });
  }
  return { header: header(ctx, 3, false), commands, final: true };
}

/** The device's new contact for one session: its FN names device and item, so it can be found again. */
export function contactCard(deviceId: string, itemNo: number): { marker: string; vcard: string } {
  const marker = `${deviceId} item ${itemNo}`;
  const vcard = [
    'BEGIN:VCARD',
    'VERSION:2.1',
    `N:${deviceId};Item ${itemNo};;;`,
    `FN:${marker}`,
    `TEL;CELL:+1555${String(itemNo).padStart(7, '0')}`,
    `EMAIL;INTERNET:item${itemNo}@${deviceId}.bench.example`,
    'ORG:syncds load bench',
    `NOTE:written by ${deviceId} in its session ${itemNo}`,
    'END:VCARD',
    '',
  ].join('\r\n');
  return { marker, vcard };
}

/** The FN of a vCard, or undefined. */
export function formattedName(vcard: string): string | undefined {
  const m = /(?:^|\n)FN(?:;[^:\r\n]*)?:([^\r\n]*)/.exec(vcard);
  return m?.[1];
}

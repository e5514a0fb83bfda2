import type { Command, SyncMLVersion } from '@syncds/syncml';
import type { DeviceDatastoreCaps } from '../items/item-adapter.js';
import type { SyncTypeValue } from '../protocol/alert-codes.js';
import type { UrlParams } from '../protocol/url-params.js';

/**
 * Everything the engine remembers between two messages of one SyncML session.
 * Plain data (serialisable with msgpackr, Payloads as bytes) so that a shared
 * session store can hold it and any node can take the next message.
 */
export interface SessionState {
  v: 1;
  /** Our session id, carried in the RespURI. */
  sid: string;
  /** SyncHdr Source LocURI of the client. */
  deviceId: string;
  /** The client's SessionID. */
  clientSessionId: string;
  version: SyncMLVersion;
  encoding: 'xml' | 'wbxml';
  createdAt: number;
  updatedAt: number;
  /** Where the client should send its next message. */
  respURI: string;
  /** The client's SyncHdr Target LocURI: our Source in replies. */
  serverURI: string;
  /** The LocName the client gave in its Source (echoed in our Target). */
  clientLocName: string | undefined;
  /** Authenticated account login, once authenticated. */
  login: string | undefined;
  authType: 'basic' | 'md5' | undefined;
  /** Failed authentication attempts in this session. */
  authFailures: number;
  urlParams: UrlParams;
  clientMaxMsgSize: number;
  clientMaxObjSize: number | undefined;
  /** MsgID of the last client message processed, and our reply to it (for retransmissions). */
  lastClientMsgId: string | undefined;
  lastReply: Uint8Array | undefined;
  /** Our last MsgID. */
  serverMsgId: number;
  /** Commands waiting for room in a later message (MaxMsgSize). */
  outbox: Command[];
  /** Commands we sent that wait for the client's Status, keyed `msgID:cmdID`. */
  awaiting: Record<string, AwaitedCommand>;
  /** Datastores of this session, in the order the client alerted them. */
  datastores: DatastoreState[];
  /** The device's DevInf was received (Put or Results) in this or an earlier session. */
  haveDevInf: boolean;
  /** What the device's DevInf says of large objects (SupportLargeObjs); undefined while unknown. */
  deviceLargeObjects: boolean | undefined;
  /** We sent a Get for the device's DevInf and wait for its Results. */
  devInfRequested: boolean;
  /** Where the session stands: init package, client sync package, map package, done. */
  stage: 'init' | 'sync' | 'map' | 'done';
  /** Our last reply left server commands for later messages (our package is still open). */
  serverPackageOpen: boolean;
  /** What we advertise in our SyncHdr Meta. */
  serverMaxMsgSize: number;
  serverMaxObjSize: number;
}

export interface AwaitedCommand {
  kind: Command['kind'];
  /** Index into `datastores` for item commands, Sync and Alert. */
  ds: number | undefined;
  /** Item commands: GUIDs of the items sent, in item order. */
  guids: string[] | undefined;
  /** Large object: the GUID whose chunk this is, and whether more chunks follow. */
  chunkOf: string | undefined;
}

/** Where a datastore's sync stands. */
export type DatastorePhase =
  /** Alert answered; waiting for the client's Sync package. */
  | 'awaiting-client-sync'
  /** Client Sync package in progress (non-final messages). */
  | 'receiving'
  /** Client package complete and committed; server changes are being sent. */
  | 'sending'
  /** Server changes sent (Final went out); waiting for statuses and Map. */
  | 'mapping'
  /** State committed. */
  | 'done'
  /** Failed (e.g. unknown database): nothing more happens. */
  | 'failed';

export interface DatastoreState {
  /** Client's database URI (Alert Source). */
  clientURI: string;
  /** Server database URI as the client named it (Alert Target). */
  serverURI: string;
  folderId: number;
  folderKind: string;
  /** Sync type actually run (1-9) and the alert we answered. */
  type: SyncTypeValue;
  alert: number;
  clientLast: string | undefined;
  clientNext: string;
  serverLast: string | undefined;
  serverNext: string;
  phase: DatastorePhase;
  /** The folder sequence the device had received up to before this session. */
  syncedBefore: number | null;
  /** Snapshot of the folder sequence taken when server changes were computed. */
  snapshot: number | undefined;
  /** The content type (and version) the server sends items to this device in. */
  sendType: string | undefined;
  sendVersion: string | undefined;
  /** Content type the client used for items it sent (Meta Type). */
  clientType: string | undefined;
  /** Item encoding the client used (Meta Format: `b64`, `des;b64`); replies use the same. */
  clientFormat: string | undefined;
  /**
   * What the device's DevInf says of this datastore, kept so that later messages choose formats
   * without reading the DevInf again; null without DevInf or when it does not list the datastore.
   */
  deviceCaps: DeviceDatastoreCaps | null;
  /** Canonical field names the device can hold (from CTCap); undefined when unknown. */
  deviceFields: string[] | undefined;
  /** Slow syncs: server items already paired with a client item in this session. */
  slowTaken: string[];
  /** Client operations of the current package, committed at its end. */
  pending: PendingClientOp[];
  /** A large object being received. */
  incoming: IncomingChunks | undefined;
  /** Server changes still to send: [op, guid] pairs, 'A'dd 'R'eplace 'D'elete. */
  toSend: ServerChange[];
  /** A large object being sent. */
  outgoing: OutgoingChunks | undefined;
  /** Map entries received from the client, committed at the end. */
  maps: [luid: string, guid: string][];
  /** The server's Sync for this datastore went out at least once in this session. */
  sentSync: boolean;
  /** A sent change was refused by the client: resend next time (do not advance syncedSequence). */
  clientRefused: boolean;
  /** Counters for the log and the session summary. */
  stats: DatastoreStats;
}

export interface PendingClientOp {
  op: 'add' | 'replace' | 'delete';
  /** The client's id for the item. */
  luid: string;
  /** The server id when the client named it (Target LocURI). */
  guid: string | undefined;
  contentType: string | undefined;
  data: Uint8Array | undefined;
  /** CmdID / MsgID of the client command (for the log). */
  cmdRef: string;
}

export interface IncomingChunks {
  op: 'add' | 'replace';
  luid: string;
  guid: string | undefined;
  contentType: string | undefined;
  declaredSize: number | undefined;
  chunks: Uint8Array[];
  received: number;
}

export interface ServerChange {
  op: 'add' | 'replace' | 'delete';
  guid: string;
  /** For replace/delete: the client's id. */
  luid: string | undefined;
}

export interface OutgoingChunks {
  change: ServerChange;
  contentType: string;
  data: Uint8Array;
  sent: number;
}

export interface DatastoreStats {
  clientAdded: number;
  clientReplaced: number;
  clientDeleted: number;
  clientRejected: number;
  serverAdded: number;
  serverReplaced: number;
  serverDeleted: number;
  conflicts: number;
  paired: number;
}

export function emptyStats(): DatastoreStats {
  return {
    clientAdded: 0,
    clientReplaced: 0,
    clientDeleted: 0,
    clientRejected: 0,
    serverAdded: 0,
    serverReplaced: 0,
    serverDeleted: 0,
    conflicts: 0,
    paired: 0,
  };
}

import type { Folder } from '@syncds/store';
import type { Alert, Item } from '@syncds/syncml';
import { SyncType, type SyncTypeValue } from '../protocol/alert-codes.js';
import { StatusCode } from '../protocol/status-codes.js';
import type { MessageProcessor } from '../session/processor.js';
import { type DatastoreState, emptyStats } from '../session/state.js';
import { datastoreCaps, normalizeDbUri } from '../devinf/device-caps.js';
import { loadDeviceDevInf } from '../devinf/exchange.js';
import { statusFor } from '../message/status.js';
import { negotiateSyncType } from './negotiate.js';
import { chooseDatastoreFormat, knownClientFormat } from './format-choice.js';

/** Alert codes answered with a plain 200 and nothing else. */
const NEXT_MESSAGE = 222;
const SUSPEND = 224;
const RESUME = 225;

/** A client Alert: a sync request per item (datastore), or a control alert. */
export async function handleAlert(p: MessageProcessor, alert: Alert): Promise<void> {
  const code = alert.code ?? 0;
  if (code === NEXT_MESSAGE) {
    p.answer(alert, StatusCode.Ok);
    return;
  }
  if (code === SUSPEND) {
    // Suspend/resume (1.2) is not kept: the client restarts with a normal sync later.
    p.ctx.logger.info('client suspended the session', { device: p.state.deviceId, session: p.state.sid });
    p.answer(alert, StatusCode.Ok);
    p.state.stage = 'done';
    return;
  }
  const requested = code === RESUME ? 200 : code;
  if (requested < 200 || requested > 210) {
    p.answer(alert, StatusCode.OptionalFeatureNotSupported);
    return;
  }
  if (alert.items.length === 0) {
    p.answer(alert, StatusCode.BadRequest);
    return;
  }
  for (const item of alert.items) await alertDatastore(p, alert, item, requested);
}

async function alertDatastore(
  p: MessageProcessor,
  alert: Alert,
  item: Item,
  requested: number,
): Promise<void> {
  const { state, ctx } = p;
  const serverURI = item.target?.locURI ?? '';
  const clientURI = item.source?.locURI ?? '';
  const refs = { target: [serverURI], source: [clientURI] };
  const anchor = item.meta?.anchor;
  if (serverURI === '' || clientURI === '' || anchor === undefined || !anchor.next) {
    ctx.logger.warn('sync alert without database URIs or anchor', {
      device: state.deviceId,
      target: serverURI,
    });
    p.emit(statusFor(p.msgID, alert, StatusCode.BadRequest, refs));
    return;
  }
  const folder = await resolveDatabase(p, serverURI);
  if (folder === null) {
    ctx.logger.warn('unknown database', { device: state.deviceId, login: state.login, database: serverURI });
    p.emit(statusFor(p.msgID, alert, StatusCode.NotFound, refs));
    return;
  }
  if (state.datastores.some((d) => d.folderId === folder.id)) {
    p.emit(statusFor(p.msgID, alert, StatusCode.AlreadyExists, refs));
    return;
  }
  const stored = await p.store.getDeviceFolderState(folder.id, state.deviceId);
  const anchorsMatch =
    stored !== null &&
    stored.clientAnchor !== null &&
    stored.syncedSequence !== null &&
    anchor.last !== undefined &&
    stored.clientAnchor === anchor.last &&
    // Changes since the last sync must still be known: tombstones not pruned, and the folder
    // not behind the device (a restored backup). The store answers changesSince exactly then.
    stored.syncedSequence >= folder.purgedSequence &&
    stored.syncedSequence <= folder.sequence;
  const urlType: SyncTypeValue | undefined =
    state.urlParams.sync ?? (state.urlParams.reset ? SyncType.ClientReset : undefined);
  const n = negotiateSyncType({ clientAlert: requested, urlType, anchorsMatch });
  if (n === undefined) {
    p.emit(statusFor(p.msgID, alert, StatusCode.OptionalFeatureNotSupported, refs));
    return;
  }
  const serverNext = newServerAnchor(ctx.now(), stored?.serverAnchor ?? undefined);
  const ds: DatastoreState = {
    clientURI,
    serverURI,
    folderId: folder.id,
    folderKind: folder.kind,
    type: n.type,
    alert: n.alert,
    clientLast: anchor.last,
    clientNext: anchor.next,
    serverLast: stored?.serverAnchor ?? undefined,
    serverNext,
    phase: 'awaiting-client-sync',
    syncedBefore: stored?.syncedSequence ?? null,
    snapshot: undefined,
    sendType: undefined,
    sendVersion: undefined,
    clientType: item.meta?.type ?? alert.items[0]?.meta?.type,
    clientFormat: undefined,
    deviceCaps: null,
    deviceFields: undefined,
    slowTaken: [],
    pending: [],
    incoming: undefined,
    toSend: [],
    outgoing: undefined,
    maps: [],
    sentSync: false,
    clientRefused: false,
    stats: emptyStats(),
  };
  if (item.meta?.maxObjSize !== undefined) state.clientMaxObjSize = item.meta.maxObjSize;
  ds.clientFormat = await knownClientFormat(p, ds);
  const devinf = await loadDeviceDevInf(p);
  ds.deviceCaps = (devinf === undefined ? undefined : datastoreCaps(devinf, clientURI)) ?? null;
  await chooseDatastoreFormat(p, ds);
  state.datastores.push(ds);
  // Per-session detail is debug; a sync run other than the one asked for (508: lost anchors,
  // a forced type) is what operators look for (R11, complaint 2), so it stays at info.
  const log = n.status === StatusCode.Ok ? ctx.logger.debug : ctx.logger.info;
  log.call(ctx.logger, 'sync alert', {
    device: state.deviceId,
    session: state.sid,
    login: state.login,
    database: serverURI,
    folder: folder.path,
    requested,
    url: urlType,
    anchorsMatch,
    type: n.type,
    alert: n.alert,
    status: n.status,
    reason: n.reason,
    format: ds.sendType,
  });
  // Status of the Alert echoes the client's Next anchor in its Data.
  p.emit(
    statusFor(p.msgID, alert, n.status, refs, [
      { data: { kind: 'metinf', meta: { anchor: { next: anchor.next } } } },
    ]),
  );
  p.emit({
    kind: 'Alert',
    cmdID: '',
    code: n.alert,
    items: [
      {
        target: { locURI: clientURI },
        source: { locURI: serverURI },
        meta: {
          anchor: { last: ds.serverLast, next: serverNext },
          maxObjSize: state.version === '1.0' ? undefined : state.serverMaxObjSize,
        },
      },
    ],
  });
}

/**
 * Names clients use by default for the standard datastores, beyond R13's own (which
 * the store resolves): Funambol's (`card`, `scard`, `cal`, `scal`, `task`, `stask`,
 * `note`, `snote`, `sifnote`) and common singular forms.
 */
const DATABASE_ALIASES: Readonly<Record<string, string>> = {
  card: 'Contacts',
  scard: 'Contacts',
  contact: 'Contacts',
  addressbook: 'Contacts',
  cal: 'Events',
  scal: 'Events',
  event: 'Events',
  task: 'Tasks',
  stask: 'Tasks',
  todo: 'Tasks',
  note: 'Notes',
  snote: 'Notes',
  sifnote: 'Notes',
  memo: 'Notes',
};

/** The folder a client's database URI names: R13's rules (in the store), then the aliases above. */
export async function resolveDatabase(p: MessageProcessor, uri: string): Promise<Folder | null> {
  const name = stripDbPath(uri);
  const folder = await p.store.resolveFolder(p.state.login!, name);
  if (folder !== null) return folder;
  const alias = DATABASE_ALIASES[name.toLowerCase()];
  return alias === undefined ? null : p.store.resolveFolder(p.state.login!, alias);
}

/** `./Contacts` and `Contacts/` name the folder `Contacts`; a full URL keeps its path part. */
function stripDbPath(uri: string): string {
  let u = uri.trim();
  const scheme = u.indexOf('://');
  if (scheme >= 0) {
    const slash = u.indexOf('/', scheme + 3);
    u = slash >= 0 ? u.slice(slash + 1) : '';
  }
  const q = u.search(/[?#]/);
  if (q >= 0) u = u.slice(0, q);
  return normalizeDbUri(u) === '' ? u : u.replace(/^\.\//, '').replace(/\/+$/, '');
}

/** A new server anchor: a UTC timestamp, made to differ from the previous one. */
function newServerAnchor(now: number, previous: string | undefined): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return stamp === previous ? `${stamp}.1` : stamp;
}

import { type Item, type MapCommand, Payload, type Sync, type SyncCommand } from '@syncds/syncml';
import { statusOfError } from '../errors.js';
import { itemRefs, statusFor } from '../message/status.js';
import { StatusCode } from '../protocol/status-codes.js';
import type { MessageProcessor } from '../session/processor.js';
import type { DatastoreState } from '../session/state.js';
import { normalizeDbUri } from '../devinf/device-caps.js';
import { decodeItemData, parseFormat } from '@syncds/item-crypto';
import { resolveDatabase } from './alerts.js';
import { chooseDatastoreFormat, rememberClientFormat } from './format-choice.js';
import { clientSendsAll, serverAcceptsClientData } from './negotiate.js';
import { loadSlowPairing } from './slow-pairing.js';
import type { StoredItem } from '../items/item-adapter.js';
import { SyncType } from '../protocol/alert-codes.js';

/** The datastore a Sync or Map addresses (Target = server database, Source = client database). */
export function findDatastore(
  p: MessageProcessor,
  serverURI: string | undefined,
  clientURI: string | undefined,
): DatastoreState | undefined {
  const s = serverURI === undefined ? undefined : normalizeDbUri(serverURI);
  const c = clientURI === undefined ? undefined : normalizeDbUri(clientURI);
  return (
    p.state.datastores.find((d) => s !== undefined && normalizeDbUri(d.serverURI) === s) ??
    p.state.datastores.find((d) => c !== undefined && normalizeDbUri(d.clientURI) === c)
  );
}

/** A client Sync: its item commands are checked and converted now, committed at the end of the package. */
export async function handleSync(p: MessageProcessor, sync: Sync): Promise<void> {
  const ds = findDatastore(p, sync.target?.locURI, sync.source?.locURI);
  const refs = { target: [sync.target?.locURI ?? ''], source: [sync.source?.locURI ?? ''] };
  if (ds === undefined || ds.phase === 'failed') {
    p.ctx.logger.warn('Sync for a database that was not alerted', {
      device: p.state.deviceId,
      target: sync.target?.locURI,
    });
    p.emit(statusFor(p.msgID, sync, StatusCode.NotFound, refs));
    for (const c of sync.commands) p.answer(c, StatusCode.NotExecuted);
    return;
  }
  if (ds.phase !== 'awaiting-client-sync' && ds.phase !== 'receiving') {
    p.emit(statusFor(p.msgID, sync, StatusCode.CommandNotAllowed, refs));
    return;
  }
  ds.phase = 'receiving';
  p.emit(statusFor(p.msgID, sync, StatusCode.Ok, refs));
  for (const cmd of sync.commands) await handleSyncCommand(p, ds, cmd);
}

async function handleSyncCommand(p: MessageProcessor, ds: DatastoreState, cmd: SyncCommand): Promise<void> {
  switch (cmd.kind) {
    case 'Add':
    case 'Replace':
    case 'Delete':
      for (const item of cmd.items) await handleItem(p, ds, cmd, item);
      return;
    case 'Sequence':
    case 'Atomic':
      // Items of Atomic/Sequence join the package, which commits as one transaction anyway.
      p.answer(cmd, StatusCode.Ok);
      for (const inner of cmd.commands) await handleSyncCommand(p, ds, inner as SyncCommand);
      return;
    default:
      p.answer(cmd, StatusCode.CommandNotImplemented);
  }
}

async function handleItem(
  p: MessageProcessor,
  ds: DatastoreState,
  cmd: Extract<SyncCommand, { kind: 'Add' | 'Replace' | 'Delete' }>,
  item: Item,
): Promise<void> {
  const refs = itemRefs(item);
  const luid = item.source?.locURI ?? '';
  const guid = item.target?.locURI;
  if (luid === '' && guid === undefined) {
    p.emit(statusFor(p.msgID, cmd, StatusCode.BadRequest, refs));
    return;
  }
  if (!accepts(ds)) {
    // In slow syncs that wipe the client (8, 9) the items only tell us what the client has.
    if (ds.type !== SyncType.SlowToClient && ds.type !== SyncType.ClientReset) {
      p.emit(statusFor(p.msgID, cmd, StatusCode.CommandNotAllowed, refs));
      return;
    }
  }
  if (cmd.kind === 'Delete') {
    ds.pending.push({ op: 'delete', luid, guid, contentType: undefined, data: undefined, cmdRef: cmd.cmdID });
    p.emit(statusFor(p.msgID, cmd, StatusCode.Ok, refs));
    return;
  }
  const op = cmd.kind === 'Add' ? 'add' : 'replace';
  const contentType = item.meta?.type ?? cmd.meta?.type ?? ds.clientType;
  if (ds.clientType === undefined && contentType !== undefined) {
    // The first type the device sends tells what it takes when its DevInf does not.
    ds.clientType = contentType;
    await chooseDatastoreFormat(p, ds);
  }
  const chunk = payloadBytes(item);
  const incoming = ds.incoming;
  if (incoming !== undefined && (incoming.luid !== luid || incoming.op !== op)) {
    // Something other than the continuation arrived: the chunked item is dropped (Alert 223).
    ds.incoming = undefined;
    p.emit({
      kind: 'Alert',
      cmdID: '',
      code: 223,
      items: [{ target: { locURI: incoming.luid }, source: { locURI: incoming.guid ?? incoming.luid } }],
    });
  }
  if (item.moreData) {
    const acc = ds.incoming ?? {
      op,
      luid,
      guid,
      contentType,
      declaredSize: item.meta?.size ?? cmd.meta?.size,
      chunks: [],
      received: 0,
    };
    if (acc.declaredSize === undefined) {
      p.emit(statusFor(p.msgID, cmd, StatusCode.SizeMismatch, refs));
      ds.incoming = undefined;
      return;
    }
    // A copy: the chunk may be a view into the request body, which the session must not keep alive.
    acc.chunks.push(chunk.slice());
    acc.received += chunk.length;
    if (acc.received > acc.declaredSize || acc.declaredSize > p.ctx.config.limits.maxObjectSize) {
      ds.incoming = undefined;
      p.emit(
        statusFor(
          p.msgID,
          cmd,
          acc.declaredSize > p.ctx.config.limits.maxObjectSize
            ? StatusCode.RequestEntityTooLarge
            : StatusCode.SizeMismatch,
          refs,
        ),
      );
      return;
    }
    ds.incoming = acc;
    p.emit(statusFor(p.msgID, cmd, StatusCode.ChunkAccepted, refs));
    return;
  }
  let data = chunk;
  let type = contentType;
  if (ds.incoming !== undefined) {
    const acc = ds.incoming;
    ds.incoming = undefined;
    acc.chunks.push(chunk);
    acc.received += chunk.length;
    if (acc.received !== acc.declaredSize) {
      p.ctx.logger.warn('large object size mismatch', {
        device: p.state.deviceId,
        luid,
        declared: acc.declaredSize,
        received: acc.received,
      });
      p.emit(statusFor(p.msgID, cmd, StatusCode.SizeMismatch, refs));
      return;
    }
    data = Payload.concat(acc.chunks.map((c) => Payload.fromBytes(c))).bytes();
    type = acc.contentType ?? type;
  }
  try {
    const format = item.meta?.format ?? cmd.meta?.format;
    if (format !== undefined && format.trim() !== '') {
      // Funambol's item encodings (b64, des;b64): undone on the whole object, before any parsing.
      data = decodeItemData(data, format, await p.itemCrypto(format));
      if (ds.clientFormat !== format.trim() && hasTransformations(format))
        await rememberClientFormat(p, ds, format.trim());
    }
    const stored = p.ctx.items.fromClient(data, type, ds.folderKind);
    let target = guid;
    let status: number = op === 'add' ? StatusCode.ItemAdded : StatusCode.Ok;
    if (op === 'replace' && guid === undefined && !clientSendsAll(ds.type)) {
      // A Replace of an item the server does not know adds it: say so (201).
      if ((await p.store.getGuidForLuid(ds.folderId, p.state.deviceId, luid)) === null)
        status = StatusCode.ItemAdded;
    }
    if (clientSendsAll(ds.type)) {
      // Slow sync: pair now, so the status tells the truth (200 matched, 201 new).
      target = await pairNow(p, ds, luid, guid, stored);
      status =
        target === undefined && serverAcceptsClientData(ds.type) ? StatusCode.ItemAdded : StatusCode.Ok;
    }
    ds.pending.push({
      op,
      luid,
      guid: target,
      contentType: stored.contentType,
      data: stored.payload,
      cmdRef: cmd.cmdID,
    });
    p.emit(statusFor(p.msgID, cmd, status, refs));
  } catch (err) {
    const status = statusOfError(err);
    ds.stats.clientRejected++;
    p.ctx.logger.warn('item refused', {
      device: p.state.deviceId,
      session: p.state.sid,
      database: ds.serverURI,
      luid,
      type,
      status,
      error: err instanceof Error ? err.message : String(err),
    });
    p.emit(statusFor(p.msgID, cmd, status, refs));
  }
}

async function pairNow(
  p: MessageProcessor,
  ds: DatastoreState,
  luid: string,
  guid: string | undefined,
  stored: StoredItem,
): Promise<string | undefined> {
  let pairing = p.slowPairings.get(ds.folderId);
  if (pairing === undefined) {
    pairing = await loadSlowPairing(p, ds, ds.slowTaken);
    p.slowPairings.set(ds.folderId, pairing);
  }
  const found = pairing.pair(luid, guid, stored);
  if (found !== undefined) ds.slowTaken.push(found);
  return found;
}

/** True when a Meta Format names an encoding to undo (not plain `chr` / `bin`). */
function hasTransformations(format: string): boolean {
  return parseFormat(format).length > 0;
}

function accepts(ds: DatastoreState): boolean {
  return serverAcceptsClientData(ds.type);
}

function payloadBytes(item: Item): Uint8Array {
  const data = item.data;
  if (data === undefined) return new Uint8Array(0);
  if (data.kind === 'payload') return data.bytes();
  return new Uint8Array(0);
}

/** Map: LUIDs the client gave to items we added. Committed at the end of the session. */
export async function handleMap(p: MessageProcessor, map: MapCommand): Promise<void> {
  const ds = findDatastore(p, map.target.locURI, map.source.locURI);
  const refs = { target: [map.target.locURI], source: [map.source.locURI] };
  if (ds === undefined) {
    // A Map left over from an earlier session: apply it directly if the folder resolves.
    const folder = await resolveDatabase(p, map.target.locURI);
    if (folder === null) {
      p.emit(statusFor(p.msgID, map, StatusCode.NotFound, refs));
      return;
    }
    await p.store.applyBatch({
      ops: map.mapItems.map((m) => ({
        type: 'map.set',
        folderId: folder.id,
        deviceId: p.state.deviceId,
        luid: m.source,
        guid: m.target,
      })),
    });
    p.emit(statusFor(p.msgID, map, StatusCode.Ok, refs));
    return;
  }
  for (const m of map.mapItems) ds.maps.push([m.source, m.target]);
  p.emit(statusFor(p.msgID, map, StatusCode.Ok, refs));
}

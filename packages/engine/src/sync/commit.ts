import {
  type BatchOp,
  type ChangesOptions,
  type GroupwareStore,
  type Item as StoreItem,
  iterateItems,
} from '@syncds/store';
import type { StoredItem } from '../items/item-adapter.js';
import { SyncType } from '../protocol/alert-codes.js';
import type { MessageProcessor } from '../session/processor.js';
import type { DatastoreState, PendingClientOp, ServerChange } from '../session/state.js';
import { applyInChunks } from './batches.js';
import { asStored, loadSlowPairing } from './slow-pairing.js';

/**
 * The end of the client's sync package for one datastore: its changes go to the
 * store in one transaction (per batch-size limit), then the server's changes for
 * the device are computed from a snapshot of the folder sequence.
 */
export async function commitClientPackage(p: MessageProcessor, ds: DatastoreState): Promise<void> {
  switch (ds.type) {
    case SyncType.TwoWay:
    case SyncType.OneWayFromClient:
    case SyncType.OneWayFromServer:
      await commitIncremental(p, ds);
      break;
    case SyncType.RefreshFromServer:
      await commitRefreshFromServer(p, ds);
      break;
    default:
      await commitSlow(p, ds);
  }
  ds.pending = [];
  ds.phase = 'sending';
  p.ctx.logger.debug('client changes committed', {
    device: p.state.deviceId,
    session: p.state.sid,
    database: ds.serverURI,
    type: ds.type,
    added: ds.stats.clientAdded,
    replaced: ds.stats.clientReplaced,
    deleted: ds.stats.clientDeleted,
    conflicts: ds.stats.conflicts,
    paired: ds.stats.paired,
    toSend: ds.toSend.length,
  });
}

function stored(op: PendingClientOp): StoredItem {
  return { contentType: op.contentType!, payload: op.data! };
}

/** Two-way, one-way: apply the client's changes, resolving conflicts; then send what changed on the server. */
async function commitIncremental(p: MessageProcessor, ds: DatastoreState): Promise<void> {
  const { store } = p;
  const device = p.state.deviceId;
  const policy = p.ctx.config.conflictPolicy;
  const extra: ServerChange[] = [];
  const ops: BatchOp[] = [];
  for (const op of ds.pending) {
    const guid = await resolveGuid(store, ds, device, op);
    if (op.op === 'delete') {
      if (guid === undefined) continue;
      const current = await store.getItem(ds.folderId, guid);
      if (current === null) {
        ops.push({ type: 'map.remove', folderId: ds.folderId, deviceId: device, luid: op.luid });
        continue;
      }
      if (changedSince(current, ds, device) && policy !== 'client-wins') {
        // An update beats a delete: the device gets the item back.
        ds.stats.conflicts++;
        ops.push({ type: 'map.remove', folderId: ds.folderId, deviceId: device, luid: op.luid });
        extra.push({ op: 'add', guid, luid: undefined });
        continue;
      }
      ops.push({ type: 'delete', folderId: ds.folderId, guid, origin: device, ifVersion: current.version });
      ops.push({ type: 'map.remove', folderId: ds.folderId, deviceId: device, luid: op.luid });
      ds.stats.clientDeleted++;
      continue;
    }
    const incoming = stored(op);
    const current =
      guid === undefined ? null : await store.getItem(ds.folderId, guid, { includeDeleted: true });
    if (current === null || guid === undefined) {
      ops.push({ type: 'add', folderId: ds.folderId, origin: device, ...incoming, luid: op.luid });
      ds.stats.clientAdded++;
      continue;
    }
    if (current.deleted) {
      // Deleted on the server, changed on the device: the change brings it back under its GUID.
      ops.push({ type: 'add', folderId: ds.folderId, origin: device, ...incoming, guid, luid: op.luid });
      ds.stats.clientAdded++;
      continue;
    }
    if (changedSince(current, ds, device)) {
      ds.stats.conflicts++;
      const outcome = p.ctx.items.resolveConflict(asStored(current), incoming, policy, ds.deviceFields);
      ops.push({
        type: 'replace',
        folderId: ds.folderId,
        guid,
        origin: device,
        ...outcome.stored,
        ifVersion: current.version,
      });
      if (outcome.duplicate !== undefined) {
        ops.push({ type: 'add', folderId: ds.folderId, origin: device, ...outcome.duplicate, luid: op.luid });
        extra.push({ op: 'add', guid, luid: undefined });
      } else if (outcome.sendToClient) {
        extra.push({ op: 'replace', guid, luid: op.luid });
      }
      p.ctx.logger.info('conflict resolved', {
        device,
        database: ds.serverURI,
        guid,
        luid: op.luid,
        policy,
        status: outcome.status,
      });
      continue;
    }
    const updated = p.ctx.items.update(asStored(current), incoming, ds.deviceFields);
    ops.push({
      type: 'replace',
      folderId: ds.folderId,
      guid,
      origin: device,
      ...updated,
      ifVersion: current.version,
    });
    ds.stats.clientReplaced++;
  }
  await applyInChunks(p, ops);
  if (ds.type === SyncType.OneWayFromClient) {
    ds.snapshot = await store.getFolderSequence(ds.folderId);
    return;
  }
  ds.toSend = await incrementalChanges(p, ds, extra);
}

/**
 * The server's changes since the device's last sync, as Add/Replace/Delete for it. The
 * first page's upper bound (the folder sequence it was read at) is the snapshot: what
 * lands above it comes with the next sync.
 */
async function incrementalChanges(
  p: MessageProcessor,
  ds: DatastoreState,
  extra: ServerChange[],
): Promise<ServerChange[]> {
  const device = p.state.deviceId;
  const out: ServerChange[] = [];
  const seen = new Set<string>();
  for (const c of extra) {
    if (seen.has(c.guid)) continue;
    seen.add(c.guid);
    out.push(c);
  }
  const options: ChangesOptions = {
    excludeOrigin: device,
    limit: p.ctx.config.limits.changePageSize,
    withPayload: false,
    // The device's LUIDs come with each page: Add, Replace or Delete without a lookup per item.
    luidsOf: device,
  };
  let page = await p.store.changesSince(ds.folderId, ds.syncedBefore ?? 0, options);
  ds.snapshot = page.until;
  for (;;) {
    for (const item of page.entries) {
      if (seen.has(item.guid) || item.origin === device) continue;
      seen.add(item.guid);
      const luid = page.luids?.get(item.guid);
      if (item.deleted) {
        if (luid !== undefined) out.push({ op: 'delete', guid: item.guid, luid });
      } else {
        out.push(
          luid === undefined
            ? { op: 'add', guid: item.guid, luid: undefined }
            : { op: 'replace', guid: item.guid, luid },
        );
      }
    }
    if (page.next === null) return out;
    page = await p.store.changesSince(ds.folderId, page.next, { ...options, until: page.until });
  }
}

/** Refresh from server: the client wiped its data and gets every item. */
async function commitRefreshFromServer(p: MessageProcessor, ds: DatastoreState): Promise<void> {
  await applyInChunks(p, [{ type: 'map.clear', folderId: ds.folderId, deviceId: p.state.deviceId }]);
  ds.snapshot = await p.store.getFolderSequence(ds.folderId);
  ds.toSend = (await allItems(p, ds, false)).map((item) => ({ op: 'add', guid: item.guid, luid: undefined }));
}

/**
 * Slow syncs (2) and the server methods run inside one (4, 7, 8, 9): every item
 * of both sides is compared. Items are paired by the device's id map first,
 * then by content (matchKey), so a repeated slow sync never duplicates (R8).
 */
async function commitSlow(p: MessageProcessor, ds: DatastoreState): Promise<void> {
  const { items } = p.ctx;
  const device = p.state.deviceId;
  const pairing = await loadSlowPairing(p, ds, []);
  const server = pairing.server;
  const paired = new Set<string>();
  const pairs: { op: PendingClientOp; guid: string }[] = [];
  const unmatched: PendingClientOp[] = [];
  // A slow sync lists what the client has; deletes carry nothing. Pairs decided while
  // the items arrived (op.guid) are claimed first, then the rest are paired afresh.
  const listed = ds.pending.filter((op) => op.op !== 'delete');
  const ordered = [
    ...listed.filter((op) => op.guid !== undefined),
    ...listed.filter((op) => op.guid === undefined),
  ];
  for (const op of ordered) {
    const guid = pairing.pair(op.luid, op.guid, stored(op));
    if (guid === undefined) unmatched.push(op);
    else {
      paired.add(guid);
      pairs.push({ op, guid });
    }
  }
  ds.stats.paired = pairs.length;
  const ops: BatchOp[] = [];
  const toSend: ServerChange[] = [];
  const folderId = ds.folderId;
  const setMap = (luid: string, guid: string) =>
    ops.push({ type: 'map.set', folderId, deviceId: device, luid, guid });

  switch (ds.type) {
    case SyncType.Slow:
      for (const { op, guid } of pairs) {
        setMap(op.luid, guid);
        const current = server.get(guid)!;
        if (items.same(asStored(current), stored(op))) continue;
        ds.stats.conflicts++;
        const outcome = items.resolveConflict(
          asStored(current),
          stored(op),
          p.ctx.config.conflictPolicy,
          ds.deviceFields,
        );
        if (!items.same(outcome.stored, asStored(current))) {
          ops.push({
            type: 'replace',
            folderId,
            guid,
            origin: device,
            ...outcome.stored,
            ifVersion: current.version,
          });
        }
        if (outcome.duplicate !== undefined) {
          ops.push({ type: 'add', folderId, origin: device, ...outcome.duplicate, luid: op.luid });
          toSend.push({ op: 'add', guid, luid: undefined });
        } else if (outcome.sendToClient) {
          toSend.push({ op: 'replace', guid, luid: op.luid });
        }
      }
      for (const op of unmatched) {
        ops.push({ type: 'add', folderId, origin: device, ...stored(op), luid: op.luid });
        ds.stats.clientAdded++;
      }
      for (const guid of server.keys())
        if (!paired.has(guid)) toSend.push({ op: 'add', guid, luid: undefined });
      break;
    case SyncType.RefreshFromClient:
    case SyncType.SlowToServer:
      // The server becomes a copy of the client.
      for (const { op, guid } of pairs) {
        setMap(op.luid, guid);
        const current = server.get(guid)!;
        if (items.same(asStored(current), stored(op))) continue;
        const updated = items.update(asStored(current), stored(op), ds.deviceFields);
        ops.push({ type: 'replace', folderId, guid, origin: device, ...updated, ifVersion: current.version });
        ds.stats.clientReplaced++;
      }
      for (const op of unmatched) {
        ops.push({ type: 'add', folderId, origin: device, ...stored(op), luid: op.luid });
        ds.stats.clientAdded++;
      }
      for (const [guid, item] of server) {
        if (paired.has(guid)) continue;
        ops.push({ type: 'delete', folderId, guid, origin: device, ifVersion: item.version });
        ds.stats.clientDeleted++;
      }
      break;
    case SyncType.SlowToClient:
      // The client becomes a copy of the server; nothing of the client is stored.
      for (const { op, guid } of pairs) {
        setMap(op.luid, guid);
        if (!items.same(asStored(server.get(guid)!), stored(op)))
          toSend.push({ op: 'replace', guid, luid: op.luid });
      }
      for (const op of unmatched) toSend.push({ op: 'delete', guid: '', luid: op.luid });
      for (const guid of server.keys())
        if (!paired.has(guid)) toSend.push({ op: 'add', guid, luid: undefined });
      break;
    case SyncType.ClientReset:
      // Every item of the client is deleted, one by one; the server keeps its data.
      ops.push({ type: 'map.clear', folderId, deviceId: device });
      for (const op of ds.pending)
        if (op.op !== 'delete') toSend.push({ op: 'delete', guid: '', luid: op.luid });
      break;
  }
  await applyInChunks(p, ops);
  ds.snapshot = await p.store.getFolderSequence(folderId);
  ds.toSend = toSend;
}

async function resolveGuid(
  store: GroupwareStore,
  ds: DatastoreState,
  device: string,
  op: PendingClientOp,
): Promise<string | undefined> {
  if (op.guid !== undefined && op.guid !== '') return op.guid;
  if (op.luid === '') return undefined;
  return (await store.getGuidForLuid(ds.folderId, device, op.luid)) ?? undefined;
}

/** The item changed on the server since the device last synced, by someone else. */
function changedSince(item: StoreItem, ds: DatastoreState, device: string): boolean {
  return item.origin !== device && (ds.syncedBefore === null || item.sequence > ds.syncedBefore);
}

async function allItems(p: MessageProcessor, ds: DatastoreState, withPayload: boolean): Promise<StoreItem[]> {
  const out: StoreItem[] = [];
  for await (const item of iterateItems(p.store, ds.folderId, { limit: 1000, withPayload })) out.push(item);
  return out;
}

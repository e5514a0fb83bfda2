import type { BatchOp } from '@syncds/store';
import { SyncType } from '../protocol/alert-codes.js';
import type { MessageProcessor } from '../session/processor.js';
import type { DatastoreState } from '../session/state.js';
import { applyInChunks } from './batches.js';

/**
 * The client's last package (statuses for our changes, Map) is complete: the id
 * map and the new anchors are committed together, per datastore. Only now does
 * the device count as synced; a session that breaks off earlier leaves the old
 * anchors, so the next sync resends rather than loses.
 */
export async function finishSession(p: MessageProcessor): Promise<void> {
  for (const ds of p.state.datastores) {
    if (ds.phase !== 'mapping') continue;
    const ops: BatchOp[] = [];
    for (const [luid, guid] of ds.maps)
      ops.push({ type: 'map.set', folderId: ds.folderId, deviceId: p.state.deviceId, luid, guid });
    ops.push({
      type: 'state',
      folderId: ds.folderId,
      deviceId: p.state.deviceId,
      // After a client reset the device is empty: its next sync must be slow to fill it again.
      clientAnchor: ds.type === SyncType.ClientReset ? null : ds.clientNext,
      serverAnchor: ds.serverNext,
      syncedSequence: syncedSequence(ds),
      lastSyncAt: 'now',
      clientDatabase: ds.clientURI,
    });
    await applyInChunks(p, ops);
    ds.phase = 'done';
    p.ctx.logger.info('sync complete', {
      device: p.state.deviceId,
      session: p.state.sid,
      login: p.state.login,
      database: ds.serverURI,
      type: ds.type,
      ...ds.stats,
      maps: ds.maps.length,
      refused: ds.clientRefused,
    });
    ds.maps = [];
  }
}

/** Up to where the device has the server's changes after this session. */
function syncedSequence(ds: DatastoreState): number | null {
  // Something was refused or skipped: keep the old mark so it is sent again (idempotent through the map).
  if (ds.clientRefused) return ds.syncedBefore;
  // One-way from client sent nothing: other devices' changes are still owed to this one.
  if (ds.type === SyncType.OneWayFromClient) return ds.syncedBefore;
  return ds.snapshot ?? ds.syncedBefore;
}

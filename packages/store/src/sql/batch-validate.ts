import type { Batch, BatchOp, ItemPrecondition } from '../batch.js';
import { StoreError } from '../errors.js';
import type { StoreLimits } from '../options.js';
import { checkBytes, checkCount, checkId, checkText, checkTextOrNull } from '../validate.js';

function checkPrecondition(op: ItemPrecondition, at: string): void {
  if (op.ifVersion !== undefined) checkCount(op.ifVersion, `${at}.ifVersion`);
  if (op.ifSequence !== undefined) checkCount(op.ifSequence, `${at}.ifSequence`);
}

function checkOrigin(origin: unknown, limits: StoreLimits, at: string): void {
  if (origin === undefined) {
    throw new StoreError('INVALID', `${at}.origin is required (a device id, or null)`, {
      path: `${at}.origin`,
    });
  }
  checkTextOrNull(origin, limits.maxDeviceIdLength, `${at}.origin`);
}

function checkOp(op: BatchOp, limits: StoreLimits, at: string): void {
  if (op === null || typeof op !== 'object') {
    throw new StoreError('INVALID', `${at} must be an operation object`, { path: at });
  }
  checkId(op.folderId, `${at}.folderId`);
  switch (op.type) {
    case 'add':
      checkOrigin(op.origin, limits, at);
      checkText(op.contentType, limits.maxContentTypeLength, `${at}.contentType`);
      checkBytes(op.payload, limits.maxPayloadBytes, `${at}.payload`);
      if (op.guid !== undefined) checkText(op.guid, limits.maxGuidLength, `${at}.guid`);
      if (op.luid !== undefined) {
        checkText(op.luid, limits.maxLuidLength, `${at}.luid`);
        if (op.origin === null) {
          throw new StoreError('INVALID', `${at}.luid needs an origin device`, { path: `${at}.luid` });
        }
      }
      return;
    case 'replace':
      checkOrigin(op.origin, limits, at);
      checkText(op.guid, limits.maxGuidLength, `${at}.guid`);
      checkText(op.contentType, limits.maxContentTypeLength, `${at}.contentType`);
      checkBytes(op.payload, limits.maxPayloadBytes, `${at}.payload`);
      checkPrecondition(op, at);
      return;
    case 'delete':
      checkOrigin(op.origin, limits, at);
      checkText(op.guid, limits.maxGuidLength, `${at}.guid`);
      checkPrecondition(op, at);
      return;
    case 'map.set':
      checkText(op.deviceId, limits.maxDeviceIdLength, `${at}.deviceId`);
      checkText(op.luid, limits.maxLuidLength, `${at}.luid`);
      checkText(op.guid, limits.maxGuidLength, `${at}.guid`);
      return;
    case 'map.remove':
      checkText(op.deviceId, limits.maxDeviceIdLength, `${at}.deviceId`);
      if ((op.luid === undefined) === (op.guid === undefined)) {
        throw new StoreError('INVALID', `${at} needs exactly one of luid and guid`, { path: at });
      }
      if (op.luid !== undefined) checkText(op.luid, limits.maxLuidLength, `${at}.luid`);
      if (op.guid !== undefined) checkText(op.guid, limits.maxGuidLength, `${at}.guid`);
      return;
    case 'map.clear':
      checkText(op.deviceId, limits.maxDeviceIdLength, `${at}.deviceId`);
      return;
    case 'state':
      checkText(op.deviceId, limits.maxDeviceIdLength, `${at}.deviceId`);
      if (op.clientAnchor !== undefined)
        checkTextOrNull(op.clientAnchor, limits.maxAnchorLength, `${at}.clientAnchor`);
      if (op.serverAnchor !== undefined)
        checkTextOrNull(op.serverAnchor, limits.maxAnchorLength, `${at}.serverAnchor`);
      if (op.clientDatabase !== undefined) {
        checkTextOrNull(op.clientDatabase, limits.maxAnchorLength, `${at}.clientDatabase`);
      }
      if (op.syncedSequence !== undefined && op.syncedSequence !== null) {
        checkCount(op.syncedSequence, `${at}.syncedSequence`);
      }
      if (op.lastSyncAt !== undefined && op.lastSyncAt !== null && op.lastSyncAt !== 'now') {
        checkCount(op.lastSyncAt, `${at}.lastSyncAt`);
      }
      return;
    default:
      throw new StoreError(
        'INVALID',
        `${at}.type ${JSON.stringify((op as { type: unknown }).type)} is unknown`,
        {
          path: `${at}.type`,
        },
      );
  }
}

/** Checks the whole batch before the transaction starts, so malformed input never costs a rollback. */
export function validateBatch(batch: Batch, limits: StoreLimits): void {
  if (batch === null || typeof batch !== 'object' || !Array.isArray(batch.ops)) {
    throw new StoreError('INVALID', 'batch must be { ops: [...] }', { path: 'ops' });
  }
  if (batch.onConflict !== undefined && batch.onConflict !== 'report' && batch.onConflict !== 'abort') {
    throw new StoreError('INVALID', "onConflict must be 'report' or 'abort'", { path: 'onConflict' });
  }
  if (batch.ops.length > limits.maxBatchOps) {
    throw new StoreError(
      'LIMIT',
      `batch has ${batch.ops.length} operations, more than ${limits.maxBatchOps}`,
      {
        path: 'ops',
      },
    );
  }
  batch.ops.forEach((op, i) => {
    try {
      checkOp(op, limits, `ops[${i}]`);
    } catch (error) {
      if (error instanceof StoreError) {
        throw new StoreError(error.code, error.message, { path: error.path ?? `ops[${i}]`, opIndex: i });
      }
      throw error;
    }
  });
}

import type { BatchOp } from '@syncds/store';
import type { MessageProcessor } from '../session/processor.js';

/**
 * Applies operations in as few transactions as the store allows (one per
 * `maxBatchOps`, 10 000 by default: a package larger than that commits in
 * consecutive transactions, each all-or-nothing). A precondition that fails
 * (another session changed the item meanwhile) is logged; the other side's
 * change stays and reaches this device on its next sync.
 */
export async function applyInChunks(p: MessageProcessor, ops: BatchOp[], chunk = 5000): Promise<void> {
  for (let i = 0; i < ops.length; i += chunk) {
    const result = await p.store.applyBatch({ ops: ops.slice(i, i + chunk), onConflict: 'report' });
    for (const r of result.results) {
      if (r.kind === 'conflict') {
        p.ctx.logger.warn('concurrent change kept', { device: p.state.deviceId, guid: r.guid, op: r.type });
      }
    }
  }
}

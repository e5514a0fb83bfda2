/**
 * Child process for the crash and multi-process tests (run from a throw-away build of this package):
 * `node crash-writer.test-util.js <db> <tag> <batches|forever>`. Each batch adds 20 items of ~2 KiB with
 * their LUIDs and moves the device state; the batch number goes to stdout only after its commit.
 */
import { openSqliteStore } from '../index.js';

const [path, tag, count] = process.argv.slice(2) as [string, string, string];
const batches = count === 'forever' ? Number.POSITIVE_INFINITY : Number(count);
const ITEMS_PER_BATCH = 20;
const filler = 'x'.repeat(2048);

const store = await openSqliteStore({ path, busyTimeoutMs: 20_000 });
const folder = await store.resolveFolder('crash@example.com', 'Contacts');
if (!folder) throw new Error('run the parent setup first');
for (let batch = 0; batch < batches; batch++) {
  await store.applyBatch({
    ops: [
      ...Array.from({ length: ITEMS_PER_BATCH }, (_, i) => ({
        type: 'add' as const,
        folderId: folder.id,
        origin: tag,
        contentType: 'text/plain',
        payload: new TextEncoder().encode(`${tag}:${batch}:${i}:${filler}`),
        luid: `${tag}-${batch}-${i}`,
      })),
      {
        type: 'state' as const,
        folderId: folder.id,
        deviceId: tag,
        clientAnchor: `batch-${batch}`,
        syncedSequence: batch,
      },
    ],
  });
  process.stdout.write(`${batch}\n`);
}
await store.close();

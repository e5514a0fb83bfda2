import type { CanonicalRecord } from '@syncds/formats';

/**
 * The `merge` conflict policy on two canonical records of one item that both
 * sides changed: the device's value wins wherever it has one; where the device
 * left a field empty, the server's value stays (an update beats a clear). Lists
 * are taken whole from the device when it has any entry. Records are plain
 * JSON data, so this walks them generically.
 */
export function mergeOnConflict(server: CanonicalRecord, client: CanonicalRecord): CanonicalRecord {
  if (server.kind !== client.kind) return client;
  return mergeValue(server, client) as CanonicalRecord;
}

function mergeValue(server: unknown, client: unknown): unknown {
  if (isEmpty(client)) return server;
  if (isPlainObject(server) && isPlainObject(client)) {
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(server), ...Object.keys(client)])) {
      const merged = mergeValue(server[key], client[key]);
      if (merged !== undefined) out[key] = merged;
    }
    return out;
  }
  return client;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) return Object.keys(v).length === 0;
  return false;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

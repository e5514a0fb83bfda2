import { decodeUtf8 } from './utf8.js';

/**
 * Byte-keyed string interning: a value that recurs from message to message (content and
 * auth types, `./devinf12`, `b64`, small CmdIDs, command names in Status/Cmd) maps from its
 * bytes to one shared string without being decoded again. Two direct-mapped tables: a
 * pinned one seeded with the protocol's well-known strings, and a small cache for the
 * rest (last writer wins on a hash clash, so memory stays bounded).
 */

/** Longest byte string looked up in the tables; longer ones are decoded directly. */
export const INTERN_MAX_BYTES = 48;
/** Slots of the cache of strings seen in messages (a power of two). */
export const INTERN_CACHE_SLOTS = 1024;
const PINNED_SLOTS = 512;

const pinnedKeys: (Uint8Array | null)[] = new Array<Uint8Array | null>(PINNED_SLOTS).fill(null);
const pinnedValues: string[] = new Array<string>(PINNED_SLOTS).fill('');

// The cache keeps its keys in one ring of bytes, so a miss copies the bytes there instead of
// allocating a key: an entry is valid while the ring has not wrapped over it.
const ARENA_BYTES = 64 * 1024;
const arena = new Uint8Array(ARENA_BYTES);
/** Bytes ever written to the ring; an entry's bytes start at `cacheStart % ARENA_BYTES`. */
let arenaWritten = 0;
const cacheHash = new Int32Array(INTERN_CACHE_SLOTS);
const cacheStart = new Float64Array(INTERN_CACHE_SLOTS).fill(-ARENA_BYTES * 2);
const cacheLength = new Int32Array(INTERN_CACHE_SLOTS);
const cacheValues: string[] = new Array<string>(INTERN_CACHE_SLOTS).fill('');

// Hashes the length and the last (up to) 12 bytes, where values that share a prefix
// (`./contacts` / `./calendar`, item ids `1000`, `1001`) differ; equality is checked in full.
function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = (end - start) * 0x9e3779b1;
  const from = end - start > 12 ? end - 12 : start;
  for (let i = from; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return (h ^ (h >>> 15)) | 0;
}

function sameBytes(key: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (key.length !== n) return false;
  for (let i = 0; i < n; i++) if (key[i] !== buf[start + i]) return false;
  return true;
}

function cached(slot: number, h: number, buf: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (cacheHash[slot] !== h || cacheLength[slot] !== n) return false;
  const from = cacheStart[slot]!;
  if (from < arenaWritten - ARENA_BYTES) return false; // overwritten since
  const at = from % ARENA_BYTES;
  for (let i = 0; i < n; i++) if (arena[at + i] !== buf[start + i]) return false;
  return true;
}

function remember(slot: number, h: number, buf: Uint8Array, start: number, end: number, value: string): void {
  const n = end - start;
  let at = arenaWritten % ARENA_BYTES;
  if (at + n > ARENA_BYTES) {
    arenaWritten += ARENA_BYTES - at; // keys never wrap around the end of the ring
    at = 0;
  }
  for (let i = 0; i < n; i++) arena[at + i] = buf[start + i]!;
  cacheHash[slot] = h;
  cacheStart[slot] = arenaWritten;
  cacheLength[slot] = n;
  cacheValues[slot] = value;
  arenaWritten += n;
}

/** The string of the UTF-8 bytes `buf[start, end)`, shared when it was seen before. */
export function internUtf8(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n === 0) return '';
  if (n > INTERN_MAX_BYTES) return decodeUtf8(buf, start, end);
  const h = hashBytes(buf, start, end);
  const p = h & (PINNED_SLOTS - 1);
  const pk = pinnedKeys[p]!;
  if (pk !== null && sameBytes(pk, buf, start, end)) return pinnedValues[p]!;
  const c = (h >>> 9) & (INTERN_CACHE_SLOTS - 1);
  if (cached(c, h, buf, start, end)) return cacheValues[c]!;
  const s = decodeUtf8(buf, start, end);
  remember(c, h, buf, start, end, s);
  return s;
}

/**
 * The string of `buf[start, end)` for values that rarely recur (item ids, CmdIDs above the
 * pinned ones, anchors): a pinned string when there is one, else a plain decode, which
 * spares the cache from values that would only push the recurring ones out.
 */
export function decodeUnlessPinned(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n === 0) return '';
  if (n <= 8) {
    const h = hashBytes(buf, start, end);
    const pk = pinnedKeys[h & (PINNED_SLOTS - 1)]!;
    if (pk !== null && sameBytes(pk, buf, start, end)) return pinnedValues[h & (PINNED_SLOTS - 1)]!;
  }
  return decodeUtf8(buf, start, end);
}

const encoder = new TextEncoder();

/** Adds well-known strings to the pinned table (first come keeps a slot). */
function pin(values: readonly string[]): void {
  for (const v of values) {
    const bytes = encoder.encode(v);
    const slot = hashBytes(bytes, 0, bytes.length) & (PINNED_SLOTS - 1);
    if (pinnedKeys[slot] === null) {
      pinnedKeys[slot] = bytes;
      pinnedValues[slot] = v;
    }
  }
}

const smallNumbers: string[] = [];
for (let i = 0; i <= 64; i++) smallNumbers.push(String(i));

pin([
  '1.0',
  '1.1',
  '1.2',
  'SyncML/1.0',
  'SyncML/1.1',
  'SyncML/1.2',
  'SyncHdr',
  'Add',
  'Alert',
  'Atomic',
  'Copy',
  'Delete',
  'Exec',
  'Get',
  'Map',
  'Move',
  'Put',
  'Replace',
  'Results',
  'Search',
  'Sequence',
  'Status',
  'Sync',
  'syncml:auth-basic',
  'syncml:auth-md5',
  'syncml:auth-MAC',
  'b64',
  'bin',
  'chr',
  'des;b64',
  './devinf10',
  './devinf11',
  './devinf12',
  'application/vnd.syncml-devinf+xml',
  'application/vnd.syncml-devinf+wbxml',
  'text/x-vcard',
  'text/vcard',
  'text/directory',
  'text/x-vcalendar',
  'text/calendar',
  'text/plain',
  'text/x-vnote',
  'text/x-vtodo',
  'text/x-s4j-sifc',
  'text/x-s4j-sife',
  'text/x-s4j-sift',
  'text/x-s4j-sifn',
  'application/vnd.omads-email+xml',
  'application/vnd.omads-file+xml',
  'application/vnd.omads-folder+xml',
  '2.1',
  '3.0',
  '4.0',
  ...smallNumbers,
]);

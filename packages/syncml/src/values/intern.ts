import { decodeUtf8 } from './utf8.js';

/**
 * Byte-keyed string interning: a value that recurs from message to message (content and
 * auth types, `./devinf12`, `b64`, small CmdIDs, command names in Status/Cmd, the server's
 * and the device's URIs) maps from its bytes to one shared string without being decoded
 * again. One table of slots in pairs (a value goes to one of the two slots of its hash's pair):
 * pinned slots seeded with the protocol's well-known strings, which stay, and cached ones for
 * the rest (a miss replaces the slot of the pair stored less recently, so memory stays
 * bounded). Each slot keeps its key bytes in one preallocated array, so a lookup
 * compares bytes with bytes and a miss allocates nothing but the decoded string.
 */

/** Longest byte string looked up in the table; longer ones are decoded directly. */
export const INTERN_MAX_BYTES = 48;
/** Slots of the table (a power of two): pinned strings and strings seen in messages. */
export const INTERN_CACHE_SLOTS = 2048;

const slotValues: string[] = new Array<string>(INTERN_CACHE_SLOTS).fill('');
/** Key bytes of each slot, at `slot * INTERN_MAX_BYTES`. */
const slotKeys = new Uint8Array(INTERN_CACHE_SLOTS * INTERN_MAX_BYTES);
/** Key length of each slot; 0 for an empty slot (empty strings are never looked up). */
const slotLengths = new Uint8Array(INTERN_CACHE_SLOTS);
/** 1 where the slot holds a pinned string, which a cached one never replaces. */
const slotPinned = new Uint8Array(INTERN_CACHE_SLOTS);

// Hashes the length and up to five bytes: the first, the middle one and the last three, where
// values that share a prefix (`./contacts` / `./calendar`, item ids `1000`, `1001`) differ.
// The products are independent (no chain from byte to byte), so a long string costs no more
// than a short one; equality is checked in full. The caller guarantees
// 0 < end - start <= INTERN_MAX_BYTES.
function slotOf(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  let h =
    Math.imul(n, 0x9e3779b1) ^
    Math.imul(buf[start]!, 0x85ebca6b) ^
    Math.imul(buf[(start + end) >> 1]!, 0xc2b2ae35) ^
    Math.imul(buf[end - 1]!, 0x27d4eb2f);
  if (n > 2) h ^= Math.imul(buf[end - 2]!, 0x165667b1) ^ Math.imul(buf[end - 3]!, 0x01000193);
  return (h ^ (h >>> 15)) & /* INTERN_CACHE_SLOTS */ (2048 - 1);
}

// True when the slot's key is exactly the bytes.
function holds(slot: number, buf: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (slotLengths[slot] !== n) return false;
  const at = slot * /* INTERN_MAX_BYTES */ 48 - start;
  for (let i = start; i < end; i++) if (slotKeys[at + i] !== buf[i]) return false;
  return true;
}

function store(slot: number, buf: Uint8Array, start: number, end: number, value: string): void {
  const at = slot * /* INTERN_MAX_BYTES */ 48 - start;
  for (let i = start; i < end; i++) slotKeys[at + i] = buf[i]!;
  slotLengths[slot] = end - start;
  slotValues[slot] = value;
}

// One-character ASCII strings by byte: CmdIDs, MsgRefs, CmdRefs and MsgIDs are mostly one digit.
const ONE_CHAR: string[] = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));

/** Per pair of slots, the one stored last (0 or 1): a miss replaces the other. */
const pairLast = new Uint8Array(INTERN_CACHE_SLOTS >> 1);

// A value goes to one of two slots (the pair of its hash), so two recurring values whose
// hashes meet both stay. The slot holding the bytes, or -1.
function find(buf: Uint8Array, start: number, end: number): number {
  const slot = slotOf(buf, start, end) & ~1;
  if (holds(slot, buf, start, end)) return slot;
  if (holds(slot + 1, buf, start, end)) return slot + 1;
  return -1;
}

// Keeps a value that `find` missed: in the slot of its pair stored less recently, unless pinned.
function keep(buf: Uint8Array, start: number, end: number, value: string): void {
  const pair = slotOf(buf, start, end) >> 1;
  let slot = (pair << 1) | (pairLast[pair]! ^ 1);
  if (slotPinned[slot] !== 0) slot ^= 1;
  if (slotPinned[slot] !== 0) return;
  store(slot, buf, start, end, value);
  pairLast[pair] = slot & 1;
}

/** The string of the UTF-8 bytes `buf[start, end)`, shared when it was seen before. */
export function internUtf8(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return '';
  if (n === 1 && buf[start]! < 0x80) return ONE_CHAR[buf[start]!]!;
  if (n > /* INTERN_MAX_BYTES */ 48) return decodeUtf8(buf, start, end);
  const slot = find(buf, start, end);
  if (slot >= 0) return slotValues[slot]!;
  const value = decodeUtf8(buf, start, end);
  keep(buf, start, end, value);
  return value;
}

/**
 * The string of `buf[start, end)` for values that rarely recur (item ids, anchors, session
 * ids): a string already in the table when there is one, else a plain decode, which spares
 * the table from values that would only push the recurring ones out.
 */
export function decodeUnlessPinned(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return '';
  if (n === 1 && buf[start]! < 0x80) return ONE_CHAR[buf[start]!]!;
  // Up to 4 bytes a decode costs less than the lookup (and shares little memory).
  if (n > 4 && n <= /* INTERN_MAX_BYTES */ 48) {
    const slot = find(buf, start, end);
    if (slot >= 0) return slotValues[slot]!;
  }
  return decodeUtf8(buf, start, end);
}

const encoder = new TextEncoder();

/** Adds well-known strings to the table (first come keeps a slot). */
function pin(values: readonly string[]): void {
  for (const v of values) {
    const bytes = encoder.encode(v);
    let slot = slotOf(bytes, 0, bytes.length) & ~1;
    if (slotPinned[slot] !== 0) slot++;
    if (slotPinned[slot] === 0) {
      store(slot, bytes, 0, bytes.length, v);
      slotPinned[slot] = 1;
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

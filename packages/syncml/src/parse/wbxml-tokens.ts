import { DevInf12, SyncML12, vocabularyByPublicId } from '@syncds/codepages';
import { DEVINF_BASE } from '../vocabulary/element-ids.js';

/**
 * The WBXML side of the vocabulary, shared by the generic driver and the fused decoder:
 * (page, token) -> element id tables, and what a header's public id names.
 */

/** Which document a reader holds: a SyncML message (pages 0 SyncML, 1 MetInf) or a DevInf. */
export type WbxmlDocument = 'syncml' | 'devinf';

function tokenTable(tags: ReadonlyArray<Readonly<Record<number, string>>>, base: number): Int16Array {
  const table = new Int16Array(tags.length * 64).fill(-1);
  tags.forEach((page, p) => {
    for (const token of Object.keys(page)) table[p * 64 + Number(token)] = base + p * 64 + Number(token);
  });
  return table;
}

// Element id by page * 64 + token. SyncML 1.2 and DevInf 1.2 hold every token of the older
// versions (DevInf 1.2 names 0x1C MaxSize, 1.0/1.1 Size: one id).
export const SYNCML_TOKENS: Int16Array = tokenTable(
  SyncML12.pages.map((p) => p.tags),
  0,
);
export const DEVINF_TOKENS: Int16Array = tokenTable(
  DevInf12.pages.map((p) => p.tags),
  DEVINF_BASE,
);

// Numeric public ids (WBXML registry): SyncML 1.0 0x0FD1, 1.1 0x0FD3, 1.2 0x1201; DevInf 1.0
// 0x0FD2, 1.1 0x0FD4, 1.2 0x1203.

// String public ids seen lately and what they name: devices send the same few FPIs (a
// message's and its nested DevInf's) every time, so the registry lookup (a decode and a
// lower-casing) runs once for each.
const FPI_CACHE_SIZE = 4;
const fpiBytes: Uint8Array[] = [];
const fpiKinds: (WbxmlDocument | 'other')[] = [];
let fpiNext = 0;

function fpiKind(buf: Uint8Array, start: number, end: number): WbxmlDocument | 'other' {
  const n = end - start;
  for (let k = 0; k < fpiBytes.length; k++) {
    const key = fpiBytes[k]!;
    if (key.length !== n) continue;
    let i = 0;
    while (i < n && key[i] === buf[start + i]) i++;
    if (i === n) return fpiKinds[k]!;
  }
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(buf[i]!);
  const id = vocabularyByPublicId(text)?.id ?? '';
  const kind = id.startsWith('syncml') ? 'syncml' : id.startsWith('devinf') ? 'devinf' : 'other';
  fpiBytes[fpiNext] = buf.slice(start, end);
  fpiKinds[fpiNext] = kind;
  fpiNext = (fpiNext + 1) % FPI_CACHE_SIZE;
  return kind;
}

/**
 * {@link publicIdKind} of the string-table FPI starting at `buf[start]` (the table ends at
 * `tableEnd`; the FPI at its NUL or there), comparing the cached FPIs in place, without a
 * first pass to find the NUL.
 */
export function tableFpiKind(buf: Uint8Array, start: number, tableEnd: number): WbxmlDocument | 'other' {
  for (let k = 0; k < fpiBytes.length; k++) {
    const key = fpiBytes[k]!;
    const end = start + key.length;
    if (end > tableEnd || (end < tableEnd && buf[end] !== 0)) continue;
    let i = 0;
    while (i < key.length && key[i] === buf[start + i]) i++;
    if (i === key.length) return fpiKinds[k]!;
  }
  let end = start;
  while (end < tableEnd && buf[end] !== 0) end++;
  return fpiKind(buf, start, end);
}

/** What a header's public id says the document is: 'other' when it does not say. */
export function publicIdKind(
  publicId: number,
  buf: Uint8Array,
  start: number,
  end: number,
): WbxmlDocument | 'other' {
  if (publicId === 0) return fpiKind(buf, start, end);
  if (publicId === 0x0fd1 || publicId === 0x0fd3 || publicId === 0x1201) return 'syncml';
  if (publicId === 0x0fd2 || publicId === 0x0fd4 || publicId === 0x1203) return 'devinf';
  return 'other';
}

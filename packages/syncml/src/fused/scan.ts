import { bail } from './bail.js';
import type { FusedDecoder } from './decoder.js';

// Byte-level reading for the fused decoder: multi-byte integers and the ends of strings.
// Constants in the hot code are literals named in a comment (see `document.ts`).

/** Where the last mb_u_int32 read by {@link readMb} ended. */
export let mbNext = 0;

// An mb_u_int32 at buf[p] (before `end`): its value, its end in `mbNext`. The generic reader
// rejects one over 5 bytes or above 0xFFFFFFFF, and one cut by the end.
export function readMb(buf: Uint8Array, p: number, end: number): number {
  if (p < end) {
    const c = buf[p]!;
    if (c < 0x80) {
      mbNext = p + 1;
      return c;
    }
  }
  let v = 0;
  for (let k = 0; k < 5; k++) {
    if (p >= end) return bail();
    const c = buf[p++]!;
    v = v * 128 + (c & 0x7f);
    if (c < 0x80) {
      if (v > 0xffffffff) return bail();
      mbNext = p;
      return v;
    }
  }
  return bail();
}

/** Bytes of a STR_I scanned one by one before {@link findNul} takes over (64, a literal below). */
export const SHORT_SCAN = 64;

/**
 * The NUL at or after `p` (before `end`) that ends a long STR_I (item data): 32 bytes at a
 * time, as eight aligned 32-bit words, with the zero-byte test of "Bit Twiddling Hacks"
 * (exact for "some byte is zero"; the byte itself is then found one by one), after a cheaper
 * test that lets only blocks with a byte 0x00 or 0x81-0xFF through. Measured on Node 20
 * (throwaway scripts, CPU time, the 3.6-3.9 KB strings of Funambol's msg2): ~7 GB/s, against
 * ~6 GB/s for the exact test alone, ~5 GB/s 16 bytes at a time through a DataView and ~3 GB/s for
 * `Uint8Array.prototype.indexOf`. The word view (one per message, made here) costs ~80 ns, so
 * short strings never come here.
 */
function findNul(f: FusedDecoder, p: number, end: number): number {
  const buf = f.buf;
  if (end - p >= 64) {
    // The message as 32-bit words from its first 4-byte boundary (made once per message).
    let words = f.words;
    if (words === null) {
      const skip = (4 - (buf.byteOffset & 3)) & 3;
      words = new Int32Array(buf.buffer, buf.byteOffset + skip, (buf.length - skip) >> 2);
      f.words = words;
      f.wordsFrom = skip;
    }
    // Bytes up to the next word, one by one; then 8 words at a time.
    const from = f.wordsFrom;
    for (const stop = p + ((from - p) & 3); p < stop; p++) if (buf[p] === 0) return p;
    let i = (p - from) >> 2;
    for (const last = ((end - from) >> 2) - 8; i <= last; i += 8) {
      const a = words[i]!;
      const b = words[i + 1]!;
      const c = words[i + 2]!;
      const d = words[i + 3]!;
      const e = words[i + 4]!;
      const g = words[i + 5]!;
      const h = words[i + 6]!;
      const k = words[i + 7]!;
      // First a cheaper test that also flags bytes 0x81-0xFF (item data is mostly ASCII),
      // then the exact one.
      const maybe =
        (a - 0x01010101) |
        (b - 0x01010101) |
        (c - 0x01010101) |
        (d - 0x01010101) |
        (e - 0x01010101) |
        (g - 0x01010101) |
        (h - 0x01010101) |
        (k - 0x01010101);
      if ((maybe & 0x80808080) === 0) continue;
      const zero =
        ((a - 0x01010101) & ~a) |
        ((b - 0x01010101) & ~b) |
        ((c - 0x01010101) & ~c) |
        ((d - 0x01010101) & ~d) |
        ((e - 0x01010101) & ~e) |
        ((g - 0x01010101) & ~g) |
        ((h - 0x01010101) & ~h) |
        ((k - 0x01010101) & ~k);
      if ((zero & 0x80808080) !== 0) break;
    }
    p = from + i * 4;
  }
  while (p < end && buf[p] !== 0) p++;
  return p < end ? p : bail();
}

/** The NUL ending the STR_I whose bytes start at `p`. */
export function stringEnd(f: FusedDecoder, p: number, end: number): number {
  // Most strings are short: a plain scan finds their NUL before a call would start.
  const buf = f.buf;
  const near = end - p > /* SHORT_SCAN */ 64 ? p + /* SHORT_SCAN */ 64 : end;
  while (p < near && buf[p] !== 0) p++;
  if (p < near) return p;
  return p === end ? bail() : findNul(f, p, end);
}

/** End of the string-table string at `s`: its NUL, or the end of the table. */
export function tableStringEnd(buf: Uint8Array, s: number, tableEnd: number): number {
  for (let i = s; i < tableEnd; i++) if (buf[i] === 0) return i;
  return tableEnd;
}

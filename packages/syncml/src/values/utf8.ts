/**
 * UTF-8 helpers for the hot paths: short ASCII strings are built from char codes (no
 * TextDecoder call), longer or non-ASCII ones go through one shared TextDecoder.
 */

/**
 * Longest string decoded from char codes (no TextDecoder call). Measured on Node 20 with
 * throwaway scripts (CPU time, ASCII): `String.fromCharCode` of 8 bytes at a time takes
 * ~6 ns for 1-4 bytes (one call), ~35 ns for 10, ~70 ns for 33, ~100-140 ns for 48; a
 * `TextDecoder.decode` of a `subarray` ~100-150 ns whatever the length up to there, and more
 * inside the parser (the 48-byte item ids of Funambol's msg2 parse 6 % faster without it).
 */
export const SHORT_ASCII_MAX = 64;

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** Decodes `buf[start, end)` as UTF-8 (invalid sequences become U+FFFD). */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return '';
  if (n > /* SHORT_ASCII_MAX */ 64) return utf8Decoder.decode(buf.subarray(start, end));
  if (n <= 4) {
    // One call, no concatenation: CmdIDs, item ids, MsgIDs.
    const a = buf[start]!;
    if (n === 1) return a < 0x80 ? String.fromCharCode(a) : utf8Decoder.decode(buf.subarray(start, end));
    const b = buf[start + 1]!;
    if (n === 2) {
      return (a | b) < 0x80 ? String.fromCharCode(a, b) : utf8Decoder.decode(buf.subarray(start, end));
    }
    const c = buf[start + 2]!;
    if (n === 3) {
      return (a | b | c) < 0x80 ? String.fromCharCode(a, b, c) : utf8Decoder.decode(buf.subarray(start, end));
    }
    const d = buf[start + 3]!;
    return (a | b | c | d) < 0x80
      ? String.fromCharCode(a, b, c, d)
      : utf8Decoder.decode(buf.subarray(start, end));
  }
  let s = '';
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const a = buf[i]!;
    const b = buf[i + 1]!;
    const c = buf[i + 2]!;
    const d = buf[i + 3]!;
    const e = buf[i + 4]!;
    const f = buf[i + 5]!;
    const g = buf[i + 6]!;
    const h = buf[i + 7]!;
    if ((a | b | c | d | e | f | g | h) >= 0x80) return utf8Decoder.decode(buf.subarray(start, end));
    s += String.fromCharCode(a, b, c, d, e, f, g, h);
  }
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x80) return utf8Decoder.decode(buf.subarray(start, end));
    s += String.fromCharCode(c);
  }
  return s;
}

/** Number of UTF-8 bytes of `s` (lone surrogates count as U+FFFD, 3 bytes, as TextEncoder writes them). */
export function utf8Length(s: string): number {
  const n = s.length;
  let bytes = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A surrogate pair: 2 UTF-16 units, 4 UTF-8 bytes.
        bytes += 2;
        i++;
      } else {
        bytes += 2;
      }
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/**
 * Writes `s` as UTF-8 at `buf[pos]`; returns the position after it. The caller has sized
 * `buf` with {@link utf8Length}.
 */
export function writeUtf8(s: string, buf: Uint8Array, pos: number): number {
  const n = s.length;
  // ASCII fast path; falls back to the encoder at the first non-ASCII unit.
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return pos + utf8Encoder.encodeInto(s.slice(i), buf.subarray(pos)).written;
    buf[pos++] = c;
  }
  return pos;
}

/** `s` as UTF-8 bytes (a new array). */
export function encodeUtf8(s: string): Uint8Array {
  return utf8Encoder.encode(s);
}

/** True when `buf[start, end)` is only XML white space (space, tab, CR, LF). */
export function isWhitespace(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

import { Payload } from '../model/payload.js';
import { decodeUnlessPinned, internUtf8 } from '../values/intern.js';
import { parseDecimal } from '../values/number.js';
import { bail } from './bail.js';
import type { FusedDecoder } from './decoder.js';

/**
 * The value of the element that just ended, from its text `f.buf[start, end)` (an empty
 * range when it had none), exactly as `build/text-buffer.ts` gives it to the builder.
 */

const EMPTY = new Uint8Array(0);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The text as a string, trimmed of XML white space, interned when short (TextBuffer.string). */
export function textString(f: FusedDecoder, start: number, end: number): string {
  const buf = f.buf;
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  return internUtf8(buf, start, end);
}

/** {@link textString} for values that seldom recur (TextBuffer.uniqueString). */
export function textUniqueString(f: FusedDecoder, start: number, end: number): string {
  const buf = f.buf;
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  return decodeUnlessPinned(buf, start, end);
}

/**
 * The text as an unsigned decimal number. Anything else, empty included, is an error or a
 * warning of the generic path: hands over.
 */
export function textNumber(f: FusedDecoder, start: number, end: number): number {
  const v = parseDecimal(f.buf, start, end);
  return v >= 0 ? v : bail();
}

/** The bytes as a Payload: a view into the message. */
export function textPayload(f: FusedDecoder, start: number, end: number): Payload {
  return start === end ? new Payload(EMPTY, 0, 0) : new Payload(f.buf, start, end);
}

import { Payload } from '../model/payload.js';
import { decodeUnlessPinned, internUtf8 } from '../values/intern.js';
import { parseDecimal } from '../values/number.js';
import { bail } from './bail.js';
import type { FusedDecoder } from './decoder.js';

/**
 * The value of the element that just ended, from its text (`hasText`, `textStart`,
 * `textEnd` of the decoder), exactly as `build/text-buffer.ts` gives it to the builder.
 */

const EMPTY = new Uint8Array(0);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The text as a string, trimmed of XML white space, interned when short (TextBuffer.string). */
export function textString(f: FusedDecoder): string {
  if (!f.hasText) return '';
  const buf = f.buf;
  let s = f.textStart;
  let e = f.textEnd;
  while (s < e && isSpace(buf[s]!)) s++;
  while (e > s && isSpace(buf[e - 1]!)) e--;
  return internUtf8(buf, s, e);
}

/** {@link textString} for values that seldom recur (TextBuffer.uniqueString). */
export function textUniqueString(f: FusedDecoder): string {
  if (!f.hasText) return '';
  const buf = f.buf;
  let s = f.textStart;
  let e = f.textEnd;
  while (s < e && isSpace(buf[s]!)) s++;
  while (e > s && isSpace(buf[e - 1]!)) e--;
  return decodeUnlessPinned(buf, s, e);
}

/**
 * The text as an unsigned decimal number. Anything else, empty included, is an error or a
 * warning of the generic path: hands over.
 */
export function textNumber(f: FusedDecoder): number {
  const v = f.hasText ? parseDecimal(f.buf, f.textStart, f.textEnd) : -1;
  return v >= 0 ? v : bail();
}

/** The bytes as a Payload: a view into the message. */
export function textPayload(f: FusedDecoder): Payload {
  if (!f.hasText || f.textStart === f.textEnd) return new Payload(EMPTY, 0, 0);
  return new Payload(f.buf, f.textStart, f.textEnd);
}

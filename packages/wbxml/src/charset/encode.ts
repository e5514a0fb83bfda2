import { WbxmlError } from '../errors.js';
import { type CharsetInfo, DecoderKind } from './charsets.js';

/**
 * Strings up to this many UTF-16 units are UTF-8 encoded in JavaScript; longer ones go to
 * TextEncoder.encodeInto, whose call costs more than a short loop (the msgpack habit; same
 * throwaway measurement as SHORT_STRING_THRESHOLD).
 */
export const SHORT_ENCODE_THRESHOLD = 64;

const encoder = new TextEncoder();

/** Whether the writer can encode strings in this charset itself. */
export function canEncode(charset: CharsetInfo): boolean {
  return (
    charset.decoder === DecoderKind.UTF8 ||
    charset.decoder === DecoderKind.ASCII ||
    charset.decoder === DecoderKind.LATIN1 ||
    charset.mib === 1013 ||
    charset.mib === 1014 ||
    charset.mib === 1015
  );
}

/** Most bytes `s` can take in `charset` (room to reserve before encoding). */
export function maxEncodedLength(s: string, charset: CharsetInfo): number {
  if (charset.decoder === DecoderKind.UTF8) return s.length * 3;
  if (charset.terminatorWidth === 2) return s.length * 2;
  return s.length;
}

function unencodable(s: string, i: number, charset: CharsetInfo, offset: number): WbxmlError {
  const code = s.codePointAt(i)!;
  return new WbxmlError(
    'UNSUPPORTED_CHARSET',
    `character U+${code.toString(16).toUpperCase().padStart(4, '0')} cannot be written in ${charset.label}`,
    offset,
  );
}

/** UTF-8 in JavaScript; lone surrogates become U+FFFD as TextEncoder does. */
function utf8Short(s: string, buf: Uint8Array, pos: number): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          buf[pos++] = 0xf0 | (cp >> 18);
          buf[pos++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[pos++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[pos++] = 0x80 | (cp & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos;
}

/**
 * Encodes `s` at buf[pos] (with {@link maxEncodedLength} bytes of room); returns the position
 * after it. Throws UNSUPPORTED_CHARSET for a charset the writer cannot encode or a character
 * it cannot hold. `offset` is reported in that error.
 */
export function encodeString(
  s: string,
  charset: CharsetInfo,
  buf: Uint8Array,
  pos: number,
  offset: number,
): number {
  switch (charset.decoder) {
    case DecoderKind.UTF8:
      if (s.length <= SHORT_ENCODE_THRESHOLD) return utf8Short(s, buf, pos);
      return pos + encoder.encodeInto(s, buf.subarray(pos)).written;
    case DecoderKind.ASCII:
    case DecoderKind.LATIN1: {
      const max = charset.decoder === DecoderKind.ASCII ? 0x7f : 0xff;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c > max) throw unencodable(s, i, charset, offset);
        buf[pos++] = c;
      }
      return pos;
    }
    default:
      if (charset.mib === 1014) {
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          buf[pos++] = c & 0xff;
          buf[pos++] = c >> 8;
        }
        return pos;
      }
      if (charset.mib === 1013 || charset.mib === 1015) {
        // UTF-16 without a byte-order mark is big-endian (RFC 2781).
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          buf[pos++] = c >> 8;
          buf[pos++] = c & 0xff;
        }
        return pos;
      }
      throw new WbxmlError(
        'UNSUPPORTED_CHARSET',
        `the writer cannot encode charset MIBenum ${charset.mib}`,
        offset,
      );
  }
}

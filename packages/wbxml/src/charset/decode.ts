import { WbxmlError } from '../errors.js';
import { type CharsetInfo, DecoderKind } from './charsets.js';

/**
 * Strings shorter than this many bytes are decoded byte by byte with String.fromCharCode when
 * they are ASCII; longer ones go to one shared TextDecoder. Chosen by a throwaway measurement
 * on Node 20 (2-core VM, see the package README "Performance"): a byte-wise decode costs about
 * 5-30 ns up to 4 bytes and grows ~9 ns per byte, TextDecoder.decode costs a flat ~90 ns; they
 * meet near 12 bytes. Re-check with the bench package when the runtime changes.
 */
export const SHORT_STRING_THRESHOLD = 12;

const utf8 = new TextDecoder('utf-8');
const decoders = new Map<string, TextDecoder>();

function decoderFor(label: string, offset: number): TextDecoder {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      throw new WbxmlError('UNSUPPORTED_CHARSET', `this runtime has no decoder for charset ${label}`, offset);
    }
    decoders.set(label, d);
  }
  return d;
}

/** ASCII fast path; falls back to the shared UTF-8 decoder at the first non-ASCII byte. */
function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n < SHORT_STRING_THRESHOLD) {
    if (n === 0) return '';
    let out = '';
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c >= 0x80) return utf8.decode(buf.subarray(start, end));
      out += String.fromCharCode(c);
    }
    return out;
  }
  return utf8.decode(buf.subarray(start, end));
}

/** Byte = code point. WHATWG maps the label iso-8859-1 to windows-1252, which differs at 0x80-0x9F. */
function decodeLatin1(buf: Uint8Array, start: number, end: number): string {
  let out = '';
  // fromCharCode.apply on bounded slices keeps the argument count far below engine limits.
  for (let i = start; i < end; i += 4096) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return out;
}

/** windows-1252 0x80-0x9F (WHATWG Encoding table); every other byte is its own code point. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(buf: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    out += String.fromCharCode(c >= 0x80 && c < 0xa0 ? WINDOWS_1252_HIGH[c - 0x80]! : c);
  }
  return out;
}

/** US-ASCII: bytes above 0x7F are not ASCII; they decode to U+FFFD like any invalid sequence. */
function decodeAscii(buf: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    out += c < 0x80 ? String.fromCharCode(c) : '\uFFFD';
  }
  return out;
}

function decodeUtf16Bom(buf: Uint8Array, start: number, end: number, offset: number): string {
  if (end - start >= 2) {
    const a = buf[start]!;
    const b = buf[start + 1]!;
    if (a === 0xff && b === 0xfe) return decoderFor('utf-16le', offset).decode(buf.subarray(start + 2, end));
    if (a === 0xfe && b === 0xff) return decoderFor('utf-16be', offset).decode(buf.subarray(start + 2, end));
  }
  return decoderFor('utf-16be', offset).decode(buf.subarray(start, end));
}

/**
 * Decodes buf[start, end) in the given charset. Invalid sequences become U+FFFD (devices send
 * broken text; a sync must not fail on one bad character). `offset` is the absolute position of
 * the bytes, for the error thrown when the charset cannot be decoded.
 */
export function decodeText(
  buf: Uint8Array,
  start: number,
  end: number,
  charset: CharsetInfo,
  offset: number,
): string {
  switch (charset.decoder) {
    case DecoderKind.UTF8:
      return decodeUtf8(buf, start, end);
    case DecoderKind.ASCII:
      return decodeAscii(buf, start, end);
    case DecoderKind.LATIN1:
      return decodeLatin1(buf, start, end);
    case DecoderKind.UTF16_BOM:
      return decodeUtf16Bom(buf, start, end, offset);
    case DecoderKind.TEXT_DECODER:
      return decoderFor(charset.label, offset).decode(buf.subarray(start, end));
    case DecoderKind.WINDOWS_1252:
      return decodeWindows1252(buf, start, end);
    default:
      throw new WbxmlError('UNSUPPORTED_CHARSET', `cannot decode charset MIBenum ${charset.mib}`, offset);
  }
}

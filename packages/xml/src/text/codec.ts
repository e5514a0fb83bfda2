/**
 * Byte -> string decoding for the encodings a SyncML peer declares. Tokens
 * stay bytes; these run only when a consumer asks for a string.
 */

/**
 * Up to this many bytes, a JS loop beats `TextDecoder.decode` for ASCII: the
 * decoder call costs about 95 ns whatever the length, the loop about 5 ns a
 * byte (Node 20, measured on SyncML names and values of 3-107 bytes).
 */
export const SHORT_STRING_MAX_BYTES = 16;

const SINGLE_BYTE_SLICE = 4096;

/** Codec families: UTF-8, a single-byte table (ISO-8859-1, US-ASCII, windows-1252), any other WHATWG encoding. */
export const CODEC_UTF8 = 0;
export const CODEC_SINGLE_BYTE = 1;
export const CODEC_OTHER = 2;

/** Decodes a byte range of one encoding; invalid sequences become U+FFFD. */
export interface TextCodec {
  /** Canonical lower-case name: `utf-8`, `iso-8859-1`, `us-ascii`, or the WHATWG name. */
  readonly name: string;
  readonly kind: number;
  /** CODEC_SINGLE_BYTE: the code point of each byte 0x80-0xFF. */
  readonly high?: Uint16Array;
  decode(buf: Uint8Array, start: number, end: number): string;
}

const utf8Decoder = new TextDecoder('utf-8');

function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length <= SHORT_STRING_MAX_BYTES) {
    const codes: number[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const c = buf[start + i];
      if (c >= 0x80) return utf8Decoder.decode(buf.subarray(start, end));
      codes[i] = c;
    }
    return String.fromCharCode.apply(null, codes);
  }
  return utf8Decoder.decode(buf.subarray(start, end));
}

function singleByteCodec(name: string, high: Uint16Array): TextCodec {
  const decode = (buf: Uint8Array, start: number, end: number): string => {
    let out = '';
    for (let s = start; s < end; s += SINGLE_BYTE_SLICE) {
      const e = Math.min(end, s + SINGLE_BYTE_SLICE);
      const codes: number[] = new Array(e - s);
      for (let i = s; i < e; i++) {
        const c = buf[i];
        codes[i - s] = c < 0x80 ? c : high[c - 0x80];
      }
      out += String.fromCharCode.apply(null, codes);
    }
    return out;
  };
  return { name, kind: CODEC_SINGLE_BYTE, high, decode };
}

const LATIN1_HIGH = Uint16Array.from({ length: 128 }, (_, i) => 0x80 + i);
const ASCII_HIGH = new Uint16Array(128).fill(0xfffd);
// windows-1252 0x80-0x9F (WHATWG encoding standard index); the rest is ISO-8859-1.
const CP1252_HIGH = Uint16Array.from(LATIN1_HIGH);
CP1252_HIGH.set(
  [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
    0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
    0x153, 0x9d, 0x17e, 0x178,
  ],
  0,
);

export const UTF8_CODEC: TextCodec = { name: 'utf-8', kind: CODEC_UTF8, decode: decodeUtf8 };
const LATIN1_CODEC: TextCodec = singleByteCodec('iso-8859-1', LATIN1_HIGH);
const ASCII_CODEC: TextCodec = singleByteCodec('us-ascii', ASCII_HIGH);
const CP1252_CODEC: TextCodec = singleByteCodec('windows-1252', CP1252_HIGH);

// WHATWG maps these labels to windows-1252; XML means the real ISO-8859-1.
const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'iso-ir-100',
  'cp819',
]);
const ASCII_LABELS = new Set(['us-ascii', 'ascii', 'iso-ir-6', 'ansi_x3.4-1968', 'us']);
const CP1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252']);
const UTF16_LABELS = new Set(['utf-16', 'utf-16le', 'utf-16be', 'ucs-2', 'iso-10646-ucs-2', 'unicode']);

const otherCodecs = new Map<string, TextCodec>();

/** True for the labels of UTF-16 (the reader transcodes such input to UTF-8). */
export function isUtf16Label(label: string): boolean {
  return UTF16_LABELS.has(label.trim().toLowerCase());
}

/**
 * The codec for an encoding label, or undefined when the runtime cannot
 * decode it. UTF-16 labels answer UTF-8: the reader hands out transcoded bytes.
 */
export function codecForLabel(label: string): TextCodec | undefined {
  const key = label.trim().toLowerCase();
  if (key === 'utf-8' || key === 'utf8' || UTF16_LABELS.has(key)) return UTF8_CODEC;
  if (LATIN1_LABELS.has(key)) return LATIN1_CODEC;
  if (ASCII_LABELS.has(key)) return ASCII_CODEC;
  if (CP1252_LABELS.has(key)) return CP1252_CODEC;
  const known = otherCodecs.get(key);
  if (known !== undefined) return known;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(key);
  } catch {
    return undefined;
  }
  // Multi-byte UTF-16 can't be tokenized as bytes; any other WHATWG encoding keeps ASCII as is.
  if (decoder.encoding.startsWith('utf-16')) return UTF8_CODEC;
  if (decoder.encoding === 'utf-8') return UTF8_CODEC;
  const codec: TextCodec = {
    name: decoder.encoding,
    kind: CODEC_OTHER,
    decode: (buf, start, end) => decoder.decode(buf.subarray(start, end)),
  };
  otherCodecs.set(key, codec);
  return codec;
}

const utf8Encoder = new TextEncoder();

/** UTF-8 bytes of a decoded range: single-byte encodings map byte by byte, others decode then encode. */
export function toUtf8(codec: TextCodec, buf: Uint8Array, start: number, end: number): Uint8Array {
  if (codec.kind === CODEC_UTF8) return buf.slice(start, end);
  const high = codec.high;
  if (high === undefined) return utf8Encoder.encode(codec.decode(buf, start, end));
  const out = new Uint8Array((end - start) * 3);
  let o = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    o = writeUtf8CodePoint(out, o, c < 0x80 ? c : high[c - 0x80]);
  }
  return out.subarray(0, o);
}

/** Appends the UTF-8 encoding of a code point at `at`, returns the new end. */
export function writeUtf8CodePoint(out: Uint8Array, at: number, cp: number): number {
  if (cp < 0x80) {
    out[at] = cp;
    return at + 1;
  }
  if (cp < 0x800) {
    out[at] = 0xc0 | (cp >> 6);
    out[at + 1] = 0x80 | (cp & 0x3f);
    return at + 2;
  }
  if (cp < 0x10000) {
    out[at] = 0xe0 | (cp >> 12);
    out[at + 1] = 0x80 | ((cp >> 6) & 0x3f);
    out[at + 2] = 0x80 | (cp & 0x3f);
    return at + 3;
  }
  out[at] = 0xf0 | (cp >> 18);
  out[at + 1] = 0x80 | ((cp >> 12) & 0x3f);
  out[at + 2] = 0x80 | ((cp >> 6) & 0x3f);
  out[at + 3] = 0x80 | (cp & 0x3f);
  return at + 4;
}

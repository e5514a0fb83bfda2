import { AMP } from '../reader/char-class.js';
import { ReferenceResult, readReference } from '../reader/references.js';
import { CODEC_UTF8, type TextCodec, toUtf8, writeUtf8CodePoint } from './codec.js';

const utf8Encoder = new TextEncoder();

// References were validated when the token was read; these only expand them.
const scratch = new ReferenceResult();

/**
 * Attribute-value normalization (XML 1.0 §3.3.3) of literal characters: a
 * CR LF pair, a CR, an LF or a TAB each become one space. Characters written
 * as references are not normalized.
 */
function normalizeSpaces(text: string): string {
  return text.replace(/\r\n|[\t\n\r]/g, ' ');
}

/** True when the range holds a literal TAB, LF or CR (attribute normalization would change it). */
export function hasLiteralWhitespaceToNormalize(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === 0x09 || c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/**
 * The string value of [start, end) with references expanded; `attribute`
 * applies attribute-value normalization. An unknown entity kept by the
 * 'preserve' policy stays as written.
 */
export function decodeResolved(
  codec: TextCodec,
  buf: Uint8Array,
  start: number,
  end: number,
  hasReferences: boolean,
  attribute: boolean,
): string {
  if (!hasReferences) {
    const text = codec.decode(buf, start, end);
    return attribute ? normalizeSpaces(text) : text;
  }
  let out = '';
  let run = start;
  let i = start;
  while (i < end) {
    if (buf[i] !== AMP) {
      i++;
      continue;
    }
    readReference(buf, i, end, 0, 'preserve', scratch);
    if (scratch.codePoint < 0) {
      i = scratch.end; // unknown entity: stays in the literal run
      continue;
    }
    const literal = codec.decode(buf, run, i);
    out += (attribute ? normalizeSpaces(literal) : literal) + String.fromCodePoint(scratch.codePoint);
    i = scratch.end;
    run = i;
  }
  const tail = codec.decode(buf, run, end);
  return out + (attribute ? normalizeSpaces(tail) : tail);
}

/**
 * The UTF-8 bytes of [start, end) with references expanded: a zero-copy view
 * when the range is UTF-8 with nothing to expand, otherwise a fresh array.
 * Expansion works on bytes, so a range ending inside a multi-byte character
 * (a chunk of a large object) keeps its bytes as they are.
 */
export function bytesResolved(
  codec: TextCodec,
  buf: Uint8Array,
  start: number,
  end: number,
  hasReferences: boolean,
  attribute: boolean,
): Uint8Array {
  if (codec.kind !== CODEC_UTF8) {
    if (!hasReferences && !attribute) return toUtf8(codec, buf, start, end);
    return utf8Encoder.encode(decodeResolved(codec, buf, start, end, hasReferences, attribute));
  }
  const normalize = attribute && hasLiteralWhitespaceToNormalize(buf, start, end);
  if (!hasReferences && !normalize) return buf.subarray(start, end);
  // A reference is never shorter than its UTF-8 encoding, so the input length bounds the output.
  const out = new Uint8Array(end - start);
  let o = 0;
  let i = start;
  while (i < end) {
    const c = buf[i];
    if (c === AMP && hasReferences) {
      readReference(buf, i, end, 0, 'preserve', scratch);
      if (scratch.codePoint >= 0) {
        o = writeUtf8CodePoint(out, o, scratch.codePoint);
        i = scratch.end;
        continue;
      }
    }
    if (normalize && (c === 0x09 || c === 0x0a || c === 0x0d)) {
      out[o++] = 0x20;
      i += c === 0x0d && i + 1 < end && buf[i + 1] === 0x0a ? 2 : 1;
      continue;
    }
    out[o++] = c;
    i++;
  }
  return out.subarray(0, o);
}

// Measuring a token that does not fit in the current chunk. The reader copies the first
// bytes of the token (across chunks) into a small scratch buffer and asks here how long the
// whole token is, so it can wait for exactly that many bytes and copy them once. Errors and
// limits are checked here exactly as the in-chunk path checks them (same code, offset, byte),
// so a document gives the same outcome however it is split.
import { GlobalToken } from '../constants.js';
import { WbxmlError } from '../errors.js';
import type { ResolvedReaderOptions } from './options.js';

/** Prefix bytes that always suffice: a header needs at most 1 + (1 + 5) + 5 + 5 = 17. */
export const PREFIX_BYTES = 17;

/** Where the answer of {@link measureToken} goes (one instance per reader, reused). */
export interface TokenMeasure {
  /** Total token length in bytes, or -1 when it ends with a terminated string. */
  length: number;
  /** For STR_I / EXT_I: offset of the string's first byte from the token start; else -1. */
  stringStart: number;
}

let mbNext = 0;

/** Reads an mb_u_int32 at p[i]; -1 when the prefix ends first. Sets `mbNext`. */
function mbAt(p: Uint8Array, i: number, n: number, abs: number, page: number): number {
  const first = i;
  let v = 0;
  for (let k = 0; k < 5; k++) {
    if (i >= n) return -1;
    const c = p[i++]!;
    v = v * 128 + (c & 0x7f);
    if (c < 0x80) {
      if (v > 0xffffffff) throw badMb(abs + first, p[first]!, page, 'is above 0xFFFFFFFF');
      mbNext = i;
      return v;
    }
  }
  throw badMb(abs + first, p[first]!, page, 'is longer than 5 bytes');
}

export function badMb(offset: number, byte: number, page: number, what: string): WbxmlError {
  return new WbxmlError('BAD_MB_UINT32', `multi-byte integer ${what}`, offset, byte, page);
}

export function tooLong(
  what: string,
  length: number,
  max: number,
  offset: number,
  byte: number,
  page: number,
): WbxmlError {
  return new WbxmlError(
    'LENGTH_LIMIT',
    `${what} of ${length} bytes is over the limit of ${max}`,
    offset,
    byte,
    page,
  );
}

export function badVersion(version: number, offset: number): WbxmlError {
  return new WbxmlError('BAD_VERSION', `unsupported WBXML version byte`, offset, version);
}

/**
 * Measures the header (`inHeader`) or the body token whose first `n` bytes are in `p`; `abs`
 * is the absolute offset of p[0]. Returns false when `n` bytes do not yet tell; otherwise fills
 * `out` and returns true. Throws the same WbxmlError the in-chunk path would.
 */
export function measureToken(
  p: Uint8Array,
  n: number,
  inHeader: boolean,
  limits: ResolvedReaderOptions,
  abs: number,
  page: number,
  out: TokenMeasure,
): boolean {
  out.length = -1;
  out.stringStart = -1;
  if (inHeader) {
    const version = p[0]!;
    if (version > 3) throw badVersion(version, abs);
    let publicId = mbAt(p, 1, n, abs, page);
    if (publicId < 0) return false;
    let i = mbNext;
    if (publicId === 0) {
      publicId = mbAt(p, i, n, abs, page);
      if (publicId < 0) return false;
      i = mbNext;
    }
    if (version !== 0) {
      if (mbAt(p, i, n, abs, page) < 0) return false;
      i = mbNext;
    }
    const lengthAt = i;
    const tableLength = mbAt(p, i, n, abs, page);
    if (tableLength < 0) return false;
    if (tableLength > limits.maxStringTableLength) {
      throw tooLong(
        'string table',
        tableLength,
        limits.maxStringTableLength,
        abs + lengthAt,
        p[lengthAt]!,
        -1,
      );
    }
    out.length = mbNext + tableLength;
    return true;
  }
  const b = p[0]!;
  switch (b) {
    case GlobalToken.SWITCH_PAGE:
      if (n < 2) return false;
      out.length = 2;
      return true;
    case GlobalToken.STR_I:
    case GlobalToken.EXT_I_0:
    case GlobalToken.EXT_I_1:
    case GlobalToken.EXT_I_2:
      out.stringStart = 1;
      return true;
    case GlobalToken.OPAQUE: {
      const length = mbAt(p, 1, n, abs, page);
      if (length < 0) return false;
      if (length > limits.maxOpaqueLength)
        throw tooLong('OPAQUE', length, limits.maxOpaqueLength, abs, b, page);
      out.length = mbNext + length;
      return true;
    }
    case GlobalToken.ENTITY:
    case GlobalToken.LITERAL:
    case GlobalToken.LITERAL_A:
    case GlobalToken.LITERAL_C:
    case GlobalToken.LITERAL_AC:
    case GlobalToken.EXT_T_0:
    case GlobalToken.EXT_T_1:
    case GlobalToken.EXT_T_2:
    case GlobalToken.STR_T:
      if (mbAt(p, 1, n, abs, page) < 0) return false;
      out.length = mbNext;
      return true;
    default:
      // Tag, attribute and single-byte global tokens are one byte; they never reach here.
      out.length = 1;
      return true;
  }
}

import { ItemCryptoError } from '../errors.js';

// Sextet value per ASCII byte; -1 = not in the alphabet, -2 = blank (skipped:
// clients wrap long base64 lines with CRLF), -3 = padding.
const SEXTET: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  for (const blank of [0x20, 0x09, 0x0d, 0x0a]) table[blank] = -2;
  table[0x3d] = -3;
  return table;
})();

function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * Strict standard base64 (RFC 4648 §4) to bytes. Blanks (space, tab, CR, LF)
 * are skipped; `=` padding is optional but, when present, must complete the
 * last quantum and be followed by blanks only. Any other byte is an error.
 *
 * @throws {ItemCryptoError} `BAD_BASE64` (400) with the offset of the offending byte.
 */
export function decodeBase64(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.floor((input.length * 3) / 4) + 3);
  let written = 0;
  let accumulator = 0;
  let sextets = 0;
  let padding = 0;
  let paddingStart = -1;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    const value = SEXTET[byte]!;
    if (value >= 0) {
      if (padding > 0) {
        throw new ItemCryptoError('BAD_BASE64', `base64 data after padding at byte ${i} (${hex(byte)})`, {
          offset: i,
          transformation: 'b64',
        });
      }
      accumulator = (accumulator << 6) | value;
      sextets++;
      if (sextets === 4) {
        out[written++] = (accumulator >> 16) & 0xff;
        out[written++] = (accumulator >> 8) & 0xff;
        out[written++] = accumulator & 0xff;
        accumulator = 0;
        sextets = 0;
      }
    } else if (value === -3) {
      if (padding === 0) paddingStart = i;
      padding++;
      // `=` may only fill the third and fourth sextet of the last quantum.
      if (sextets + padding > 4 || sextets < 2) {
        throw new ItemCryptoError('BAD_BASE64', `misplaced base64 padding at byte ${i}`, {
          offset: i,
          transformation: 'b64',
        });
      }
    } else if (value === -1) {
      throw new ItemCryptoError('BAD_BASE64', `invalid base64 byte ${hex(byte)} at byte ${i}`, {
        offset: i,
        transformation: 'b64',
      });
    }
  }
  if (padding > 0 && sextets + padding !== 4) {
    throw new ItemCryptoError('BAD_BASE64', `incomplete base64 padding at byte ${paddingStart}`, {
      offset: paddingStart,
      transformation: 'b64',
    });
  }
  if (sextets === 1) {
    throw new ItemCryptoError(
      'BAD_BASE64',
      `truncated base64 data (one sextet left) at byte ${input.length}`,
      {
        offset: input.length,
        transformation: 'b64',
      },
    );
  }
  if (sextets === 2) {
    out[written++] = (accumulator >> 4) & 0xff;
  } else if (sextets === 3) {
    out[written++] = (accumulator >> 10) & 0xff;
    out[written++] = (accumulator >> 2) & 0xff;
  }
  return out.subarray(0, written);
}

/** Bytes to standard padded base64 on one line, as ASCII bytes. */
export function encodeBase64(input: Uint8Array): Uint8Array {
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('base64');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

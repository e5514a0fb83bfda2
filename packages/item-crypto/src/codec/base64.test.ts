import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.js';
import { errorOf } from '../test-util/errors.test-util.js';

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('decodeBase64', () => {
  it.each([
    ['', ''],
    ['aGVsbG8=', 'hello'],
    ['aGVsbG8', 'hello'],
    ['aGVsbA==', 'hell'],
    ['aGVsbA', 'hell'],
    ['aGVs', 'hel'],
    ['aGVs\r\nbG8=\r\n', 'hello'],
    [' aG Vs\tbG8= ', 'hello'],
  ])('%j -> %j', (input, expected) => {
    expect(text(decodeBase64(ascii(input)))).toBe(expected);
  });

  it('agrees with Node for every length 0..64 of random bytes', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = randomBytes(length);
      const encoded = bytes.toString('base64');
      expect(Buffer.from(decodeBase64(ascii(encoded))).equals(bytes)).toBe(true);
      expect(text(encodeBase64(new Uint8Array(bytes)))).toBe(encoded);
    }
  });

  it.each([
    ['aGV*bG8=', 3, 'invalid base64 byte 0x2a at byte 3'],
    ['aGVsbG8=x', 8, 'base64 data after padding at byte 8 (0x78)'],
    ['aG=sbG8=', 3, 'base64 data after padding at byte 3 (0x73)'],
    ['a===', 1, 'misplaced base64 padding at byte 1'],
    ['aGVsb', 5, 'truncated base64 data (one sextet left) at byte 5'],
    ['aGVsbA=', 6, 'incomplete base64 padding at byte 6'],
    ['aGVsbG8\u00e9', 7, 'invalid base64 byte 0xe9 at byte 7'],
  ])('rejects %j at offset %i', (input, offset, message) => {
    const error = errorOf(() => decodeBase64(ascii(input)));
    expect(error).toMatchObject({ code: 'BAD_BASE64', status: 400, offset, transformation: 'b64', message });
  });
});

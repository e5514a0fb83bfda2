import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('base64', () => {
  it('encodes the RFC 4648 test vectors', () => {
    const enc = new TextEncoder();
    const cases: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of cases) {
      expect(encodeBase64(enc.encode(plain))).toBe(encoded);
      expect(decodeBase64(encoded)).toEqual(enc.encode(plain));
    }
  });

  it('round-trips every byte value', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(decodeBase64(encodeBase64(all))).toEqual(all);
  });

  it('skips whitespace and line breaks of folded values, accepts missing padding', () => {
    expect(decodeBase64(' Zm9v\r\n YmFy\n')).toEqual(new TextEncoder().encode('foobar'));
    expect(decodeBase64('Zm8')).toEqual(bytes(0x66, 0x6f));
    expect(decodeBase64(new TextEncoder().encode('Zg=='))).toEqual(bytes(0x66));
  });

  it('accepts the URL-safe alphabet', () => {
    expect(decodeBase64('-_8=')).toEqual(bytes(0xfb, 0xff));
  });

  it('rejects characters outside the alphabet, data after padding and a dangling sextet', () => {
    expect(decodeBase64('Zm9v*')).toBeUndefined();
    expect(decodeBase64('Zg==Zg==')).toBeUndefined();
    expect(decodeBase64('Zm9vY')).toBeUndefined();
    expect(decodeBase64('Zm\u00e9')).toBeUndefined();
  });
});

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveDesKey, desDecrypt, desEncrypt } from './des.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

// OpenSSL's own single-DES (legacy provider) is an independent implementation
// of the cipher; our des-ede3 with a tripled key must match it byte for byte.
function opensslDesEcb(plain: Uint8Array, key: Uint8Array): Uint8Array | undefined {
  try {
    const args = [
      'enc',
      '-des-ecb',
      '-provider',
      'legacy',
      '-provider',
      'default',
      '-nosalt',
      '-K',
      hex(key),
    ];
    return new Uint8Array(execFileSync('openssl', args, { input: plain }));
  } catch {
    return undefined;
  }
}
const haveOpensslDes = opensslDesEcb(new Uint8Array(1), new Uint8Array(8)) !== undefined;

describe('deriveDesKey', () => {
  it('is the first 8 bytes of MD5 of the UTF-8 password (syncml-facts §7.2)', () => {
    expect(hex(deriveDesKey('secret'))).toBe('5ebe2294ecd0e0f0');
  });
  it('hashes the UTF-8 bytes of the password, not Latin-1', () => {
    // Expected values from python3 hashlib: md5('päss'.encode('utf-8')) vs .encode('latin1').
    expect(hex(deriveDesKey('päss'))).toBe('9cb017269b4d82e2');
    expect(hex(deriveDesKey('päss'))).not.toBe('6d3c82fee0888c83');
  });
});

describe('desEncrypt / desDecrypt', () => {
  const key = deriveDesKey('secret');

  it('matches the §7.2 vector', () => {
    expect(Buffer.from(desEncrypt(Buffer.from('hello'), key)).toString('base64')).toBe('sXfNYrXmu68=');
    expect(Buffer.from(desDecrypt(Buffer.from('sXfNYrXmu68=', 'base64'), key)).toString()).toBe('hello');
  });

  it('pads a full block with a whole block of 0x08', () => {
    const encrypted = desEncrypt(Buffer.from('12345678'), key);
    expect(encrypted.length).toBe(16);
    expect(Buffer.from(desDecrypt(encrypted, key)).toString()).toBe('12345678');
  });

  it('round-trips every length 0..33 with random keys', () => {
    for (let length = 0; length <= 33; length++) {
      const plain = new Uint8Array(randomBytes(length));
      const randomKey = new Uint8Array(randomBytes(8));
      const encrypted = desEncrypt(plain, randomKey);
      expect(encrypted.length).toBe((Math.floor(length / 8) + 1) * 8);
      expect(hex(desDecrypt(encrypted, randomKey))).toBe(hex(plain));
    }
  });

  it.skipIf(!haveOpensslDes)('matches OpenSSL des-ecb (legacy provider) on random data', () => {
    for (let round = 0; round < 8; round++) {
      const plain = new Uint8Array(randomBytes(round * 7 + 1));
      const randomKey = new Uint8Array(randomBytes(8));
      expect(hex(desEncrypt(plain, randomKey))).toBe(hex(opensslDesEcb(plain, randomKey)!));
    }
  });

  it('reports a wrong key as bad padding (400)', () => {
    const encrypted = desEncrypt(Buffer.from('hello'), key);
    expect(() => desDecrypt(encrypted, deriveDesKey('wrong'))).toThrow(
      expect.objectContaining({ code: 'BAD_PADDING', status: 400, offset: 0, transformation: 'des' }),
    );
  });

  it('rejects padding bytes that disagree', () => {
    // Encrypt a block whose last byte claims 3 pad bytes but the bytes before differ.
    const forged = desEncrypt(new Uint8Array([1, 2, 3, 4, 5, 9, 3, 3]), key).subarray(0, 8);
    expect(() => desDecrypt(forged, key)).toThrow(expect.objectContaining({ code: 'BAD_PADDING' }));
  });

  it.each([0, 5, 15])('rejects %i ciphertext bytes', (length) => {
    expect(() => desDecrypt(new Uint8Array(length), key)).toThrow(
      expect.objectContaining({ code: 'BAD_CIPHERTEXT_LENGTH', status: 400, offset: length }),
    );
  });

  it('rejects a key that is not 8 bytes', () => {
    expect(() => desEncrypt(new Uint8Array(1), new Uint8Array(16))).toThrow(
      expect.objectContaining({ code: 'INVALID_KEY', status: 500 }),
    );
  });
});

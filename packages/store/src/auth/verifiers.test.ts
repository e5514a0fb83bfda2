import { createDecipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { desKey, md5Verifier, verifierEquals } from './verifiers.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('md5Verifier (syncml-facts.md §5 vectors)', () => {
  it.each([
    ['super', 'user', '11JrMX94iTR1ob5KZFtEwQ=='],
    ['test', 'test', 'xPlhtDgO4k2YL+127za+nw=='],
    ['Bruce2', 'OhBehave', 'PtEdr8lBQ45IbT1bZIkrOQ=='],
  ])('B64(MD5("%s:%s")) = %s', (login, password, expected) => {
    expect(md5Verifier(login, password)).toBe(expected);
  });

  it('serves SyncML 1.1/1.2 MD5: B64(MD5(verifier + ":" + nonce)) gives the §5 credential', () => {
    const verifier = md5Verifier('Bruce2', 'OhBehave');
    const data = createHash('md5').update(`${verifier}:Nonce`).digest('base64');
    expect(data).toBe('Zz6EivR3yeaaENcRN6lpAQ==');
  });

  it('hashes UTF-8 bytes', () => {
    // MD5("é:é") over UTF-8 (c3 a9 3a c3 a9), not Latin-1.
    const expected = createHash('md5')
      .update(Buffer.from([0xc3, 0xa9, 0x3a, 0xc3, 0xa9]))
      .digest('base64');
    expect(md5Verifier('é', 'é')).toBe(expected);
  });
});

describe('desKey (syncml-facts.md §7.2)', () => {
  it('is the first 8 bytes of MD5(password)', () => {
    expect(hex(desKey('secret'))).toBe('5ebe2294ecd0e0f0');
  });

  it('decrypts the §7.2 wire vector: "sXfNYrXmu68=" -> "hello" with password "secret"', () => {
    const key = Buffer.from(desKey('secret'));
    // Node 20 / OpenSSL 3 has no single DES without the legacy provider; 3DES with k||k||k is the same cipher.
    const decipher = createDecipheriv('des-ede3', Buffer.concat([key, key, key]), null);
    const clear = Buffer.concat([decipher.update(Buffer.from('sXfNYrXmu68=', 'base64')), decipher.final()]);
    expect(clear.toString('utf8')).toBe('hello');
  });
});

describe('verifierEquals', () => {
  it('is true only for identical strings', () => {
    expect(verifierEquals('xPlhtDgO4k2YL+127za+nw==', 'xPlhtDgO4k2YL+127za+nw==')).toBe(true);
    expect(verifierEquals('xPlhtDgO4k2YL+127za+nw==', 'xPlhtDgO4k2YL+127za+nW==')).toBe(false);
    expect(verifierEquals('abc', 'abcd')).toBe(false);
    expect(verifierEquals('', '')).toBe(true);
  });
});

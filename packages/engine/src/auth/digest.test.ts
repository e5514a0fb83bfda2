import { describe, expect, test } from 'vitest';
import { b64md5, md5Digest10, md5Digest11, md5Verifier, safeEqual } from './digest.js';

// Vectors from syncml-facts.md §5 (python hashlib; the first two also in libsynthesis).
describe('SyncML MD5 formulas', () => {
  test('verifiers', () => {
    expect(b64md5('super:user')).toBe('11JrMX94iTR1ob5KZFtEwQ==');
    expect(md5Verifier('test', 'test')).toBe('xPlhtDgO4k2YL+127za+nw==');
    expect(md5Verifier('Bruce2', 'OhBehave')).toBe('PtEdr8lBQ45IbT1bZIkrOQ==');
  });
  test('1.1+ digest', () => {
    expect(md5Digest11('PtEdr8lBQ45IbT1bZIkrOQ==', Buffer.from('Nonce'))).toBe('Zz6EivR3yeaaENcRN6lpAQ==');
  });
  test('1.0 digest', () => {
    expect(md5Digest10('Bruce2', 'OhBehave', Buffer.from('Nonce'))).toBe('UmkqAAZhiQvXXhfaf/u+OQ==');
  });
  test('safeEqual', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

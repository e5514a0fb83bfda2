import { Payload } from '@syncds/syncml';
import { describe, expect, it } from 'vitest';
import { authTypeOf, basicCredentialData, credential, md5CredentialData, nonceBytes } from './credentials.js';

// Vectors of syncml-facts.md §5 (python3 hashlib, two of them also in libsynthesis).
describe('credentials', () => {
  const nonce = new TextEncoder().encode('Nonce');

  it('computes basic data', () => {
    expect(basicCredentialData('Bruce2', 'OhBehave')).toBe('QnJ1Y2UyOk9oQmVoYXZl');
    expect(basicCredentialData('syncmltest', 'syncmltest')).toBe('c3luY21sdGVzdDpzeW5jbWx0ZXN0');
  });

  it('computes the SyncML 1.1/1.2 MD5 formula over B64(MD5(user:password))', () => {
    expect(md5CredentialData('Bruce2', 'OhBehave', nonce, '1.1')).toBe('Zz6EivR3yeaaENcRN6lpAQ==');
    expect(md5CredentialData('Bruce2', 'OhBehave', nonce, '1.2')).toBe('Zz6EivR3yeaaENcRN6lpAQ==');
  });

  it('computes the SyncML 1.0 MD5 formula over user:password:nonce', () => {
    expect(md5CredentialData('Bruce2', 'OhBehave', nonce, '1.0')).toBe('UmkqAAZhiQvXXhfaf/u+OQ==');
  });

  it('hashes nonce bytes as they are, NUL included', () => {
    const withNul = new Uint8Array([0x4e, 0x00, 0x63]);
    expect(md5CredentialData('u', 'p', withNul, '1.2')).not.toBe(
      md5CredentialData('u', 'p', new Uint8Array([0x4e, 0x63]), '1.2'),
    );
  });

  it('builds a Cred with type and b64 format', () => {
    const cred = credential('md5', 'Bruce2', 'OhBehave', nonce, '1.1');
    expect(cred.meta).toEqual({ type: 'syncml:auth-md5', format: 'b64' });
    expect(cred.data.text()).toBe('Zz6EivR3yeaaENcRN6lpAQ==');
    expect(credential('basic', 'Bruce2', 'OhBehave', nonce, '1.0').data.text()).toBe('QnJ1Y2UyOk9oQmVoYXZl');
  });

  it('names the auth type of a Meta Type, case-insensitively', () => {
    expect(authTypeOf('syncml:auth-basic')).toBe('basic');
    expect(authTypeOf(' SYNCML:AUTH-MD5 ')).toBe('md5');
    expect(authTypeOf('syncml:auth-x509')).toBeUndefined();
    expect(authTypeOf(undefined)).toBeUndefined();
  });

  it('decodes a b64 nonce and keeps a bin one', () => {
    expect([...nonceBytes(Payload.fromText('Tm9uY2U='), 'b64')]).toEqual([...nonce]);
    expect([...nonceBytes(Payload.fromText('Tm9uY2U='), undefined)]).toEqual([...nonce]);
    expect([...nonceBytes(Payload.fromBytes(new Uint8Array([1, 0, 2])), 'bin')]).toEqual([1, 0, 2]);
  });
});

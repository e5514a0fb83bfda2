import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { normalizeDomain, normalizeLogin } from './login.js';

describe('normalizeLogin', () => {
  it('lower-cases and splits at the last @', () => {
    expect(normalizeLogin('  John.Doe@Example.COM ', 254)).toEqual({
      login: 'john.doe@example.com',
      domain: 'example.com',
    });
    expect(normalizeLogin('a@b@host.org', 254)).toEqual({ login: 'a@b@host.org', domain: 'host.org' });
  });

  it.each([
    ['no at sign', 'john.example.com'],
    ['empty local part', '@example.com'],
    ['empty domain', 'john@'],
    ['empty domain label', 'john@example..com'],
    ['space inside', 'jo hn@example.com'],
    ['control character', 'john\u0000@example.com'],
    ['slash', 'john/x@example.com'],
  ])('rejects %s with INVALID', (_label, login) => {
    const error = (() => {
      try {
        normalizeLogin(login, 254);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('INVALID');
    expect((error as StoreError).status).toBe(400);
    expect((error as StoreError).path).toBe('login');
  });

  it('rejects a login over the limit with TOO_LARGE', () => {
    expect(() => normalizeLogin(`${'a'.repeat(20)}@example.com`, 30)).toThrow(
      expect.objectContaining({ code: 'TOO_LARGE', status: 413 }),
    );
  });
});

describe('normalizeDomain', () => {
  it('lower-cases and trims', () => {
    expect(normalizeDomain(' Example.ORG ')).toBe('example.org');
  });

  it.each(['', '.', 'a..b', 'a b.com', 'x@y.com', 'a'.repeat(254)])('rejects %j', (name) => {
    expect(() => normalizeDomain(name)).toThrow(expect.objectContaining({ code: 'INVALID' }));
  });
});

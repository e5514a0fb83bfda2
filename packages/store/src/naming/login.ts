import { StoreError } from '../errors.js';

/** Longest DNS name (RFC 1035: 255 octets on the wire, 253 as text). */
const MAX_DOMAIN_LENGTH = 253;

/** Whitespace, control characters, and characters that never belong in an address we store. */
const FORBIDDEN_IN_ADDRESS = /[\s\p{Cc}/\\"]/u;

/**
 * Normalises a domain name: trimmed, lower-cased; rejects empty labels, whitespace, control characters and
 * `@`. Throws INVALID.
 */
export function normalizeDomain(name: string, path = 'domain'): string {
  if (typeof name !== 'string') throw new StoreError('INVALID', 'domain name must be a string', { path });
  const domain = name.trim().toLowerCase();
  if (
    domain.length === 0 ||
    domain.length > MAX_DOMAIN_LENGTH ||
    domain.includes('@') ||
    FORBIDDEN_IN_ADDRESS.test(domain) ||
    domain.split('.').some((label) => label.length === 0)
  ) {
    throw new StoreError('INVALID', `invalid domain name ${JSON.stringify(name)}`, { path });
  }
  return domain;
}

export interface NormalizedLogin {
  readonly login: string;
  readonly domain: string;
}

/**
 * Normalises a login (R4: the account's full e-mail address): trimmed and lower-cased; the domain is the
 * part after the last `@`. Throws INVALID for anything that is not `local@domain`, TOO_LARGE past the limit.
 */
export function normalizeLogin(login: string, maxLength: number, path = 'login'): NormalizedLogin {
  if (typeof login !== 'string') throw new StoreError('INVALID', 'login must be a string', { path });
  const normalized = login.trim().toLowerCase();
  if (normalized.length > maxLength) {
    throw new StoreError('TOO_LARGE', `login is longer than ${maxLength} characters`, { path });
  }
  const at = normalized.lastIndexOf('@');
  const local = normalized.slice(0, at);
  if (at <= 0 || FORBIDDEN_IN_ADDRESS.test(local)) {
    throw new StoreError('INVALID', `invalid login ${JSON.stringify(login)}: expected user@domain`, { path });
  }
  return { login: normalized, domain: normalizeDomain(normalized.slice(at + 1), path) };
}

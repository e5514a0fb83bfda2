import { StoreError } from './errors.js';

/** Page size used when a listing call gives none. */
export const DEFAULT_PAGE_SIZE = 100;

const NUL = '\u0000';

/** A non-empty string of at most `max` characters without NUL (NUL truncates strings in some drivers). */
export function checkText(value: unknown, max: number, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.includes(NUL)) {
    throw new StoreError('INVALID', `${path} must be a non-empty string without NUL`, { path });
  }
  if (value.length > max) {
    throw new StoreError('TOO_LARGE', `${path} is longer than ${max} characters`, { path });
  }
  return value;
}

/** Like checkText, but null passes. */
export function checkTextOrNull(value: unknown, max: number, path: string): string | null {
  return value === null ? null : checkText(value, max, path);
}

export function checkBytes(value: unknown, max: number, path: string): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new StoreError('INVALID', `${path} must be a Uint8Array`, { path });
  }
  if (value.byteLength > max) {
    throw new StoreError('TOO_LARGE', `${path} is larger than ${max} bytes`, { path });
  }
  return value;
}

/** A store id: positive safe integer. */
export function checkId(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new StoreError('INVALID', `${path} must be a positive integer id`, { path });
  }
  return value;
}

/** A sequence number, version or timestamp: non-negative safe integer. */
export function checkCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new StoreError('INVALID', `${path} must be a non-negative integer`, { path });
  }
  return value;
}

export function checkBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new StoreError('INVALID', `${path} must be a boolean`, { path });
  return value;
}

/** Page size: DEFAULT_PAGE_SIZE when absent, else 1..max. */
export function checkPageLimit(value: unknown, max: number, path = 'limit'): number {
  if (value === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new StoreError('INVALID', `${path} must be an integer from 1 to ${max}`, { path });
  }
  return value;
}

/** Longest keyset cursor (`after`) accepted: a GUID, login, domain or LUID. */
const MAX_CURSOR_LENGTH = 1024;

/** The `after` of a page request: absent, or the `next` string of an earlier page. */
export function checkCursor(value: unknown, path = 'after'): string {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > MAX_CURSOR_LENGTH) {
    throw new StoreError('INVALID', `${path} must be the next cursor of an earlier page`, { path });
  }
  return value;
}

/** An options or changes object: `{}` when absent; INVALID for null or a non-object. */
export function checkObject<T extends object>(value: T | undefined, path: string): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new StoreError('INVALID', `${path} must be an object`, { path });
  }
  return value;
}

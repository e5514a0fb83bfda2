import { dialectOf, type VersitDialect } from '../dialect.js';
import { PhysicalLineReader } from './physical-lines.js';

function startsWithToken(bytes: Uint8Array, start: number, end: number, token: string): boolean {
  if (end - start <= token.length) return false;
  for (let i = 0; i < token.length; i++) {
    const b = bytes[start + i]! | 0x20; // ASCII lower-case
    if (b !== token.charCodeAt(i)) return false;
  }
  return true;
}

function asciiValue(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i]!);
  return out.trim();
}

/**
 * The dialect of Versit bytes from the first `BEGIN:` line and the first
 * `VERSION:` line, or undefined when there is no BEGIN or the pair is unknown.
 * Reads physical lines only: it runs before unfolding, which depends on it.
 */
export function detectDialect(input: Uint8Array | string): VersitDialect | undefined {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const reader = new PhysicalLineReader(bytes);
  let component: string | undefined;
  let version: string | undefined;
  for (let line = reader.next(); line !== undefined; line = reader.next()) {
    if (component === undefined && startsWithToken(bytes, line.start, line.end, 'begin:')) {
      component = asciiValue(bytes, line.start + 6, line.end);
    } else if (version === undefined && startsWithToken(bytes, line.start, line.end, 'version:')) {
      version = asciiValue(bytes, line.start + 8, line.end);
    }
    if (component !== undefined && version !== undefined) break;
  }
  return component === undefined ? undefined : dialectOf(component, version);
}

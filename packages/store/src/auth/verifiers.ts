import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * B64(MD5(login + ":" + password)) over UTF-8 (syncml-facts.md §5). It checks basic credentials (recompute and
 * compare) and SyncML 1.1/1.2 MD5 credentials (the client hashes it again with the nonce), so the clear
 * password need not be kept. The store passes the lower-cased login.
 */
export function md5Verifier(login: string, password: string): string {
  return createHash('md5').update(`${login}:${password}`, 'utf8').digest('base64');
}

/** First 8 bytes of MD5(UTF-8 password): the key of Funambol's `des;b64` item encoding (syncml-facts.md §7.2). */
export function desKey(password: string): Uint8Array {
  return new Uint8Array(createHash('md5').update(password, 'utf8').digest().subarray(0, 8));
}

/** Compares two ASCII strings (verifiers) in time that does not depend on where they differ. */
export function verifierEquals(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // timingSafeEqual needs equal lengths; comparing `left` with itself keeps the work the same on a mismatch.
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

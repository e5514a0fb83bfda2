import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** B64(MD5(bytes)): the building block of every SyncML MD5 formula (syncml-facts.md §5). */
export function b64md5(input: string | Uint8Array): string {
  return createHash('md5').update(input).digest('base64');
}

/** B64(MD5(user:password)): the verifier the store keeps for MD5 (1.1+) and basic. */
export function md5Verifier(user: string, password: string): string {
  return b64md5(`${user}:${password}`);
}

/** SyncML 1.1/1.2: B64(MD5( B64(MD5(user:password)) + ":" + nonce )), over the decoded nonce bytes. */
export function md5Digest11(verifier: string, nonce: Uint8Array): string {
  return createHash('md5').update(verifier).update(':').update(nonce).digest('base64');
}

/** SyncML 1.0: B64(MD5(user:password:nonce)): needs the clear password. */
export function md5Digest10(user: string, password: string, nonce: Uint8Array): string {
  return createHash('md5').update(`${user}:${password}:`).update(nonce).digest('base64');
}

/** Constant-time comparison of two ASCII strings (digests, verifiers). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ab.length !== bb.length) return false;
  return timingSafeEqual(ab, bb);
}

/** A fresh nonce: 16 random bytes, carried base64 in NextNonce. */
export function newNonce(random: (n: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(16)).toString('base64');
}

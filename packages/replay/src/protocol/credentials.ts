import { createHash } from 'node:crypto';
import { type Cred, Payload, type SyncMLVersion } from '@syncds/syncml';

export const AUTH_BASIC = 'syncml:auth-basic';
export const AUTH_MD5 = 'syncml:auth-md5';

/** The two SyncML authentication types. */
export type AuthType = 'basic' | 'md5';

/** `syncml:auth-basic` data: B64("user:password") (syncml-facts.md §5). */
export function basicCredentialData(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
}

/**
 * `syncml:auth-md5` data over the decoded nonce bytes (syncml-facts.md §5): SyncML 1.1 and 1.2
 * hash B64(MD5(user:password)) + ":" + nonce; SyncML 1.0 hashes user:password:nonce.
 */
export function md5CredentialData(
  user: string,
  password: string,
  nonce: Uint8Array,
  version: SyncMLVersion,
): string {
  if (version === '1.0') {
    return createHash('md5').update(`${user}:${password}:`, 'utf8').update(nonce).digest('base64');
  }
  const verifier = createHash('md5').update(`${user}:${password}`, 'utf8').digest('base64');
  return createHash('md5').update(verifier).update(':').update(nonce).digest('base64');
}

/** A SyncHdr `Cred` of the given type (base64 data, `Format b64`). */
export function credential(
  type: AuthType,
  user: string,
  password: string,
  nonce: Uint8Array,
  version: SyncMLVersion,
): Cred {
  const data =
    type === 'basic'
      ? basicCredentialData(user, password)
      : md5CredentialData(user, password, nonce, version);
  return {
    meta: { type: type === 'basic' ? AUTH_BASIC : AUTH_MD5, format: 'b64' },
    data: Payload.fromText(data),
  };
}

/** The auth type a Cred or Chal Meta Type names; undefined for anything else. */
export function authTypeOf(metaType: string | undefined): AuthType | undefined {
  const t = metaType?.trim().toLowerCase();
  if (t === AUTH_BASIC) return 'basic';
  if (t === AUTH_MD5) return 'md5';
  return undefined;
}

/**
 * The nonce bytes of a NextNonce as carried: base64 text when Format is b64 (the usual
 * case, and the default this reads), raw bytes when Format says `bin` (WBXML peers may send
 * them so).
 */
export function nonceBytes(nextNonce: Payload, format: string | undefined): Uint8Array {
  const f = format?.trim().toLowerCase();
  if (f === 'bin' || f === 'chr') return nextNonce.bytes().slice();
  return new Uint8Array(Buffer.from(nextNonce.text().trim(), 'base64'));
}

import type { GroupwareStore } from '@syncds/store';
import { type Chal, type Cred, Payload, type SyncMLMessage } from '@syncds/syncml';
import type { AuthPolicy } from '../config.js';
import type { EngineLogger } from '../log.js';
import { StatusCode } from '../protocol/status-codes.js';
import type { SessionStore } from '../session/session-store.js';
import { md5Digest10, md5Digest11, newNonce, safeEqual } from './digest.js';

export const AUTH_BASIC = 'syncml:auth-basic';
export const AUTH_MD5 = 'syncml:auth-md5';

/** How long a nonce we handed out stays valid for the device's next MD5 attempt. */
const NONCE_TTL_MS = 30 * 24 * 3600 * 1000;
/** How long we remember that a device was challenged for using a disallowed auth type. */
const DISALLOWED_TTL_MS = 15 * 60 * 1000;

export interface AuthResult {
  ok: boolean;
  /** SyncHdr status: 212 on success, 401 / 407 / 400 / 406 on failure. */
  status: number;
  chal: Chal | undefined;
  login: string | undefined;
  type: 'basic' | 'md5' | undefined;
  /** No further attempt is welcome in this session (disallowed type tried twice, too many failures). */
  refuse: boolean;
  /** For the log. */
  reason: string;
}

export interface AuthContext {
  store: GroupwareStore;
  sessions: SessionStore;
  policy: AuthPolicy;
  logger: EngineLogger;
  random: (n: number) => Uint8Array;
}

/**
 * Checks the credentials of a message (R4). The SyncHdr carries them; some
 * clients put them on the first Alert instead, which is accepted too.
 */
export async function authenticate(
  ctx: AuthContext,
  msg: SyncMLMessage,
  deviceId: string,
  failuresSoFar: number,
  maxFailures: number,
): Promise<AuthResult> {
  const cred = msg.header.cred ?? firstAlertCred(msg);
  if (cred === undefined) {
    return fail(
      StatusCode.MissingCredentials,
      await challenge(ctx, deviceId, preferredType(ctx.policy)),
      'no credentials',
    );
  }
  const type = (cred.meta?.type ?? AUTH_BASIC).trim().toLowerCase();
  if (type !== AUTH_BASIC && type !== AUTH_MD5) {
    return fail(
      StatusCode.InvalidCredentials,
      await challenge(ctx, deviceId, preferredType(ctx.policy)),
      `unknown auth type ${type}`,
    );
  }
  const kind = type === AUTH_BASIC ? 'basic' : 'md5';
  if (!allowed(ctx.policy, kind)) return disallowedType(ctx, deviceId, kind);

  const result = kind === 'basic' ? await checkBasic(ctx, cred) : await checkMd5(ctx, msg, deviceId, cred);
  if (!result.ok) {
    const refuse = failuresSoFar + 1 >= maxFailures;
    const chal = refuse
      ? undefined
      : await challenge(ctx, deviceId, kind === 'md5' ? 'md5' : preferredType(ctx.policy));
    return { ...fail(StatusCode.InvalidCredentials, chal, result.reason), refuse };
  }
  // 212: authenticated for the whole session. MD5 clients get the nonce for their next session now.
  const chal =
    allowed(ctx.policy, 'md5') && kind === 'md5' ? await challenge(ctx, deviceId, 'md5') : undefined;
  return {
    ok: true,
    status: StatusCode.AuthenticationAccepted,
    chal,
    login: result.login,
    type: kind,
    refuse: false,
    reason: 'ok',
  };
}

function firstAlertCred(msg: SyncMLMessage): Cred | undefined {
  for (const c of msg.commands) if (c.kind === 'Alert' && c.cred !== undefined) return c.cred;
  return undefined;
}

function allowed(policy: AuthPolicy, kind: 'basic' | 'md5'): boolean {
  return policy === 'basic-or-md5' || policy === kind;
}

function preferredType(policy: AuthPolicy): 'basic' | 'md5' {
  return policy === 'basic' ? 'basic' : 'md5';
}

/** A Chal for `kind`; for MD5 with a fresh nonce remembered for the device. */
async function challenge(ctx: AuthContext, deviceId: string, kind: 'basic' | 'md5'): Promise<Chal> {
  if (kind === 'basic') return { meta: { type: AUTH_BASIC, format: 'b64' } };
  const nonce = newNonce(ctx.random);
  await ctx.sessions.setDeviceValue(`nonce\u0000${deviceId}`, nonce, NONCE_TTL_MS);
  return { meta: { type: AUTH_MD5, format: 'b64', nextNonce: Payload.fromText(nonce) } };
}

/**
 * R4: a client using the type the policy does not allow is challenged for the
 * allowed type once; trying the disallowed type again is refused.
 */
async function disallowedType(
  ctx: AuthContext,
  deviceId: string,
  kind: 'basic' | 'md5',
): Promise<AuthResult> {
  const key = `disallowed\u0000${deviceId}`;
  const seen = await ctx.sessions.getDeviceValue(key);
  if (seen === kind) {
    await ctx.sessions.setDeviceValue(key, '', 1);
    return {
      ok: false,
      status: StatusCode.InvalidCredentials,
      chal: undefined,
      login: undefined,
      type: kind,
      refuse: true,
      reason: `auth type ${kind} not allowed (policy ${ctx.policy}), tried again: refused`,
    };
  }
  await ctx.sessions.setDeviceValue(key, kind, DISALLOWED_TTL_MS);
  const allowedKind = kind === 'basic' ? 'md5' : 'basic';
  return {
    ok: false,
    status: StatusCode.InvalidCredentials,
    chal: await challenge(ctx, deviceId, allowedKind),
    login: undefined,
    type: kind,
    refuse: false,
    reason: `auth type ${kind} not allowed (policy ${ctx.policy}): challenged for ${allowedKind}`,
  };
}

function fail(status: number, chal: Chal | undefined, reason: string): AuthResult {
  return { ok: false, status, chal, login: undefined, type: undefined, refuse: false, reason };
}

interface CheckResult {
  ok: boolean;
  login: string | undefined;
  reason: string;
}

async function checkBasic(ctx: AuthContext, cred: Cred): Promise<CheckResult> {
  // Basic data is always base64 of "user:password", whatever Format says (syncml-facts.md §5).
  const decoded = Buffer.from(cred.data.text().trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return { ok: false, login: undefined, reason: 'malformed basic credentials' };
  const login = decoded.slice(0, colon).trim().toLowerCase();
  const password = decoded.slice(colon + 1);
  const ok = await ctx.store.verifyBasic(login, password);
  return { ok, login: ok ? login : undefined, reason: ok ? 'ok' : `wrong basic credentials for ${login}` };
}

async function checkMd5(
  ctx: AuthContext,
  msg: SyncMLMessage,
  deviceId: string,
  cred: Cred,
): Promise<CheckResult> {
  const user = msg.header.source.locName?.trim();
  if (!user)
    return { ok: false, login: undefined, reason: 'MD5 credentials without a user name (Source LocName)' };
  const login = user.toLowerCase();
  const nonceB64 = await ctx.sessions.getDeviceValue(`nonce\u0000${deviceId}`);
  if (nonceB64 === undefined)
    return { ok: false, login: undefined, reason: `no nonce issued to ${deviceId} yet` };
  const verifiers = await ctx.store.getVerifiers(login);
  if (verifiers === null)
    return { ok: false, login: undefined, reason: `unknown or disabled account ${login}` };
  const nonce = Buffer.from(nonceB64, 'base64');
  const given = credentialDigest(cred);
  let expected: string;
  if (msg.header.version === '1.0') {
    if (verifiers.clearPassword === null) {
      return {
        ok: false,
        login: undefined,
        reason: `SyncML 1.0 MD5 needs the clear password of ${login}, which is not kept`,
      };
    }
    expected = md5Digest10(user, verifiers.clearPassword, nonce);
  } else {
    expected = md5Digest11(verifiers.md5Verifier, nonce);
  }
  const ok = safeEqual(given, expected);
  return { ok, login: ok ? login : undefined, reason: ok ? 'ok' : `wrong MD5 credentials for ${login}` };
}

/** The digest as base64 text: WBXML clients may send the 16 raw bytes (Format bin/chr). */
function credentialDigest(cred: Cred): string {
  const bytes = cred.data.bytes();
  const format = cred.meta?.format?.toLowerCase();
  if (format !== 'b64' && bytes.length === 16) return Buffer.from(bytes).toString('base64');
  return cred.data.text().trim();
}

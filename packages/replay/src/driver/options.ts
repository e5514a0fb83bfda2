import { randomBytes } from 'node:crypto';
import { ReplayError } from '../errors.js';
import type { AuthType } from '../protocol/credentials.js';
import { DatabaseMap } from '../rewrite/databases.js';
import { createHttpTransport, type Transport } from '../transport/http.js';
import type { RunReport, StepReport } from './report.js';

/** How to replay a capture. `url`, `user` and `password` are required. */
export interface ReplayOptions {
  /** The server's SyncML endpoint, e.g. `http://127.0.0.1:8080/syncml/` (query parameters allowed). */
  url: string;
  /** Login of the account to sync (the full e-mail address for syncds). */
  user: string;
  password: string;
  /** Send each message as recorded (`recorded`, default), or re-encoded as `xml` or `wbxml`. */
  encoding?: 'recorded' | 'xml' | 'wbxml' | undefined;
  /**
   * Authentication type: `recorded` (default: the type the recorded client used) or `basic` /
   * `md5` whatever it used. A challenge from the server switches to the type it asks for.
   */
  auth?: 'recorded' | AuthType | undefined;
  /** Remote database names to rename, e.g. `[['scard', 'Contacts']]`. Default none. */
  databases?: Iterable<readonly [string, string]> | undefined;
  /** Device id to send instead of the recorded one (SyncHdr Source LocURI). Default: the recorded one. */
  device?: string | undefined;
  /**
   * `unique` (default): each run gets the recorded SessionID plus a suffix unique to this replay,
   * so replaying a capture twice is two sessions, not a retransmission; `recorded`: as recorded.
   */
  sessionIds?: 'unique' | 'recorded' | undefined;
  /** Ids of the runs to replay (`['1', '3']`). Default: all, in order. */
  runs?: readonly string[] | undefined;
  /** How messages are sent. Default: {@link createHttpTransport} with `timeoutMs` and `maxResponseSize`. */
  transport?: Transport | undefined;
  /** For the default transport: reply timeout in ms. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Largest reply accepted, in bytes (also the reply parser's limit). Default 16 MiB. */
  maxResponseSize?: number | undefined;
  /** How often one message is sent again after a 401/407 challenge. Default {@link DEFAULT_MAX_AUTH_RETRIES}. */
  maxAuthRetries?: number | undefined;
  /** Most Alert 222 messages sent to get the rest of one package of our server. Default {@link DEFAULT_MAX_CONTINUATIONS}. */
  maxContinuations?: number | undefined;
  /** Called after every step (for progress output). */
  onStep?: ((step: StepReport, run: RunReport) => void) | undefined;
}

/** Default `maxAuthRetries`: a challenge for another type, then one for a fresh nonce. */
export const DEFAULT_MAX_AUTH_RETRIES = 2;
/** Default `maxContinuations`: a package of our server spread over more messages than this is not ending. */
export const DEFAULT_MAX_CONTINUATIONS = 64;
/** Default largest reply: 16 MiB. */
export const DEFAULT_REPLAY_MAX_RESPONSE_SIZE: number = 16 * 1024 * 1024;

export interface ResolvedReplayOptions {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly encoding: 'recorded' | 'xml' | 'wbxml';
  readonly auth: 'recorded' | AuthType;
  readonly databases: DatabaseMap;
  readonly device: string | undefined;
  readonly sessionIds: 'unique' | 'recorded';
  /** Suffix of unique session ids. */
  readonly sessionTag: string;
  readonly runs: readonly string[] | undefined;
  readonly transport: Transport;
  /** True when the transport was made here (and is closed at the end). */
  readonly ownsTransport: boolean;
  readonly maxResponseSize: number;
  readonly maxAuthRetries: number;
  readonly maxContinuations: number;
  readonly onStep: ((step: StepReport, run: RunReport) => void) | undefined;
}

/** Checks every option and fills in the defaults. Throws ReplayError BAD_OPTION. */
export function resolveReplayOptions(options: ReplayOptions): ResolvedReplayOptions {
  if (options === null || typeof options !== 'object') throw bad('replay options are required');
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw bad(`url must be an http(s) URL, got ${JSON.stringify(options.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw bad(`url must be an http(s) URL, got ${JSON.stringify(options.url)}`);
  }
  if (typeof options.user !== 'string' || options.user.trim() === '') throw bad('user is required');
  if (typeof options.password !== 'string') throw bad('password is required');
  const encoding = oneOf(options.encoding, ['recorded', 'xml', 'wbxml'] as const, 'recorded', 'encoding');
  const auth = oneOf(options.auth, ['recorded', 'basic', 'md5'] as const, 'recorded', 'auth');
  const sessionIds = oneOf(options.sessionIds, ['unique', 'recorded'] as const, 'unique', 'sessionIds');
  if (options.device !== undefined && options.device.trim() === '') throw bad('device must not be empty');
  const maxResponseSize = int(
    options.maxResponseSize,
    DEFAULT_REPLAY_MAX_RESPONSE_SIZE,
    1,
    'maxResponseSize',
  );
  const timeoutMs = int(options.timeoutMs, 30_000, 1, 'timeoutMs');
  const ownsTransport = options.transport === undefined;
  return {
    url: options.url,
    user: options.user.trim(),
    password: options.password,
    encoding,
    auth,
    databases: new DatabaseMap(options.databases ?? []),
    device: options.device?.trim(),
    sessionIds,
    sessionTag: randomBytes(4).readUInt32BE(0).toString(36),
    runs: options.runs,
    transport: options.transport ?? createHttpTransport({ connections: 1, timeoutMs, maxResponseSize }),
    ownsTransport,
    maxResponseSize,
    maxAuthRetries: int(options.maxAuthRetries, DEFAULT_MAX_AUTH_RETRIES, 0, 'maxAuthRetries'),
    maxContinuations: int(options.maxContinuations, DEFAULT_MAX_CONTINUATIONS, 0, 'maxContinuations'),
    onStep: options.onStep,
  };
}

function bad(message: string): ReplayError {
  return new ReplayError('BAD_OPTION', message);
}

function oneOf<T extends string>(value: T | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value))
    throw bad(`${name} must be one of ${allowed.join(', ')}, got ${String(value)}`);
  return value;
}

function int(value: number | undefined, fallback: number, min: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw bad(`${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

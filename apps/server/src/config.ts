import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuthPolicy, ConflictPolicy } from '@syncds/engine';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/**
 * Every setting of the server (R19), with its default. A JSON config file
 * (`--config FILE` or SYNCDS_CONFIG) overrides the defaults; environment
 * variables override the file; command-line flags override both.
 */
export interface ServerConfig {
  /** Address to listen on. SYNCDS_HOST. Default 127.0.0.1 (set 0.0.0.0 to serve the network). */
  host: string;
  /** TCP port. SYNCDS_PORT. Default 8080 (R1's 80/443 need privileges or a reverse proxy). */
  port: number;
  /** Endpoint path; `<path>index.html` is the same endpoint (R1). SYNCDS_PATH. Default `/syncml/`. */
  path: string;
  /** Directory of the embedded store (`syncds.db` inside). SYNCDS_DATA_DIR. Default `./data`. */
  dataDir: string;
  /** PostgreSQL connection string: use PostgreSQL instead of the embedded store. SYNCDS_DATABASE_URL. */
  databaseUrl: string | undefined;
  /**
   * Embedded store durability. `full` (default): every committed sync survives a power loss
   * (an fsync per commit). `normal`: a process crash still loses nothing and nothing is ever
   * corrupt, but the last commits may be lost on power loss; several times the throughput.
   * SYNCDS_SQLITE_SYNCHRONOUS.
   */
  sqliteSynchronous: 'full' | 'normal';
  /** `error`, `warn`, `info` or `debug`; `debug` adds the per-message timing lines (R20). SYNCDS_LOG_LEVEL. */
  logLevel: LogLevel;
  /** The service switch (R5): false answers every sync with 503. SYNCDS_ENABLED. */
  enabled: boolean;
  /** `basic-or-md5`, `basic` or `md5` (R4). SYNCDS_AUTH. */
  auth: AuthPolicy;
  /** Only accounts/domains allowed by the access list may sync (R5). SYNCDS_ACCESS_LIST. Default false. */
  accessList: boolean;
  /** `merge`, `server-wins`, `client-wins` or `keep-both`. SYNCDS_CONFLICT_POLICY. Default merge. */
  conflictPolicy: ConflictPolicy;
  /** Largest request body in bytes; larger gets HTTP 413. SYNCDS_MAX_MESSAGE_SIZE. Default 1 MiB. */
  maxMessageSize: number;
  /** Largest single object (MaxObjSize we announce). SYNCDS_MAX_OBJECT_SIZE. Default 16 MiB. */
  maxObjectSize: number;
  /** A session idle this long is dropped, in seconds. SYNCDS_SESSION_TIMEOUT. Default 600. */
  sessionTimeoutSeconds: number;
  /** The URL devices reach us at, when behind a proxy (`https://sync.example.com`); default from the Host header. SYNCDS_PUBLIC_URL. */
  publicUrl: string | undefined;
  /** TLS: PEM certificate and key files; both set serves HTTPS. SYNCDS_TLS_CERT, SYNCDS_TLS_KEY. */
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  /** How long shutdown waits for in-flight messages, in seconds. SYNCDS_SHUTDOWN_TIMEOUT. Default 10. */
  shutdownTimeoutSeconds: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 8080,
  path: '/syncml/',
  dataDir: './data',
  databaseUrl: undefined,
  sqliteSynchronous: 'full',
  logLevel: 'info',
  enabled: true,
  auth: 'basic-or-md5',
  accessList: false,
  conflictPolicy: 'merge',
  maxMessageSize: 1024 * 1024,
  maxObjectSize: 16 * 1024 * 1024,
  sessionTimeoutSeconds: 600,
  publicUrl: undefined,
  tlsCert: undefined,
  tlsKey: undefined,
  shutdownTimeoutSeconds: 10,
};

/** Environment variable of each setting. */
export const ENV_NAMES: Record<keyof ServerConfig, string> = {
  host: 'SYNCDS_HOST',
  port: 'SYNCDS_PORT',
  path: 'SYNCDS_PATH',
  dataDir: 'SYNCDS_DATA_DIR',
  databaseUrl: 'SYNCDS_DATABASE_URL',
  sqliteSynchronous: 'SYNCDS_SQLITE_SYNCHRONOUS',
  logLevel: 'SYNCDS_LOG_LEVEL',
  enabled: 'SYNCDS_ENABLED',
  auth: 'SYNCDS_AUTH',
  accessList: 'SYNCDS_ACCESS_LIST',
  conflictPolicy: 'SYNCDS_CONFLICT_POLICY',
  maxMessageSize: 'SYNCDS_MAX_MESSAGE_SIZE',
  maxObjectSize: 'SYNCDS_MAX_OBJECT_SIZE',
  sessionTimeoutSeconds: 'SYNCDS_SESSION_TIMEOUT',
  publicUrl: 'SYNCDS_PUBLIC_URL',
  tlsCert: 'SYNCDS_TLS_CERT',
  tlsKey: 'SYNCDS_TLS_KEY',
  shutdownTimeoutSeconds: 'SYNCDS_SHUTDOWN_TIMEOUT',
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Raw = Partial<Record<keyof ServerConfig, unknown>>;

/** Defaults, then the file, then the environment, then explicit overrides; every value checked. */
export function loadConfig(options: {
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
  overrides?: Raw;
}): ServerConfig {
  const env = options.env ?? process.env;
  const file = options.file ?? env.SYNCDS_CONFIG;
  let fromFile: Raw = {};
  if (file !== undefined && file !== '') {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new ConfigError(`cannot read config file ${file}: ${(err as Error).message}`);
    }
    try {
      fromFile = JSON.parse(text) as Raw;
    } catch (err) {
      throw new ConfigError(`config file ${file} is not valid JSON: ${(err as Error).message}`);
    }
    if (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile)) {
      throw new ConfigError(`config file ${file} must hold a JSON object`);
    }
    for (const key of Object.keys(fromFile)) {
      if (!(key in DEFAULT_CONFIG)) throw new ConfigError(`config file ${file}: unknown setting "${key}"`);
    }
  }
  const fromEnv: Raw = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof ServerConfig, string][]) {
    const v = env[name];
    if (v !== undefined && v !== '') fromEnv[key] = v;
  }
  const overrides: Raw = {};
  for (const [k, v] of Object.entries(options.overrides ?? {}))
    if (v !== undefined) overrides[k as keyof ServerConfig] = v;
  const raw: Raw = { ...fromFile, ...fromEnv, ...overrides };
  const c: ServerConfig = { ...DEFAULT_CONFIG };
  const set = <K extends keyof ServerConfig>(key: K, parse: (v: unknown, key: K) => ServerConfig[K]) => {
    if (raw[key] !== undefined) c[key] = parse(raw[key], key);
  };
  set('host', str);
  set('port', (v, k) => int(v, k, 0, 65535));
  set('path', (v, k) => normalizePath(str(v, k)));
  set('dataDir', (v, k) => resolve(str(v, k)));
  set('databaseUrl', optStr);
  set('sqliteSynchronous', (v, k) => oneOf(v, k, ['full', 'normal'] as const));
  set('logLevel', (v, k) => oneOf(v, k, ['error', 'warn', 'info', 'debug'] as const));
  set('enabled', bool);
  set('auth', (v, k) => oneOf(v, k, ['basic-or-md5', 'basic', 'md5'] as const));
  set('accessList', bool);
  set('conflictPolicy', (v, k) => oneOf(v, k, ['merge', 'server-wins', 'client-wins', 'keep-both'] as const));
  set('maxMessageSize', (v, k) => int(v, k, 1024, 256 * 1024 * 1024));
  set('maxObjectSize', (v, k) => int(v, k, 1024, 1024 * 1024 * 1024));
  set('sessionTimeoutSeconds', (v, k) => int(v, k, 1, 86400));
  set('publicUrl', (v, k) => optStr(v, k)?.replace(/\/+$/, ''));
  set('tlsCert', optStr);
  set('tlsKey', optStr);
  set('shutdownTimeoutSeconds', (v, k) => int(v, k, 0, 3600));
  if (raw.dataDir === undefined) c.dataDir = resolve(c.dataDir);
  if ((c.tlsCert === undefined) !== (c.tlsKey === undefined))
    throw new ConfigError('tlsCert and tlsKey must be set together');
  return c;
}

function str(v: unknown, key: string): string {
  if (typeof v !== 'string' || v === '') throw new ConfigError(`${key} must be a non-empty string`);
  return v;
}

function optStr(v: unknown, key: string): string | undefined {
  if (v === null) return undefined;
  return str(v, key);
}

function int(v: unknown, key: string, min: number, max: number): number {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(`${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return n;
}

function bool(v: unknown, key: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (/^(1|true|yes|on)$/i.test(v.trim())) return true;
    if (/^(0|false|no|off)$/i.test(v.trim())) return false;
  }
  throw new ConfigError(`${key} must be true or false, got ${JSON.stringify(v)}`);
}

function oneOf<T extends string>(v: unknown, key: string, values: readonly T[]): T {
  if (typeof v === 'string' && (values as readonly string[]).includes(v.trim().toLowerCase()))
    return v.trim().toLowerCase() as T;
  throw new ConfigError(`${key} must be one of ${values.join(', ')}, got ${JSON.stringify(v)}`);
}

/** `/syncml` and `syncml/` both become `/syncml/`. */
function normalizePath(p: string): string {
  let out = p.trim();
  if (!out.startsWith('/')) out = `/${out}`;
  if (!out.endsWith('/')) out = `${out}/`;
  return out;
}

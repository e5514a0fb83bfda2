/** Which SyncML authentication types the server accepts (R4). */
export type AuthPolicy = 'basic-or-md5' | 'basic' | 'md5';

/**
 * What happens when both sides changed one item since the last sync.
 * - `merge` (default): field by field; fields only one side has are kept, a field
 *   both sides changed takes the device's value, an update beats a delete.
 * - `server-wins` / `client-wins`: one side's version replaces the other's.
 * - `keep-both`: the client's version is stored as a new item and both sides get both.
 */
export type ConflictPolicy = 'merge' | 'server-wins' | 'client-wins' | 'keep-both';

export interface EngineLimits {
  /** Largest SyncML message the server accepts, in bytes (also advertised as our MaxMsgSize). */
  maxMessageSize: number;
  /** Largest single object the server accepts (advertised as MaxObjSize, 1.1+). */
  maxObjectSize: number;
  /** Assumed client MaxMsgSize when a client sends none. */
  defaultClientMaxMsgSize: number;
  /** Smallest client MaxMsgSize honoured; smaller values are raised to this. */
  minClientMaxMsgSize: number;
  /** A session with no message for this long is forgotten. */
  sessionIdleMs: number;
  /** Failed authentication attempts in one session before it is dropped. */
  maxAuthAttempts: number;
  /** Most items the server sends in one Sync message page while computing changes. */
  changePageSize: number;
  /** Devices whose parsed DevInf is kept between sessions (each entry holds its JSON and the model). */
  devInfCacheEntries: number;
}

export interface EngineConfig {
  /** The service switch (R5, R19): when false every message is answered 503. */
  enabled: boolean;
  auth: AuthPolicy;
  /** Apply the per-account / per-domain access list (R5); when false every enabled account may sync. */
  accessList: boolean;
  conflictPolicy: ConflictPolicy;
  limits: EngineLimits;
  /** What our DevInf says of us. */
  serverInfo: { man: string; mod: string; swV: string; devID: string };
}

export const DEFAULT_LIMITS: EngineLimits = {
  maxMessageSize: 1024 * 1024,
  maxObjectSize: 16 * 1024 * 1024,
  defaultClientMaxMsgSize: 64 * 1024,
  minClientMaxMsgSize: 2048,
  sessionIdleMs: 10 * 60 * 1000,
  maxAuthAttempts: 3,
  changePageSize: 200,
  devInfCacheEntries: 1000,
};

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  enabled: true,
  auth: 'basic-or-md5',
  accessList: false,
  conflictPolicy: 'merge',
  limits: DEFAULT_LIMITS,
  serverInfo: { man: 'syncds', mod: 'syncds SyncML DS server', swV: '0.1.0', devID: 'syncds' },
};

export type EngineConfigInput = Partial<Omit<EngineConfig, 'limits' | 'serverInfo'>> & {
  limits?: Partial<EngineLimits> | undefined;
  serverInfo?: Partial<EngineConfig['serverInfo']> | undefined;
};

export function resolveEngineConfig(input: EngineConfigInput = {}): EngineConfig {
  const config: EngineConfig = {
    enabled: input.enabled ?? DEFAULT_ENGINE_CONFIG.enabled,
    auth: input.auth ?? DEFAULT_ENGINE_CONFIG.auth,
    accessList: input.accessList ?? DEFAULT_ENGINE_CONFIG.accessList,
    conflictPolicy: input.conflictPolicy ?? DEFAULT_ENGINE_CONFIG.conflictPolicy,
    limits: { ...DEFAULT_LIMITS, ...input.limits },
    serverInfo: { ...DEFAULT_ENGINE_CONFIG.serverInfo, ...input.serverInfo },
  };
  if (!['basic-or-md5', 'basic', 'md5'].includes(config.auth))
    throw new TypeError(`unknown auth policy ${config.auth}`);
  if (!['merge', 'server-wins', 'client-wins', 'keep-both'].includes(config.conflictPolicy)) {
    throw new TypeError(`unknown conflict policy ${config.conflictPolicy}`);
  }
  for (const [k, v] of Object.entries(config.limits)) {
    if (!Number.isSafeInteger(v) || v <= 0)
      throw new TypeError(`engine limit ${k} must be a positive integer`);
  }
  return config;
}

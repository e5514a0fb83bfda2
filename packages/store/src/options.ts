import { randomGuid } from './naming/guid.js';

/** Every bound the store enforces on input; each has a documented default (DEFAULT_STORE_LIMITS). */
export interface StoreLimits {
  /** Largest item payload in bytes. */
  readonly maxPayloadBytes: number;
  /** Largest DevInf blob in bytes. */
  readonly maxDevInfBytes: number;
  /** Most operations in one `applyBatch` call. */
  readonly maxBatchOps: number;
  /** Longest GUID (chosen or generated), in characters. */
  readonly maxGuidLength: number;
  /** Longest device LUID, in characters. */
  readonly maxLuidLength: number;
  /** Longest device id (SyncML Source LocURI), in characters. */
  readonly maxDeviceIdLength: number;
  /** Longest anchor or client database URI, in characters. */
  readonly maxAnchorLength: number;
  /** Longest content type, in characters. */
  readonly maxContentTypeLength: number;
  /** Longest login (full e-mail address), in characters. */
  readonly maxLoginLength: number;
  /** Longest password, in characters. */
  readonly maxPasswordLength: number;
  /** Longest folder name (one path segment), in characters. */
  readonly maxFolderNameLength: number;
  /** Deepest folder path, in segments. */
  readonly maxFolderDepth: number;
  /** Most folders one account may have. */
  readonly maxFoldersPerAccount: number;
  /** Most devices one account may have. */
  readonly maxDevicesPerAccount: number;
  /** Largest page a listing call may ask for. */
  readonly maxPageSize: number;
  /** Most GUIDs one `getItems` call may ask for. */
  readonly maxGetItems: number;
  /** Attempts to generate a GUID not yet used in the folder before giving up (CONSTRAINT). */
  readonly guidAttempts: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = Object.freeze({
  maxPayloadBytes: 16 * 1024 * 1024,
  maxDevInfBytes: 1024 * 1024,
  maxBatchOps: 10_000,
  maxGuidLength: 64,
  maxLuidLength: 256,
  maxDeviceIdLength: 256,
  maxAnchorLength: 256,
  maxContentTypeLength: 128,
  maxLoginLength: 254,
  maxPasswordLength: 1024,
  maxFolderNameLength: 255,
  maxFolderDepth: 16,
  maxFoldersPerAccount: 1000,
  maxDevicesPerAccount: 100,
  maxPageSize: 1000,
  maxGetItems: 1000,
  guidAttempts: 8,
});

/** Options shared by every backend. */
export interface StoreOptions {
  /** Clock in milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** GUID generator for added items. Default: 10 random characters of a 32-letter alphabet (50 bits). */
  readonly generateGuid?: () => string;
  /** Overrides of DEFAULT_STORE_LIMITS. */
  readonly limits?: Partial<StoreLimits>;
}

/** StoreOptions with every default applied. */
export interface ResolvedStoreOptions {
  readonly now: () => number;
  readonly generateGuid: () => string;
  readonly limits: StoreLimits;
}

export function resolveStoreOptions(options: StoreOptions): ResolvedStoreOptions {
  const limits = { ...DEFAULT_STORE_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(`store limit ${name} must be a positive integer, got ${String(value)}`);
    }
  }
  return {
    now: options.now ?? Date.now,
    generateGuid: options.generateGuid ?? randomGuid,
    limits: Object.freeze(limits),
  };
}

/** Public records returned by a GroupwareStore. Timestamps are milliseconds since the epoch (the injected clock). */

/** The data a folder holds (R12). */
export type FolderKind = 'contacts' | 'events' | 'tasks' | 'notes' | 'journal' | 'mail' | 'files';

export const FOLDER_KINDS: readonly FolderKind[] = Object.freeze([
  'contacts',
  'events',
  'tasks',
  'notes',
  'journal',
  'mail',
  'files',
]);

export interface Domain {
  /** Lower-cased domain name, e.g. `example.com`. */
  readonly name: string;
  readonly enabled: boolean;
  /** Whether the accounts of this domain may sync, unless an account says otherwise (R5). */
  readonly syncAllowed: boolean;
  readonly createdAt: number;
}

export interface Account {
  /** The full, lower-cased e-mail address. */
  readonly login: string;
  /** The part of the login after `@`. */
  readonly domain: string;
  readonly enabled: boolean;
  /** `true`/`false` overrides the domain's flag; `null` follows the domain (R5 access list). */
  readonly syncAllowed: boolean | null;
  /** Whether the clear password is kept (needed by SyncML 1.0 MD5 only). */
  readonly hasClearPassword: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** What the engine needs to check SyncML credentials (syncml-facts.md §5) and decrypt `des;b64` items (R17). */
export interface AccountVerifiers {
  readonly login: string;
  /** B64(MD5(login + ":" + password)): checks basic and SyncML 1.1/1.2 MD5 credentials. */
  readonly md5Verifier: string;
  /** First 8 bytes of MD5(password): the Funambol `des;b64` key. */
  readonly desKey: Uint8Array;
  /** The clear password when it was stored on purpose (SyncML 1.0 MD5), else null. */
  readonly clearPassword: string | null;
}

export type SyncAccessReason =
  | 'allowed'
  | 'unknown-account'
  | 'account-disabled'
  | 'domain-disabled'
  | 'account-denied'
  | 'domain-denied';

/** The R5 access decision for one account (the global on/off switch is the server's). */
export interface SyncAccess {
  readonly allowed: boolean;
  readonly reason: SyncAccessReason;
}

export interface Folder {
  /** Store-wide numeric id: stable across renames. */
  readonly id: number;
  /** Owner account login. */
  readonly login: string;
  /** Full path with the case it was created with, segments joined by `/`, e.g. `Contacts/Work`. */
  readonly path: string;
  /** Last path segment. */
  readonly name: string;
  /** Path of the parent folder, or null for a top-level folder. */
  readonly parentPath: string | null;
  readonly kind: FolderKind;
  /** The folder's change sequence: the stamp of its most recent item change (0 for a new folder). */
  readonly sequence: number;
  /**
   * Tombstones up to this sequence were pruned (0 when none were). `changesSince(id, since)` answers
   * exactly when `purgedSequence <= since <= sequence`; otherwise the device must slow-sync.
   */
  readonly purgedSequence: number;
  readonly createdAt: number;
}

export interface Item {
  readonly folderId: number;
  /** Server id: short opaque string, unique within its folder. */
  readonly guid: string;
  readonly contentType: string;
  /** Payload bytes; empty for a tombstone or when listed without payloads. */
  readonly payload: Uint8Array;
  /** Payload length in bytes (also when the payload was not loaded). */
  readonly size: number;
  /** 1 when added, +1 on every replace or delete. */
  readonly version: number;
  /** The folder sequence value stamped by the item's most recent change. */
  readonly sequence: number;
  readonly createdAt: number;
  readonly modifiedAt: number;
  /** Device id that made the most recent change, or null when it came from elsewhere (admin, import). */
  readonly origin: string | null;
  /** True for a tombstone: the item was deleted at `sequence`. */
  readonly deleted: boolean;
}

/** An opaque blob the device sent as its device information. */
export interface DevInfBlob {
  readonly data: Uint8Array;
  readonly contentType: string;
}

export interface Device {
  readonly login: string;
  /** The device's SyncML Source LocURI, exactly as sent. */
  readonly deviceId: string;
  readonly devInf: DevInfBlob | null;
  readonly firstSeen: number;
  readonly lastSeen: number;
}

/** Sync state of one device for one folder. */
export interface DeviceFolderState {
  readonly deviceId: string;
  readonly folderId: number;
  /** The folder's path (convenience for admin listings). */
  readonly folderPath: string;
  /** The Next anchor the client sent in its last successful sync. */
  readonly clientAnchor: string | null;
  /** The Next anchor the server sent in that sync. */
  readonly serverAnchor: string | null;
  /** The folder sequence up to which the device received changes; null before the first successful sync. */
  readonly syncedSequence: number | null;
  readonly lastSyncAt: number | null;
  /** The device's local database URI it used for this folder (Alert Source LocURI), if recorded. */
  readonly clientDatabase: string | null;
}

/** One LUID <-> GUID pair of a device's id map for a folder. */
export interface MapEntry {
  readonly luid: string;
  readonly guid: string;
}

/** One page of a keyset-paged listing. Pass `next` as `after` to get the following page; null when done. */
export interface Page<T> {
  readonly entries: readonly T[];
  readonly next: string | null;
}

/** One page of changes. Pass `next` as `since` (with the same `until`) to continue; null when done. */
export interface ChangePage {
  readonly entries: readonly Item[];
  readonly next: number | null;
  /** The upper bound of this read: `until` when given, else the folder sequence when the page was read. */
  readonly until: number;
  /** With `luidsOf`: GUID -> the device's LUID, for the entries the device has mapped. */
  readonly luids?: ReadonlyMap<string, string>;
}

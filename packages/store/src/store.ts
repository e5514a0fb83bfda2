import type { Batch, BatchResult } from './batch.js';
import type {
  Account,
  AccountVerifiers,
  ChangePage,
  DevInfBlob,
  Device,
  DeviceFolderState,
  Domain,
  Folder,
  FolderKind,
  Item,
  MapEntry,
  Page,
  SyncAccess,
} from './model.js';

export interface PageOptions {
  /** Continue after this key (the `next` of the previous page). */
  readonly after?: string;
  /** Page size, 1..limits.maxPageSize. Default 100. */
  readonly limit?: number;
}

export interface DomainFlags {
  readonly enabled?: boolean;
  readonly syncAllowed?: boolean;
}

export interface AccountFlags {
  readonly enabled?: boolean;
  /** true/false overrides the domain, null follows it. */
  readonly syncAllowed?: boolean | null;
}

export interface PasswordOptions {
  /**
   * Also keep the clear password (default false). Only SyncML 1.0 MD5 needs it (it hashes
   * login:password:nonce); keeping it means a database leak reveals the password itself.
   */
  readonly storeClearPassword?: boolean;
}

export interface NewAccount extends AccountFlags, PasswordOptions {
  /** Full e-mail address; stored lower-cased. */
  readonly login: string;
  readonly password: string;
  /** Create the domain (enabled, sync allowed) when it does not exist yet. Default false: NOT_FOUND. */
  readonly createDomain?: boolean;
  /** Create Contacts, Events, Tasks, Notes, Journal, inbox and Files. Default true. */
  readonly defaultFolders?: boolean;
}

export interface ListAccountsOptions extends PageOptions {
  /** Only accounts of this domain. */
  readonly domain?: string;
}

export interface DeleteDomainOptions {
  /** Also delete the domain's accounts and all their data. Default false: CONSTRAINT when accounts exist. */
  readonly withAccounts?: boolean;
}

export interface CreateFolderOptions {
  /** Required for a top-level folder; a sub-folder defaults to its parent's kind. */
  readonly kind?: FolderKind;
}

export interface ItemReadOptions {
  /** Also return tombstones. Default false. */
  readonly includeDeleted?: boolean;
}

export interface ListItemsOptions extends PageOptions, ItemReadOptions {
  /** Load payload bytes (default true); false returns empty payloads with the real `size`. */
  readonly withPayload?: boolean;
}

export interface ChangesOptions {
  /** Leave out changes whose latest author is this device: it already has them. */
  readonly excludeOrigin?: string;
  /** Upper bound (inclusive) of the sequence window; default the folder's current sequence. */
  readonly until?: number;
  /** Page size, 1..limits.maxPageSize. Default 100. */
  readonly limit?: number;
  /** Load payload bytes (default true). */
  readonly withPayload?: boolean;
  /**
   * Also read this device's id map for the page: `ChangePage.luids` gives the LUID of every
   * changed item the device has mapped (what a sync needs to tell Add from Replace and Delete).
   */
  readonly luidsOf?: string;
}

export interface PruneTombstonesOptions {
  /** Only tombstones deleted before this timestamp (ms). */
  readonly olderThan: number;
  /** Only this folder; default every folder (of `login` when given). */
  readonly folderId?: number;
  /** Only this account's folders. */
  readonly login?: string;
  /**
   * Keep tombstones that a device which has synced the folder has not received yet (default true). With
   * false, such a device gets RESYNC_REQUIRED from `changesSince` and must slow-sync.
   */
  readonly keepUnsynced?: boolean;
}

export interface PruneResult {
  /** Tombstones removed. */
  readonly pruned: number;
  /** Folders examined. */
  readonly folders: number;
}

export interface TouchDeviceOptions {
  /** Replace the stored DevInf. */
  readonly devInf?: DevInfBlob;
}

/**
 * The groupware store the SyncML engine works on (R12, R13, R18). Every method is async and keeps no state
 * across calls, so several server processes may share one database. Methods taking a `folderId` do not
 * check which account owns it: callers get folder ids from `resolveFolder`/`listFolders` of the
 * authenticated account. Expected failures reject with StoreError.
 */
export interface GroupwareStore {
  /** Releases the database; later calls reject with CLOSED. Idempotent. */
  close(): Promise<void>;
  /** The schema version of the open database. */
  schemaVersion(): Promise<number>;

  createDomain(name: string, flags?: DomainFlags): Promise<Domain>;
  getDomain(name: string): Promise<Domain | null>;
  listDomains(options?: PageOptions): Promise<Page<Domain>>;
  updateDomain(name: string, changes: DomainFlags): Promise<Domain>;
  deleteDomain(name: string, options?: DeleteDomainOptions): Promise<void>;

  createAccount(input: NewAccount): Promise<Account>;
  getAccount(login: string): Promise<Account | null>;
  listAccounts(options?: ListAccountsOptions): Promise<Page<Account>>;
  updateAccount(login: string, changes: AccountFlags): Promise<Account>;
  /** Replaces the verifiers; the clear password is kept only when asked again, else erased. */
  setPassword(login: string, password: string, options?: PasswordOptions): Promise<void>;
  /** Deletes the account with its folders, items, devices and maps. */
  deleteAccount(login: string): Promise<void>;
  /** Basic credentials check in constant time; false for unknown or disabled accounts and domains. */
  verifyBasic(login: string, password: string): Promise<boolean>;
  /** The verifiers of an enabled account of an enabled domain, else null. */
  getVerifiers(login: string): Promise<AccountVerifiers | null>;
  /** The R5 per-account/per-domain decision. */
  getSyncAccess(login: string): Promise<SyncAccess>;

  /** All folders of the account, ordered by path key. */
  listFolders(login: string): Promise<Folder[]>;
  getFolder(folderId: number): Promise<Folder | null>;
  /** R13 resolution of a remote database name; null when it names no folder. */
  resolveFolder(login: string, remoteName: string): Promise<Folder | null>;
  /** Creates a folder; its parent must exist. */
  createFolder(login: string, path: string, options?: CreateFolderOptions): Promise<Folder>;
  /** Renames or moves a folder with its sub-folders. */
  renameFolder(folderId: number, newPath: string): Promise<Folder>;
  /** Deletes a folder with its sub-folders, items, device states and maps. */
  deleteFolder(folderId: number): Promise<void>;
  getFolderSequence(folderId: number): Promise<number>;

  getItem(folderId: number, guid: string, options?: ItemReadOptions): Promise<Item | null>;
  /** The items found among `guids` (at most limits.maxGetItems), in the order asked. */
  getItems(folderId: number, guids: readonly string[], options?: ItemReadOptions): Promise<Item[]>;
  /** Items ordered by GUID, one page at a time. */
  listItems(folderId: number, options?: ListItemsOptions): Promise<Page<Item>>;
  countItems(folderId: number, options?: ItemReadOptions): Promise<number>;
  /**
   * Items (tombstones included) changed after sequence `since` and up to `until`, ordered by sequence.
   * RESYNC_REQUIRED when tombstones above `since` were pruned or `since` is ahead of the folder (a restored
   * backup): the caller must fall back to a slow sync.
   */
  changesSince(folderId: number, since: number, options?: ChangesOptions): Promise<ChangePage>;
  /** Removes old tombstones (and map entries pointing at them). */
  pruneTombstones(options: PruneTombstonesOptions): Promise<PruneResult>;

  /** Records that a device contacted the server (creating it on first contact). */
  touchDevice(login: string, deviceId: string, options?: TouchDeviceOptions): Promise<Device>;
  getDevice(login: string, deviceId: string): Promise<Device | null>;
  listDevices(login: string): Promise<Device[]>;
  /** Forgets a device with its folder states and maps. */
  deleteDevice(login: string, deviceId: string): Promise<void>;
  getDeviceFolderState(folderId: number, deviceId: string): Promise<DeviceFolderState | null>;
  listDeviceFolderStates(login: string, deviceId: string): Promise<DeviceFolderState[]>;

  getGuidForLuid(folderId: number, deviceId: string, luid: string): Promise<string | null>;
  getLuidForGuid(folderId: number, deviceId: string, guid: string): Promise<string | null>;
  /** The device's map for the folder ordered by LUID, one page at a time (slow sync). */
  listMap(folderId: number, deviceId: string, options?: PageOptions): Promise<Page<MapEntry>>;

  /** Applies item, map and state operations in one transaction: all or nothing. */
  applyBatch(batch: Batch): Promise<BatchResult>;
}

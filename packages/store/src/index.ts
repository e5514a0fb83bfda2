export { desKey, md5Verifier } from './auth/verifiers.js';
export type {
  AddOp,
  Batch,
  BatchOp,
  BatchResult,
  DeleteOp,
  ItemApplied,
  ItemConflict,
  ItemOp,
  ItemPrecondition,
  ItemUnchanged,
  MapClearOp,
  MapRemoveOp,
  MapSetOp,
  MetaResult,
  OpResult,
  ReplaceOp,
  StateOp,
} from './batch.js';
export type { StoreErrorCode, StoreErrorOptions } from './errors.js';
export { isStoreError, STORE_ERROR_STATUS, StoreConflictError, StoreError } from './errors.js';
export { iterateChanges, iterateItems, iterateMap } from './iterate.js';
export type {
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
  SyncAccessReason,
} from './model.js';
export { FOLDER_KINDS } from './model.js';
export { DEFAULT_FOLDERS, remoteNameCandidates } from './naming/folder-path.js';
export type { StoreLimits, StoreOptions } from './options.js';
export { DEFAULT_STORE_LIMITS } from './options.js';
export type { PostgresStoreOptions } from './postgres/open.js';
export { openPostgresStore } from './postgres/open.js';
export type { SqliteGroupwareStore, SqliteStoreOptions } from './sqlite/open.js';
export { openSqliteStore } from './sqlite/open.js';
export type {
  AccountFlags,
  ChangesOptions,
  CreateFolderOptions,
  DeleteDomainOptions,
  DomainFlags,
  GroupwareStore,
  ItemReadOptions,
  ListAccountsOptions,
  ListItemsOptions,
  NewAccount,
  PageOptions,
  PasswordOptions,
  PruneResult,
  PruneTombstonesOptions,
  TouchDeviceOptions,
} from './store.js';

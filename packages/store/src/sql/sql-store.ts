import type { Batch, BatchResult } from '../batch.js';
import { StoreError } from '../errors.js';
import type {
  Account,
  AccountVerifiers,
  ChangePage,
  Device,
  DeviceFolderState,
  Domain,
  Folder,
  Item,
  MapEntry,
  Page,
  SyncAccess,
} from '../model.js';
import type { ResolvedStoreOptions } from '../options.js';
import type {
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
} from '../store.js';
import { checkBoolean, checkCount, checkId } from '../validate.js';
import * as accounts from './accounts.js';
import { applyBatch } from './batch.js';
import { validateBatch } from './batch-validate.js';
import { LIMIT_PARAM, type SqlContext } from './context.js';
import * as devices from './devices.js';
import type { SqlDriver, SqlExecutor, TransactionMode } from './driver.js';
import * as folders from './folders.js';
import * as items from './items.js';
import { readSchemaVersion } from './migrate.js';
import { toNumber } from './rows.js';

/** Folder ids read per query while pruning every folder. */
const PRUNE_FOLDER_PAGE = 500;

/**
 * GroupwareStore over any SqlDriver: the SQL is shared by SQLite and PostgreSQL; each public call is one
 * transaction of the driver.
 */
export class SqlGroupwareStore implements GroupwareStore {
  private readonly ctx: SqlContext;
  private closed = false;

  constructor(
    private readonly driver: SqlDriver,
    options: ResolvedStoreOptions,
  ) {
    this.ctx = { dialect: driver.dialect, t: driver.dialect.tables, options };
  }

  private run<T>(mode: TransactionMode, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError('CLOSED', 'the store is closed'));
    return this.driver.transaction(mode, fn);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  schemaVersion(): Promise<number> {
    if (this.closed) return Promise.reject(new StoreError('CLOSED', 'the store is closed'));
    return readSchemaVersion(this.driver);
  }

  createDomain(name: string, flags?: DomainFlags): Promise<Domain> {
    return this.run('write', (tx) => accounts.createDomain(this.ctx, tx, name, flags));
  }

  getDomain(name: string): Promise<Domain | null> {
    return this.run('read', (tx) => accounts.getDomain(this.ctx, tx, name));
  }

  listDomains(options?: PageOptions): Promise<Page<Domain>> {
    return this.run('read', (tx) => accounts.listDomains(this.ctx, tx, options));
  }

  updateDomain(name: string, changes: DomainFlags): Promise<Domain> {
    return this.run('write', (tx) => accounts.updateDomain(this.ctx, tx, name, changes));
  }

  deleteDomain(name: string, options?: DeleteDomainOptions): Promise<void> {
    return this.run('write', (tx) => accounts.deleteDomain(this.ctx, tx, name, options));
  }

  createAccount(input: NewAccount): Promise<Account> {
    return this.run('write', (tx) => accounts.createAccount(this.ctx, tx, input));
  }

  getAccount(login: string): Promise<Account | null> {
    return this.run('read', (tx) => accounts.getAccount(this.ctx, tx, login));
  }

  listAccounts(options?: ListAccountsOptions): Promise<Page<Account>> {
    return this.run('read', (tx) => accounts.listAccounts(this.ctx, tx, options));
  }

  updateAccount(login: string, changes: AccountFlags): Promise<Account> {
    return this.run('write', (tx) => accounts.updateAccount(this.ctx, tx, login, changes));
  }

  setPassword(login: string, password: string, options?: PasswordOptions): Promise<void> {
    return this.run('write', (tx) => accounts.setPassword(this.ctx, tx, login, password, options));
  }

  deleteAccount(login: string): Promise<void> {
    return this.run('write', (tx) => accounts.deleteAccount(this.ctx, tx, login));
  }

  verifyBasic(login: string, password: string): Promise<boolean> {
    return this.run('read', (tx) => accounts.verifyBasic(this.ctx, tx, login, password));
  }

  getVerifiers(login: string): Promise<AccountVerifiers | null> {
    return this.run('read', (tx) => accounts.getVerifiers(this.ctx, tx, login));
  }

  getSyncAccess(login: string): Promise<SyncAccess> {
    return this.run('read', (tx) => accounts.getSyncAccess(this.ctx, tx, login));
  }

  listFolders(login: string): Promise<Folder[]> {
    return this.run('read', (tx) => folders.listFolders(this.ctx, tx, login));
  }

  getFolder(folderId: number): Promise<Folder | null> {
    return this.run('read', (tx) => folders.getFolder(this.ctx, tx, folderId));
  }

  resolveFolder(login: string, remoteName: string): Promise<Folder | null> {
    return this.run('read', (tx) => folders.resolveFolder(this.ctx, tx, login, remoteName));
  }

  createFolder(login: string, path: string, options?: CreateFolderOptions): Promise<Folder> {
    return this.run('write', (tx) => folders.createFolder(this.ctx, tx, login, path, options));
  }

  renameFolder(folderId: number, newPath: string): Promise<Folder> {
    return this.run('write', (tx) => folders.renameFolder(this.ctx, tx, folderId, newPath));
  }

  deleteFolder(folderId: number): Promise<void> {
    return this.run('write', (tx) => folders.deleteFolder(this.ctx, tx, folderId));
  }

  getFolderSequence(folderId: number): Promise<number> {
    return this.run('read', (tx) => folders.getFolderSequence(this.ctx, tx, folderId));
  }

  getItem(folderId: number, guid: string, options?: ItemReadOptions): Promise<Item | null> {
    return this.run('read', (tx) => items.getItem(this.ctx, tx, folderId, guid, options));
  }

  getItems(folderId: number, guids: readonly string[], options?: ItemReadOptions): Promise<Item[]> {
    return this.run('read', (tx) => items.getItems(this.ctx, tx, folderId, guids, options));
  }

  listItems(folderId: number, options?: ListItemsOptions): Promise<Page<Item>> {
    return this.run('read', (tx) => items.listItems(this.ctx, tx, folderId, options));
  }

  countItems(folderId: number, options?: ItemReadOptions): Promise<number> {
    return this.run('read', (tx) => items.countItems(this.ctx, tx, folderId, options));
  }

  changesSince(folderId: number, since: number, options?: ChangesOptions): Promise<ChangePage> {
    return this.run('read', (tx) => items.changesSince(this.ctx, tx, folderId, since, options));
  }

  async pruneTombstones(options: PruneTombstonesOptions): Promise<PruneResult> {
    if (options === null || typeof options !== 'object') {
      throw new StoreError('INVALID', 'pruneTombstones needs { olderThan }', { path: 'olderThan' });
    }
    const olderThan = checkCount(options.olderThan, 'olderThan');
    const keepUnsynced =
      options.keepUnsynced === undefined ? true : checkBoolean(options.keepUnsynced, 'keepUnsynced');
    let pruned = 0;
    let examined = 0;
    const pruneOne = async (folderId: number): Promise<void> => {
      try {
        pruned += await this.run('write', (tx) =>
          items.pruneFolderTombstones(this.ctx, tx, folderId, olderThan, keepUnsynced),
        );
        examined++;
      } catch (error) {
        // A folder deleted while we walk the list has nothing left to prune.
        if (!(error instanceof StoreError && error.code === 'NOT_FOUND' && options.folderId === undefined))
          throw error;
      }
    };
    if (options.folderId !== undefined) {
      await pruneOne(checkId(options.folderId, 'folderId'));
    } else if (options.login !== undefined) {
      for (const folder of await this.listFolders(options.login)) await pruneOne(folder.id);
    } else {
      let after = 0;
      for (;;) {
        const ids = await this.run('read', (tx) =>
          tx.all<{ id: number | string }>(
            `SELECT id FROM ${this.ctx.t.folders} WHERE id > ? ORDER BY id ${LIMIT_PARAM}`,
            [after, PRUNE_FOLDER_PAGE],
          ),
        );
        for (const row of ids) await pruneOne(toNumber(row.id));
        if (ids.length < PRUNE_FOLDER_PAGE) break;
        after = toNumber(ids[ids.length - 1]!.id);
      }
    }
    return { pruned, folders: examined };
  }

  touchDevice(login: string, deviceId: string, options?: TouchDeviceOptions): Promise<Device> {
    return this.run('write', (tx) => devices.touchDevice(this.ctx, tx, login, deviceId, options));
  }

  getDevice(login: string, deviceId: string): Promise<Device | null> {
    return this.run('read', (tx) => devices.getDevice(this.ctx, tx, login, deviceId));
  }

  listDevices(login: string): Promise<Device[]> {
    return this.run('read', (tx) => devices.listDevices(this.ctx, tx, login));
  }

  deleteDevice(login: string, deviceId: string): Promise<void> {
    return this.run('write', (tx) => devices.deleteDevice(this.ctx, tx, login, deviceId));
  }

  getDeviceFolderState(folderId: number, deviceId: string): Promise<DeviceFolderState | null> {
    return this.run('read', (tx) => devices.getDeviceFolderState(this.ctx, tx, folderId, deviceId));
  }

  listDeviceFolderStates(login: string, deviceId: string): Promise<DeviceFolderState[]> {
    return this.run('read', (tx) => devices.listDeviceFolderStates(this.ctx, tx, login, deviceId));
  }

  getGuidForLuid(folderId: number, deviceId: string, luid: string): Promise<string | null> {
    return this.run('read', (tx) => devices.getMapped(this.ctx, tx, folderId, deviceId, 'luid', luid));
  }

  getLuidForGuid(folderId: number, deviceId: string, guid: string): Promise<string | null> {
    return this.run('read', (tx) => devices.getMapped(this.ctx, tx, folderId, deviceId, 'guid', guid));
  }

  listMap(folderId: number, deviceId: string, options?: PageOptions): Promise<Page<MapEntry>> {
    return this.run('read', (tx) => devices.listMap(this.ctx, tx, folderId, deviceId, options));
  }

  async applyBatch(batch: Batch): Promise<BatchResult> {
    validateBatch(batch, this.ctx.options.limits);
    if (batch.ops.length === 0) return { results: [], folderSequences: new Map() };
    return this.run('write', (tx) => applyBatch(this.ctx, tx, batch));
  }
}

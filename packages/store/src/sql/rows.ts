import type { Account, Device, DeviceFolderState, Domain, Folder, FolderKind, Item } from '../model.js';
import { nameOf, parentPathOf } from '../naming/folder-path.js';

/** Backends return BIGINT as string (pg) or number (SQLite), flags as boolean (pg) or 0/1 (SQLite). */
type DbInt = number | string;
type DbBool = boolean | number;

const EMPTY = new Uint8Array(0);

export function toNumber(value: DbInt): number {
  return typeof value === 'number' ? value : Number(value);
}

function toNumberOrNull(value: DbInt | null): number | null {
  return value === null ? null : toNumber(value);
}

function toBool(value: DbBool): boolean {
  return value === true || value === 1;
}

export interface DomainRow {
  name: string;
  enabled: DbBool;
  sync_allowed: DbBool;
  created_at: DbInt;
}

export const DOMAIN_COLUMNS = 'd.name, d.enabled, d.sync_allowed, d.created_at';

export function toDomain(row: DomainRow): Domain {
  return {
    name: row.name,
    enabled: toBool(row.enabled),
    syncAllowed: toBool(row.sync_allowed),
    createdAt: toNumber(row.created_at),
  };
}

export interface AccountRow {
  login: string;
  domain: string;
  enabled: DbBool;
  sync_allowed: DbBool | null;
  has_clear_password: DbBool;
  created_at: DbInt;
  updated_at: DbInt;
}

/** Needs `accounts a JOIN domains d`. */
export const ACCOUNT_COLUMNS: string =
  'a.login, d.name AS domain, a.enabled, a.sync_allowed, ' +
  'CASE WHEN a.clear_password IS NULL THEN 0 ELSE 1 END AS has_clear_password, a.created_at, a.updated_at';

export function toAccount(row: AccountRow): Account {
  return {
    login: row.login,
    domain: row.domain,
    enabled: toBool(row.enabled),
    syncAllowed: row.sync_allowed === null ? null : toBool(row.sync_allowed),
    hasClearPassword: toBool(row.has_clear_password),
    createdAt: toNumber(row.created_at),
    updatedAt: toNumber(row.updated_at),
  };
}

export interface FolderRow {
  id: DbInt;
  login: string;
  path: string;
  kind: string;
  seq: DbInt;
  purged_seq: DbInt;
  created_at: DbInt;
}

/** Needs `folders f JOIN accounts a`. */
export const FOLDER_COLUMNS = 'f.id, a.login, f.path, f.kind, f.seq, f.purged_seq, f.created_at';

export function toFolder(row: FolderRow): Folder {
  return {
    id: toNumber(row.id),
    login: row.login,
    path: row.path,
    name: nameOf(row.path),
    parentPath: parentPathOf(row.path),
    kind: row.kind as FolderKind,
    sequence: toNumber(row.seq),
    purgedSequence: toNumber(row.purged_seq),
    createdAt: toNumber(row.created_at),
  };
}

export interface ItemRow {
  folder_id: DbInt;
  guid: string;
  content_type: string;
  payload: Uint8Array | null;
  size: DbInt;
  version: DbInt;
  seq: DbInt;
  created_at: DbInt;
  modified_at: DbInt;
  origin: string | null;
  deleted: DbBool;
}

/** Item columns; `withPayload` false selects NULL instead of the bytes. */
export function itemColumns(withPayload: boolean): string {
  return (
    `i.folder_id, i.guid, i.content_type, ${withPayload ? 'i.payload' : 'NULL AS payload'}, i.size, ` +
    'i.version, i.seq, i.created_at, i.modified_at, i.origin, i.deleted'
  );
}

export function toItem(row: ItemRow): Item {
  return {
    folderId: toNumber(row.folder_id),
    guid: row.guid,
    contentType: row.content_type,
    payload: row.payload ?? EMPTY,
    size: toNumber(row.size),
    version: toNumber(row.version),
    sequence: toNumber(row.seq),
    createdAt: toNumber(row.created_at),
    modifiedAt: toNumber(row.modified_at),
    origin: row.origin,
    deleted: toBool(row.deleted),
  };
}

export interface DeviceRow {
  login: string;
  device_id: string;
  devinf: Uint8Array | null;
  devinf_type: string | null;
  first_seen: DbInt;
  last_seen: DbInt;
}

/** Needs `devices v JOIN accounts a`. */
export const DEVICE_COLUMNS = 'a.login, v.device_id, v.devinf, v.devinf_type, v.first_seen, v.last_seen';

export function toDevice(row: DeviceRow): Device {
  return {
    login: row.login,
    deviceId: row.device_id,
    devInf:
      row.devinf === null || row.devinf_type === null
        ? null
        : { data: row.devinf, contentType: row.devinf_type },
    firstSeen: toNumber(row.first_seen),
    lastSeen: toNumber(row.last_seen),
  };
}

export interface StateRow {
  device_id: string;
  folder_id: DbInt;
  path: string;
  client_anchor: string | null;
  server_anchor: string | null;
  synced_seq: DbInt | null;
  last_sync_at: DbInt | null;
  client_database: string | null;
}

/** Needs `device_folders s JOIN devices v JOIN folders f`. */
export const STATE_COLUMNS: string =
  'v.device_id, s.folder_id, f.path, s.client_anchor, s.server_anchor, s.synced_seq, s.last_sync_at, s.client_database';

export function toState(row: StateRow): DeviceFolderState {
  return {
    deviceId: row.device_id,
    folderId: toNumber(row.folder_id),
    folderPath: row.path,
    clientAnchor: row.client_anchor,
    serverAnchor: row.server_anchor,
    syncedSequence: toNumberOrNull(row.synced_seq),
    lastSyncAt: toNumberOrNull(row.last_sync_at),
    clientDatabase: row.client_database,
  };
}

import type { Migration } from '../sql/migrate.js';

/**
 * SQLite schema. Flags are 0/1 integers, timestamps integer milliseconds, payloads BLOBs. Items live in a
 * rowid table (not WITHOUT ROWID) because payloads can be large.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    description: 'domains, accounts, folders, items, devices, device folder states, id maps',
    statements: (t) => [
      `CREATE TABLE ${t.domains} (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        sync_allowed INTEGER NOT NULL CHECK (sync_allowed IN (0, 1)),
        created_at INTEGER NOT NULL
      )`,
      `CREATE TABLE ${t.accounts} (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        domain_id INTEGER NOT NULL REFERENCES ${t.domains} (id) ON DELETE CASCADE,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        sync_allowed INTEGER CHECK (sync_allowed IN (0, 1)),
        md5_verifier TEXT NOT NULL,
        des_key BLOB NOT NULL,
        clear_password TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      )`,
      `CREATE INDEX accounts_by_domain ON ${t.accounts} (domain_id, login)`,
      `CREATE TABLE ${t.folders} (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES ${t.accounts} (id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        path_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        purged_seq INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        UNIQUE (account_id, path_key)
      )`,
      `CREATE TABLE ${t.items} (
        folder_id INTEGER NOT NULL REFERENCES ${t.folders} (id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        seq INTEGER NOT NULL,
        version INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        payload BLOB NOT NULL,
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        modified_at INTEGER NOT NULL,
        origin TEXT,
        deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
        UNIQUE (folder_id, guid)
      )`,
      `CREATE UNIQUE INDEX items_by_sequence ON ${t.items} (folder_id, seq)`,
      `CREATE TABLE ${t.devices} (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES ${t.accounts} (id) ON DELETE CASCADE,
        device_id TEXT NOT NULL,
        devinf BLOB,
        devinf_type TEXT,
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        UNIQUE (account_id, device_id)
      )`,
      `CREATE TABLE ${t.device_folders} (
        device_pk INTEGER NOT NULL REFERENCES ${t.devices} (id) ON DELETE CASCADE,
        folder_id INTEGER NOT NULL REFERENCES ${t.folders} (id) ON DELETE CASCADE,
        client_anchor TEXT,
        server_anchor TEXT,
        synced_seq INTEGER,
        last_sync_at INTEGER,
        client_database TEXT,
        PRIMARY KEY (device_pk, folder_id)
      )`,
      `CREATE INDEX device_folders_by_folder ON ${t.device_folders} (folder_id)`,
      `CREATE TABLE ${t.id_maps} (
        device_pk INTEGER NOT NULL,
        folder_id INTEGER NOT NULL,
        luid TEXT NOT NULL,
        guid TEXT NOT NULL,
        PRIMARY KEY (device_pk, folder_id, luid),
        UNIQUE (device_pk, folder_id, guid),
        FOREIGN KEY (device_pk, folder_id) REFERENCES ${t.device_folders} (device_pk, folder_id) ON DELETE CASCADE
      )`,
      `CREATE INDEX id_maps_by_folder_guid ON ${t.id_maps} (folder_id, guid)`,
    ],
  },
]);

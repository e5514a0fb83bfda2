import type {
  AddOp,
  Batch,
  BatchOp,
  BatchResult,
  DeleteOp,
  ItemPrecondition,
  OpResult,
  ReplaceOp,
  StateOp,
} from '../batch.js';
import { StoreConflictError, StoreError } from '../errors.js';
import type { Item } from '../model.js';
import type { SqlContext } from './context.js';
import type { SqlExecutor, SqlValue } from './driver.js';
import { ensureDevice, ensureDeviceFolder } from './devices.js';
import type { FolderState } from './folders.js';
import { folderState } from './folders.js';
import type { ItemRow } from './rows.js';
import { itemColumns, toItem, toNumber } from './rows.js';

const EMPTY = new Uint8Array(0);

interface ItemHead {
  version: number;
  seq: number;
  deleted: boolean;
}

/** State of one `applyBatch` transaction. */
class BatchRun {
  private readonly devices = new Map<string, number>();
  /** `devicePk:folderId` pairs whose state row is known to exist in this transaction. */
  private readonly deviceFolders = new Set<string>();
  /** Folders whose sequence this batch advanced: written once, at the end. */
  private readonly bumped = new Set<number>();

  constructor(
    private readonly ctx: SqlContext,
    private readonly tx: SqlExecutor,
    private readonly folders: Map<number, FolderState>,
    private readonly now: number,
    private readonly abortOnConflict: boolean,
  ) {}

  private get t() {
    return this.ctx.t;
  }

  sequences(): Map<number, number> {
    return new Map([...this.folders].map(([id, folder]) => [id, folder.sequence]));
  }

  async apply(op: BatchOp, index: number): Promise<OpResult> {
    switch (op.type) {
      case 'add':
        return this.add(op, index);
      case 'replace':
        return this.replace(op, index);
      case 'delete':
        return this.delete(op, index);
      case 'map.set': {
        await this.requireItem(op.folderId, op.guid, index);
        const devicePk = await this.device(op.folderId, op.deviceId, index);
        await this.setMap(devicePk, op.folderId, op.luid, op.guid);
        return { type: op.type, kind: 'applied' };
      }
      case 'map.remove': {
        const devicePk = await this.existingDevice(op.folderId, op.deviceId);
        const [column, key] = op.luid !== undefined ? ['luid', op.luid] : ['guid', op.guid!];
        const removed =
          devicePk === null
            ? 0
            : await this.tx.run(
                `DELETE FROM ${this.t.id_maps} WHERE device_pk = ? AND folder_id = ? AND ${column} = ?`,
                [devicePk, op.folderId, key],
              );
        return { type: op.type, kind: removed > 0 ? 'applied' : 'unchanged' };
      }
      case 'map.clear': {
        const devicePk = await this.existingDevice(op.folderId, op.deviceId);
        const removed =
          devicePk === null
            ? 0
            : await this.tx.run(`DELETE FROM ${this.t.id_maps} WHERE device_pk = ? AND folder_id = ?`, [
                devicePk,
                op.folderId,
              ]);
        return { type: op.type, kind: removed > 0 ? 'applied' : 'unchanged' };
      }
      case 'state':
        await this.state(op, index);
        return { type: op.type, kind: 'applied' };
    }
  }

  /**
   * Takes the folder's next sequence number. The folder row was read under the batch's lock (SQLite's
   * write transaction, PostgreSQL's FOR UPDATE), so no other writer moves it meanwhile: the numbers are
   * counted here and the row is written once per batch ({@link writeSequences}).
   */
  private bump(folderId: number): number {
    const folder = this.folders.get(folderId)!;
    const sequence = folder.sequence + 1;
    this.folders.set(folderId, { ...folder, sequence });
    this.bumped.add(folderId);
    return sequence;
  }

  /** Stores the sequence of every folder the batch advanced. */
  async writeSequences(): Promise<void> {
    for (const folderId of this.bumped) {
      await this.tx.run(`UPDATE ${this.t.folders} SET seq = ? WHERE id = ?`, [
        this.folders.get(folderId)!.sequence,
        folderId,
      ]);
    }
    this.bumped.clear();
  }

  private async head(folderId: number, guid: string): Promise<ItemHead | null> {
    const row = await this.tx.get<{
      version: number | string;
      seq: number | string;
      deleted: boolean | number;
    }>(`SELECT version, seq, deleted FROM ${this.t.items} WHERE folder_id = ? AND guid = ?`, [
      folderId,
      guid,
    ]);
    if (!row) return null;
    return {
      version: toNumber(row.version),
      seq: toNumber(row.seq),
      deleted: row.deleted === true || row.deleted === 1,
    };
  }

  private async fullItem(folderId: number, guid: string): Promise<Item> {
    const row = await this.tx.get<ItemRow>(
      `SELECT ${itemColumns(true)} FROM ${this.t.items} i WHERE i.folder_id = ? AND i.guid = ?`,
      [folderId, guid],
    );
    return toItem(row!);
  }

  private async requireItem(folderId: number, guid: string, index: number): Promise<ItemHead> {
    const head = await this.head(folderId, guid);
    if (!head) {
      throw new StoreError('NOT_FOUND', `no item ${JSON.stringify(guid)} in folder ${folderId}`, {
        path: `ops[${index}].guid`,
        opIndex: index,
      });
    }
    return head;
  }

  /** Internal id of the device of the folder's account, created on first use. */
  private async device(folderId: number, deviceId: string, index: number): Promise<number> {
    const accountPk = this.folders.get(folderId)!.accountId;
    const key = `${accountPk}\u0000${deviceId}`;
    let devicePk = this.devices.get(key);
    if (devicePk === undefined) {
      devicePk = await ensureDevice(
        this.ctx,
        this.tx,
        accountPk,
        deviceId,
        this.now,
        `ops[${index}].deviceId`,
      );
      this.devices.set(key, devicePk);
    }
    const pair = `${devicePk}:${folderId}`;
    if (!this.deviceFolders.has(pair)) {
      await ensureDeviceFolder(this.ctx, this.tx, devicePk, folderId);
      this.deviceFolders.add(pair);
    }
    return devicePk;
  }

  private async existingDevice(folderId: number, deviceId: string): Promise<number | null> {
    const row = await this.tx.get<{ id: number | string }>(
      `SELECT id FROM ${this.t.devices} WHERE account_id = ? AND device_id = ?`,
      [this.folders.get(folderId)!.accountId, deviceId],
    );
    return row ? toNumber(row.id) : null;
  }

  /** One-to-one: a pair reusing either side replaces the older pair. */
  private async setMap(devicePk: number, folderId: number, luid: string, guid: string): Promise<void> {
    await this.tx.run(
      `DELETE FROM ${this.t.id_maps} WHERE device_pk = ? AND folder_id = ? AND (luid = ? OR guid = ?)`,
      [devicePk, folderId, luid, guid],
    );
    await this.tx.run(
      `INSERT INTO ${this.t.id_maps} (device_pk, folder_id, luid, guid) VALUES (?, ?, ?, ?)`,
      [devicePk, folderId, luid, guid],
    );
  }

  /**
   * Inserts a new item under a generated GUID: the insert itself tells whether the GUID is free (a taken
   * one, live or tombstone, inserts nothing), so a new item costs no lookup first.
   */
  private async insertFresh(values: SqlValue[], folderId: number, index: number): Promise<string> {
    const { generateGuid, limits } = this.ctx.options;
    for (let attempt = 0; attempt < limits.guidAttempts; attempt++) {
      const guid = generateGuid();
      if (
        typeof guid !== 'string' ||
        guid.length === 0 ||
        guid.length > limits.maxGuidLength ||
        guid.includes('\u0000')
      ) {
        throw new StoreError('CONSTRAINT', `the GUID generator returned ${JSON.stringify(guid)}`, {
          path: `ops[${index}].guid`,
          opIndex: index,
        });
      }
      const inserted = await this.tx.run(
        `INSERT INTO ${this.t.items} (${ITEM_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (folder_id, guid) DO NOTHING`,
        [...values, folderId, guid],
      );
      if (inserted > 0) return guid;
    }
    throw new StoreError('CONSTRAINT', `no unused GUID after ${limits.guidAttempts} attempts`, {
      path: `ops[${index}].guid`,
      opIndex: index,
    });
  }

  private async add(op: AddOp, index: number): Promise<OpResult> {
    if (op.guid === undefined) {
      const sequence = this.bump(op.folderId);
      const values = itemValues(op, 1, sequence, this.now);
      const guid = await this.insertFresh(values, op.folderId, index);
      await this.mapAdded(op, guid, index);
      return { type: 'add', kind: 'applied', guid, version: 1, sequence };
    }
    const guid = op.guid;
    const previous = await this.head(op.folderId, guid);
    if (previous && !previous.deleted) {
      throw new StoreError(
        'ALREADY_EXISTS',
        `item ${JSON.stringify(guid)} already exists in folder ${op.folderId}`,
        {
          path: `ops[${index}].guid`,
          opIndex: index,
        },
      );
    }
    const sequence = this.bump(op.folderId);
    // A GUID held by a tombstone is revived: the version keeps counting so older preconditions cannot match.
    const version = previous ? previous.version + 1 : 1;
    const values = itemValues(op, version, sequence, this.now);
    if (previous) {
      await this.tx.run(
        `UPDATE ${this.t.items} SET content_type = ?, payload = ?, size = ?, version = ?, seq = ?, created_at = ?,
         modified_at = ?, origin = ?, deleted = ? WHERE folder_id = ? AND guid = ?`,
        [...values, op.folderId, guid],
      );
    } else {
      await this.tx.run(
        `INSERT INTO ${this.t.items} (${ITEM_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [...values, op.folderId, guid],
      );
    }
    await this.mapAdded(op, guid, index);
    return { type: 'add', kind: 'applied', guid, version, sequence };
  }

  /** An add with a LUID maps it for its origin device. */
  private async mapAdded(op: AddOp, guid: string, index: number): Promise<void> {
    if (op.luid === undefined) return;
    const devicePk = await this.device(op.folderId, op.origin!, index);
    await this.setMap(devicePk, op.folderId, op.luid, guid);
  }

  /** Checks ifVersion/ifSequence: null when they hold, else the conflict result (or throws when aborting). */
  private async precondition(
    op: (ReplaceOp | DeleteOp) & ItemPrecondition,
    head: ItemHead,
    index: number,
  ): Promise<OpResult | null> {
    const versionMismatch = op.ifVersion !== undefined && head.version !== op.ifVersion;
    const changedSince = op.ifSequence !== undefined && head.seq > op.ifSequence;
    if (!versionMismatch && !changedSince) return null;
    const current = await this.fullItem(op.folderId, op.guid);
    if (this.abortOnConflict) {
      throw new StoreConflictError(
        `item ${JSON.stringify(op.guid)} is at version ${head.version}, sequence ${head.seq}: precondition failed`,
        current,
        { path: `ops[${index}]`, opIndex: index },
      );
    }
    return { type: op.type, kind: 'conflict', guid: op.guid, current };
  }

  private async replace(op: ReplaceOp, index: number): Promise<OpResult> {
    const head = await this.requireItem(op.folderId, op.guid, index);
    const conflict = await this.precondition(op, head, index);
    if (conflict) return conflict;
    if (head.deleted) {
      throw new StoreError('NOT_FOUND', `item ${JSON.stringify(op.guid)} was deleted`, {
        path: `ops[${index}].guid`,
        opIndex: index,
      });
    }
    const sequence = this.bump(op.folderId);
    const version = head.version + 1;
    await this.tx.run(
      `UPDATE ${this.t.items} SET content_type = ?, payload = ?, size = ?, version = ?, seq = ?, modified_at = ?, origin = ?
       WHERE folder_id = ? AND guid = ?`,
      [
        op.contentType,
        op.payload,
        op.payload.byteLength,
        version,
        sequence,
        this.now,
        op.origin,
        op.folderId,
        op.guid,
      ],
    );
    return { type: 'replace', kind: 'applied', guid: op.guid, version, sequence };
  }

  private async delete(op: DeleteOp, index: number): Promise<OpResult> {
    const head = await this.requireItem(op.folderId, op.guid, index);
    const conflict = await this.precondition(op, head, index);
    if (conflict) return conflict;
    if (head.deleted)
      return { type: 'delete', kind: 'unchanged', guid: op.guid, version: head.version, sequence: head.seq };
    const sequence = this.bump(op.folderId);
    const version = head.version + 1;
    await this.tx.run(
      `UPDATE ${this.t.items} SET payload = ?, size = 0, version = ?, seq = ?, modified_at = ?, origin = ?, deleted = ?
       WHERE folder_id = ? AND guid = ?`,
      [EMPTY, version, sequence, this.now, op.origin, true, op.folderId, op.guid],
    );
    return { type: 'delete', kind: 'applied', guid: op.guid, version, sequence };
  }

  private async state(op: StateOp, index: number): Promise<void> {
    const devicePk = await this.device(op.folderId, op.deviceId, index);
    const sets: string[] = [];
    const values: SqlValue[] = [];
    const set = (column: string, value: SqlValue | undefined): void => {
      if (value === undefined) return;
      sets.push(`${column} = ?`);
      values.push(value);
    };
    set('client_anchor', op.clientAnchor);
    set('server_anchor', op.serverAnchor);
    set('synced_seq', op.syncedSequence);
    set('last_sync_at', op.lastSyncAt === 'now' ? this.now : op.lastSyncAt);
    set('client_database', op.clientDatabase);
    if (sets.length === 0) return;
    await this.tx.run(
      `UPDATE ${this.t.device_folders} SET ${sets.join(', ')} WHERE device_pk = ? AND folder_id = ?`,
      [...values, devicePk, op.folderId],
    );
  }
}

/** Columns of a new item row, in the order of {@link itemValues} then folder_id, guid. */
const ITEM_INSERT_COLUMNS =
  'content_type, payload, size, version, seq, created_at, modified_at, origin, deleted, folder_id, guid';

function itemValues(op: AddOp, version: number, sequence: number, now: number): SqlValue[] {
  return [op.contentType, op.payload, op.payload.byteLength, version, sequence, now, now, op.origin, false];
}

/** Applies a validated batch inside the caller's write transaction. */
export async function applyBatch(ctx: SqlContext, tx: SqlExecutor, batch: Batch): Promise<BatchResult> {
  // Lock every folder the batch touches, in ascending id order, so two batches never wait on each other.
  const firstUse = new Map<number, number>();
  batch.ops.forEach((op, i) => {
    if (!firstUse.has(op.folderId)) firstUse.set(op.folderId, i);
  });
  const folders = new Map<number, FolderState>();
  for (const [folderId, index] of [...firstUse].sort((a, b) => a[0] - b[0])) {
    try {
      folders.set(folderId, await folderState(ctx, tx, folderId, true, `ops[${index}].folderId`));
    } catch (error) {
      if (error instanceof StoreError) {
        throw new StoreError(error.code, error.message, {
          path: error.path ?? `ops[${index}]`,
          opIndex: index,
        });
      }
      throw error;
    }
  }
  const run = new BatchRun(ctx, tx, folders, ctx.options.now(), batch.onConflict === 'abort');
  const results: OpResult[] = [];
  for (let i = 0; i < batch.ops.length; i++) {
    try {
      results.push(await run.apply(batch.ops[i]!, i));
    } catch (error) {
      if (error instanceof StoreError && error.opIndex === undefined) {
        throw new StoreError(error.code, error.message, {
          path: error.path ?? `ops[${i}]`,
          opIndex: i,
          cause: error,
        });
      }
      throw error;
    }
  }
  await run.writeSequences();
  return { results, folderSequences: run.sequences() };
}

import type { Item } from './model.js';

/** Preconditions for optimistic concurrency on replace and delete. */
export interface ItemPrecondition {
  /** Apply only when the item's current version equals this value. */
  readonly ifVersion?: number;
  /** Apply only when the item has not changed after this folder sequence (its `sequence` <= this value). */
  readonly ifSequence?: number;
}

/** Add an item. The GUID is generated unless `guid` is given. */
export interface AddOp {
  readonly type: 'add';
  readonly folderId: number;
  /** Device id making the change (excluded from that device's next change list); null for admin/import. */
  readonly origin: string | null;
  readonly contentType: string;
  readonly payload: Uint8Array;
  /** Chosen GUID. Taken by a live item -> ALREADY_EXISTS; held by a tombstone -> the item is revived. */
  readonly guid?: string;
  /** The origin device's LUID for the new item: also records LUID <-> GUID in that device's map. */
  readonly luid?: string;
}

export interface ReplaceOp extends ItemPrecondition {
  readonly type: 'replace';
  readonly folderId: number;
  readonly guid: string;
  readonly origin: string | null;
  readonly contentType: string;
  readonly payload: Uint8Array;
}

/** Delete an item, leaving a tombstone. Deleting a tombstone again reports `unchanged`. */
export interface DeleteOp extends ItemPrecondition {
  readonly type: 'delete';
  readonly folderId: number;
  readonly guid: string;
  readonly origin: string | null;
}

/** Record LUID <-> GUID for a device (one-to-one: older pairs using either side are replaced). */
export interface MapSetOp {
  readonly type: 'map.set';
  readonly folderId: number;
  readonly deviceId: string;
  readonly luid: string;
  readonly guid: string;
}

/** Remove the pair with this LUID or this GUID (exactly one of them). */
export interface MapRemoveOp {
  readonly type: 'map.remove';
  readonly folderId: number;
  readonly deviceId: string;
  readonly luid?: string;
  readonly guid?: string;
}

/** Remove the device's whole map for the folder (e.g. after a refresh from server wiped the client). */
export interface MapClearOp {
  readonly type: 'map.clear';
  readonly folderId: number;
  readonly deviceId: string;
}

/** Update a device's sync state for a folder; omitted fields keep their value, null clears one. */
export interface StateOp {
  readonly type: 'state';
  readonly folderId: number;
  readonly deviceId: string;
  readonly clientAnchor?: string | null;
  readonly serverAnchor?: string | null;
  readonly syncedSequence?: number | null;
  /** A timestamp, or `'now'` for the batch's clock reading. */
  readonly lastSyncAt?: number | 'now' | null;
  readonly clientDatabase?: string | null;
}

export type ItemOp = AddOp | ReplaceOp | DeleteOp;
export type BatchOp = ItemOp | MapSetOp | MapRemoveOp | MapClearOp | StateOp;

export interface Batch {
  /** Applied in order, in one transaction: later operations see the effect of earlier ones. */
  readonly ops: readonly BatchOp[];
  /**
   * What a failed precondition does: `'report'` (default) returns a `conflict` result for that operation and
   * applies the others; `'abort'` rolls the whole batch back and throws a StoreConflictError.
   */
  readonly onConflict?: 'report' | 'abort';
}

/** An item operation that changed the item. */
export interface ItemApplied {
  readonly type: ItemOp['type'];
  readonly kind: 'applied';
  readonly guid: string;
  readonly version: number;
  readonly sequence: number;
}

/** A delete of an item that was already a tombstone: nothing changed. */
export interface ItemUnchanged {
  readonly type: 'delete';
  readonly kind: 'unchanged';
  readonly guid: string;
  readonly version: number;
  readonly sequence: number;
}

/** A precondition failed; `current` is the item as it is now (possibly a tombstone). */
export interface ItemConflict {
  readonly type: 'replace' | 'delete';
  readonly kind: 'conflict';
  readonly guid: string;
  readonly current: Item;
}

/** Result of a map or state operation; `unchanged` when there was nothing to remove. */
export interface MetaResult {
  readonly type: MapSetOp['type'] | MapRemoveOp['type'] | MapClearOp['type'] | StateOp['type'];
  readonly kind: 'applied' | 'unchanged';
}

export type OpResult = ItemApplied | ItemUnchanged | ItemConflict | MetaResult;

export interface BatchResult {
  /** One result per operation, in order. */
  readonly results: readonly OpResult[];
  /** Sequence of every folder the batch touched, after the batch. */
  readonly folderSequences: ReadonlyMap<number, number>;
}

import type { ConflictPolicy } from '../config.js';

/** An item as the store keeps it. */
export interface StoredItem {
  contentType: string;
  payload: Uint8Array;
}

/** What the engine knows of a device's abilities for one datastore (from its DevInf). */
export interface DeviceDatastoreCaps {
  /** Preferred receive type and version. */
  rxPref: { type: string; version: string } | undefined;
  /** Other receive types. */
  rx: { type: string; version: string }[];
  /** Content types with their CTCap property names. */
  ctCaps: { type: string; version: string | undefined; properties: string[] }[];
}

/** The content type (and version) to send a device. */
export interface SendFormat {
  contentType: string;
  version: string | undefined;
}

/** The result of resolving a conflict between the stored item and a client's change. */
export interface ConflictOutcome {
  /** What the store should hold afterwards. */
  stored: StoredItem;
  /** True when the device must receive `stored` because it differs from what the device has. */
  sendToClient: boolean;
  /** keep-both: the client's version, to be stored as a new item. */
  duplicate: StoredItem | undefined;
  /** Status to answer the client's command (207 merged, 208 client won, 209 duplicate, 419 server won). */
  status: number;
}

/**
 * Everything the engine asks of item formats. The engine never parses vCard or
 * iCalendar itself: it asks for "this item in the format this device takes".
 */
export interface ItemAdapter {
  /** A client's item -> the stored form. Throws an error carrying `status` (415, 400) for bad items. */
  fromClient(data: Uint8Array, contentType: string | undefined, folderKind: string): StoredItem;
  /** A stored item in the format a device takes. */
  toClient(item: StoredItem, format: SendFormat): Uint8Array;
  /**
   * A device update of a stored item. Fields the device cannot hold (outside
   * `deviceFields`) keep their stored values (R14, complaint 3).
   */
  update(stored: StoredItem, incoming: StoredItem, deviceFields: readonly string[] | undefined): StoredItem;
  /** Both sides changed one item since the last sync. */
  resolveConflict(
    server: StoredItem,
    client: StoredItem,
    policy: ConflictPolicy,
    deviceFields: readonly string[] | undefined,
  ): ConflictOutcome;
  /** A key equal for items a slow sync must pair (same person, same event...), or undefined. */
  matchKey(item: StoredItem): string | undefined;
  /** True when the two stored items carry the same data. */
  same(a: StoredItem, b: StoredItem): boolean;
  /** The format to send to a device for a folder kind. */
  chooseFormat(
    folderKind: string,
    caps: DeviceDatastoreCaps | undefined,
    clientType: string | undefined,
    preference: 'sif' | 'vob' | undefined,
    refused?: readonly string[],
  ): SendFormat;
  /** The other format family, after a device answered 415 for `format`. */
  otherFamily(format: SendFormat, folderKind: string): SendFormat | undefined;
  /** Canonical field names a device can hold, from its CTCap property names. */
  deviceFields(caps: DeviceDatastoreCaps | undefined, format: SendFormat): string[] | undefined;
  /** A short text for logs and the CLI. */
  summary(item: StoredItem): string;
  /** The stored canonical record as plain data (for exports), or undefined for items kept as sent. */
  record(item: StoredItem): unknown;
}

import { type Item as StoreItem, iterateItems, iterateMap } from '@syncds/store';
import type { ItemAdapter, StoredItem } from '../items/item-adapter.js';
import type { MessageProcessor } from '../session/processor.js';
import type { DatastoreState } from '../session/state.js';

/**
 * Pairs the items a client sends in a slow sync with the server's (R8, complaint
 * 1): by the server id the client names, then by the device's id map, then by
 * content (`matchKey`, preferring a candidate that is `same`). Each server item
 * pairs at most once.
 */
export class SlowPairing {
  readonly server: Map<string, StoreItem>;
  readonly #map: Map<string, string>;
  readonly #byKey = new Map<string, string[]>();
  readonly #taken: Set<string>;
  readonly #items: ItemAdapter;

  constructor(
    items: ItemAdapter,
    server: Map<string, StoreItem>,
    map: Map<string, string>,
    taken: Iterable<string>,
  ) {
    this.#items = items;
    this.server = server;
    this.#map = map;
    this.#taken = new Set(taken);
    for (const [guid, item] of server) {
      const key = items.matchKey(asStored(item));
      if (key === undefined) continue;
      const list = this.#byKey.get(key);
      if (list === undefined) this.#byKey.set(key, [guid]);
      else list.push(guid);
    }
  }

  /** The server item this client item is, or undefined for a new item; marks it taken. */
  pair(luid: string, guid: string | undefined, incoming: StoredItem): string | undefined {
    let found = guid !== undefined && this.server.has(guid) && !this.#taken.has(guid) ? guid : undefined;
    if (found === undefined) {
      const mapped = this.#map.get(luid);
      if (mapped !== undefined && this.server.has(mapped) && !this.#taken.has(mapped)) found = mapped;
    }
    if (found === undefined) {
      const key = this.#items.matchKey(incoming);
      const candidates = (key === undefined ? [] : (this.#byKey.get(key) ?? [])).filter(
        (g) => !this.#taken.has(g),
      );
      found =
        candidates.find((g) => this.#items.same(asStored(this.server.get(g)!), incoming)) ?? candidates[0];
    }
    if (found !== undefined) this.#taken.add(found);
    return found;
  }
}

export function asStored(item: StoreItem): StoredItem {
  return { contentType: item.contentType, payload: item.payload };
}

/** A pairing over the folder as it is now, with the server items already claimed in this session. */
export async function loadSlowPairing(
  p: MessageProcessor,
  ds: DatastoreState,
  taken: Iterable<string>,
): Promise<SlowPairing> {
  const map = new Map<string, string>();
  for await (const e of iterateMap(p.store, ds.folderId, p.state.deviceId, { limit: 1000 }))
    map.set(e.luid, e.guid);
  const server = new Map<string, StoreItem>();
  for await (const item of iterateItems(p.store, ds.folderId, { limit: 1000 })) server.set(item.guid, item);
  return new SlowPairing(p.ctx.items, server, map, taken);
}

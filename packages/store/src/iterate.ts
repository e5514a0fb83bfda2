import type { Item, MapEntry } from './model.js';
import type { ChangesOptions, GroupwareStore, ListItemsOptions, PageOptions } from './store.js';

/**
 * Every item of a folder, one page (default 100) in memory at a time: for slow syncs and exports. Items
 * changed while iterating may appear with their old or new content, never twice.
 */
export async function* iterateItems(
  store: GroupwareStore,
  folderId: number,
  options: Omit<ListItemsOptions, 'after'> = {},
): AsyncGenerator<Item, void, undefined> {
  let after: string | undefined;
  do {
    const page = await store.listItems(folderId, after === undefined ? options : { ...options, after });
    yield* page.entries;
    after = page.next ?? undefined;
  } while (after !== undefined);
}

/**
 * Every change after `since`, up to the folder sequence at the first call (or `options.until`), one page at
 * a time. Changes made while iterating land above that bound and come with the next sync.
 */
export async function* iterateChanges(
  store: GroupwareStore,
  folderId: number,
  since: number,
  options: ChangesOptions = {},
): AsyncGenerator<Item, void, undefined> {
  let page = await store.changesSince(folderId, since, options);
  yield* page.entries;
  while (page.next !== null) {
    page = await store.changesSince(folderId, page.next, { ...options, until: page.until });
    yield* page.entries;
  }
}

/** A device's whole map for a folder, one page at a time. */
export async function* iterateMap(
  store: GroupwareStore,
  folderId: number,
  deviceId: string,
  options: Omit<PageOptions, 'after'> = {},
): AsyncGenerator<MapEntry, void, undefined> {
  let after: string | undefined;
  do {
    const page = await store.listMap(
      folderId,
      deviceId,
      after === undefined ? options : { ...options, after },
    );
    yield* page.entries;
    after = page.next ?? undefined;
  } while (after !== undefined);
}

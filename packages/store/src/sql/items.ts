import { StoreError } from '../errors.js';
import type { ChangePage, Item, Page } from '../model.js';
import type { ChangesOptions, ItemReadOptions, ListItemsOptions } from '../store.js';
import { checkCount, checkCursor, checkId, checkObject, checkPageLimit, checkText } from '../validate.js';
import type { SqlContext } from './context.js';
import { LIMIT_PARAM, placeholders, toPage } from './context.js';
import type { SqlExecutor, SqlValue } from './driver.js';
import { folderState } from './folders.js';
import type { ItemRow } from './rows.js';
import { itemColumns, toItem, toNumber } from './rows.js';

/** GUIDs per IN list: far below every backend's bound-parameter limit. */
const GUIDS_PER_QUERY = 500;

function liveFilter(options: ItemReadOptions, params: SqlValue[]): string {
  if (checkObject(options, 'options').includeDeleted === true) return '';
  params.push(false);
  return ' AND i.deleted = ?';
}

export async function getItem(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  guid: string,
  options: ItemReadOptions = {},
): Promise<Item | null> {
  checkId(folderId, 'folderId');
  checkText(guid, ctx.options.limits.maxGuidLength, 'guid');
  const params: SqlValue[] = [folderId, guid];
  const row = await tx.get<ItemRow>(
    `SELECT ${itemColumns(true)} FROM ${ctx.t.items} i WHERE i.folder_id = ? AND i.guid = ?${liveFilter(options, params)}`,
    params,
  );
  return row ? toItem(row) : null;
}

export async function getItems(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  guids: readonly string[],
  options: ItemReadOptions = {},
): Promise<Item[]> {
  checkId(folderId, 'folderId');
  if (!Array.isArray(guids)) throw new StoreError('INVALID', 'guids must be an array', { path: 'guids' });
  if (guids.length > ctx.options.limits.maxGetItems) {
    throw new StoreError('LIMIT', `more than ${ctx.options.limits.maxGetItems} GUIDs asked for`, {
      path: 'guids',
    });
  }
  for (const [i, guid] of guids.entries()) checkText(guid, ctx.options.limits.maxGuidLength, `guids[${i}]`);
  const unique = [...new Set(guids)];
  const found = new Map<string, Item>();
  for (let start = 0; start < unique.length; start += GUIDS_PER_QUERY) {
    const chunk = unique.slice(start, start + GUIDS_PER_QUERY);
    const params: SqlValue[] = [folderId, ...chunk];
    const filter = liveFilter(options, params);
    const rows = await tx.all<ItemRow>(
      `SELECT ${itemColumns(true)} FROM ${ctx.t.items} i WHERE i.folder_id = ? AND i.guid IN (${placeholders(chunk.length)})${filter}`,
      params,
    );
    for (const row of rows) found.set(row.guid, toItem(row));
  }
  return unique.flatMap((guid) => found.get(guid) ?? []);
}

export async function listItems(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  options: ListItemsOptions = {},
): Promise<Page<Item>> {
  checkId(folderId, 'folderId');
  checkObject(options, 'options');
  const limit = checkPageLimit(options.limit, ctx.options.limits.maxPageSize);
  await folderState(ctx, tx, folderId, false);
  const params: SqlValue[] = [folderId, checkCursor(options.after)];
  const filter = liveFilter(options, params);
  params.push(limit + 1);
  const rows = await tx.all<ItemRow>(
    `SELECT ${itemColumns(options.withPayload !== false)} FROM ${ctx.t.items} i
     WHERE i.folder_id = ? AND i.guid > ?${filter} ORDER BY i.guid ${LIMIT_PARAM}`,
    params,
  );
  return toPage(rows.map(toItem), limit, (item) => item.guid);
}

export async function countItems(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  options: ItemReadOptions = {},
): Promise<number> {
  checkId(folderId, 'folderId');
  await folderState(ctx, tx, folderId, false);
  const params: SqlValue[] = [folderId];
  const filter = liveFilter(options, params);
  const row = await tx.get<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM ${ctx.t.items} i WHERE i.folder_id = ?${filter}`,
    params,
  );
  return toNumber(row!.n);
}

export async function changesSince(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  since: number,
  options: ChangesOptions = {},
): Promise<ChangePage> {
  checkId(folderId, 'folderId');
  checkCount(since, 'since');
  checkObject(options, 'options');
  const limit = checkPageLimit(options.limit, ctx.options.limits.maxPageSize);
  const folder = await folderState(ctx, tx, folderId, false);
  if (since < folder.purgedSequence) {
    throw new StoreError(
      'RESYNC_REQUIRED',
      `tombstones up to sequence ${folder.purgedSequence} of folder ${folderId} were pruned; asked from ${since}`,
      { path: 'since' },
    );
  }
  if (since > folder.sequence) {
    throw new StoreError(
      'RESYNC_REQUIRED',
      `sequence ${since} is ahead of folder ${folderId} (at ${folder.sequence}): was the database restored?`,
      { path: 'since' },
    );
  }
  const until = options.until === undefined ? folder.sequence : checkCount(options.until, 'until');
  const params: SqlValue[] = [folderId, since, until];
  let originFilter = '';
  if (options.excludeOrigin !== undefined) {
    checkText(options.excludeOrigin, ctx.options.limits.maxDeviceIdLength, 'excludeOrigin');
    originFilter = ' AND (i.origin IS NULL OR i.origin <> ?)';
    params.push(options.excludeOrigin);
  }
  params.push(limit + 1);
  const columns = itemColumns(options.withPayload !== false);
  const window = `i.folder_id = ? AND i.seq > ? AND i.seq <= ?${originFilter} ORDER BY i.seq ${LIMIT_PARAM}`;
  let rows: (ItemRow & { luid?: string | null })[];
  if (options.luidsOf === undefined) {
    rows = await tx.all<ItemRow>(`SELECT ${columns} FROM ${ctx.t.items} i WHERE ${window}`, params);
  } else {
    const deviceId = checkText(options.luidsOf, ctx.options.limits.maxDeviceIdLength, 'luidsOf');
    // The device's map entry of each item comes in the same statement (unique on device, folder, guid).
    rows = await tx.all<ItemRow & { luid: string | null }>(
      `SELECT ${columns}, m.luid AS luid FROM ${ctx.t.items} i
       LEFT JOIN ${ctx.t.id_maps} m ON m.folder_id = i.folder_id AND m.guid = i.guid
         AND m.device_pk = (SELECT v.id FROM ${ctx.t.devices} v WHERE v.account_id = ? AND v.device_id = ?)
       WHERE ${window}`,
      [folder.accountId, deviceId, ...params],
    );
  }
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const entries = page.map(toItem);
  const next = more ? entries[entries.length - 1]!.sequence : null;
  if (options.luidsOf === undefined) return { entries, next, until };
  const luids = new Map<string, string>();
  for (const row of page) if (row.luid != null) luids.set(row.guid, row.luid);
  return { entries, next, until, luids };
}

/**
 * Prunes one folder's tombstones deleted before `olderThan`; with `keepUnsynced`, only those every device
 * with a sync state for the folder has received. Raises the folder's purged floor so that a device asking
 * from below it is told to slow-sync instead of silently missing deletions.
 */
export async function pruneFolderTombstones(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  olderThan: number,
  keepUnsynced: boolean,
): Promise<number> {
  const folder = await folderState(ctx, tx, folderId, true);
  let ceiling = folder.sequence;
  if (keepUnsynced) {
    const row = await tx.get<{ floor: number | string | null }>(
      `SELECT MIN(synced_seq) AS floor FROM ${ctx.t.device_folders} WHERE folder_id = ?`,
      [folderId],
    );
    if (row?.floor != null) ceiling = Math.min(ceiling, toNumber(row.floor));
  }
  const doomed = `SELECT guid FROM ${ctx.t.items} WHERE folder_id = ? AND deleted = ? AND modified_at < ? AND seq <= ?`;
  const params: SqlValue[] = [folderId, true, olderThan, ceiling];
  const top = await tx.get<{ top: number | string | null }>(
    `SELECT MAX(seq) AS top FROM ${ctx.t.items} WHERE folder_id = ? AND deleted = ? AND modified_at < ? AND seq <= ?`,
    params,
  );
  if (top?.top == null) return 0;
  await tx.run(`DELETE FROM ${ctx.t.id_maps} WHERE folder_id = ? AND guid IN (${doomed})`, [
    folderId,
    ...params,
  ]);
  const pruned = await tx.run(
    `DELETE FROM ${ctx.t.items} WHERE folder_id = ? AND deleted = ? AND modified_at < ? AND seq <= ?`,
    params,
  );
  const purged = Math.max(folder.purgedSequence, toNumber(top.top));
  await tx.run(`UPDATE ${ctx.t.folders} SET purged_seq = ? WHERE id = ?`, [purged, folderId]);
  return pruned;
}

import { StoreError } from '../errors.js';
import type { Device, DeviceFolderState, MapEntry, Page } from '../model.js';
import type { PageOptions, TouchDeviceOptions } from '../store.js';
import { checkBytes, checkCursor, checkId, checkObject, checkPageLimit, checkText } from '../validate.js';
import { accountId, loginOrNull } from './accounts.js';
import type { SqlContext } from './context.js';
import { LIMIT_PARAM, toPage } from './context.js';
import type { SqlExecutor, SqlValue } from './driver.js';
import type { DeviceRow, StateRow } from './rows.js';
import { DEVICE_COLUMNS, STATE_COLUMNS, toDevice, toNumber, toState } from './rows.js';

export function checkDeviceId(ctx: SqlContext, deviceId: unknown, path = 'deviceId'): string {
  return checkText(deviceId, ctx.options.limits.maxDeviceIdLength, path);
}

/** Internal id of the device, creating it (first seen now) within the account's device quota. */
export async function ensureDevice(
  ctx: SqlContext,
  tx: SqlExecutor,
  accountPk: number,
  deviceId: string,
  now: number,
  path = 'deviceId',
): Promise<number> {
  const existing = await tx.get<{ id: number | string }>(
    `SELECT id FROM ${ctx.t.devices} WHERE account_id = ? AND device_id = ?`,
    [accountPk, deviceId],
  );
  if (existing) return toNumber(existing.id);
  // Creating a device: hold the account row so concurrent creators count devices one at a time (quota).
  await tx.get(`SELECT id FROM ${ctx.t.accounts} WHERE id = ?${ctx.dialect.forUpdate}`, [accountPk]);
  const raced = await tx.get<{ id: number | string }>(
    `SELECT id FROM ${ctx.t.devices} WHERE account_id = ? AND device_id = ?`,
    [accountPk, deviceId],
  );
  if (raced) return toNumber(raced.id);
  const count = await tx.get<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM ${ctx.t.devices} WHERE account_id = ?`,
    [accountPk],
  );
  if (toNumber(count!.n) >= ctx.options.limits.maxDevicesPerAccount) {
    throw new StoreError('LIMIT', `account already has ${ctx.options.limits.maxDevicesPerAccount} devices`, {
      path,
    });
  }
  const row = await tx.get<{ id: number | string }>(
    `INSERT INTO ${ctx.t.devices} (account_id, device_id, devinf, devinf_type, first_seen, last_seen)
     VALUES (?, ?, NULL, NULL, ?, ?) RETURNING id`,
    [accountPk, deviceId, now, now],
  );
  return toNumber(row!.id);
}

/** Makes sure the (device, folder) state row exists: maps hang off it. */
export async function ensureDeviceFolder(
  ctx: SqlContext,
  tx: SqlExecutor,
  devicePk: number,
  folderId: number,
): Promise<void> {
  await tx.run(
    `INSERT INTO ${ctx.t.device_folders} (device_pk, folder_id) VALUES (?, ?) ON CONFLICT (device_pk, folder_id) DO NOTHING`,
    [devicePk, folderId],
  );
}

async function deviceByAccount(
  ctx: SqlContext,
  tx: SqlExecutor,
  accountPk: number,
  deviceId: string,
): Promise<Device | null> {
  const row = await tx.get<DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM ${ctx.t.devices} v JOIN ${ctx.t.accounts} a ON a.id = v.account_id
     WHERE v.account_id = ? AND v.device_id = ?`,
    [accountPk, deviceId],
  );
  return row ? toDevice(row) : null;
}

export async function touchDevice(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  deviceId: string,
  options: TouchDeviceOptions = {},
): Promise<Device> {
  checkDeviceId(ctx, deviceId);
  const devInf = checkObject(options, 'options').devInf;
  if (devInf !== undefined) {
    if (devInf === null || typeof devInf !== 'object') {
      throw new StoreError('INVALID', 'devInf must be { data, contentType }', { path: 'devInf' });
    }
    checkBytes(devInf.data, ctx.options.limits.maxDevInfBytes, 'devInf.data');
    checkText(devInf.contentType, ctx.options.limits.maxContentTypeLength, 'devInf.contentType');
  }
  const now = ctx.options.now();
  const set = devInf === undefined ? 'last_seen = ?' : 'last_seen = ?, devinf = ?, devinf_type = ?';
  const values: SqlValue[] = devInf === undefined ? [now] : [now, devInf.data, devInf.contentType];
  // A device seen before (every session but its first): one statement finds, updates and returns it.
  const normalized = loginOrNull(ctx, login);
  if (normalized !== null) {
    const seen = await tx.get<Omit<DeviceRow, 'login'>>(
      `UPDATE ${ctx.t.devices} SET ${set}
       WHERE account_id = (SELECT id FROM ${ctx.t.accounts} WHERE login = ?) AND device_id = ?
       RETURNING ${TOUCHED_COLUMNS}`,
      [...values, normalized, deviceId],
    );
    if (seen) return toDevice({ login: normalized, ...seen });
  }
  // Unknown account (NOT_FOUND from accountId) or first contact of the device.
  const accountPk = await accountId(ctx, tx, login);
  const devicePk = await ensureDevice(ctx, tx, accountPk, deviceId, now);
  await tx.run(`UPDATE ${ctx.t.devices} SET ${set} WHERE id = ?`, [...values, devicePk]);
  return (await deviceByAccount(ctx, tx, accountPk, deviceId))!;
}

/** The device columns an UPDATE of `devices` returns (the login is the caller's, normalised). */
const TOUCHED_COLUMNS = 'device_id, devinf, devinf_type, first_seen, last_seen';

export async function getDevice(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  deviceId: string,
): Promise<Device | null> {
  checkDeviceId(ctx, deviceId);
  return deviceByAccount(ctx, tx, await accountId(ctx, tx, login), deviceId);
}

export async function listDevices(ctx: SqlContext, tx: SqlExecutor, login: string): Promise<Device[]> {
  const rows = await tx.all<DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM ${ctx.t.devices} v JOIN ${ctx.t.accounts} a ON a.id = v.account_id
     WHERE v.account_id = ? ORDER BY v.device_id`,
    [await accountId(ctx, tx, login)],
  );
  return rows.map(toDevice);
}

export async function deleteDevice(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  deviceId: string,
): Promise<void> {
  checkDeviceId(ctx, deviceId);
  const changed = await tx.run(`DELETE FROM ${ctx.t.devices} WHERE account_id = ? AND device_id = ?`, [
    await accountId(ctx, tx, login),
    deviceId,
  ]);
  if (changed === 0)
    throw new StoreError('NOT_FOUND', `no device ${JSON.stringify(deviceId)}`, { path: 'deviceId' });
}

/** Joins a state or map table to the device of the folder's own account. */
function deviceOfFolder(ctx: SqlContext, alias: string): string {
  return (
    `JOIN ${ctx.t.devices} v ON v.id = ${alias}.device_pk ` +
    `JOIN ${ctx.t.folders} f ON f.id = ${alias}.folder_id AND f.account_id = v.account_id`
  );
}

export async function getDeviceFolderState(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  deviceId: string,
): Promise<DeviceFolderState | null> {
  checkId(folderId, 'folderId');
  checkDeviceId(ctx, deviceId);
  const row = await tx.get<StateRow>(
    `SELECT ${STATE_COLUMNS} FROM ${ctx.t.device_folders} s ${deviceOfFolder(ctx, 's')}
     WHERE s.folder_id = ? AND v.device_id = ?`,
    [folderId, deviceId],
  );
  return row ? toState(row) : null;
}

export async function listDeviceFolderStates(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  deviceId: string,
): Promise<DeviceFolderState[]> {
  checkDeviceId(ctx, deviceId);
  const rows = await tx.all<StateRow>(
    `SELECT ${STATE_COLUMNS} FROM ${ctx.t.device_folders} s ${deviceOfFolder(ctx, 's')}
     WHERE v.account_id = ? AND v.device_id = ? ORDER BY f.path_key`,
    [await accountId(ctx, tx, login), deviceId],
  );
  return rows.map(toState);
}

export async function getMapped(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  deviceId: string,
  by: 'luid' | 'guid',
  key: string,
): Promise<string | null> {
  checkId(folderId, 'folderId');
  checkDeviceId(ctx, deviceId);
  checkText(key, by === 'luid' ? ctx.options.limits.maxLuidLength : ctx.options.limits.maxGuidLength, by);
  const other = by === 'luid' ? 'guid' : 'luid';
  const row = await tx.get<Record<string, string>>(
    `SELECT m.${other} AS value FROM ${ctx.t.id_maps} m ${deviceOfFolder(ctx, 'm')}
     WHERE m.folder_id = ? AND v.device_id = ? AND m.${by} = ?`,
    [folderId, deviceId, key],
  );
  return row ? row.value! : null;
}

export async function listMap(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  deviceId: string,
  options: PageOptions = {},
): Promise<Page<MapEntry>> {
  checkId(folderId, 'folderId');
  checkDeviceId(ctx, deviceId);
  checkObject(options, 'options');
  const limit = checkPageLimit(options.limit, ctx.options.limits.maxPageSize);
  const rows = await tx.all<MapEntry>(
    `SELECT m.luid, m.guid FROM ${ctx.t.id_maps} m ${deviceOfFolder(ctx, 'm')}
     WHERE m.folder_id = ? AND v.device_id = ? AND m.luid > ? ORDER BY m.luid ${LIMIT_PARAM}`,
    [folderId, deviceId, checkCursor(options.after), limit + 1],
  );
  return toPage(
    rows.map((row) => ({ luid: row.luid, guid: row.guid })),
    limit,
    (entry) => entry.luid,
  );
}

import { StoreError } from '../errors.js';
import type { Folder, FolderKind } from '../model.js';
import { FOLDER_KINDS } from '../model.js';
import {
  DEFAULT_FOLDERS,
  folderKey,
  parentPathOf,
  parseFolderPath,
  remoteNameCandidates,
} from '../naming/folder-path.js';
import type { CreateFolderOptions } from '../store.js';
import { checkId, checkObject } from '../validate.js';
import { accountId, loginOrNull } from './accounts.js';
import type { SqlContext } from './context.js';
import { placeholders } from './context.js';
import type { SqlExecutor } from './driver.js';
import type { FolderRow } from './rows.js';
import { FOLDER_COLUMNS, toFolder, toNumber } from './rows.js';

/** The columns a write needs to check and bump a folder. */
export interface FolderState {
  readonly id: number;
  readonly accountId: number;
  readonly kind: FolderKind;
  readonly sequence: number;
  readonly purgedSequence: number;
}

function fromClause(ctx: SqlContext): string {
  return `${ctx.t.folders} f JOIN ${ctx.t.accounts} a ON a.id = f.account_id`;
}

export async function createDefaultFolders(
  ctx: SqlContext,
  tx: SqlExecutor,
  accountPk: number,
): Promise<void> {
  const now = ctx.options.now();
  for (const folder of DEFAULT_FOLDERS) {
    await tx.run(
      `INSERT INTO ${ctx.t.folders} (account_id, path, path_key, kind, seq, purged_seq, created_at) VALUES (?, ?, ?, ?, 0, 0, ?)`,
      [accountPk, folder.path, folderKey(folder.path), folder.kind, now],
    );
  }
}

/**
 * Reads a folder's write-relevant state; with `lock`, holds its row until commit (PostgreSQL FOR UPDATE), which
 * serialises every writer of the folder's items and sequence. NOT_FOUND when the folder does not exist.
 */
export async function folderState(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  lock: boolean,
  path = 'folderId',
): Promise<FolderState> {
  const row = await tx.get<{
    id: number | string;
    account_id: number | string;
    kind: string;
    seq: number | string;
    purged_seq: number | string;
  }>(
    `SELECT id, account_id, kind, seq, purged_seq FROM ${ctx.t.folders} WHERE id = ?${lock ? ctx.dialect.forUpdate : ''}`,
    [folderId],
  );
  if (!row) throw new StoreError('NOT_FOUND', `no folder ${folderId}`, { path });
  return {
    id: toNumber(row.id),
    accountId: toNumber(row.account_id),
    kind: row.kind as FolderKind,
    sequence: toNumber(row.seq),
    purgedSequence: toNumber(row.purged_seq),
  };
}

export async function getFolder(ctx: SqlContext, tx: SqlExecutor, folderId: number): Promise<Folder | null> {
  checkId(folderId, 'folderId');
  const row = await tx.get<FolderRow>(`SELECT ${FOLDER_COLUMNS} FROM ${fromClause(ctx)} WHERE f.id = ?`, [
    folderId,
  ]);
  return row ? toFolder(row) : null;
}

export async function getFolderSequence(ctx: SqlContext, tx: SqlExecutor, folderId: number): Promise<number> {
  checkId(folderId, 'folderId');
  return (await folderState(ctx, tx, folderId, false)).sequence;
}

async function foldersOf(ctx: SqlContext, tx: SqlExecutor, accountPk: number): Promise<Folder[]> {
  const rows = await tx.all<FolderRow>(
    `SELECT ${FOLDER_COLUMNS} FROM ${fromClause(ctx)} WHERE f.account_id = ? ORDER BY f.path_key`,
    [accountPk],
  );
  return rows.map(toFolder);
}

export async function listFolders(ctx: SqlContext, tx: SqlExecutor, login: string): Promise<Folder[]> {
  return foldersOf(ctx, tx, await accountId(ctx, tx, login));
}

export async function resolveFolder(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  remoteName: string,
): Promise<Folder | null> {
  const candidates = typeof remoteName === 'string' ? remoteNameCandidates(remoteName) : [];
  const normalized = loginOrNull(ctx, login);
  if (candidates.length > 0 && normalized !== null) {
    // The account by its login in the same statement: one query when the folder exists.
    const rows = await tx.all<FolderRow & { path_key: string }>(
      `SELECT ${FOLDER_COLUMNS}, f.path_key FROM ${fromClause(ctx)} WHERE a.login = ? AND f.path_key IN (${placeholders(candidates.length)})`,
      [normalized, ...candidates],
    );
    for (const candidate of candidates) {
      const row = rows.find((r) => r.path_key === candidate);
      if (row) return toFolder(row);
    }
  }
  await accountId(ctx, tx, login); // NOT_FOUND for an unknown account, as every per-account call
  return null;
}

function checkKind(kind: unknown): FolderKind {
  if (!FOLDER_KINDS.includes(kind as FolderKind)) {
    throw new StoreError('INVALID', `kind must be one of ${FOLDER_KINDS.join(', ')}`, { path: 'kind' });
  }
  return kind as FolderKind;
}

export async function createFolder(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  path: string,
  options: CreateFolderOptions = {},
): Promise<Folder> {
  const parsed = parseFolderPath(path, ctx.options.limits);
  checkObject(options, 'options');
  const accountPk = await accountId(ctx, tx, login);
  const folders = await foldersOf(ctx, tx, accountPk);
  if (folders.length >= ctx.options.limits.maxFoldersPerAccount) {
    throw new StoreError('LIMIT', `account has ${folders.length} folders (limit reached)`, { path: 'path' });
  }
  if (folders.some((folder) => folderKey(folder.path) === parsed.key)) {
    throw new StoreError('ALREADY_EXISTS', `folder ${parsed.path} already exists`, { path: 'path' });
  }
  const parentPath = parentPathOf(parsed.path);
  let storedPath = parsed.path;
  let kind = options.kind === undefined ? undefined : checkKind(options.kind);
  if (parentPath !== null) {
    const parent = folders.find((folder) => folderKey(folder.path) === folderKey(parentPath));
    if (!parent) throw new StoreError('NOT_FOUND', `no parent folder ${parentPath}`, { path: 'path' });
    // The parent keeps the case it was created with.
    storedPath = `${parent.path}/${parsed.segments[parsed.segments.length - 1]}`;
    kind ??= parent.kind;
  }
  if (kind === undefined) {
    throw new StoreError('INVALID', 'a top-level folder needs a kind', { path: 'kind' });
  }
  const row = await tx.get<{ id: number | string }>(
    `INSERT INTO ${ctx.t.folders} (account_id, path, path_key, kind, seq, purged_seq, created_at) VALUES (?, ?, ?, ?, 0, 0, ?) RETURNING id`,
    [accountPk, storedPath, parsed.key, kind, ctx.options.now()],
  );
  return (await getFolder(ctx, tx, toNumber(row!.id)))!;
}

/** The folder and its sub-folders, among all folders of its account. */
function subtree(folders: readonly Folder[], root: Folder): Folder[] {
  const prefix = `${folderKey(root.path)}/`;
  return folders.filter((folder) => folder.id === root.id || folderKey(folder.path).startsWith(prefix));
}

export async function renameFolder(
  ctx: SqlContext,
  tx: SqlExecutor,
  folderId: number,
  newPath: string,
): Promise<Folder> {
  checkId(folderId, 'folderId');
  const parsed = parseFolderPath(newPath, ctx.options.limits);
  const state = await folderState(ctx, tx, folderId, true);
  const folders = await foldersOf(ctx, tx, state.accountId);
  const folder = folders.find((f) => f.id === folderId)!;
  const moved = subtree(folders, folder);
  if (moved.some((f) => f.id !== folderId && folderKey(f.path) === parsed.key)) {
    throw new StoreError('INVALID', 'a folder cannot move into its own sub-folder', { path: 'newPath' });
  }
  if (folders.some((f) => f.id !== folderId && folderKey(f.path) === parsed.key)) {
    throw new StoreError('ALREADY_EXISTS', `folder ${parsed.path} already exists`, { path: 'newPath' });
  }
  const parentPath = parentPathOf(parsed.path);
  let target = parsed.path;
  if (parentPath !== null) {
    const parent = folders.find((f) => folderKey(f.path) === folderKey(parentPath));
    if (!parent || moved.includes(parent)) {
      throw new StoreError(parent ? 'INVALID' : 'NOT_FOUND', `cannot move under ${parentPath}`, {
        path: 'newPath',
      });
    }
    target = `${parent.path}/${parsed.segments[parsed.segments.length - 1]}`;
  }
  const renamed = moved.map((f) => ({ id: f.id, path: target + f.path.slice(folder.path.length) }));
  if (renamed.some((f) => f.path.split('/').length > ctx.options.limits.maxFolderDepth)) {
    throw new StoreError('TOO_LARGE', `moving would nest sub-folders deeper than the limit`, {
      path: 'newPath',
    });
  }
  for (const f of renamed) {
    const path = f.path;
    await tx.run(`UPDATE ${ctx.t.folders} SET path = ?, path_key = ? WHERE id = ?`, [
      path,
      folderKey(path),
      f.id,
    ]);
  }
  return (await getFolder(ctx, tx, folderId))!;
}

export async function deleteFolder(ctx: SqlContext, tx: SqlExecutor, folderId: number): Promise<void> {
  checkId(folderId, 'folderId');
  const state = await folderState(ctx, tx, folderId, true);
  const folders = await foldersOf(ctx, tx, state.accountId);
  const doomed = subtree(folders, folders.find((f) => f.id === folderId)!);
  // Items, device states and maps of each folder go by ON DELETE CASCADE.
  await tx.run(
    `DELETE FROM ${ctx.t.folders} WHERE id IN (${placeholders(doomed.length)})`,
    doomed.map((f) => f.id),
  );
}

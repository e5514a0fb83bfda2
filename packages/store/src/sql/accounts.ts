import { desKey, md5Verifier, verifierEquals } from '../auth/verifiers.js';
import { StoreError } from '../errors.js';
import type { Account, AccountVerifiers, Domain, Page, SyncAccess } from '../model.js';
import { normalizeDomain, normalizeLogin } from '../naming/login.js';
import type {
  AccountFlags,
  DeleteDomainOptions,
  DomainFlags,
  ListAccountsOptions,
  NewAccount,
  PageOptions,
  PasswordOptions,
} from '../store.js';
import { checkBoolean, checkCursor, checkObject, checkPageLimit, checkText } from '../validate.js';
import type { SqlContext } from './context.js';
import { LIMIT_PARAM, toPage } from './context.js';
import type { SqlExecutor, SqlValue } from './driver.js';
import { createDefaultFolders } from './folders.js';
import type { AccountRow, DomainRow } from './rows.js';
import { ACCOUNT_COLUMNS, DOMAIN_COLUMNS, toAccount, toDomain, toNumber } from './rows.js';

/** Compared against when the login is unknown, so a miss costs the same hashing as a hit. */
const UNKNOWN_ACCOUNT_VERIFIER = md5Verifier('unknown@invalid', 'unknown');

/** Normalised login, or null when the text cannot be a login (reads then simply find nothing). */
export function loginOrNull(ctx: SqlContext, login: string): string | null {
  try {
    return normalizeLogin(login, ctx.options.limits.maxLoginLength).login;
  } catch {
    return null;
  }
}

function checkFlags<T extends DomainFlags | AccountFlags>(
  input: T | undefined,
  allowNullSync: boolean,
  path = 'changes',
): T {
  const flags = checkObject(input, path);
  if (flags.enabled !== undefined) checkBoolean(flags.enabled, 'enabled');
  if (flags.syncAllowed !== undefined && !(allowNullSync && flags.syncAllowed === null)) {
    checkBoolean(flags.syncAllowed, 'syncAllowed');
  }
  return flags;
}

async function domainId(ctx: SqlContext, tx: SqlExecutor, name: string): Promise<number | null> {
  const row = await tx.get<{ id: number | string }>(`SELECT id FROM ${ctx.t.domains} WHERE name = ?`, [name]);
  return row ? toNumber(row.id) : null;
}

/** Internal id of an account; NOT_FOUND when it does not exist. */
export async function accountId(ctx: SqlContext, tx: SqlExecutor, login: string): Promise<number> {
  const normalized = loginOrNull(ctx, login);
  const row =
    normalized === null
      ? undefined
      : await tx.get<{ id: number | string }>(`SELECT id FROM ${ctx.t.accounts} WHERE login = ?`, [
          normalized,
        ]);
  if (!row) throw new StoreError('NOT_FOUND', `no account ${JSON.stringify(login)}`, { path: 'login' });
  return toNumber(row.id);
}

export async function getDomain(ctx: SqlContext, tx: SqlExecutor, name: string): Promise<Domain | null> {
  let normalized: string;
  try {
    normalized = normalizeDomain(name);
  } catch {
    return null;
  }
  const row = await tx.get<DomainRow>(`SELECT ${DOMAIN_COLUMNS} FROM ${ctx.t.domains} d WHERE d.name = ?`, [
    normalized,
  ]);
  return row ? toDomain(row) : null;
}

export async function createDomain(
  ctx: SqlContext,
  tx: SqlExecutor,
  name: string,
  flags: DomainFlags = {},
): Promise<Domain> {
  const normalized = normalizeDomain(name, 'name');
  checkFlags(flags, false, 'flags');
  if ((await domainId(ctx, tx, normalized)) !== null) {
    throw new StoreError('ALREADY_EXISTS', `domain ${normalized} already exists`, { path: 'name' });
  }
  await tx.run(`INSERT INTO ${ctx.t.domains} (name, enabled, sync_allowed, created_at) VALUES (?, ?, ?, ?)`, [
    normalized,
    flags.enabled ?? true,
    flags.syncAllowed ?? true,
    ctx.options.now(),
  ]);
  return (await getDomain(ctx, tx, normalized))!;
}

export async function listDomains(
  ctx: SqlContext,
  tx: SqlExecutor,
  options: PageOptions = {},
): Promise<Page<Domain>> {
  const limit = checkPageLimit(options.limit, ctx.options.limits.maxPageSize);
  const rows = await tx.all<DomainRow>(
    `SELECT ${DOMAIN_COLUMNS} FROM ${ctx.t.domains} d WHERE d.name > ? ORDER BY d.name ${LIMIT_PARAM}`,
    [checkCursor(options.after), limit + 1],
  );
  return toPage(rows.map(toDomain), limit, (domain) => domain.name);
}

export async function updateDomain(
  ctx: SqlContext,
  tx: SqlExecutor,
  name: string,
  input: DomainFlags,
): Promise<Domain> {
  const changes = checkFlags(input, false);
  const current = await getDomain(ctx, tx, name);
  if (!current) throw new StoreError('NOT_FOUND', `no domain ${JSON.stringify(name)}`, { path: 'name' });
  await tx.run(`UPDATE ${ctx.t.domains} SET enabled = ?, sync_allowed = ? WHERE name = ?`, [
    changes.enabled ?? current.enabled,
    changes.syncAllowed ?? current.syncAllowed,
    current.name,
  ]);
  return (await getDomain(ctx, tx, current.name))!;
}

export async function deleteDomain(
  ctx: SqlContext,
  tx: SqlExecutor,
  name: string,
  options: DeleteDomainOptions = {},
): Promise<void> {
  const current = await getDomain(ctx, tx, name);
  if (!current) throw new StoreError('NOT_FOUND', `no domain ${JSON.stringify(name)}`, { path: 'name' });
  if (checkObject(options, 'options').withAccounts !== true) {
    const row = await tx.get<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${ctx.t.accounts} a JOIN ${ctx.t.domains} d ON d.id = a.domain_id WHERE d.name = ?`,
      [current.name],
    );
    const accounts = toNumber(row!.n);
    if (accounts > 0) {
      throw new StoreError('CONSTRAINT', `domain ${current.name} still has ${accounts} account(s)`, {
        path: 'name',
      });
    }
  }
  // Accounts, and through them folders, items, devices and maps, go by ON DELETE CASCADE.
  await tx.run(`DELETE FROM ${ctx.t.domains} WHERE name = ?`, [current.name]);
}

export async function getAccount(ctx: SqlContext, tx: SqlExecutor, login: string): Promise<Account | null> {
  const normalized = loginOrNull(ctx, login);
  if (normalized === null) return null;
  const row = await tx.get<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM ${ctx.t.accounts} a JOIN ${ctx.t.domains} d ON d.id = a.domain_id WHERE a.login = ?`,
    [normalized],
  );
  return row ? toAccount(row) : null;
}

function passwordColumns(
  ctx: SqlContext,
  login: string,
  password: unknown,
  options: PasswordOptions,
): [string, Uint8Array, string | null] {
  const clear = checkText(password, ctx.options.limits.maxPasswordLength, 'password');
  if (options.storeClearPassword !== undefined)
    checkBoolean(options.storeClearPassword, 'storeClearPassword');
  return [md5Verifier(login, clear), desKey(clear), options.storeClearPassword === true ? clear : null];
}

export async function createAccount(ctx: SqlContext, tx: SqlExecutor, input: NewAccount): Promise<Account> {
  if (input === null || typeof input !== 'object') {
    throw new StoreError('INVALID', 'createAccount needs { login, password }', { path: 'input' });
  }
  const { login, domain } = normalizeLogin(input.login, ctx.options.limits.maxLoginLength);
  checkFlags(input, true, 'input');
  const [verifier, key, clear] = passwordColumns(ctx, login, input.password, input);
  let domainPk = await domainId(ctx, tx, domain);
  if (domainPk === null) {
    if (input.createDomain !== true) {
      throw new StoreError('NOT_FOUND', `no domain ${domain} (create it first or pass createDomain)`, {
        path: 'login',
      });
    }
    // ON CONFLICT: another node may be creating the first account of the same domain right now.
    await tx.run(
      `INSERT INTO ${ctx.t.domains} (name, enabled, sync_allowed, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
      [domain, true, true, ctx.options.now()],
    );
    domainPk = (await domainId(ctx, tx, domain))!;
  }
  if (await getAccount(ctx, tx, login)) {
    throw new StoreError('ALREADY_EXISTS', `account ${login} already exists`, { path: 'login' });
  }
  const now = ctx.options.now();
  const row = await tx.get<{ id: number | string }>(
    `INSERT INTO ${ctx.t.accounts} (login, domain_id, enabled, sync_allowed, md5_verifier, des_key, clear_password, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [login, domainPk, input.enabled ?? true, input.syncAllowed ?? null, verifier, key, clear, now, now],
  );
  if (input.defaultFolders !== false) await createDefaultFolders(ctx, tx, toNumber(row!.id));
  return (await getAccount(ctx, tx, login))!;
}

export async function listAccounts(
  ctx: SqlContext,
  tx: SqlExecutor,
  options: ListAccountsOptions = {},
): Promise<Page<Account>> {
  checkObject(options, 'options');
  const limit = checkPageLimit(options.limit, ctx.options.limits.maxPageSize);
  const params: SqlValue[] = [checkCursor(options.after)];
  let filter = '';
  if (options.domain !== undefined) {
    filter = ' AND d.name = ?';
    params.push(normalizeDomain(options.domain));
  }
  params.push(limit + 1);
  const rows = await tx.all<AccountRow>(
    `SELECT ${ACCOUNT_COLUMNS} FROM ${ctx.t.accounts} a JOIN ${ctx.t.domains} d ON d.id = a.domain_id
     WHERE a.login > ?${filter} ORDER BY a.login ${LIMIT_PARAM}`,
    params,
  );
  return toPage(rows.map(toAccount), limit, (account) => account.login);
}

export async function updateAccount(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  input: AccountFlags,
): Promise<Account> {
  const changes = checkFlags(input, true);
  const current = await getAccount(ctx, tx, login);
  if (!current) throw new StoreError('NOT_FOUND', `no account ${JSON.stringify(login)}`, { path: 'login' });
  await tx.run(`UPDATE ${ctx.t.accounts} SET enabled = ?, sync_allowed = ?, updated_at = ? WHERE login = ?`, [
    changes.enabled ?? current.enabled,
    changes.syncAllowed === undefined ? current.syncAllowed : changes.syncAllowed,
    ctx.options.now(),
    current.login,
  ]);
  return (await getAccount(ctx, tx, current.login))!;
}

export async function setPassword(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  password: string,
  options: PasswordOptions = {},
): Promise<void> {
  const normalized = loginOrNull(ctx, login);
  const [verifier, key, clear] = passwordColumns(ctx, normalized ?? '', password, options);
  const changed =
    normalized === null
      ? 0
      : await tx.run(
          `UPDATE ${ctx.t.accounts} SET md5_verifier = ?, des_key = ?, clear_password = ?, updated_at = ? WHERE login = ?`,
          [verifier, key, clear, ctx.options.now(), normalized],
        );
  if (changed === 0)
    throw new StoreError('NOT_FOUND', `no account ${JSON.stringify(login)}`, { path: 'login' });
}

export async function deleteAccount(ctx: SqlContext, tx: SqlExecutor, login: string): Promise<void> {
  const id = await accountId(ctx, tx, login);
  await tx.run(`DELETE FROM ${ctx.t.accounts} WHERE id = ?`, [id]);
}

interface CredentialRow {
  md5_verifier: string;
  des_key: Uint8Array;
  clear_password: string | null;
  enabled: boolean | number;
  domain_enabled: boolean | number;
}

async function credentialRow(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
): Promise<CredentialRow | undefined> {
  return tx.get<CredentialRow>(
    `SELECT a.md5_verifier, a.des_key, a.clear_password, a.enabled, d.enabled AS domain_enabled
     FROM ${ctx.t.accounts} a JOIN ${ctx.t.domains} d ON d.id = a.domain_id WHERE a.login = ?`,
    [login],
  );
}

const isActive = (row: CredentialRow): boolean =>
  (row.enabled === true || row.enabled === 1) && (row.domain_enabled === true || row.domain_enabled === 1);

export async function verifyBasic(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
  password: string,
): Promise<boolean> {
  const normalized = loginOrNull(ctx, login);
  if (
    normalized === null ||
    typeof password !== 'string' ||
    password.length > ctx.options.limits.maxPasswordLength
  ) {
    return false;
  }
  const row = await credentialRow(ctx, tx, normalized);
  const matches = verifierEquals(
    md5Verifier(normalized, password),
    row?.md5_verifier ?? UNKNOWN_ACCOUNT_VERIFIER,
  );
  return matches && row !== undefined && isActive(row);
}

export async function getVerifiers(
  ctx: SqlContext,
  tx: SqlExecutor,
  login: string,
): Promise<AccountVerifiers | null> {
  const normalized = loginOrNull(ctx, login);
  if (normalized === null) return null;
  const row = await credentialRow(ctx, tx, normalized);
  if (!row || !isActive(row)) return null;
  return {
    login: normalized,
    md5Verifier: row.md5_verifier,
    desKey: new Uint8Array(row.des_key),
    clearPassword: row.clear_password,
  };
}

export async function getSyncAccess(ctx: SqlContext, tx: SqlExecutor, login: string): Promise<SyncAccess> {
  const account = await getAccount(ctx, tx, login);
  if (!account) return { allowed: false, reason: 'unknown-account' };
  const domain = (await getDomain(ctx, tx, account.domain))!;
  if (!account.enabled) return { allowed: false, reason: 'account-disabled' };
  if (!domain.enabled) return { allowed: false, reason: 'domain-disabled' };
  if (account.syncAllowed === false) return { allowed: false, reason: 'account-denied' };
  if (account.syncAllowed === null && !domain.syncAllowed) return { allowed: false, reason: 'domain-denied' };
  return { allowed: true, reason: 'allowed' };
}

import { syncdsAdmin } from './processes.js';

/** What the store holds for one account, against what its devices sent. */
export interface AccountCheck {
  readonly login: string;
  readonly expected: number;
  readonly found: number;
  /** FNs sent and acknowledged but absent from the store (at most 10 kept). */
  readonly missing: string[];
  /** FNs stored more than once. */
  readonly duplicates: string[];
}

/**
 * Reads an account's Contacts through `syncds folder export` (what an administrator sees)
 * and checks that every contact its devices added is there, once.
 */
export async function checkAccount(
  dataDir: string,
  login: string,
  sent: readonly string[],
): Promise<AccountCheck> {
  const out = await syncdsAdmin(dataDir, ['folder', 'export', login, 'Contacts']);
  const stored = new Map<string, number>();
  for (const line of out.split('\n')) {
    if (line.trim() === '') continue;
    const item = JSON.parse(line) as { deleted?: boolean; record?: { contact?: { formattedName?: string } } };
    if (item.deleted === true) continue;
    const fn = item.record?.contact?.formattedName ?? '';
    stored.set(fn, (stored.get(fn) ?? 0) + 1);
  }
  const missing = sent.filter((fn) => !stored.has(fn));
  const duplicates = [...stored].filter(([, n]) => n > 1).map(([fn]) => fn);
  let found = 0;
  for (const n of stored.values()) found += n;
  return {
    login,
    expected: sent.length,
    found,
    missing: missing.slice(0, 10),
    duplicates: duplicates.slice(0, 10),
  };
}

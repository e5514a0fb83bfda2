import { expect } from 'vitest';
import { essence } from './items.js';
import type { ServerProcess } from './server-process.js';
import type { Store } from '@syncds/test-peers';

const FOLDER: Record<Store, [string, string]> = {
  contacts: ['Contacts', 'text/vcard'],
  calendar: ['Events', 'text/calendar'],
  todo: ['Tasks', 'text/calendar'],
  memo: ['Notes', 'text/plain'],
};

/** The server's items of a store, through the admin export, as the essences a device's items compare to. */
export async function serverEssences(server: ServerProcess, login: string, store: Store): Promise<string[]> {
  const [folder, type] = FOLDER[store];
  const r = await server.admin(['folder', 'export', login, folder, '--as', type]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => essence(store, (JSON.parse(l) as { converted: string }).converted))
    .sort();
}

import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import type { GroupwareStore } from '../store.js';
import type { StoreHarness } from './harness.test-util.js';
import { withAccount } from './harness.test-util.js';

/** Values a careless or hostile caller might pass where strings, numbers or objects are expected. */
const GARBAGE: unknown[] = [
  null,
  undefined,
  0,
  -1,
  Number.NaN,
  1e300,
  '',
  'x'.repeat(100_000),
  '\u0000',
  {},
  [],
  true,
  Symbol('s'),
  () => 1,
];

type Call = (store: GroupwareStore, value: never) => Promise<unknown>;

const CALLS: Record<string, Call> = {
  createDomain: (s, v) => s.createDomain(v),
  updateDomain: (s, v) => s.updateDomain('example.com', v),
  createAccount: (s, v) => s.createAccount(v),
  createAccountLogin: (s, v) => s.createAccount({ login: v, password: 'pw' }),
  createAccountPassword: (s, v) => s.createAccount({ login: 'z@example.com', password: v }),
  updateAccount: (s, v) => s.updateAccount('alice@example.com', v),
  setPassword: (s, v) => s.setPassword('alice@example.com', v),
  verifyBasic: (s, v) => s.verifyBasic(v, v),
  getVerifiers: (s, v) => s.getVerifiers(v),
  getSyncAccess: (s, v) => s.getSyncAccess(v),
  listFolders: (s, v) => s.listFolders(v),
  resolveFolder: (s, v) => s.resolveFolder('alice@example.com', v),
  createFolder: (s, v) => s.createFolder('alice@example.com', v),
  createFolderKind: (s, v) => s.createFolder('alice@example.com', 'Contacts/New', v),
  renameFolder: (s, v) => s.renameFolder(v, 'X'),
  getFolder: (s, v) => s.getFolder(v),
  getItem: (s, v) => s.getItem(1, v),
  getItems: (s, v) => s.getItems(1, v),
  listItems: (s, v) => s.listItems(1, v),
  changesSince: (s, v) => s.changesSince(1, v),
  changesOptions: (s, v) => s.changesSince(1, 0, v),
  pruneTombstones: (s, v) => s.pruneTombstones(v),
  touchDevice: (s, v) => s.touchDevice('alice@example.com', v),
  touchDeviceInfo: (s, v) => s.touchDevice('alice@example.com', 'dev', { devInf: v }),
  getDeviceFolderState: (s, v) => s.getDeviceFolderState(1, v),
  getGuidForLuid: (s, v) => s.getGuidForLuid(1, 'dev', v),
  listMap: (s, v) => s.listMap(1, 'dev', v),
  applyBatch: (s, v) => s.applyBatch(v),
  applyBatchOp: (s, v) => s.applyBatch({ ops: [v] }),
  applyAddPayload: (s, v) =>
    s.applyBatch({
      ops: [{ type: 'add', folderId: 1, origin: null, contentType: 'text/plain', payload: v }],
    }),
  applyState: (s, v) => s.applyBatch({ ops: [{ type: 'state', folderId: 1, deviceId: 'd', lastSyncAt: v }] }),
};

export function garbageTests(harness: StoreHarness): void {
  describe('hostile arguments', () => {
    it('answers every malformed call with a value or a StoreError, and keeps working', async () => {
      const { store, login } = await withAccount(harness);
      const escaped: string[] = [];
      for (const [name, call] of Object.entries(CALLS)) {
        for (const value of GARBAGE) {
          try {
            await call(store, value as never);
          } catch (error) {
            if (!(error instanceof StoreError)) escaped.push(`${name}(${String(value)}): ${String(error)}`);
          }
        }
      }
      expect(escaped).toEqual([]);
      expect(await store.verifyBasic(login, 'secret')).toBe(true);
      expect((await store.listFolders(login)).length).toBeGreaterThanOrEqual(7);
    });
  });
}

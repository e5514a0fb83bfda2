import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoreHarness } from './harness.test-util.js';
import { expectStoreError, TestClock, withAccount } from './harness.test-util.js';

const md5b64 = (input: string): string => createHash('md5').update(input, 'utf8').digest('base64');

export function accountTests(harness: StoreHarness): void {
  describe('lifecycle', () => {
    it('creates the schema at version 1 and refuses calls once closed', async () => {
      const store = await harness.open();
      expect(await store.schemaVersion()).toBe(1);
      await store.close();
      await store.close();
      await expectStoreError(store.getDomain('example.com'), 'CLOSED', { status: 503 });
      await expectStoreError(store.schemaVersion(), 'CLOSED');
    });
  });

  describe('domains', () => {
    it('creates, lists, updates and deletes domains', async () => {
      const clock = new TestClock();
      const store = await harness.open({ now: clock.now });
      expect(await store.createDomain(' Example.COM ')).toEqual({
        name: 'example.com',
        enabled: true,
        syncAllowed: true,
        createdAt: clock.time,
      });
      await store.createDomain('b.org', { enabled: false, syncAllowed: false });
      await store.createDomain('a.net');
      await expectStoreError(store.createDomain('EXAMPLE.com'), 'ALREADY_EXISTS', {
        status: 418,
        path: 'name',
      });
      await expectStoreError(store.createDomain('bad domain'), 'INVALID', { status: 400 });

      const first = await store.listDomains({ limit: 2 });
      expect(first.entries.map((d) => d.name)).toEqual(['a.net', 'b.org']);
      expect(first.next).toBe('b.org');
      const second = await store.listDomains({ limit: 2, after: first.next! });
      expect(second.entries.map((d) => d.name)).toEqual(['example.com']);
      expect(second.next).toBeNull();

      expect(await store.updateDomain('B.ORG', { enabled: true })).toMatchObject({
        enabled: true,
        syncAllowed: false,
      });
      await expectStoreError(store.updateDomain('nowhere.org', { enabled: true }), 'NOT_FOUND', {
        status: 404,
      });
      await store.deleteDomain('a.net');
      expect(await store.getDomain('a.net')).toBeNull();
      await expectStoreError(store.deleteDomain('a.net'), 'NOT_FOUND');
    });

    it('refuses to delete a domain with accounts unless asked, then deletes everything', async () => {
      const { store, login, contacts } = await withAccount(harness);
      await expectStoreError(store.deleteDomain('example.com'), 'CONSTRAINT', { status: 500 });
      expect(await store.getAccount(login)).not.toBeNull();
      await store.deleteDomain('example.com', { withAccounts: true });
      expect(await store.getAccount(login)).toBeNull();
      expect(await store.getFolder(contacts)).toBeNull();
    });
  });

  describe('accounts', () => {
    it('lower-cases the login, derives the domain and creates the default folders', async () => {
      const clock = new TestClock();
      const store = await harness.open({ now: clock.now });
      await store.createDomain('example.com');
      const account = await store.createAccount({ login: ' John.Doe@EXAMPLE.com', password: 'pw' });
      expect(account).toEqual({
        login: 'john.doe@example.com',
        domain: 'example.com',
        enabled: true,
        syncAllowed: null,
        hasClearPassword: false,
        createdAt: clock.time,
        updatedAt: clock.time,
      });
      const folders = await store.listFolders('JOHN.DOE@example.com');
      expect(folders.map((f) => [f.path, f.kind, f.sequence, f.parentPath])).toEqual([
        ['Contacts', 'contacts', 0, null],
        ['Events', 'events', 0, null],
        ['Files', 'files', 0, null],
        ['inbox', 'mail', 0, null],
        ['Journal', 'journal', 0, null],
        ['Notes', 'notes', 0, null],
        ['Tasks', 'tasks', 0, null],
      ]);
      expect(folders.every((f) => f.login === 'john.doe@example.com')).toBe(true);
      expect(new Set(folders.map((f) => f.id)).size).toBe(7);
    });

    it('rejects bad input, unknown domains and duplicates', async () => {
      const store = await harness.open();
      await expectStoreError(store.createAccount({ login: 'x@nowhere.org', password: 'pw' }), 'NOT_FOUND', {
        path: 'login',
      });
      await store.createAccount({
        login: 'x@nowhere.org',
        password: 'pw',
        createDomain: true,
        defaultFolders: false,
      });
      expect(await store.listFolders('x@nowhere.org')).toEqual([]);
      await expectStoreError(
        store.createAccount({ login: 'X@Nowhere.org', password: 'pw' }),
        'ALREADY_EXISTS',
      );
      await expectStoreError(store.createAccount({ login: 'no-at-sign', password: 'pw' }), 'INVALID', {
        path: 'login',
      });
      await expectStoreError(store.createAccount({ login: 'y@nowhere.org', password: '' }), 'INVALID', {
        path: 'password',
      });
      await expectStoreError(
        store.createAccount({ login: 'y@nowhere.org', password: 'p'.repeat(1025) }),
        'TOO_LARGE',
        { path: 'password' },
      );
      expect(await store.getAccount('y@nowhere.org')).toBeNull();
    });

    it('keeps verifiers, not the password: md5 verifier and DES key (syncml-facts.md §5, §7.2)', async () => {
      const { store, login } = await withAccount(harness);
      const verifiers = await store.getVerifiers('ALICE@example.com');
      expect(verifiers).toEqual({
        login,
        md5Verifier: md5b64('alice@example.com:secret'),
        desKey: new Uint8Array([0x5e, 0xbe, 0x22, 0x94, 0xec, 0xd0, 0xe0, 0xf0]),
        clearPassword: null,
      });
      expect((await store.getAccount(login))!.hasClearPassword).toBe(false);
    });

    it('serves SyncML 1.1/1.2 MD5: the client digest is recomputable from the stored verifier', async () => {
      const { store, login } = await withAccount(harness);
      const nonce = 'Nonce';
      const fromClient = md5b64(`${md5b64(`${login}:secret`)}:${nonce}`);
      const verifiers = (await store.getVerifiers(login))!;
      expect(md5b64(`${verifiers.md5Verifier}:${nonce}`)).toBe(fromClient);
    });

    it('checks basic credentials: right, wrong, case of login, unknown, disabled', async () => {
      const { store, login } = await withAccount(harness);
      expect(await store.verifyBasic(login, 'secret')).toBe(true);
      expect(await store.verifyBasic('ALICE@EXAMPLE.COM', 'secret')).toBe(true);
      expect(await store.verifyBasic(login, 'Secret')).toBe(false);
      expect(await store.verifyBasic(login, '')).toBe(false);
      expect(await store.verifyBasic(login, 's'.repeat(5000))).toBe(false);
      expect(await store.verifyBasic('bob@example.com', 'secret')).toBe(false);
      expect(await store.verifyBasic('not a login', 'secret')).toBe(false);
      await store.updateAccount(login, { enabled: false });
      expect(await store.verifyBasic(login, 'secret')).toBe(false);
      expect(await store.getVerifiers(login)).toBeNull();
      await store.updateAccount(login, { enabled: true });
      await store.updateDomain('example.com', { enabled: false });
      expect(await store.verifyBasic(login, 'secret')).toBe(false);
      expect(await store.getVerifiers(login)).toBeNull();
    });

    it('sets passwords, keeping the clear one only on request', async () => {
      const { store, login, clock } = await withAccount(harness);
      clock.advance(1000);
      await store.setPassword(login, 'OhBehave', { storeClearPassword: true });
      expect(await store.verifyBasic(login, 'secret')).toBe(false);
      expect(await store.verifyBasic(login, 'OhBehave')).toBe(true);
      const account = (await store.getAccount(login))!;
      expect(account.hasClearPassword).toBe(true);
      expect(account.updatedAt).toBe(clock.time);
      expect((await store.getVerifiers(login))!.clearPassword).toBe('OhBehave');
      await store.setPassword(login, 'next');
      expect((await store.getVerifiers(login))!.clearPassword).toBeNull();
      expect((await store.getAccount(login))!.hasClearPassword).toBe(false);
      await expectStoreError(store.setPassword('nobody@example.com', 'x'), 'NOT_FOUND');
    });

    it('decides sync access per account and per domain (R5)', async () => {
      const { store, login } = await withAccount(harness);
      const access = () => store.getSyncAccess(login);
      expect(await access()).toEqual({ allowed: true, reason: 'allowed' });
      await store.updateDomain('example.com', { syncAllowed: false });
      expect(await access()).toEqual({ allowed: false, reason: 'domain-denied' });
      await store.updateAccount(login, { syncAllowed: true });
      expect(await access()).toEqual({ allowed: true, reason: 'allowed' });
      await store.updateDomain('example.com', { syncAllowed: true });
      await store.updateAccount(login, { syncAllowed: false });
      expect(await access()).toEqual({ allowed: false, reason: 'account-denied' });
      await store.updateAccount(login, { syncAllowed: null });
      expect((await store.getAccount(login))!.syncAllowed).toBeNull();
      await store.updateDomain('example.com', { enabled: false });
      expect(await access()).toEqual({ allowed: false, reason: 'domain-disabled' });
      await store.updateAccount(login, { enabled: false });
      expect(await access()).toEqual({ allowed: false, reason: 'account-disabled' });
      expect(await store.getSyncAccess('ghost@example.com')).toEqual({
        allowed: false,
        reason: 'unknown-account',
      });
    });

    it('lists accounts by login, per domain, one page at a time', async () => {
      const store = await harness.open();
      for (const login of ['c@one.org', 'a@two.org', 'b@one.org', 'd@one.org']) {
        await store.createAccount({ login, password: 'pw', createDomain: true, defaultFolders: false });
      }
      const all = await store.listAccounts();
      expect(all.entries.map((a) => a.login)).toEqual(['a@two.org', 'b@one.org', 'c@one.org', 'd@one.org']);
      expect(all.next).toBeNull();
      const page = await store.listAccounts({ domain: 'ONE.org', limit: 2 });
      expect(page.entries.map((a) => a.login)).toEqual(['b@one.org', 'c@one.org']);
      const rest = await store.listAccounts({ domain: 'one.org', limit: 2, after: page.next! });
      expect(rest.entries.map((a) => a.login)).toEqual(['d@one.org']);
      expect(rest.next).toBeNull();
      await expectStoreError(store.listAccounts({ limit: 0 }), 'INVALID', { path: 'limit' });
      await expectStoreError(store.listAccounts({ limit: 1001 }), 'INVALID');
    });

    it('deletes an account with its folders, items and devices', async () => {
      const { store, login, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: [
          {
            type: 'add',
            folderId: contacts,
            origin: 'dev1',
            contentType: 'text/vcard',
            payload: new Uint8Array(3),
            luid: '1',
          },
        ],
      });
      await store.deleteAccount(login);
      expect(await store.getAccount(login)).toBeNull();
      expect(await store.getFolder(contacts)).toBeNull();
      expect(await store.getItem(contacts, 'g1', { includeDeleted: true })).toBeNull();
      await expectStoreError(store.listDevices(login), 'NOT_FOUND');
      await expectStoreError(store.deleteAccount(login), 'NOT_FOUND');
      // The same login can be created again from scratch.
      await store.createAccount({ login, password: 'again' });
      expect(await store.verifyBasic(login, 'again')).toBe(true);
    });
  });
}

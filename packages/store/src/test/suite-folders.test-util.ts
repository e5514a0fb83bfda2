import { describe, expect, it } from 'vitest';
import type { StoreHarness } from './harness.test-util.js';
import { bytes, expectStoreError, withAccount } from './harness.test-util.js';

export function folderTests(harness: StoreHarness): void {
  describe('folder resolution (R13)', () => {
    it('resolves every default name, alias, case and decoration', async () => {
      const { store, login } = await withAccount(harness);
      const resolve = async (name: string) => (await store.resolveFolder(login, name))?.path ?? null;
      const table: [string, string | null][] = [
        ['Contacts', 'Contacts'],
        ['contacts', 'Contacts'],
        ['./Contacts', 'Contacts'],
        ['./CONTACTS/', 'Contacts'],
        ['Events', 'Events'],
        ['Calendar', 'Events'],
        ['./calendar', 'Events'],
        ['Tasks', 'Tasks'],
        ['./tasks/', 'Tasks'],
        ['Notes', 'Notes'],
        ['Journal', 'Journal'],
        ['Mail', 'inbox'],
        ['./mail', 'inbox'],
        ['inbox', 'inbox'],
        ['INBOX/', 'inbox'],
        ['Files', 'Files'],
        ['Sent', null],
        ['Unknown', null],
        ['', null],
        ['./', null],
      ];
      const resolved: [string, string | null][] = [];
      for (const [name] of table) resolved.push([name, await resolve(name)]);
      expect(resolved).toEqual(table);
      await expectStoreError(store.resolveFolder('ghost@example.com', 'Contacts'), 'NOT_FOUND');
      await expectStoreError(store.resolveFolder('ghost@example.com', ''), 'NOT_FOUND');
      await expectStoreError(store.resolveFolder('not a login', 'Contacts'), 'NOT_FOUND');
      expect(await store.resolveFolder(login.toUpperCase(), 'Nowhere')).toBeNull();
    });

    it('lets a real Calendar folder win over the alias, and Events stay reachable', async () => {
      const { store, login, events } = await withAccount(harness);
      const calendar = await store.createFolder(login, 'Calendar', { kind: 'events' });
      expect((await store.resolveFolder(login, 'calendar'))!.id).toBe(calendar.id);
      expect((await store.resolveFolder(login, './Calendar/'))!.id).toBe(calendar.id);
      expect((await store.resolveFolder(login, 'Events'))!.id).toBe(events);
      await store.deleteFolder(calendar.id);
      expect((await store.resolveFolder(login, 'Calendar'))!.id).toBe(events);
    });

    it('finds other mail folders by name and sub-folders by path', async () => {
      const { store, login } = await withAccount(harness);
      const sent = await store.createFolder(login, 'Sent', { kind: 'mail' });
      const archive = await store.createFolder(login, 'inbox/Archive');
      const work = await store.createFolder(login, 'contacts/Work');
      const team = await store.createFolder(login, 'Events/Team');
      expect(work).toMatchObject({
        path: 'Contacts/Work',
        name: 'Work',
        parentPath: 'Contacts',
        kind: 'contacts',
      });
      expect(archive.kind).toBe('mail');
      const resolve = async (name: string) => (await store.resolveFolder(login, name))?.id ?? null;
      expect(await resolve('./sent/')).toBe(sent.id);
      expect(await resolve('Mail/Archive')).toBe(archive.id);
      expect(await resolve('./INBOX/archive/')).toBe(archive.id);
      expect(await resolve('Contacts/Work')).toBe(work.id);
      expect(await resolve('./contacts//work/')).toBe(work.id);
      expect(await resolve('Calendar/Team')).toBe(team.id);
      expect(await resolve('Contacts/Home')).toBeNull();
      expect(await resolve('Work')).toBeNull();
    });
  });

  describe('folder management', () => {
    it('validates new folders', async () => {
      const { store, login } = await withAccount(harness);
      await expectStoreError(store.createFolder(login, 'Nowhere/Sub'), 'NOT_FOUND', { path: 'path' });
      await expectStoreError(store.createFolder(login, 'Loose'), 'INVALID', { path: 'kind' });
      await expectStoreError(store.createFolder(login, 'Box', { kind: 'bogus' as never }), 'INVALID', {
        path: 'kind',
      });
      await expectStoreError(store.createFolder(login, 'CONTACTS', { kind: 'contacts' }), 'ALREADY_EXISTS');
      await expectStoreError(store.createFolder(login, 'Mail', { kind: 'mail' }), 'INVALID');
      await expectStoreError(store.createFolder(login, 'a/../b', { kind: 'notes' }), 'INVALID');
      await expectStoreError(store.createFolder('ghost@example.com', 'X', { kind: 'notes' }), 'NOT_FOUND');
    });

    it('enforces the folders-per-account limit', async () => {
      const { store, login } = await withAccount(harness, { limits: { maxFoldersPerAccount: 8 } });
      await store.createFolder(login, 'Contacts/One');
      await expectStoreError(store.createFolder(login, 'Contacts/Two'), 'LIMIT', { status: 420 });
    });

    it('renames and moves a folder with its sub-folders, keeping ids and items', async () => {
      const { store, login, contacts } = await withAccount(harness);
      const work = await store.createFolder(login, 'Contacts/Work');
      const team = await store.createFolder(login, 'Contacts/Work/Team');
      await store.applyBatch({
        ops: [
          { type: 'add', folderId: team.id, origin: null, contentType: 'text/vcard', payload: bytes('x') },
        ],
      });
      const office = await store.renameFolder(work.id, 'contacts/Office');
      expect(office).toMatchObject({ id: work.id, path: 'Contacts/Office', parentPath: 'Contacts' });
      expect(await store.getFolder(team.id)).toMatchObject({ path: 'Contacts/Office/Team', sequence: 1 });
      expect((await store.resolveFolder(login, 'Contacts/Office/Team'))!.id).toBe(team.id);
      expect(await store.resolveFolder(login, 'Contacts/Work/Team')).toBeNull();
      expect(await store.countItems(team.id)).toBe(1);

      const moved = await store.renameFolder(work.id, 'Events/Office');
      expect(moved.path).toBe('Events/Office');
      expect((await store.getFolder(team.id))!.path).toBe('Events/Office/Team');
      // case-only rename
      expect((await store.renameFolder(work.id, 'Events/OFFICE')).path).toBe('Events/OFFICE');

      await expectStoreError(store.renameFolder(work.id, 'Events/OFFICE/Team/Deeper'), 'INVALID');
      await expectStoreError(store.renameFolder(work.id, 'Contacts'), 'ALREADY_EXISTS');
      await expectStoreError(store.renameFolder(work.id, 'Nowhere/X'), 'NOT_FOUND');
      await expectStoreError(store.renameFolder(contacts, 'Mail'), 'INVALID');
      await expectStoreError(store.renameFolder(999_999, 'X'), 'NOT_FOUND');
    });

    it('deletes a folder with its sub-folders, items, states and maps', async () => {
      const { store, login, contacts } = await withAccount(harness);
      const work = await store.createFolder(login, 'Contacts/Work');
      const sub = await store.createFolder(login, 'Contacts/Work/Sub');
      await store.applyBatch({
        ops: [
          {
            type: 'add',
            folderId: sub.id,
            origin: 'dev',
            contentType: 'text/vcard',
            payload: bytes('x'),
            luid: '7',
          },
          { type: 'state', folderId: sub.id, deviceId: 'dev', clientAnchor: 'a1' },
          {
            type: 'add',
            folderId: contacts,
            origin: 'dev',
            contentType: 'text/vcard',
            payload: bytes('y'),
            luid: '8',
          },
        ],
      });
      await store.deleteFolder(work.id);
      expect(await store.getFolder(work.id)).toBeNull();
      expect(await store.getFolder(sub.id)).toBeNull();
      expect(await store.getDeviceFolderState(sub.id, 'dev')).toBeNull();
      expect(await store.getGuidForLuid(sub.id, 'dev', '7')).toBeNull();
      expect((await store.listDeviceFolderStates(login, 'dev')).map((s) => s.folderPath)).toEqual([
        'Contacts',
      ]);
      expect(await store.getGuidForLuid(contacts, 'dev', '8')).toBe('g2');
      await expectStoreError(store.deleteFolder(work.id), 'NOT_FOUND');
      await expectStoreError(store.getFolderSequence(work.id), 'NOT_FOUND');
    });
  });
}

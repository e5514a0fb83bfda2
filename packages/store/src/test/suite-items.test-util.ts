import { describe, expect, it } from 'vitest';
import type { ItemApplied } from '../batch.js';
import type { StoreHarness } from './harness.test-util.js';
import { bytes, expectStoreError, TestGuids, text, withAccount } from './harness.test-util.js';

const VCARD = 'text/vcard';

export function itemTests(harness: StoreHarness): void {
  describe('item lifecycle and sequences', () => {
    it('adds, replaces and deletes with versions, sequences, timestamps and origin', async () => {
      const { store, contacts, clock } = await withAccount(harness);
      const created = clock.time;
      const add = await store.applyBatch({
        ops: [
          {
            type: 'add',
            folderId: contacts,
            origin: 'phone',
            contentType: VCARD,
            payload: bytes('BEGIN:VCARD'),
          },
        ],
      });
      expect(add.results).toEqual([{ type: 'add', kind: 'applied', guid: 'g1', version: 1, sequence: 1 }]);
      expect(add.folderSequences).toEqual(new Map([[contacts, 1]]));
      const item = (await store.getItem(contacts, 'g1'))!;
      expect({ ...item, payload: text(item.payload) }).toEqual({
        folderId: contacts,
        guid: 'g1',
        contentType: VCARD,
        payload: 'BEGIN:VCARD',
        size: 11,
        version: 1,
        sequence: 1,
        createdAt: created,
        modifiedAt: created,
        origin: 'phone',
        deleted: false,
      });

      clock.advance(60_000);
      const replace = await store.applyBatch({
        ops: [
          {
            type: 'replace',
            folderId: contacts,
            guid: 'g1',
            origin: null,
            contentType: 'text/x-vcard',
            payload: bytes('v2'),
          },
        ],
      });
      expect(replace.results).toEqual([
        { type: 'replace', kind: 'applied', guid: 'g1', version: 2, sequence: 2 },
      ]);
      expect(await store.getItem(contacts, 'g1')).toMatchObject({
        contentType: 'text/x-vcard',
        size: 2,
        version: 2,
        sequence: 2,
        createdAt: created,
        modifiedAt: clock.time,
        origin: null,
      });

      clock.advance(60_000);
      const del = await store.applyBatch({
        ops: [{ type: 'delete', folderId: contacts, guid: 'g1', origin: 'pda' }],
      });
      expect(del.results).toEqual([{ type: 'delete', kind: 'applied', guid: 'g1', version: 3, sequence: 3 }]);
      expect(await store.getItem(contacts, 'g1')).toBeNull();
      const tombstone = (await store.getItem(contacts, 'g1', { includeDeleted: true }))!;
      expect(tombstone).toMatchObject({
        deleted: true,
        size: 0,
        version: 3,
        sequence: 3,
        origin: 'pda',
        modifiedAt: clock.time,
      });
      expect(tombstone.payload.byteLength).toBe(0);
      expect(await store.getFolderSequence(contacts)).toBe(3);

      const again = await store.applyBatch({
        ops: [{ type: 'delete', folderId: contacts, guid: 'g1', origin: 'pda' }],
      });
      expect(again.results).toEqual([
        { type: 'delete', kind: 'unchanged', guid: 'g1', version: 3, sequence: 3 },
      ]);
      expect(await store.getFolderSequence(contacts)).toBe(3);
      await expectStoreError(
        store.applyBatch({
          ops: [
            {
              type: 'replace',
              folderId: contacts,
              guid: 'g1',
              origin: null,
              contentType: VCARD,
              payload: bytes('x'),
            },
          ],
        }),
        'NOT_FOUND',
        { opIndex: 0, path: 'ops[0].guid', status: 404 },
      );
      await expectStoreError(
        store.applyBatch({ ops: [{ type: 'delete', folderId: contacts, guid: 'never', origin: null }] }),
        'NOT_FOUND',
        { opIndex: 0 },
      );
    });

    it('adds with a chosen GUID, reviving a tombstone but never overwriting a live item', async () => {
      const { store, contacts } = await withAccount(harness);
      const add = (guid: string) => ({
        type: 'add' as const,
        folderId: contacts,
        origin: null,
        contentType: VCARD,
        payload: bytes(guid),
        guid,
      });
      expect((await store.applyBatch({ ops: [add('mine')] })).results[0]).toMatchObject({
        guid: 'mine',
        version: 1,
      });
      await expectStoreError(store.applyBatch({ ops: [add('mine')] }), 'ALREADY_EXISTS', {
        opIndex: 0,
        status: 418,
      });
      await store.applyBatch({ ops: [{ type: 'delete', folderId: contacts, guid: 'mine', origin: null }] });
      expect((await store.applyBatch({ ops: [add('mine')] })).results[0]).toEqual({
        type: 'add',
        kind: 'applied',
        guid: 'mine',
        version: 3,
        sequence: 3,
      });
      expect(await store.getItem(contacts, 'mine')).toMatchObject({ deleted: false, version: 3 });
    });

    it('retries generated GUIDs that are taken and fails after guidAttempts', async () => {
      const guids = new TestGuids(['a', 'a', 'b', 'a', 'b', 'a', 'b']);
      const { store, contacts } = await withAccount(harness, {
        generateGuid: guids.next,
        limits: { guidAttempts: 3 },
      });
      const add = {
        type: 'add' as const,
        folderId: contacts,
        origin: null,
        contentType: VCARD,
        payload: bytes('x'),
      };
      expect((await store.applyBatch({ ops: [add] })).results[0]).toMatchObject({ guid: 'a' });
      expect((await store.applyBatch({ ops: [add] })).results[0]).toMatchObject({ guid: 'b' });
      await expectStoreError(store.applyBatch({ ops: [add] }), 'CONSTRAINT', { opIndex: 0 });
      expect(await store.countItems(contacts)).toBe(2);
    });

    it('keeps one sequence per folder', async () => {
      const { store, contacts, events } = await withAccount(harness);
      const add = (folderId: number) => ({
        type: 'add' as const,
        folderId,
        origin: null,
        contentType: VCARD,
        payload: bytes('x'),
      });
      const result = await store.applyBatch({
        ops: [add(contacts), add(events), add(contacts), add(events), add(events)],
      });
      expect(result.results.map((r) => (r as ItemApplied).sequence)).toEqual([1, 1, 2, 2, 3]);
      expect(result.folderSequences).toEqual(
        new Map([
          [contacts, 2],
          [events, 3],
        ]),
      );
    });

    it('reads several items at once, in the order asked, skipping unknown ones', async () => {
      const { store, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: ['1', '2', '3'].map((n) => ({
          type: 'add' as const,
          folderId: contacts,
          origin: null,
          contentType: VCARD,
          payload: bytes(n),
        })),
      });
      await store.applyBatch({ ops: [{ type: 'delete', folderId: contacts, guid: 'g2', origin: null }] });
      const found = await store.getItems(contacts, ['g3', 'nope', 'g1', 'g2', 'g3']);
      expect(found.map((i) => [i.guid, text(i.payload)])).toEqual([
        ['g3', '3'],
        ['g1', '1'],
      ]);
      const withTombstones = await store.getItems(contacts, ['g2'], { includeDeleted: true });
      expect(withTombstones.map((i) => [i.guid, i.deleted])).toEqual([['g2', true]]);
      await expectStoreError(
        store.getItems(
          contacts,
          Array.from({ length: 1001 }, (_, i) => `x${i}`),
        ),
        'LIMIT',
      );
    });
  });

  describe('changes since a sequence', () => {
    it('lists changes in sequence order, without those the asking device made', async () => {
      const { store, contacts } = await withAccount(harness);
      const add = (origin: string | null, data: string) => ({
        type: 'add' as const,
        folderId: contacts,
        origin,
        contentType: VCARD,
        payload: bytes(data),
      });
      await store.applyBatch({ ops: [add('A', 'a1'), add('B', 'b1'), add(null, 'admin')] }); // g1..g3, seq 1..3
      await store.applyBatch({
        ops: [
          {
            type: 'replace',
            folderId: contacts,
            guid: 'g2',
            origin: 'A',
            contentType: VCARD,
            payload: bytes('b1 by A'),
          }, // seq 4
          { type: 'delete', folderId: contacts, guid: 'g1', origin: 'B' }, // seq 5
          add('A', 'a2'), // g4, seq 6
        ],
      });
      const seen = async (since: number, device?: string) =>
        (
          await store.changesSince(contacts, since, device === undefined ? {} : { excludeOrigin: device })
        ).entries.map((i) => `${i.guid}@${i.sequence}${i.deleted ? 'x' : ''}`);
      expect(await seen(0)).toEqual(['g3@3', 'g2@4', 'g1@5x', 'g4@6']);
      expect(await seen(0, 'A')).toEqual(['g3@3', 'g1@5x']);
      expect(await seen(0, 'B')).toEqual(['g3@3', 'g2@4', 'g4@6']);
      expect(await seen(4, 'A')).toEqual(['g1@5x']);
      expect(await seen(6, 'A')).toEqual([]);
      const page = await store.changesSince(contacts, 0, { until: 4 });
      expect(page.entries.map((i) => i.guid)).toEqual(['g3', 'g2']);
      expect(page.until).toBe(4);
      expect(page.next).toBeNull();
      const headers = await store.changesSince(contacts, 5, { withPayload: false });
      expect(headers.entries[0]).toMatchObject({ guid: 'g4', size: 2 });
      expect(headers.entries[0]!.payload.byteLength).toBe(0);
    });

    it("gives a device's LUIDs of the changed items it has mapped, page by page", async () => {
      const { store, contacts, events } = await withAccount(harness);
      const add = (luid: string | undefined, folderId = contacts) => ({
        type: 'add' as const,
        folderId,
        origin: 'A',
        contentType: VCARD,
        payload: bytes('x'),
        ...(luid === undefined ? {} : { luid }),
      });
      // g1..g3 in Contacts (g2 unmapped), g4 in Events mapped by A as well; B maps g3 differently.
      await store.applyBatch({ ops: [add('a1'), add(undefined), add('a3'), add('e4', events)] });
      await store.applyBatch({
        ops: [{ type: 'map.set', folderId: contacts, deviceId: 'B', luid: 'b3', guid: 'g3' }],
      });
      const first = await store.changesSince(contacts, 0, { luidsOf: 'A', limit: 2 });
      expect(first.entries.map((i) => i.guid)).toEqual(['g1', 'g2']);
      expect(first.luids).toEqual(new Map([['g1', 'a1']]));
      const second = await store.changesSince(contacts, first.next!, { luidsOf: 'A', until: first.until });
      expect(second.luids).toEqual(new Map([['g3', 'a3']]));
      expect((await store.changesSince(contacts, 0, { luidsOf: 'B' })).luids).toEqual(
        new Map([['g3', 'b3']]),
      );
      expect((await store.changesSince(contacts, 0, { luidsOf: 'never-seen' })).luids).toEqual(new Map());
      expect((await store.changesSince(contacts, 0)).luids).toBeUndefined();
      await expectStoreError(store.changesSince(contacts, 0, { luidsOf: '' }), 'INVALID', {
        path: 'luidsOf',
      });
    });

    it('pages through changes with a stable upper bound', async () => {
      const { store, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: Array.from({ length: 7 }, (_, i) => ({
          type: 'add' as const,
          folderId: contacts,
          origin: null,
          contentType: VCARD,
          payload: bytes(`${i}`),
        })),
      });
      const first = await store.changesSince(contacts, 0, { limit: 3 });
      expect(first.entries.map((i) => i.sequence)).toEqual([1, 2, 3]);
      expect(first.next).toBe(3);
      expect(first.until).toBe(7);
      // A change made while paging lands above the bound: it comes with the next sync.
      await store.applyBatch({
        ops: [
          {
            type: 'replace',
            folderId: contacts,
            guid: 'g5',
            origin: null,
            contentType: VCARD,
            payload: bytes('5b'),
          },
        ],
      });
      const second = await store.changesSince(contacts, first.next!, { limit: 3, until: first.until });
      expect(second.entries.map((i) => i.sequence)).toEqual([4, 6, 7]);
      expect(second.next).toBeNull();
      expect((await store.changesSince(contacts, 7)).entries.map((i) => i.guid)).toEqual(['g5']);
    });

    it('tells a device to slow-sync when its sequence is ahead of the folder', async () => {
      const { store, contacts } = await withAccount(harness);
      await expectStoreError(store.changesSince(contacts, 5), 'RESYNC_REQUIRED', {
        status: 508,
        path: 'since',
      });
      await expectStoreError(store.changesSince(contacts, -1), 'INVALID');
      await expectStoreError(store.changesSince(424_242, 0), 'NOT_FOUND');
    });
  });

  describe('tombstones', () => {
    it('prunes old tombstones every syncing device has seen, and their map entries', async () => {
      const { store, login, contacts, clock } = await withAccount(harness);
      const add = (luid: string) => ({
        type: 'add' as const,
        folderId: contacts,
        origin: 'A',
        contentType: VCARD,
        payload: bytes(luid),
        luid,
      });
      await store.applyBatch({ ops: [add('1'), add('2'), add('3')] }); // g1..g3 seq 1..3
      await store.applyBatch({ ops: [{ type: 'delete', folderId: contacts, guid: 'g1', origin: null }] }); // seq 4
      await store.applyBatch({
        ops: [{ type: 'state', folderId: contacts, deviceId: 'A', syncedSequence: 4 }],
      });
      await store.applyBatch({ ops: [{ type: 'delete', folderId: contacts, guid: 'g2', origin: null }] }); // seq 5
      clock.advance(86_400_000);
      await store.applyBatch({ ops: [{ type: 'delete', folderId: contacts, guid: 'g3', origin: null }] }); // seq 6, recent

      expect(await store.pruneTombstones({ olderThan: clock.time - 1000 })).toEqual({
        pruned: 1,
        folders: 7,
      });
      expect(await store.getItem(contacts, 'g1', { includeDeleted: true })).toBeNull();
      expect(await store.getItem(contacts, 'g2', { includeDeleted: true })).toMatchObject({ deleted: true });
      expect(await store.getGuidForLuid(contacts, 'A', '1')).toBeNull();
      expect(await store.getGuidForLuid(contacts, 'A', '2')).toBe('g2');
      // Device A synced up to 4: still served incrementally.
      expect((await store.changesSince(contacts, 4)).entries.map((i) => i.guid)).toEqual(['g2', 'g3']);
      await expectStoreError(store.changesSince(contacts, 3), 'RESYNC_REQUIRED', { status: 508 });
      // The folder says where the floor is: changesSince answers from purgedSequence up to sequence.
      expect(await store.getFolder(contacts)).toMatchObject({ sequence: 6, purgedSequence: 4 });

      const forced = await store.pruneTombstones({
        olderThan: clock.time - 1000,
        folderId: contacts,
        keepUnsynced: false,
      });
      expect(forced).toEqual({ pruned: 1, folders: 1 });
      await expectStoreError(store.changesSince(contacts, 4), 'RESYNC_REQUIRED');
      expect((await store.changesSince(contacts, 5)).entries.map((i) => i.guid)).toEqual(['g3']);
      expect((await store.resolveFolder(login, 'Contacts'))?.purgedSequence).toBe(5);
      expect(await store.countItems(contacts, { includeDeleted: true })).toBe(1);
    });

    it('prunes one account only when asked', async () => {
      const { store, login, contacts, clock } = await withAccount(harness);
      await store.createAccount({ login: 'bob@example.com', password: 'pw' });
      const bobs = (await store.resolveFolder('bob@example.com', 'Contacts'))!.id;
      for (const folderId of [contacts, bobs]) {
        await store.applyBatch({
          ops: [{ type: 'add', folderId, origin: null, contentType: VCARD, payload: bytes('x'), guid: 'x' }],
        });
        await store.applyBatch({ ops: [{ type: 'delete', folderId, guid: 'x', origin: null }] });
      }
      clock.advance(10);
      expect(await store.pruneTombstones({ olderThan: clock.time, login })).toEqual({
        pruned: 1,
        folders: 7,
      });
      expect(await store.countItems(bobs, { includeDeleted: true })).toBe(1);
      await expectStoreError(store.pruneTombstones({ olderThan: -5 }), 'INVALID');
    });
  });

  describe('listing', () => {
    it('lists items by GUID a page at a time, with or without payloads and tombstones', async () => {
      const { store, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: ['d', 'b', 'e', 'a', 'c'].map((guid) => ({
          type: 'add' as const,
          folderId: contacts,
          origin: null,
          contentType: VCARD,
          payload: bytes(guid.repeat(3)),
          guid,
        })),
      });
      await store.applyBatch({ ops: [{ type: 'delete', folderId: contacts, guid: 'c', origin: null }] });
      const first = await store.listItems(contacts, { limit: 2 });
      expect(first.entries.map((i) => i.guid)).toEqual(['a', 'b']);
      expect(first.next).toBe('b');
      const rest = await store.listItems(contacts, { after: 'b', limit: 10 });
      expect(rest.entries.map((i) => [i.guid, text(i.payload)])).toEqual([
        ['d', 'ddd'],
        ['e', 'eee'],
      ]);
      expect(rest.next).toBeNull();
      const all = await store.listItems(contacts, { includeDeleted: true, withPayload: false });
      expect(all.entries.map((i) => [i.guid, i.deleted, i.size, i.payload.byteLength])).toEqual([
        ['a', false, 3, 0],
        ['b', false, 3, 0],
        ['c', true, 0, 0],
        ['d', false, 3, 0],
        ['e', false, 3, 0],
      ]);
      expect(await store.countItems(contacts)).toBe(4);
      expect(await store.countItems(contacts, { includeDeleted: true })).toBe(5);
      await expectStoreError(store.listItems(987_654), 'NOT_FOUND');
      await expectStoreError(store.listItems(contacts, { after: 5 as never }), 'INVALID', { path: 'after' });
      await expectStoreError(store.listItems(contacts, { limit: 2.5 }), 'INVALID', { path: 'limit' });
    });
  });
}

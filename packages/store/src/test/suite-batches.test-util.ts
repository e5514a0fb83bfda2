import { describe, expect, it } from 'vitest';
import type { BatchOp, ItemApplied } from '../batch.js';
import { StoreConflictError } from '../errors.js';
import type { GroupwareStore } from '../store.js';
import type { StoreHarness } from './harness.test-util.js';
import { bytes, expectStoreError, text, withAccount } from './harness.test-util.js';

const VCARD = 'text/vcard';

/** Everything a batch could have changed, read through the public API. */
async function snapshot(store: GroupwareStore, login: string, folderIds: number[]): Promise<unknown> {
  const folders = [];
  for (const folderId of folderIds) {
    const items = await store.listItems(folderId, { includeDeleted: true, limit: 1000 });
    folders.push({
      sequence: await store.getFolderSequence(folderId),
      items: items.entries.map((i) => ({ ...i, payload: text(i.payload) })),
      mapA: await store.listMap(folderId, 'A'),
      stateA: await store.getDeviceFolderState(folderId, 'A'),
    });
  }
  return { folders, devices: await store.listDevices(login) };
}

export function batchTests(harness: StoreHarness): void {
  describe('atomic batches', () => {
    const failing: [string, (contacts: number) => BatchOp, string][] = [
      [
        'replace of an unknown item',
        (f) => ({
          type: 'replace',
          folderId: f,
          guid: 'ghost',
          origin: 'A',
          contentType: VCARD,
          payload: bytes('x'),
        }),
        'NOT_FOUND',
      ],
      [
        'add over a live GUID',
        (f) => ({
          type: 'add',
          folderId: f,
          origin: 'A',
          contentType: VCARD,
          payload: bytes('x'),
          guid: 'g2',
        }),
        'ALREADY_EXISTS',
      ],
      [
        'map to an unknown item',
        (f) => ({ type: 'map.set', folderId: f, deviceId: 'A', luid: '9', guid: 'ghost' }),
        'NOT_FOUND',
      ],
      [
        'delete of an unknown item',
        (f) => ({ type: 'delete', folderId: f, guid: 'ghost', origin: 'A' }),
        'NOT_FOUND',
      ],
      [
        'an oversized payload',
        (f) => ({ type: 'add', folderId: f, origin: 'A', contentType: VCARD, payload: new Uint8Array(1025) }),
        'TOO_LARGE',
      ],
      [
        'an unknown folder',
        () => ({ type: 'delete', folderId: 777_777, guid: 'g1', origin: 'A' }),
        'NOT_FOUND',
      ],
    ];

    it.each(failing)('rolls back everything when the last operation is %s', async (_label, makeOp, code) => {
      const { store, login, contacts, events } = await withAccount(harness, {
        limits: { maxPayloadBytes: 1024 },
      });
      await store.applyBatch({
        ops: [
          {
            type: 'add',
            folderId: contacts,
            origin: 'A',
            contentType: VCARD,
            payload: bytes('one'),
            luid: '1',
          },
          {
            type: 'state',
            folderId: contacts,
            deviceId: 'A',
            clientAnchor: 'c1',
            serverAnchor: 's1',
            syncedSequence: 1,
          },
        ],
      });
      const before = await snapshot(store, login, [contacts, events]);
      const ops: BatchOp[] = [
        {
          type: 'add',
          folderId: contacts,
          origin: 'A',
          contentType: VCARD,
          payload: bytes('two'),
          luid: '2',
        },
        {
          type: 'replace',
          folderId: contacts,
          guid: 'g1',
          origin: 'A',
          contentType: VCARD,
          payload: bytes('one v2'),
        },
        {
          type: 'add',
          folderId: events,
          origin: 'A',
          contentType: 'text/calendar',
          payload: bytes('ev'),
          luid: 'e1',
        },
        { type: 'delete', folderId: contacts, guid: 'g1', origin: 'A' },
        { type: 'map.clear', folderId: contacts, deviceId: 'A' },
        { type: 'map.set', folderId: contacts, deviceId: 'A', luid: '5', guid: 'g1' },
        {
          type: 'state',
          folderId: contacts,
          deviceId: 'A',
          clientAnchor: 'c2',
          serverAnchor: 's2',
          syncedSequence: 9,
        },
        { type: 'state', folderId: events, deviceId: 'A', clientAnchor: 'e' },
        makeOp(contacts),
      ];
      await expectStoreError(store.applyBatch({ ops }), code as never, { opIndex: 8 });
      expect(await snapshot(store, login, [contacts, events])).toEqual(before);
      // The store is still fully usable after the rollback.
      const next = await store.applyBatch({ ops: ops.slice(0, 8) });
      expect(next.folderSequences).toEqual(
        new Map([
          [contacts, 4],
          [events, 1],
        ]),
      );
    });

    it('rolls back a batch that fails on a device quota', async () => {
      const { store, login, contacts } = await withAccount(harness, { limits: { maxDevicesPerAccount: 1 } });
      await store.touchDevice(login, 'A');
      const before = await snapshot(store, login, [contacts]);
      await expectStoreError(
        store.applyBatch({
          ops: [
            {
              type: 'add',
              folderId: contacts,
              origin: 'A',
              contentType: VCARD,
              payload: bytes('x'),
              luid: '1',
            },
            {
              type: 'add',
              folderId: contacts,
              origin: 'B',
              contentType: VCARD,
              payload: bytes('y'),
              luid: '1',
            },
          ],
        }),
        'LIMIT',
        { opIndex: 1 },
      );
      expect(await snapshot(store, login, [contacts])).toEqual(before);
    });

    it('validates every operation before touching the database', async () => {
      const { store, contacts } = await withAccount(harness, { limits: { maxBatchOps: 3 } });
      const add = {
        type: 'add' as const,
        folderId: contacts,
        origin: null,
        contentType: VCARD,
        payload: bytes('x'),
      };
      await expectStoreError(store.applyBatch({ ops: [add, add, add, add] }), 'LIMIT', { path: 'ops' });
      await expectStoreError(store.applyBatch({ ops: [add, { ...add, type: 'move' } as never] }), 'INVALID', {
        path: 'ops[1].type',
        opIndex: 1,
      });
      await expectStoreError(store.applyBatch({ ops: [{ ...add, folderId: 0 }] }), 'INVALID', {
        path: 'ops[0].folderId',
      });
      await expectStoreError(store.applyBatch({ ops: [{ ...add, payload: 'text' as never }] }), 'INVALID', {
        path: 'ops[0].payload',
      });
      await expectStoreError(store.applyBatch({ ops: [{ ...add, origin: undefined as never }] }), 'INVALID', {
        path: 'ops[0].origin',
      });
      await expectStoreError(store.applyBatch({ ops: [add], onConflict: 'ignore' as never }), 'INVALID');
      await expectStoreError(store.applyBatch(null as never), 'INVALID');
      expect(await store.getFolderSequence(contacts)).toBe(0);
      expect(await store.applyBatch({ ops: [] })).toEqual({ results: [], folderSequences: new Map() });
    });
  });

  describe('optimistic concurrency', () => {
    it('reports conflicts per operation and applies the rest', async () => {
      const { store, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: [{ type: 'add', folderId: contacts, origin: 'A', contentType: VCARD, payload: bytes('v1') }],
      });
      const result = await store.applyBatch({
        ops: [
          {
            type: 'replace',
            folderId: contacts,
            guid: 'g1',
            origin: 'A',
            contentType: VCARD,
            payload: bytes('v2'),
            ifVersion: 1,
            ifSequence: 1,
          },
          {
            type: 'replace',
            folderId: contacts,
            guid: 'g1',
            origin: 'B',
            contentType: VCARD,
            payload: bytes('B'),
            ifVersion: 1,
          },
          { type: 'delete', folderId: contacts, guid: 'g1', origin: 'B', ifSequence: 1 },
          { type: 'add', folderId: contacts, origin: 'B', contentType: VCARD, payload: bytes('new') },
        ],
      });
      expect(result.results.map((r) => r.kind)).toEqual(['applied', 'conflict', 'conflict', 'applied']);
      const conflict = result.results[1]!;
      expect(
        conflict.kind === 'conflict' && { ...conflict.current, payload: text(conflict.current.payload) },
      ).toMatchObject({
        guid: 'g1',
        version: 2,
        sequence: 2,
        payload: 'v2',
        origin: 'A',
        deleted: false,
      });
      expect(result.results[3]).toMatchObject({ guid: 'g2', sequence: 3 });
      expect(text((await store.getItem(contacts, 'g1'))!.payload)).toBe('v2');
      const deleted = await store.applyBatch({
        ops: [{ type: 'delete', folderId: contacts, guid: 'g1', origin: 'B', ifSequence: 2, ifVersion: 2 }],
      });
      expect(deleted.results[0]).toMatchObject({ kind: 'applied', version: 3 });
      const stale = await store.applyBatch({
        ops: [
          {
            type: 'replace',
            folderId: contacts,
            guid: 'g1',
            origin: 'A',
            contentType: VCARD,
            payload: bytes('x'),
            ifVersion: 2,
          },
        ],
      });
      expect(stale.results[0]).toMatchObject({ kind: 'conflict', current: { deleted: true, version: 3 } });
    });

    it("aborts the whole batch on a conflict with onConflict 'abort'", async () => {
      const { store, login, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: [{ type: 'add', folderId: contacts, origin: 'A', contentType: VCARD, payload: bytes('v1') }],
      });
      const before = await snapshot(store, login, [contacts]);
      const error = await expectStoreError(
        store.applyBatch({
          onConflict: 'abort',
          ops: [
            {
              type: 'add',
              folderId: contacts,
              origin: 'A',
              contentType: VCARD,
              payload: bytes('other'),
              luid: '3',
            },
            {
              type: 'replace',
              folderId: contacts,
              guid: 'g1',
              origin: 'A',
              contentType: VCARD,
              payload: bytes('v2'),
              ifVersion: 7,
            },
          ],
        }),
        'CONFLICT',
        { status: 409, opIndex: 1, path: 'ops[1]' },
      );
      expect(error).toBeInstanceOf(StoreConflictError);
      expect((error as StoreConflictError).current).toMatchObject({ guid: 'g1', version: 1 });
      expect(await snapshot(store, login, [contacts])).toEqual(before);
    });

    it('serialises concurrent batches: no interleaving, no lost sequence', async () => {
      const { store, contacts } = await withAccount(harness);
      const callers = 40;
      const perBatch = 5;
      const results = await Promise.all(
        Array.from({ length: callers }, (_, c) =>
          store.applyBatch({
            ops: Array.from({ length: perBatch }, (_, i) => ({
              type: 'add' as const,
              folderId: contacts,
              origin: `dev${c}`,
              contentType: VCARD,
              payload: bytes(`${c}:${i}`),
            })),
          }),
        ),
      );
      const all: number[] = [];
      for (const result of results) {
        const sequences = result.results.map((r) => (r as ItemApplied).sequence);
        // One batch holds a contiguous run of sequence numbers: nobody wrote in between.
        expect(sequences).toEqual(Array.from({ length: perBatch }, (_, i) => sequences[0]! + i));
        all.push(...sequences);
      }
      expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: callers * perBatch }, (_, i) => i + 1));
      expect(await store.countItems(contacts)).toBe(callers * perBatch);
    });

    it('loses no update when many callers read-modify-write one item', async () => {
      const { store, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: [
          {
            type: 'add',
            folderId: contacts,
            origin: null,
            contentType: 'text/plain',
            payload: bytes('0'),
            guid: 'counter',
          },
        ],
      });
      let conflicts = 0;
      const increment = async (worker: number): Promise<void> => {
        for (;;) {
          const item = (await store.getItem(contacts, 'counter'))!;
          const next = Number(text(item.payload)) + 1;
          const { results } = await store.applyBatch({
            ops: [
              {
                type: 'replace',
                folderId: contacts,
                guid: 'counter',
                origin: `w${worker}`,
                contentType: 'text/plain',
                payload: bytes(String(next)),
                ifVersion: item.version,
              },
            ],
          });
          if (results[0]!.kind === 'applied') return;
          conflicts++;
        }
      };
      await Promise.all(Array.from({ length: 20 }, (_, w) => increment(w)));
      const counter = (await store.getItem(contacts, 'counter'))!;
      expect(text(counter.payload)).toBe('20');
      expect(counter.version).toBe(21);
      expect(conflicts).toBeGreaterThan(0);
    });
  });
}

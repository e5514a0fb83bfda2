import { describe, expect, it } from 'vitest';
import type { StoreHarness } from './harness.test-util.js';
import { bytes, expectStoreError, text, withAccount } from './harness.test-util.js';

const VCARD = 'text/vcard';
const DEVICE = 'IMEI:493005100592800';

export function deviceTests(harness: StoreHarness): void {
  describe('devices', () => {
    it('records first and last contact and the DevInf blob', async () => {
      const { store, login, clock } = await withAccount(harness);
      const first = clock.time;
      expect(await store.getDevice(login, DEVICE)).toBeNull();
      const created = await store.touchDevice(login, DEVICE);
      expect(created).toEqual({ login, deviceId: DEVICE, devInf: null, firstSeen: first, lastSeen: first });
      clock.advance(5000);
      const devInf = {
        data: new Uint8Array([0x02, 0xa4, 0x03, 0x6a, 0x00, 0x4a]),
        contentType: 'application/vnd.syncml-devinf+wbxml',
      };
      const updated = await store.touchDevice(login, DEVICE, { devInf });
      expect(updated.firstSeen).toBe(first);
      expect(updated.lastSeen).toBe(clock.time);
      expect(updated.devInf!.contentType).toBe(devInf.contentType);
      expect([...updated.devInf!.data]).toEqual([...devInf.data]);
      clock.advance(5000);
      const touched = (await store.touchDevice(login, DEVICE))!;
      expect(touched.lastSeen).toBe(clock.time);
      expect([...touched.devInf!.data]).toEqual([...devInf.data]);
      expect(touched).toEqual(await store.getDevice(login, DEVICE));
      // The login in any case names the same account; the device comes back under the stored login.
      expect(await store.touchDevice(login.toUpperCase(), DEVICE)).toEqual({ ...touched, login });
      expect((await store.listDevices(login)).map((d) => d.deviceId)).toEqual([DEVICE]);
      await expectStoreError(
        store.touchDevice(login, DEVICE, {
          devInf: { data: new Uint8Array(1024 * 1024 + 1), contentType: 'x' },
        }),
        'TOO_LARGE',
        { path: 'devInf.data' },
      );
      await expectStoreError(store.touchDevice(login, ''), 'INVALID', { path: 'deviceId' });
      await expectStoreError(store.touchDevice('ghost@example.com', DEVICE), 'NOT_FOUND');
    });

    it('keeps devices per account and enforces the per-account device limit', async () => {
      const { store, login, contacts } = await withAccount(harness, { limits: { maxDevicesPerAccount: 2 } });
      await store.createAccount({ login: 'bob@example.com', password: 'pw' });
      await store.touchDevice(login, 'one');
      await store.touchDevice('bob@example.com', 'one');
      await store.touchDevice(login, 'two');
      await expectStoreError(store.touchDevice(login, 'three'), 'LIMIT', { status: 420 });
      await expectStoreError(
        store.applyBatch({
          ops: [{ type: 'state', folderId: contacts, deviceId: 'three', clientAnchor: 'x' }],
        }),
        'LIMIT',
        { opIndex: 0, path: 'ops[0].deviceId' },
      );
      expect((await store.listDevices('bob@example.com')).map((d) => d.deviceId)).toEqual(['one']);
      expect((await store.listDevices(login)).map((d) => d.deviceId)).toEqual(['one', 'two']);
    });

    it('stores anchors and the synced sequence per device and folder', async () => {
      const { store, login, contacts, events, clock } = await withAccount(harness);
      expect(await store.getDeviceFolderState(contacts, DEVICE)).toBeNull();
      await store.applyBatch({
        ops: [
          {
            type: 'state',
            folderId: contacts,
            deviceId: DEVICE,
            clientAnchor: '20240101T000000Z',
            serverAnchor: 's1',
            syncedSequence: 0,
            lastSyncAt: 'now',
            clientDatabase: './contacts',
          },
          { type: 'state', folderId: events, deviceId: DEVICE, clientAnchor: '42' },
        ],
      });
      const synced = clock.time;
      expect(await store.getDeviceFolderState(contacts, DEVICE)).toEqual({
        deviceId: DEVICE,
        folderId: contacts,
        folderPath: 'Contacts',
        clientAnchor: '20240101T000000Z',
        serverAnchor: 's1',
        syncedSequence: 0,
        lastSyncAt: synced,
        clientDatabase: './contacts',
      });
      clock.advance(1000);
      await store.applyBatch({
        ops: [
          { type: 'state', folderId: contacts, deviceId: DEVICE, serverAnchor: 's2', syncedSequence: null },
        ],
      });
      expect(await store.getDeviceFolderState(contacts, DEVICE)).toMatchObject({
        clientAnchor: '20240101T000000Z',
        serverAnchor: 's2',
        syncedSequence: null,
        lastSyncAt: synced,
      });
      const states = await store.listDeviceFolderStates(login, DEVICE);
      expect(states.map((s) => [s.folderPath, s.clientAnchor, s.syncedSequence, s.lastSyncAt])).toEqual([
        ['Contacts', '20240101T000000Z', null, synced],
        ['Events', '42', null, null],
      ]);
      // The first state write creates the device.
      expect((await store.getDevice(login, DEVICE))!.firstSeen).toBe(synced);
      await expectStoreError(
        store.applyBatch({
          ops: [{ type: 'state', folderId: contacts, deviceId: DEVICE, clientAnchor: 'a'.repeat(257) }],
        }),
        'TOO_LARGE',
        { path: 'ops[0].clientAnchor' },
      );
    });

    it('forgets a device with its states and maps', async () => {
      const { store, login, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: [
          {
            type: 'add',
            folderId: contacts,
            origin: DEVICE,
            contentType: VCARD,
            payload: bytes('x'),
            luid: '1',
          },
          { type: 'state', folderId: contacts, deviceId: DEVICE, clientAnchor: 'a' },
        ],
      });
      await store.deleteDevice(login, DEVICE);
      expect(await store.getDevice(login, DEVICE)).toBeNull();
      expect(await store.getDeviceFolderState(contacts, DEVICE)).toBeNull();
      expect(await store.getGuidForLuid(contacts, DEVICE, '1')).toBeNull();
      expect(await store.getItem(contacts, 'g1')).not.toBeNull();
      await expectStoreError(store.deleteDevice(login, DEVICE), 'NOT_FOUND');
    });
  });

  describe('LUID <-> GUID maps', () => {
    it('maps both ways, one-to-one, per device', async () => {
      const { store, contacts } = await withAccount(harness);
      const add = (origin: string, luid?: string) => ({
        type: 'add' as const,
        folderId: contacts,
        origin,
        contentType: VCARD,
        payload: bytes('x'),
        ...(luid ? { luid } : {}),
      });
      await store.applyBatch({ ops: [add('A', '100'), add('A', '101'), add('B')] }); // g1, g2, g3
      expect(await store.getGuidForLuid(contacts, 'A', '100')).toBe('g1');
      expect(await store.getLuidForGuid(contacts, 'A', 'g2')).toBe('101');
      expect(await store.getGuidForLuid(contacts, 'B', '100')).toBeNull();

      const set = await store.applyBatch({
        ops: [
          { type: 'map.set', folderId: contacts, deviceId: 'B', luid: '9', guid: 'g1' },
          { type: 'map.set', folderId: contacts, deviceId: 'A', luid: '100', guid: 'g3' }, // LUID moves: g1 unmapped
          { type: 'map.set', folderId: contacts, deviceId: 'A', luid: '102', guid: 'g2' }, // GUID moves: 101 unmapped
        ],
      });
      expect(set.results.map((r) => r.kind)).toEqual(['applied', 'applied', 'applied']);
      expect(set.folderSequences.get(contacts)).toBe(3);
      expect(await store.getGuidForLuid(contacts, 'B', '9')).toBe('g1');
      expect(await store.getLuidForGuid(contacts, 'A', 'g1')).toBeNull();
      expect(await store.getGuidForLuid(contacts, 'A', '101')).toBeNull();
      const map = await store.listMap(contacts, 'A');
      expect(map).toEqual({
        entries: [
          { luid: '100', guid: 'g3' },
          { luid: '102', guid: 'g2' },
        ],
        next: null,
      });

      const removed = await store.applyBatch({
        ops: [
          { type: 'map.remove', folderId: contacts, deviceId: 'A', luid: '100' },
          { type: 'map.remove', folderId: contacts, deviceId: 'A', guid: 'g2' },
          { type: 'map.remove', folderId: contacts, deviceId: 'A', guid: 'g2' },
          { type: 'map.remove', folderId: contacts, deviceId: 'nobody', luid: '1' },
          { type: 'map.clear', folderId: contacts, deviceId: 'B' },
          { type: 'map.clear', folderId: contacts, deviceId: 'B' },
        ],
      });
      expect(removed.results.map((r) => r.kind)).toEqual([
        'applied',
        'applied',
        'unchanged',
        'unchanged',
        'applied',
        'unchanged',
      ]);
      expect((await store.listMap(contacts, 'A')).entries).toEqual([]);
      expect((await store.listMap(contacts, 'B')).entries).toEqual([]);
      expect(await store.getDevice('alice@example.com', 'nobody')).toBeNull();
    });

    it('refuses maps to unknown items and malformed map operations', async () => {
      const { store, contacts } = await withAccount(harness);
      await expectStoreError(
        store.applyBatch({
          ops: [{ type: 'map.set', folderId: contacts, deviceId: 'A', luid: '1', guid: 'ghost' }],
        }),
        'NOT_FOUND',
        { opIndex: 0, path: 'ops[0].guid' },
      );
      await expectStoreError(
        store.applyBatch({
          ops: [{ type: 'map.remove', folderId: contacts, deviceId: 'A', luid: '1', guid: 'g' }],
        }),
        'INVALID',
        { opIndex: 0 },
      );
      await expectStoreError(
        store.applyBatch({
          ops: [
            {
              type: 'add',
              folderId: contacts,
              origin: null,
              contentType: VCARD,
              payload: bytes('x'),
              luid: '1',
            },
          ],
        }),
        'INVALID',
        { path: 'ops[0].luid' },
      );
      await expectStoreError(
        store.applyBatch({
          ops: [{ type: 'map.set', folderId: contacts, deviceId: 'A', luid: 'l'.repeat(257), guid: 'g' }],
        }),
        'TOO_LARGE',
        { path: 'ops[0].luid' },
      );
    });

    it('pages through a large map in LUID order', async () => {
      const { store, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: Array.from({ length: 25 }, (_, i) => ({
          type: 'add' as const,
          folderId: contacts,
          origin: 'A',
          contentType: VCARD,
          payload: bytes(`${i}`),
          luid: `L${String(i).padStart(3, '0')}`,
        })),
      });
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await store.listMap(
          contacts,
          'A',
          after === undefined ? { limit: 10 } : { limit: 10, after },
        );
        expect(page.entries.length).toBeLessThanOrEqual(10);
        seen.push(...page.entries.map((e) => `${e.luid}=${e.guid}`));
        after = page.next ?? undefined;
        pages++;
      } while (after !== undefined);
      expect(pages).toBe(3);
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `L${String(i).padStart(3, '0')}=g${i + 1}`));
      const item = (await store.getItem(contacts, 'g25'))!;
      expect(text(item.payload)).toBe('24');
    });
  });
}

import { describe, expect, it } from 'vitest';
import type { BatchOp } from '../batch.js';
import { iterateChanges, iterateItems, iterateMap } from '../iterate.js';
import type { GroupwareStore } from '../store.js';
import type { StoreHarness } from './harness.test-util.js';
import { bytes, RowCountingDriver, TestClock, TestGuids, text, withAccount } from './harness.test-util.js';

/** A device in the R18 walkthrough: its own items by LUID, and what changed on it since its last sync. */
class SimulatedDevice {
  readonly items = new Map<string, string>();
  private readonly added: string[] = [];
  private readonly deleted: string[] = [];
  private nextLuid = 1;

  constructor(readonly id: string) {}

  create(name: string): void {
    const luid = `${this.id}-${this.nextLuid++}`;
    this.items.set(luid, name);
    this.added.push(luid);
  }

  remove(name: string): void {
    const luid = [...this.items].find(([, n]) => n === name)![0];
    this.items.delete(luid);
    this.deleted.push(luid);
  }

  names(): string[] {
    return [...this.items.values()].sort();
  }

  /** A store-level two-way sync as the engine would run it (slow on the first sync). */
  async sync(store: GroupwareStore, folderId: number): Promise<void> {
    const state = await store.getDeviceFolderState(folderId, this.id);
    const since = state?.syncedSequence ?? null;
    // Client package: its changes, each add recording the device's LUID.
    const ops: BatchOp[] = this.added.map((luid) => ({
      type: 'add',
      folderId,
      origin: this.id,
      contentType: 'text/plain',
      payload: bytes(this.items.get(luid)!),
      luid,
    }));
    for (const luid of this.deleted) {
      const guid = (await store.getGuidForLuid(folderId, this.id, luid))!;
      ops.push(
        { type: 'delete', folderId, guid, origin: this.id },
        { type: 'map.remove', folderId, deviceId: this.id, luid },
      );
    }
    await store.applyBatch({ ops });
    this.added.length = 0;
    this.deleted.length = 0;
    // Server package: what the device lacks (everything unmapped on a slow sync, else the changes of others).
    const until = await store.getFolderSequence(folderId);
    const incoming =
      since === null
        ? iterateItems(store, folderId)
        : iterateChanges(store, folderId, since, { excludeOrigin: this.id, until });
    const finish: BatchOp[] = [];
    for await (const item of incoming) {
      const luid = await store.getLuidForGuid(folderId, this.id, item.guid);
      if (item.deleted) {
        if (luid !== null) {
          this.items.delete(luid);
          finish.push({ type: 'map.remove', folderId, deviceId: this.id, luid });
        }
      } else if (luid !== null) {
        if (since !== null) this.items.set(luid, text(item.payload));
      } else {
        const newLuid = `${this.id}-${this.nextLuid++}`;
        this.items.set(newLuid, text(item.payload));
        finish.push({ type: 'map.set', folderId, deviceId: this.id, luid: newLuid, guid: item.guid });
      }
    }
    // Map package and the new state commit together.
    finish.push({
      type: 'state',
      folderId,
      deviceId: this.id,
      syncedSequence: until,
      clientAnchor: `a${until}`,
      lastSyncAt: 'now',
    });
    await store.applyBatch({ ops: finish });
  }
}

export function scaleTests(harness: StoreHarness): void {
  describe('large folders', () => {
    it('lists, pages changes and maps of a 2000-item folder without loading it at once', async () => {
      let counting: RowCountingDriver | undefined;
      const clock = new TestClock();
      const store = await harness.open({ now: clock.now, generateGuid: new TestGuids().next }, (driver) => {
        counting = new RowCountingDriver(driver);
        return counting;
      });
      await store.createAccount({ login: 'big@example.com', password: 'pw', createDomain: true });
      const folderId = (await store.resolveFolder('big@example.com', 'Contacts'))!.id;
      const payload = bytes(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${'x'.repeat(180)}\r\nEND:VCARD\r\n`);
      const total = 2000;
      for (let start = 0; start < total; start += 500) {
        await store.applyBatch({
          ops: Array.from({ length: 500 }, (_, i) => ({
            type: 'add' as const,
            folderId,
            origin: 'phone',
            contentType: 'text/vcard',
            payload,
            luid: `L${start + i}`,
          })),
        });
      }
      counting!.reset();
      const guids: string[] = [];
      for await (const item of iterateItems(store, folderId, { limit: 150 })) {
        expect(item.size).toBe(payload.byteLength);
        guids.push(item.guid);
      }
      expect(guids.length).toBe(total);
      expect(new Set(guids).size).toBe(total);
      expect([...guids].sort()).toEqual(guids);
      expect(counting!.maxRows).toBeLessThanOrEqual(151);
      expect(counting!.statements).toBeGreaterThanOrEqual(Math.ceil(total / 150));

      counting!.reset();
      let sequence = 0;
      for await (const item of iterateChanges(store, folderId, 0, { limit: 150, withPayload: false })) {
        expect(item.sequence).toBe(++sequence);
      }
      expect(sequence).toBe(total);
      expect(counting!.maxRows).toBeLessThanOrEqual(151);

      counting!.reset();
      let mapped = 0;
      for await (const entry of iterateMap(store, folderId, 'phone', { limit: 150 })) {
        expect(entry.guid).toMatch(/^g\d+$/);
        mapped++;
      }
      expect(mapped).toBe(total);
      expect(counting!.maxRows).toBeLessThanOrEqual(151);
    });
  });

  describe('shared storage (R18)', () => {
    it('converges three devices on the union, as in the requirements table, and propagates deletes', async () => {
      const { store, login, contacts } = await withAccount(harness);
      await store.applyBatch({
        ops: [
          {
            type: 'add',
            folderId: contacts,
            origin: null,
            contentType: 'text/plain',
            payload: bytes('Jakub'),
          },
        ],
      });
      const [d1, d2, d3] = [new SimulatedDevice('d1'), new SimulatedDevice('d2'), new SimulatedDevice('d3')];
      d1.create('Ladi');
      d2.create('Milan');
      d3.create('Bruce');
      const server = async () => {
        const names: string[] = [];
        for await (const item of iterateItems(store, contacts)) names.push(text(item.payload));
        return names.sort();
      };
      const all = ['Bruce', 'Jakub', 'Ladi', 'Milan'];

      await d1.sync(store, contacts);
      expect(await server()).toEqual(['Jakub', 'Ladi']);
      expect(d1.names()).toEqual(['Jakub', 'Ladi']);
      await d2.sync(store, contacts);
      expect(await server()).toEqual(['Jakub', 'Ladi', 'Milan']);
      expect(d2.names()).toEqual(['Jakub', 'Ladi', 'Milan']);
      await d3.sync(store, contacts);
      expect(await server()).toEqual(all);
      expect(d3.names()).toEqual(all);
      await d1.sync(store, contacts);
      expect(d1.names()).toEqual(all);
      await d2.sync(store, contacts);
      expect(d2.names()).toEqual(all);
      // A further round changes nothing and duplicates nothing.
      for (const device of [d1, d2, d3]) await device.sync(store, contacts);
      expect(await store.countItems(contacts)).toBe(4);
      for (const device of [d1, d2, d3]) expect(device.names()).toEqual(all);

      d2.remove('Ladi');
      await d2.sync(store, contacts);
      await d1.sync(store, contacts);
      await d3.sync(store, contacts);
      const rest = ['Bruce', 'Jakub', 'Milan'];
      expect(await server()).toEqual(rest);
      for (const device of [d1, d2, d3]) expect(device.names()).toEqual(rest);
      for (const device of [d1, d2, d3]) {
        expect((await store.listMap(contacts, device.id)).entries.length).toBe(3);
      }
      expect((await store.listDeviceFolderStates(login, 'd1'))[0]!.syncedSequence).toBe(
        await store.getFolderSequence(contacts),
      );
    });
  });
}

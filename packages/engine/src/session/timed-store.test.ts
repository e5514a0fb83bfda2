import { type GroupwareStore, openSqliteStore } from '@syncds/store';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { timedStore } from './timed-store.js';

let store: GroupwareStore;
beforeEach(async () => {
  store = await openSqliteStore({ path: ':memory:' });
  await store.createDomain('example.com');
});
afterEach(async () => store.close());

test('each wrapper sums the time of its own calls and passes results through', async () => {
  const first = { us: 0 };
  const second = { us: 0 };
  const a = timedStore(store, first);
  const b = timedStore(store, second);
  expect(await a.getDomain('example.com')).toMatchObject({ name: 'example.com', enabled: true });
  expect(first.us).toBeGreaterThan(0);
  expect(second.us).toBe(0);
  await b.listDomains();
  expect(second.us).toBeGreaterThan(0);
});

test('failures pass through unchanged, their time counted', async () => {
  const timer = { us: 0 };
  const timed = timedStore(store, timer);
  await expect(timed.getFolder(-1)).rejects.toMatchObject({ code: 'INVALID' });
  expect(timer.us).toBeGreaterThan(0);
});

import { expect, test } from 'vitest';
import { DevInfCache } from './devinf-cache.js';

const json = (man: string) => new TextEncoder().encode(JSON.stringify({ man, dataStores: [] }));

test('a device whose stored DevInf did not change gets the parsed model back, not a new parse', () => {
  const cache = new DevInfCache(10);
  const first = cache.parse('a\u0000dev', json('Nokia'));
  expect(first).toMatchObject({ man: 'Nokia' });
  expect(cache.parse('a\u0000dev', json('Nokia'))).toBe(first);
  // Changed bytes (another node stored a new DevInf): parsed again.
  const changed = cache.parse('a\u0000dev', json('Sony'));
  expect(changed).toMatchObject({ man: 'Sony' });
  expect(changed).not.toBe(first);
});

test('the buffer handed in may be reused by its owner: the cache compares against its own copy', () => {
  const cache = new DevInfCache(10);
  const bytes = json('Nokia');
  const first = cache.parse('k', bytes);
  bytes.fill(0x20);
  expect(cache.parse('k', json('Nokia'))).toBe(first);
});

test('at most maxEntries devices, the least recently used dropped first; bad JSON is undefined', () => {
  const cache = new DevInfCache(2);
  const a = cache.parse('a', json('A'));
  cache.parse('b', json('B'));
  expect(cache.parse('a', json('A'))).toBe(a); // a used again: b is now the oldest
  cache.parse('c', json('C'));
  expect(cache.size).toBe(2);
  expect(cache.parse('a', json('A'))).toBe(a);
  expect(cache.parse('x', new TextEncoder().encode('{not json'))).toBeUndefined();
});

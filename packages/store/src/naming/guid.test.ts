import { expect, test } from 'vitest';
import { randomGuid } from './guid.js';

test('GUIDs are 10 characters of the 32-letter alphabet, and do not repeat across pool refills', () => {
  const seen = new Set<string>();
  // 1000 GUIDs use the random pool two and a half times.
  for (let i = 0; i < 1000; i++) {
    const guid = randomGuid();
    expect(guid).toMatch(/^[0-9a-hjkmnp-tv-z]{10}$/);
    seen.add(guid);
  }
  expect(seen.size).toBe(1000);
});

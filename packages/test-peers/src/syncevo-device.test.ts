import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SYNCEVO_CLIENT, SyncevoDevice } from './index.js';

test('the driver script is there and a device gets its own file stores', async () => {
  expect(existsSync(SYNCEVO_CLIENT)).toBe(true);
  const d = new SyncevoDevice('peer-check');
  await d.put('contacts', 'a.vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nN:A;;;;\r\nEND:VCARD\r\n');
  expect([...(await d.items('contacts')).keys()]).toEqual(['a.vcf']);
  expect(await d.storeDir('memo')).toMatch(/memo$/);
});

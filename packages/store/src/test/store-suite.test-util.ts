import { afterEach, describe } from 'vitest';
import type { StoreHarness } from './harness.test-util.js';
import { accountTests } from './suite-accounts.test-util.js';
import { batchTests } from './suite-batches.test-util.js';
import { deviceTests } from './suite-devices.test-util.js';
import { folderTests } from './suite-folders.test-util.js';
import { garbageTests } from './suite-garbage.test-util.js';
import { itemTests } from './suite-items.test-util.js';
import { scaleTests } from './suite-scale.test-util.js';

/** The one behavioural suite every GroupwareStore implementation must pass. */
export function describeStoreSuite(name: string, harness: StoreHarness): void {
  describe(name, () => {
    afterEach(() => harness.cleanup());
    accountTests(harness);
    folderTests(harness);
    itemTests(harness);
    deviceTests(harness);
    batchTests(harness);
    scaleTests(harness);
    garbageTests(harness);
  });
}

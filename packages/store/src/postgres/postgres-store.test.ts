import { afterEach, describe, expect, it } from 'vitest';
import { describeStoreSuite } from '../test/store-suite.test-util.js';
import { PostgresHarness } from '../test/postgres-harness.test-util.js';

describeStoreSuite('PostgreSQL store', new PostgresHarness());

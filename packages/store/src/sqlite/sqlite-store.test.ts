import { describeStoreSuite } from '../test/store-suite.test-util.js';
import { SqliteHarness } from '../test/sqlite-harness.test-util.js';

describeStoreSuite('SQLite store', new SqliteHarness());

export { SYNCEVO_CLIENT, SyncevoDevice } from './syncevo-device.js';
export type { SessionReport, Store, StoreReport, SyncOptions, SyncResult } from './syncevo-device.js';

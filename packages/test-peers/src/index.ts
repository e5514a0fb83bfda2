export { ServerProcess } from './server-process.js';
export type { ExportedItem, ServerProcessOptions } from './server-process.js';
export { SYNCEVO_CLIENT, SyncevoDevice } from './syncevo-device.js';
export type { SessionReport, Store, StoreReport, SyncOptions, SyncResult } from './syncevo-device.js';

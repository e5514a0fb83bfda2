export { SyncEngine, encodingOfContentType, WBXML_CONTENT_TYPE, XML_CONTENT_TYPE } from './engine.js';
export type { EngineOptions, MessageTiming, SyncRequest, SyncResponse } from './engine.js';
export { DEFAULT_ENGINE_CONFIG, DEFAULT_LIMITS, resolveEngineConfig } from './config.js';
export type { AuthPolicy, ConflictPolicy, EngineConfig, EngineConfigInput, EngineLimits } from './config.js';
export type { EngineLogger } from './log.js';
export { silentLogger } from './log.js';
export {
  DEFAULT_SWEEP_INTERVAL_MS,
  MemorySessionStore,
  decodeSession,
  encodeSession,
} from './session/session-store.js';
export type { MemorySessionStoreOptions, SessionStore } from './session/session-store.js';
export type { SessionState } from './session/state.js';
export { createItemAdapter } from './items/formats-adapter.js';
export type {
  ConflictOutcome,
  DeviceDatastoreCaps,
  ItemAdapter,
  SendFormat,
  StoredItem,
} from './items/item-adapter.js';
export { AlertCode, SyncType } from './protocol/alert-codes.js';
export type { SyncTypeValue } from './protocol/alert-codes.js';
export { StatusCode } from './protocol/status-codes.js';
export { parseUrlParams } from './protocol/url-params.js';
export type { UrlParams } from './protocol/url-params.js';
export { negotiateSyncType } from './sync/negotiate.js';
export type { Negotiation, NegotiationInput } from './sync/negotiate.js';
export { SyncCommandError, STATUS_BY_ERROR_CODE, statusOfError } from './errors.js';
export { md5Verifier } from './auth/digest.js';

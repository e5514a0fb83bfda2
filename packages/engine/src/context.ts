import type { GroupwareStore } from '@syncds/store';
import type { DevInfCache } from './devinf/devinf-cache.js';
import type { EngineConfig } from './config.js';
import type { ItemAdapter } from './items/item-adapter.js';
import type { EngineLogger } from './log.js';
import type { SessionStore } from './session/session-store.js';

/** What every part of the engine works with; clocks and randomness injected so tests can fix them. */
export interface EngineContext {
  store: GroupwareStore;
  sessions: SessionStore;
  config: EngineConfig;
  logger: EngineLogger;
  items: ItemAdapter;
  now: () => number;
  random: (n: number) => Uint8Array;
  /** Parsed DevInf of recently seen devices. */
  devInfs: DevInfCache;
}

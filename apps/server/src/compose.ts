import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SyncEngine, createItemAdapter } from '@syncds/engine';
import { type GroupwareStore, openPostgresStore, openSqliteStore } from '@syncds/store';
import type { ServerConfig } from './config.js';
import { type RunningHttpServer, startHttpServer } from './http-server.js';
import { JsonLogger } from './logger.js';

/** The embedded store's file inside the data directory. */
export const STORE_FILE = 'syncds.db';

/**
 * Opens the configured store: PostgreSQL when a database URL is set, else the embedded SQLite file.
 * `serve` checkpoints SQLite's WAL on a thread of its own (the event loop never waits for it); a
 * short admin command lets SQLite checkpoint inline rather than start a thread.
 */
export async function openStore(
  config: ServerConfig,
  use: 'serve' | 'admin' = 'serve',
): Promise<GroupwareStore> {
  if (config.databaseUrl !== undefined) return openPostgresStore({ connectionString: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  return openSqliteStore({
    path: join(config.dataDir, STORE_FILE),
    synchronous: config.sqliteSynchronous,
    checkpoint: use === 'serve' ? 'background' : 'inline',
  });
}

export interface RunningServer {
  readonly http: RunningHttpServer;
  readonly engine: SyncEngine;
  readonly store: GroupwareStore;
  readonly logger: JsonLogger;
  /** Graceful stop: no new messages, in-flight ones finish, then engine and store close. */
  stop(): Promise<void>;
}

/** Composes store, engine and HTTP edge, and starts listening. */
export async function startServer(
  config: ServerConfig,
  logger: JsonLogger = new JsonLogger(config.logLevel),
): Promise<RunningServer> {
  const store = await openStore(config);
  const engine = new SyncEngine({
    store,
    items: createItemAdapter(),
    logger,
    config: {
      enabled: config.enabled,
      auth: config.auth,
      accessList: config.accessList,
      conflictPolicy: config.conflictPolicy,
      limits: {
        maxMessageSize: config.maxMessageSize,
        maxObjectSize: config.maxObjectSize,
        sessionIdleMs: config.sessionTimeoutSeconds * 1000,
      },
    },
  });
  let http: RunningHttpServer;
  try {
    http = await startHttpServer(config, engine, logger);
  } catch (err) {
    await engine.close();
    await store.close();
    throw err;
  }
  logger.info('listening', {
    url: http.url,
    store: config.databaseUrl !== undefined ? 'postgresql' : join(config.dataDir, STORE_FILE),
    auth: config.auth,
    accessList: config.accessList,
    enabled: config.enabled,
    conflictPolicy: config.conflictPolicy,
  });
  let stopping: Promise<void> | undefined;
  return {
    http,
    engine,
    store,
    logger,
    stop() {
      stopping ??= (async () => {
        logger.info('shutting down', { inFlight: http.inFlight() });
        await http.close(config.shutdownTimeoutSeconds * 1000);
        await engine.close();
        await store.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

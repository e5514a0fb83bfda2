import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How long `stop` lets the thread finish its checkpoint before terminating it. */
const STOP_TIMEOUT_MS = 5000;

/** What the checkpoint thread needs to open its own connection. */
export interface CheckpointerOptions {
  /** The database file (not `:memory:`). */
  readonly path: string;
  /** The store's `synchronous` setting: a checkpoint syncs the files exactly as the store's own would. */
  readonly synchronous: 'full' | 'normal';
  /** Pause between two checkpoints, in ms. */
  readonly intervalMs: number;
  /** How long the thread's connection waits for a lock, in ms. */
  readonly busyTimeoutMs: number;
}

/**
 * The thread's code, run as a CommonJS script (`eval`): the same text works whether the store runs
 * from its TypeScript sources or its build. It opens its own connection and runs a PASSIVE checkpoint
 * every `intervalMs`: pages move from the WAL into the database file (with the fsyncs that needs)
 * without blocking the store's writer and without waiting for its readers.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs });
db.pragma('synchronous = ' + (workerData.synchronous === 'full' ? 'FULL' : 'NORMAL'));
// This connection never writes, so it never checkpoints on its own either.
db.pragma('wal_autocheckpoint = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let timer;
const tick = () => {
  try {
    checkpoint.run();
  } catch (error) {
    // BUSY and the like: the next tick tries again; the store's own backstop bounds the WAL meanwhile.
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
timer = setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Moves the WAL's pages into the database file on a thread of its own, so that the store's event loop
 * never waits for a checkpoint (on a disk, the copy and its fsyncs took tens of milliseconds every
 * thousand pages, during which no message of any session was handled). The store's connection keeps
 * SQLite's automatic checkpoint at a larger size as a backstop, should this thread fall behind or fail.
 */
export class BackgroundCheckpointer {
  readonly #worker: Worker;
  #exited = false;
  #stopped: Promise<void> | undefined;

  constructor(options: CheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...options, driver },
      stdout: false,
      stderr: false,
    });
    // It must not keep the process alive, and its failure must not end the process: the backstop
    // checkpoint of the store's connection takes over.
    this.#worker.unref();
    this.#worker.on('error', () => {});
    this.#worker.once('exit', () => {
      this.#exited = true;
    });
  }

  /** Stops the thread and waits until its connection is closed. Idempotent. */
  stop(): Promise<void> {
    this.#stopped ??= new Promise<void>((done) => {
      if (this.#exited) {
        done();
        return;
      }
      this.#worker.once('exit', () => done());
      // Held from now on: a process whose last work is closing the store waits for the thread's exit.
      this.#worker.ref();
      this.#worker.postMessage('stop');
      // A thread stuck in a checkpoint past this is ended the hard way (SQLite stays consistent).
      setTimeout(() => void this.#worker.terminate(), STOP_TIMEOUT_MS).unref();
    });
    return this.#stopped;
  }
}

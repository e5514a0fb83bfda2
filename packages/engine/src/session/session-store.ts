import { Payload } from '@syncds/syncml';
import { Packr, addExtension } from 'msgpackr';
import type { SessionState } from './state.js';

/**
 * Where sessions live between messages. The default keeps them in this process;
 * a shared implementation (Redis, PostgreSQL) lets several nodes serve one
 * session: it stores `encodeSession(state)` and returns `decodeSession(bytes)`.
 *
 * The engine checks a session out with `get`, changes it while it handles one
 * message (messages of one session are handled one at a time), and checks it in
 * with `set`. When handling fails it calls `delete`, never `set`, so a store may
 * hand out the very object it keeps (as {@link MemorySessionStore} does) or a copy.
 */
export interface SessionStore {
  get(sid: string): Promise<SessionState | undefined>;
  /** Stores the state after a message; it is not changed again until the next `get`. */
  set(state: SessionState, ttlMs: number): Promise<void>;
  delete(sid: string): Promise<void>;
  /** The sid of the session a client's (device id, SessionID) pair belongs to. */
  findByClient(deviceId: string, clientSessionId: string): Promise<string | undefined>;
  /** Small per-device values that outlive sessions (nonces, auth challenges). */
  getDeviceValue(key: string): Promise<string | undefined>;
  setDeviceValue(key: string, value: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

// Payload (the AST's lazily decoded bytes) travels as a msgpack extension.
addExtension({
  Class: Payload,
  type: 0x50,
  write: (p: Payload) => p.bytes(),
  read: (bytes: Uint8Array) => Payload.fromBytes(bytes),
});

const packr = new Packr({ structuredClone: false, useRecords: false, moreTypes: true });

export function encodeSession(state: SessionState): Uint8Array {
  return packr.pack(state);
}

export function decodeSession(bytes: Uint8Array): SessionState {
  return packr.unpack(bytes) as SessionState;
}

/** Default {@link MemorySessionStoreOptions.sweepIntervalMs}. */
export const DEFAULT_SWEEP_INTERVAL_MS = 30_000;

export interface MemorySessionStoreOptions {
  /** The clock expiry is measured with (ms). Default `Date.now`. */
  now?: (() => number) | undefined;
  /** How often expired sessions and values are dropped, in ms. Default {@link DEFAULT_SWEEP_INTERVAL_MS}. */
  sweepIntervalMs?: number | undefined;
  /**
   * Keep each session as msgpack bytes (`encodeSession` on `set`, `decodeSession` on `get`),
   * exactly as a shared store does, instead of the state object itself. Default false: the
   * copy costs more than all the rest of the session bookkeeping, and this store never
   * leaves the process. Tests turn it on to prove that session state stays serialisable.
   */
  copyStates?: boolean | undefined;
}

interface Entry {
  /** The state itself, or its msgpack bytes with `copyStates`. */
  state: SessionState | Uint8Array;
  expires: number;
  clientKey: string;
}

/** In-process session store with idle expiry. */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Entry>();
  readonly #byClient = new Map<string, string>();
  readonly #values = new Map<string, { value: string; expires: number }>();
  readonly #now: () => number;
  readonly #copy: boolean;
  readonly #sweep: ReturnType<typeof setInterval>;

  constructor(options: MemorySessionStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#copy = options.copyStates ?? false;
    this.#sweep = setInterval(() => this.sweep(), options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
    this.#sweep.unref();
  }

  async get(sid: string): Promise<SessionState | undefined> {
    const e = this.#sessions.get(sid);
    if (e === undefined) return undefined;
    if (e.expires <= this.#now()) {
      this.#drop(sid, e);
      return undefined;
    }
    return e.state instanceof Uint8Array ? decodeSession(e.state) : e.state;
  }

  async set(state: SessionState, ttlMs: number): Promise<void> {
    const clientKey = `${state.deviceId}\u0000${state.clientSessionId}`;
    this.#sessions.set(state.sid, {
      state: this.#copy ? encodeSession(state) : state,
      expires: this.#now() + ttlMs,
      clientKey,
    });
    this.#byClient.set(clientKey, state.sid);
  }

  async delete(sid: string): Promise<void> {
    const e = this.#sessions.get(sid);
    if (e !== undefined) this.#drop(sid, e);
  }

  async findByClient(deviceId: string, clientSessionId: string): Promise<string | undefined> {
    return this.#byClient.get(`${deviceId}\u0000${clientSessionId}`);
  }

  async getDeviceValue(key: string): Promise<string | undefined> {
    const v = this.#values.get(key);
    if (v === undefined) return undefined;
    if (v.expires <= this.#now()) {
      this.#values.delete(key);
      return undefined;
    }
    return v.value;
  }

  async setDeviceValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.#values.set(key, { value, expires: this.#now() + ttlMs });
  }

  /** Number of live sessions (for the admin view and tests). */
  get size(): number {
    return this.#sessions.size;
  }

  /** Drops expired sessions and values; runs on a timer. */
  sweep(): void {
    const now = this.#now();
    for (const [sid, e] of this.#sessions) if (e.expires <= now) this.#drop(sid, e);
    for (const [k, v] of this.#values) if (v.expires <= now) this.#values.delete(k);
  }

  async close(): Promise<void> {
    clearInterval(this.#sweep);
    this.#sessions.clear();
    this.#byClient.clear();
    this.#values.clear();
  }

  #drop(sid: string, e: Entry): void {
    this.#sessions.delete(sid);
    if (this.#byClient.get(e.clientKey) === sid) this.#byClient.delete(e.clientKey);
  }
}

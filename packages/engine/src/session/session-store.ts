import { Payload } from '@syncds/syncml';
import { Packr, addExtension } from 'msgpackr';
import type { SessionState } from './state.js';

/**
 * Where sessions live between messages. The default keeps them in this process;
 * a shared implementation (Redis, PostgreSQL) lets several nodes serve one
 * session. Values cross the interface as msgpack bytes, so a shared store only
 * moves bytes and the in-memory one cannot keep references by accident.
 */
export interface SessionStore {
  get(sid: string): Promise<SessionState | undefined>;
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

interface Entry {
  bytes: Uint8Array;
  expires: number;
  clientKey: string;
}

/** In-process session store with idle expiry. */
export class MemorySessionStore implements SessionStore {
  readonly #sessions = new Map<string, Entry>();
  readonly #byClient = new Map<string, string>();
  readonly #values = new Map<string, { value: string; expires: number }>();
  readonly #now: () => number;
  readonly #sweep: ReturnType<typeof setInterval>;

  constructor(options: { now?: () => number; sweepIntervalMs?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#sweep = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 30_000);
    this.#sweep.unref();
  }

  async get(sid: string): Promise<SessionState | undefined> {
    const e = this.#sessions.get(sid);
    if (e === undefined) return undefined;
    if (e.expires <= this.#now()) {
      this.#drop(sid, e);
      return undefined;
    }
    return decodeSession(e.bytes);
  }

  async set(state: SessionState, ttlMs: number): Promise<void> {
    const clientKey = `${state.deviceId}\u0000${state.clientSessionId}`;
    this.#sessions.set(state.sid, { bytes: encodeSession(state), expires: this.#now() + ttlMs, clientKey });
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

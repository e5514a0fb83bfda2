import { randomBytes } from 'node:crypto';
import type { GroupwareStore } from '@syncds/store';
import { type SyncMLMessage, parseMessage, serializeMessage } from '@syncds/syncml';
import { type EngineConfig, type EngineConfigInput, resolveEngineConfig } from './config.js';
import type { EngineContext } from './context.js';
import { DevInfCache } from './devinf/devinf-cache.js';
import type { ItemAdapter } from './items/item-adapter.js';
import { type EngineLogger, silentLogger } from './log.js';
import { mergeUrlParams, parseUrlParams } from './protocol/url-params.js';
import { MessageProcessor } from './session/processor.js';
import { replyOptions } from './message/reply.js';
import { MemorySessionStore, type SessionStore } from './session/session-store.js';
import type { SessionState } from './session/state.js';

export const XML_CONTENT_TYPE = 'application/vnd.syncml+xml';
export const WBXML_CONTENT_TYPE = 'application/vnd.syncml+wbxml';

/** One HTTP request carrying a SyncML message, as the transport received it. */
export interface SyncRequest {
  body: Uint8Array;
  /** The HTTP Content-Type header, parameters included. */
  contentType: string | undefined;
  /** Path and query of the request, e.g. `/syncml/?SYNC=2`. */
  url: string;
  /** `scheme://host[:port]` the client reached us at, for the RespURI. */
  baseUrl: string;
}

/** Per-step timing of one message in microseconds (R20). */
export interface MessageTiming {
  decodeUs: number;
  engineUs: number;
  storeUs: number;
  encodeUs: number;
}

export interface SyncResponse {
  /** HTTP status: 200 whenever a SyncML reply is sent (its statuses say the rest). */
  httpStatus: number;
  contentType: string;
  body: Uint8Array;
  /** For the log: our session id, the device, the account. */
  session: string | undefined;
  device: string | undefined;
  login: string | undefined;
  timing: MessageTiming;
}

export interface EngineOptions {
  store: GroupwareStore;
  items: ItemAdapter;
  sessions?: SessionStore | undefined;
  config?: EngineConfigInput | undefined;
  logger?: EngineLogger | undefined;
  now?: (() => number) | undefined;
  random?: ((n: number) => Uint8Array) | undefined;
}

/** The SyncML DS server engine: bytes in, bytes out, no HTTP, no concrete store. */
export class SyncEngine {
  readonly config: EngineConfig;
  readonly #ctx: EngineContext;
  readonly #ownsSessions: boolean;
  /** Messages of one session are handled one at a time (a client may resend while we work). */
  readonly #busy = new Map<string, Promise<unknown>>();

  constructor(options: EngineOptions) {
    this.config = resolveEngineConfig(options.config);
    this.#ownsSessions = options.sessions === undefined;
    this.#ctx = {
      store: options.store,
      items: options.items,
      sessions:
        options.sessions ?? new MemorySessionStore(options.now === undefined ? {} : { now: options.now }),
      config: this.config,
      logger: options.logger ?? silentLogger,
      now: options.now ?? Date.now,
      random: options.random ?? pooledRandom(),
      devInfs: new DevInfCache(this.config.limits.devInfCacheEntries),
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#busy.values());
    if (this.#ownsSessions) await this.#ctx.sessions.close();
  }

  async handle(req: SyncRequest): Promise<SyncResponse> {
    const t0 = process.hrtime.bigint();
    let encoding = encodingOfContentType(req.contentType);
    if (encoding === undefined) {
      this.#ctx.logger.warn('unsupported content type', { contentType: req.contentType, url: req.url });
      return plain(
        415,
        `unsupported content type ${JSON.stringify(req.contentType ?? '')}; use ${XML_CONTENT_TYPE} or ${WBXML_CONTENT_TYPE}`,
      );
    }
    if (req.body.length > this.config.limits.maxMessageSize) {
      this.#ctx.logger.warn('message too large', {
        size: req.body.length,
        limit: this.config.limits.maxMessageSize,
      });
      return plain(
        413,
        `message of ${req.body.length} bytes exceeds the limit of ${this.config.limits.maxMessageSize}`,
      );
    }
    let msg: SyncMLMessage;
    try {
      const parsed = parseMessage(req.body, { maxMessageSize: this.config.limits.maxMessageSize });
      msg = parsed.message;
      if (parsed.encoding !== encoding) {
        this.#ctx.logger.warn("content type and body disagree; replying in the body's encoding", {
          contentType: req.contentType,
          body: parsed.encoding,
        });
      }
      encoding = parsed.encoding;
      if (parsed.warnings.length > 0) {
        this.#ctx.logger.debug('tolerated message oddities', {
          device: msg.header.source.locURI,
          warnings: parsed.warnings.slice(0, 10),
        });
      }
    } catch (err) {
      const e = err as { message?: string; code?: string; offset?: number; path?: string };
      this.#ctx.logger.warn('malformed SyncML message', {
        encoding,
        size: req.body.length,
        code: e.code,
        offset: e.offset,
        path: e.path,
        error: e.message,
      });
      return plain(400, `malformed SyncML message: ${e.message ?? String(err)}`);
    }
    const t1 = process.hrtime.bigint();
    const lockKey = `${msg.header.source.locURI}\u0000${msg.header.sessionID}`;
    const previous = this.#busy.get(lockKey);
    const work = (previous ?? Promise.resolve()).then(() => this.#handleMessage(req, msg, encoding, t0, t1));
    const guarded = work.catch(() => undefined);
    this.#busy.set(lockKey, guarded);
    try {
      return await work;
    } finally {
      if (this.#busy.get(lockKey) === guarded) this.#busy.delete(lockKey);
    }
  }

  async #handleMessage(
    req: SyncRequest,
    msg: SyncMLMessage,
    encoding: 'xml' | 'wbxml',
    t0: bigint,
    t1: bigint,
  ): Promise<SyncResponse> {
    const ctx = this.#ctx;
    const state = await this.#session(req, msg, encoding);
    if (state.lastClientMsgId === msg.header.msgID && state.lastReply !== undefined) {
      // A retransmission (the client did not get our reply): the same reply again, nothing redone.
      ctx.logger.info('retransmitted message answered from cache', {
        session: state.sid,
        device: state.deviceId,
        msgID: msg.header.msgID,
      });
      return this.#response(state, state.lastReply, t0, t1, process.hrtime.bigint(), 0);
    }
    state.clientMaxMsgSize = Math.max(
      msg.header.meta?.maxMsgSize ?? state.clientMaxMsgSize,
      this.config.limits.minClientMaxMsgSize,
    );
    if (msg.header.meta?.maxObjSize !== undefined) state.clientMaxObjSize = msg.header.meta.maxObjSize;
    const processor = new MessageProcessor(ctx, state, msg);
    let result: Awaited<ReturnType<MessageProcessor['run']>>;
    let t2: bigint;
    let body: Uint8Array;
    try {
      result = await processor.run();
      t2 = process.hrtime.bigint();
      body = serializeMessage(result.reply, replyOptions(state.encoding));
    } catch (err) {
      ctx.logger.error('message processing failed', {
        session: state.sid,
        device: state.deviceId,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      // The state may be half changed (the session store may hold this very object): drop it.
      await ctx.sessions.delete(state.sid);
      return plain(500, 'internal server error');
    }
    state.lastClientMsgId = msg.header.msgID;
    state.lastReply = body;
    state.updatedAt = ctx.now();
    if (result.endSession) {
      // Kept briefly so a retransmitted last message still gets its reply.
      await ctx.sessions.set(state, Math.min(60_000, this.config.limits.sessionIdleMs));
      ctx.logger.debug('session ended', { session: state.sid, device: state.deviceId, login: state.login });
    } else {
      await ctx.sessions.set(state, this.config.limits.sessionIdleMs);
    }
    return this.#response(state, body, t0, t1, t2, result.storeUs);
  }

  #response(
    state: SessionState,
    body: Uint8Array,
    t0: bigint,
    t1: bigint,
    t2: bigint,
    storeUs: number,
  ): SyncResponse {
    const t3 = process.hrtime.bigint();
    const engineUs = Number(t2 - t1) / 1000;
    return {
      httpStatus: 200,
      contentType: state.encoding === 'wbxml' ? WBXML_CONTENT_TYPE : `${XML_CONTENT_TYPE}; charset=UTF-8`,
      body,
      session: state.sid,
      device: state.deviceId,
      login: state.login,
      timing: {
        decodeUs: Number(t1 - t0) / 1000,
        engineUs: Math.max(0, engineUs - storeUs),
        storeUs,
        encodeUs: Number(t3 - t2) / 1000,
      },
    };
  }

  /** The session this message belongs to (by our sid in the URL, else by device + SessionID), or a new one. */
  async #session(req: SyncRequest, msg: SyncMLMessage, encoding: 'xml' | 'wbxml'): Promise<SessionState> {
    const ctx = this.#ctx;
    const deviceId = msg.header.source.locURI;
    const sid = sidOfUrl(req.url) ?? (await ctx.sessions.findByClient(deviceId, msg.header.sessionID));
    if (sid !== undefined) {
      const existing = await ctx.sessions.get(sid);
      if (
        existing !== undefined &&
        existing.deviceId === deviceId &&
        existing.clientSessionId === msg.header.sessionID
      ) {
        // A device that restarts its SessionID counter opens a new session with an old id:
        // a first message, or anything after a finished session that is not a resend.
        const resend = msg.header.msgID === existing.lastClientMsgId;
        const restarted = (msg.header.msgID === '1' && !resend) || (existing.stage === 'done' && !resend);
        if (!restarted) return existing;
        await ctx.sessions.delete(existing.sid);
      }
    }
    const now = ctx.now();
    const newSid = Buffer.from(ctx.random(16)).toString('base64url');
    const path = req.url.split(/[?#]/)[0] ?? '/';
    const state: SessionState = {
      v: 1,
      sid: newSid,
      deviceId,
      clientSessionId: msg.header.sessionID,
      version: msg.header.version,
      encoding,
      createdAt: now,
      updatedAt: now,
      respURI: `${req.baseUrl}${path}?sid=${newSid}`,
      serverURI: msg.header.target.locURI,
      clientLocName: msg.header.source.locName,
      login: undefined,
      authType: undefined,
      authFailures: 0,
      urlParams: mergeUrlParams(parseUrlParams(msg.header.target.locURI), parseUrlParams(req.url)),
      clientMaxMsgSize: this.config.limits.defaultClientMaxMsgSize,
      clientMaxObjSize: undefined,
      lastClientMsgId: undefined,
      lastReply: undefined,
      serverMsgId: 0,
      outbox: [],
      awaiting: {},
      datastores: [],
      haveDevInf: false,
      deviceLargeObjects: undefined,
      devInfRequested: false,
      stage: 'init',
      serverPackageOpen: false,
      serverMaxMsgSize: this.config.limits.maxMessageSize,
      serverMaxObjSize: this.config.limits.maxObjectSize,
    };
    const p = state.urlParams;
    ctx.logger.debug('session started', {
      session: newSid,
      device: deviceId,
      version: state.version,
      encoding,
      sync: p.sync,
      format: p.format,
      reset: p.reset,
      backup: p.backup,
      push: p.push,
      unknownParams: Object.keys(p.unknown).length > 0 ? p.unknown : undefined,
      invalidParams: p.invalid.length > 0 ? p.invalid : undefined,
    });
    return state;
  }
}

/** Bytes of randomness fetched at a time by the default random source. */
const RANDOM_POOL_SIZE = 4096;

/**
 * The default random source: cryptographic bytes handed out from a pool fetched
 * {@link RANDOM_POOL_SIZE} at a time (each session id and nonce would otherwise be a
 * call into the system's generator). A used pool is never written again: callers
 * may keep the views they got.
 */
function pooledRandom(): (n: number) => Uint8Array {
  let pool = randomBytes(RANDOM_POOL_SIZE);
  let at = 0;
  return (n) => {
    if (n > RANDOM_POOL_SIZE) return randomBytes(n);
    if (at + n > RANDOM_POOL_SIZE) {
      pool = randomBytes(RANDOM_POOL_SIZE);
      at = 0;
    }
    at += n;
    return pool.subarray(at - n, at);
  };
}

/** `application/vnd.syncml+xml; charset=...` -> xml; `...+wbxml` -> wbxml; anything else -> undefined. */
export function encodingOfContentType(contentType: string | undefined): 'xml' | 'wbxml' | undefined {
  if (contentType === undefined) return undefined;
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  if (media === XML_CONTENT_TYPE) return 'xml';
  if (media === WBXML_CONTENT_TYPE) return 'wbxml';
  return undefined;
}

function sidOfUrl(url: string): string | undefined {
  const m = /[?&#]sid=([A-Za-z0-9_-]+)/.exec(url);
  return m?.[1];
}

function plain(status: number, text: string): SyncResponse {
  return {
    httpStatus: status,
    contentType: 'text/plain; charset=utf-8',
    body: new TextEncoder().encode(`${text}\n`),
    session: undefined,
    device: undefined,
    login: undefined,
    timing: { decodeUs: 0, engineUs: 0, storeUs: 0, encodeUs: 0 },
  };
}

import type { GroupwareStore } from '@syncds/store';
import type { Command, DevInf, SyncHeader, SyncMLMessage } from '@syncds/syncml';
import { authenticate } from '../auth/authenticate.js';
import type { EngineContext } from '../context.js';
import { statusOfError } from '../errors.js';
import { ReplyBuilder } from '../message/reply.js';
import { headerStatus, statusFor } from '../message/status.js';
import { AlertCode } from '../protocol/alert-codes.js';
import { StatusCode } from '../protocol/status-codes.js';
import { handleAlert } from '../sync/alerts.js';
import { handleMap, handleSync } from '../sync/client-sync.js';
import { commitClientPackage } from '../sync/commit.js';
import { finishSession } from '../sync/finish.js';
import { fillServerChanges } from '../sync/send.js';
import type { SlowPairing } from '../sync/slow-pairing.js';
import { handleStatus } from '../sync/statuses.js';
import {
  handleDevInfGet,
  handleDevInfPut,
  handleDevInfResults,
  maybeRequestDevInf,
  useStoredDevInf,
} from '../devinf/exchange.js';
import type { SessionState } from './state.js';
import { type StoreTimer, timedStore } from './timed-store.js';

export interface ProcessResult {
  reply: SyncMLMessage;
  final: boolean;
  /** Drop the session after this reply (refused, finished). */
  endSession: boolean;
  storeUs: number;
}

/**
 * Runs one client message through the session: authentication, every command in
 * order, package ends, then fills the reply up to the client's MaxMsgSize.
 */
export class MessageProcessor {
  readonly ctx: EngineContext;
  readonly state: SessionState;
  readonly msg: SyncMLMessage;
  readonly reply: ReplyBuilder;
  readonly store: GroupwareStore;
  readonly #timer: StoreTimer = { us: 0 };
  #desKey: Uint8Array | undefined;

  /** Options for an item encoding: the account's DES key only when the format uses des. */
  async itemCrypto(format: string): Promise<{ desKey?: Uint8Array }> {
    if (!/des/i.test(format)) return {};
    if (this.#desKey === undefined && this.state.login !== undefined) {
      this.#desKey = (await this.store.getVerifiers(this.state.login))?.desKey;
    }
    return this.#desKey === undefined ? {} : { desKey: this.#desKey };
  }

  /** Slow-sync pairings built for this message, per folder. */
  readonly slowPairings: Map<number, SlowPairing> = new Map();
  /** The device DevInf, once loaded or received in this message. */
  deviceDevInf: DevInf | undefined;
  /** The stored DevInf was read in this message (whether or not there was one). */
  devInfLoaded = false;

  constructor(ctx: EngineContext, state: SessionState, msg: SyncMLMessage) {
    this.ctx = ctx;
    this.state = state;
    this.msg = msg;
    this.store = timedStore(ctx.store, this.#timer);
    this.reply = new ReplyBuilder(replyHeader(state, msg), state.encoding, state.clientMaxMsgSize);
  }

  get msgID(): string {
    return this.msg.header.msgID;
  }

  /** Queues a command for this reply, or for a later one when this one is full. */
  emit(cmd: Command): void {
    if (this.state.outbox.length > 0 || !this.reply.tryAdd(cmd)) this.state.outbox.push(cmd);
  }

  /** Answers a command with a status. */
  answer(cmd: Command, code: number, refs?: { target?: string[]; source?: string[] }): void {
    this.emit(statusFor(this.msgID, cmd, code, refs));
  }

  async run(): Promise<ProcessResult> {
    const { state, msg, ctx } = this;
    // Commands deferred from earlier replies go first, in order.
    const deferred = state.outbox.splice(0);
    const continuing = state.serverPackageOpen;

    if (state.login === undefined) {
      const auth = await authenticate(
        {
          store: this.store,
          sessions: ctx.sessions,
          policy: ctx.config.auth,
          logger: ctx.logger,
          random: ctx.random,
        },
        msg,
        state.deviceId,
        state.authFailures,
        ctx.config.limits.maxAuthAttempts,
      );
      if (!auth.ok) {
        state.authFailures++;
        ctx.logger.warn('authentication failed', {
          device: state.deviceId,
          session: state.sid,
          status: auth.status,
          reason: auth.reason,
        });
        this.reply.add(headerStatus(msg.header, auth.status, auth.chal));
        for (const cmd of msg.commands)
          if (cmd.kind !== 'Status') this.reply.tryAdd(statusFor(this.msgID, cmd, auth.status));
        return this.#result(true, auth.refuse);
      }
      state.login = auth.login;
      state.authType = auth.type;
      ctx.logger.debug('authenticated', {
        device: state.deviceId,
        session: state.sid,
        login: auth.login,
        type: auth.type,
      });
      const access = await this.#checkAccess();
      if (access !== StatusCode.Ok) {
        this.reply.add(headerStatus(msg.header, access));
        for (const cmd of msg.commands)
          if (cmd.kind !== 'Status') this.reply.tryAdd(statusFor(this.msgID, cmd, access));
        return this.#result(true, true);
      }
      // The device record comes back with its stored DevInf: no second read for the format choice.
      useStoredDevInf(this, await this.store.touchDevice(auth.login!, state.deviceId));
      this.reply.add(headerStatus(msg.header, auth.status, auth.chal));
    } else {
      this.reply.add(headerStatus(msg.header, StatusCode.Ok));
    }

    for (const cmd of deferred) this.emit(cmd);
    for (const cmd of msg.commands) await this.#dispatch(cmd);

    if (msg.final) await this.#clientPackageEnd();
    await maybeRequestDevInf(this);
    await fillServerChanges(this);

    const pending =
      state.outbox.length > 0 ||
      state.datastores.some((d) => d.toSend.length > 0 || d.outgoing !== undefined);
    // While our own package is open, each client message (final or not) asks for its next part.
    const ours = msg.final || continuing;
    state.serverPackageOpen = ours && pending;
    const final = ours && !pending;
    if (final && state.stage === 'map' && !this.reply.hasCommandsOtherThanStatus()) {
      // Our last package needs no answer (nothing was sent that the client must confirm or
      // map, as in one-way from client): the client will not write again, so the sync
      // completes with this reply.
      await finishSession(this);
      state.stage = 'done';
    }
    if (!ours && !this.reply.hasCommandsOtherThanStatus() && state.outbox.length === 0) {
      // The client's package goes on: ask for its next message (syncml-facts.md §6.4).
      this.reply.tryAdd({
        kind: 'Alert',
        cmdID: '',
        code: AlertCode.NextMessage,
        items: [{ target: { locURI: state.deviceId }, source: { locURI: state.serverURI } }],
      });
    }
    return this.#result(final, state.stage === 'done' && final);
  }

  async #checkAccess(): Promise<number> {
    const { ctx, state } = this;
    if (!ctx.config.enabled) {
      ctx.logger.warn('sync service disabled', { device: state.deviceId, login: state.login });
      return StatusCode.ServiceUnavailable;
    }
    if (!ctx.config.accessList) return StatusCode.Ok;
    const access = await this.store.getSyncAccess(state.login!);
    if (access.allowed) return StatusCode.Ok;
    ctx.logger.warn('sync not allowed for account', {
      device: state.deviceId,
      login: state.login,
      reason: access.reason,
    });
    return StatusCode.Forbidden;
  }

  async #dispatch(cmd: Command): Promise<void> {
    try {
      switch (cmd.kind) {
        case 'Status':
          await handleStatus(this, cmd);
          return;
        case 'Alert':
          await handleAlert(this, cmd);
          return;
        case 'Put':
          await handleDevInfPut(this, cmd);
          return;
        case 'Get':
          await handleDevInfGet(this, cmd);
          return;
        case 'Results':
          await handleDevInfResults(this, cmd);
          return;
        case 'Sync':
          await handleSync(this, cmd);
          return;
        case 'Map':
          await handleMap(this, cmd);
          return;
        case 'Sequence':
          this.answer(cmd, StatusCode.Ok);
          for (const inner of cmd.commands) await this.#dispatch(inner);
          return;
        default:
          // Atomic, Exec, Search, Copy, Move outside Sync: not offered by this server.
          this.ctx.logger.warn('command not implemented', { device: this.state.deviceId, cmd: cmd.kind });
          this.answer(cmd, StatusCode.CommandNotImplemented);
      }
    } catch (err) {
      const status = statusOfError(err);
      this.ctx.logger.error('command failed', {
        device: this.state.deviceId,
        session: this.state.sid,
        cmd: cmd.kind,
        cmdID: cmd.cmdID,
        status,
        error: err instanceof Error ? err.message : String(err),
      });
      this.answer(cmd, status);
    }
  }

  async #clientPackageEnd(): Promise<void> {
    const { state } = this;
    if (state.serverPackageOpen) return; // a continuation of our own package, not a new client package
    switch (state.stage) {
      case 'init':
        state.stage = 'sync';
        // Clients that send their Sync in the init package are served at once.
        if (state.datastores.some((d) => d.phase === 'receiving')) await this.#endSyncPackage();
        return;
      case 'sync':
        await this.#endSyncPackage();
        return;
      case 'map':
        await finishSession(this);
        state.stage = 'done';
        return;
      case 'done':
        return;
    }
  }

  async #endSyncPackage(): Promise<void> {
    for (let i = 0; i < this.state.datastores.length; i++) {
      const ds = this.state.datastores[i]!;
      if (ds.phase === 'awaiting-client-sync' || ds.phase === 'receiving') {
        try {
          await commitClientPackage(this, ds);
        } catch (err) {
          ds.phase = 'failed';
          this.ctx.logger.error('committing the client package failed', {
            device: this.state.deviceId,
            session: this.state.sid,
            database: ds.serverURI,
            error: err instanceof Error ? err.message : String(err),
          });
        }
      }
    }
    this.state.stage = 'map';
  }

  #result(final: boolean, endSession: boolean): ProcessResult {
    return { reply: this.reply.build(final), final, endSession, storeUs: this.#timer.us };
  }
}

/** Our SyncHdr: Target and Source swapped, the session's RespURI, our MaxMsgSize. */
function replyHeader(state: SessionState, msg: SyncMLMessage): SyncHeader {
  state.serverMsgId++;
  return {
    version: state.version,
    verProto: `SyncML/${state.version}`,
    sessionID: msg.header.sessionID,
    msgID: String(state.serverMsgId),
    target: { locURI: msg.header.source.locURI, locName: msg.header.source.locName },
    source: { locURI: msg.header.target.locURI },
    respURI: state.respURI,
    meta: {
      maxMsgSize: state.serverMaxMsgSize,
      maxObjSize: state.version === '1.0' ? undefined : state.serverMaxObjSize,
    },
  };
}

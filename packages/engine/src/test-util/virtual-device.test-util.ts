import { createHash } from 'node:crypto';
import {
  type Alert,
  type Command,
  type Cred,
  type DevInf,
  type Item,
  Payload,
  type Status,
  type Sync,
  type SyncMLMessage,
  type SyncMLVersion,
  parseMessage,
  serializeMessage,
} from '@syncds/syncml';
import type { SyncEngine, SyncResponse } from '../engine.js';

/**
 * A scripted SyncML client for engine tests: it keeps items per datastore, runs
 * whole sessions (init, sync, map) against the engine through encoded bytes, and
 * records every status it got back.
 */
export interface VirtualStore {
  serverURI: string;
  clientURI: string;
  contentType: string;
  items: Map<string, string>;
  /** Local changes since the last sync. */
  added: Set<string>;
  replaced: Set<string>;
  deleted: Set<string>;
  last: string | undefined;
  /** Server ids of items the server added (sent back in Map). */
  mapped: Map<string, string>;
}

export interface DeviceOptions {
  deviceId: string;
  login: string;
  password: string;
  version?: SyncMLVersion;
  encoding?: 'xml' | 'wbxml';
  auth?: 'basic' | 'md5' | 'none';
  maxMsgSize?: number;
  devinf?: DevInf | undefined;
  url?: string;
  /** Items larger than this go out as large objects, one chunk per message. 0: never. */
  chunkSize?: number;
  /** Content types the device refuses with 415 (as a device that does not take a format). */
  refuseTypes?: string[];
}

export interface SessionRecord {
  /** Every reply, decoded. */
  replies: SyncMLMessage[];
  /** Statuses the server sent, by our command kind. */
  statuses: Status[];
  /** Alert codes the server answered per client database. */
  alerts: Map<string, number>;
  /** Server item commands applied locally. */
  received: { store: string; op: 'add' | 'replace' | 'delete'; luid: string; type: string | undefined }[];
  /** Content types of server items this device refused (415). */
  refused: string[];
  httpStatuses: number[];
}

let nextLuid = 1000;

export class VirtualDevice {
  readonly engine: SyncEngine;
  readonly o: Required<Omit<DeviceOptions, 'devinf'>> & { devinf: DevInf | undefined };
  readonly stores: Map<string, VirtualStore> = new Map();
  #sessionCounter = 1;
  #nonce: Uint8Array | undefined;

  constructor(engine: SyncEngine, options: DeviceOptions) {
    this.engine = engine;
    this.o = {
      version: '1.2',
      encoding: 'xml',
      auth: 'basic',
      maxMsgSize: 64 * 1024,
      url: '/syncml/',
      chunkSize: 0,
      refuseTypes: [],
      ...options,
      devinf: options.devinf,
    };
  }

  addStore(clientURI: string, serverURI: string, contentType: string): VirtualStore {
    const s: VirtualStore = {
      serverURI,
      clientURI,
      contentType,
      items: new Map(),
      added: new Set(),
      replaced: new Set(),
      deleted: new Set(),
      last: undefined,
      mapped: new Map(),
    };
    this.stores.set(clientURI, s);
    return s;
  }

  /** A local change, sent at the next sync. */
  add(store: string, data: string, luid: string = String(nextLuid++)): string {
    const s = this.stores.get(store)!;
    s.items.set(luid, data);
    s.added.add(luid);
    return luid;
  }
  replace(store: string, luid: string, data: string): void {
    const s = this.stores.get(store)!;
    s.items.set(luid, data);
    if (!s.added.has(luid)) s.replaced.add(luid);
  }
  delete(store: string, luid: string): void {
    const s = this.stores.get(store)!;
    s.items.delete(luid);
    s.added.delete(luid);
    s.replaced.delete(luid);
    s.deleted.add(luid);
  }

  /** One whole session. `alert` per store (default 200, or 201 on first contact). */
  async sync(
    options: { alert?: number; url?: string; stores?: string[]; targetURI?: string } = {},
  ): Promise<SessionRecord> {
    const rec: SessionRecord = {
      replies: [],
      statuses: [],
      alerts: new Map(),
      refused: [],
      received: [],
      httpStatuses: [],
    };
    const sessionID = String(this.#sessionCounter++);
    let msgID = 0;
    let url = options.url ?? this.o.url;
    const stores = (options.stores ?? [...this.stores.keys()]).map((k) => this.stores.get(k)!);
    const next = `a${Date.now()}-${sessionID}`;
    const send = async (commands: Command[], final: boolean, withCred: boolean): Promise<SyncMLMessage> => {
      msgID++;
      let cmdId = 1;
      const number = (c: Command) => {
        c.cmdID = String(cmdId++);
        if (c.kind === 'Sync' || c.kind === 'Atomic' || c.kind === 'Sequence')
          for (const i of c.commands) number(i);
      };
      for (const c of commands) number(c);
      const msg: SyncMLMessage = {
        header: {
          version: this.o.version,
          verProto: `SyncML/${this.o.version}`,
          sessionID,
          msgID: String(msgID),
          target: { locURI: options.targetURI ?? 'http://127.0.0.1/syncml/' },
          source: { locURI: this.o.deviceId, locName: this.o.login },
          cred: withCred ? this.#cred() : undefined,
          meta: { maxMsgSize: this.o.maxMsgSize },
        },
        commands,
        final,
      };
      const body = serializeMessage(msg, { encoding: this.o.encoding });
      const res: SyncResponse = await this.engine.handle({
        body,
        contentType:
          this.o.encoding === 'wbxml' ? 'application/vnd.syncml+wbxml' : 'application/vnd.syncml+xml',
        url,
        baseUrl: 'http://127.0.0.1',
      });
      rec.httpStatuses.push(res.httpStatus);
      if (res.httpStatus !== 200)
        throw new Error(`HTTP ${res.httpStatus}: ${new TextDecoder().decode(res.body)}`);
      const reply = parseMessage(res.body).message;
      rec.replies.push(reply);
      if (reply.header.respURI) url = reply.header.respURI.replace('http://127.0.0.1', '');
      for (const c of reply.commands) if (c.kind === 'Status') rec.statuses.push(c);
      const hdr = reply.commands.find((c): c is Status => c.kind === 'Status' && c.cmd === 'SyncHdr');
      const nonce = hdr?.chal?.meta.nextNonce;
      if (nonce !== undefined) this.#nonce = Buffer.from(nonce.text(), 'base64');
      return reply;
    };

    // Package 1: DevInf and alerts (retried once with fresh credentials after a challenge).
    const initCommands = (): Command[] => {
      const cmds: Command[] = [];
      if (this.o.devinf !== undefined) {
        cmds.push({
          kind: 'Put',
          cmdID: '',
          meta: { type: 'application/vnd.syncml-devinf+xml' },
          items: [
            {
              source: { locURI: `./devinf${this.o.version.replace('.', '')}` },
              data: { kind: 'devinf', devinf: this.o.devinf },
            },
          ],
        });
      }
      for (const s of stores) {
        cmds.push({
          kind: 'Alert',
          cmdID: '',
          code: options.alert ?? (s.last === undefined ? 201 : 200),
          items: [
            {
              target: { locURI: s.serverURI },
              source: { locURI: s.clientURI },
              meta: { anchor: { last: s.last, next }, maxObjSize: 4 * 1024 * 1024 },
            },
          ],
        });
      }
      return cmds;
    };
    let reply = await send(initCommands(), true, this.o.auth !== 'none');
    let hdrStatus = statusOf(reply, 'SyncHdr');
    if (hdrStatus === 401 || hdrStatus === 407) {
      reply = await send(initCommands(), true, this.o.auth !== 'none');
      hdrStatus = statusOf(reply, 'SyncHdr');
    }
    if (hdrStatus !== 200 && hdrStatus !== 212) return rec;

    // Server alerts tell the mode per store.
    const pending: Command[] = [];
    const answer = (m: SyncMLMessage) => {
      for (const c of m.commands) {
        if (c.kind === 'Status') continue;
        pending.push(statusOfCmd(m.header.msgID, c, 200));
        if (c.kind === 'Alert') {
          const client = c.items[0]?.target?.locURI;
          if (client !== undefined && c.code !== 222) rec.alerts.set(client, c.code ?? 0);
        }
        if (c.kind === 'Get' && this.o.devinf !== undefined) {
          pending.push({
            kind: 'Results',
            cmdID: '',
            msgRef: m.header.msgID,
            cmdRef: c.cmdID,
            meta: { type: 'application/vnd.syncml-devinf+xml' },
            items: [
              {
                source: { locURI: `./devinf${this.o.version.replace('.', '')}` },
                data: { kind: 'devinf', devinf: this.o.devinf },
              },
            ],
          });
        }
      }
    };
    answer(reply);

    // Package 3: our changes (everything on a slow sync); large items in chunks, one per message.
    const syncs: Sync[] = [];
    const chunkMessages: Sync[] = [];
    for (const s of stores) {
      const mode = rec.alerts.get(s.clientURI);
      if (mode === undefined) continue;
      const slow = mode === 201 || mode === 203;
      const sendsNothing = mode === 204 || mode === 205;
      const commands: Sync['commands'] = [];
      const wrap = (cmds: Sync['commands']): Sync => ({
        kind: 'Sync',
        cmdID: '',
        target: { locURI: s.serverURI },
        source: { locURI: s.clientURI },
        commands: cmds,
      });
      if (mode === 205) s.items.clear();
      if (!sendsNothing) {
        const luids = slow ? [...s.items.keys()] : [...s.added, ...s.replaced];
        for (const luid of luids) {
          const kind = slow ? 'Replace' : s.added.has(luid) ? 'Add' : 'Replace';
          const bytes = new TextEncoder().encode(s.items.get(luid)!);
          const size = this.o.chunkSize;
          if (size > 0 && bytes.length > size) {
            for (let at = 0; at < bytes.length; at += size) {
              const part = bytes.subarray(at, Math.min(bytes.length, at + size));
              const last = at + size >= bytes.length;
              const item: Item = {
                source: { locURI: luid },
                meta: at === 0 ? { size: bytes.length } : undefined,
                data: Payload.fromBytes(part),
                moreData: last ? undefined : true,
              };
              const cmd = {
                kind,
                cmdID: '',
                meta: { type: s.contentType },
                items: [item],
              } as Sync['commands'][number];
              // The rest of a chunked item must come before anything else (else the server drops it, 223).
              if (last) commands.unshift(cmd);
              else chunkMessages.push(wrap([cmd]));
            }
            continue;
          }
          commands.push({
            kind,
            cmdID: '',
            meta: { type: s.contentType },
            items: [{ source: { locURI: luid }, data: Payload.fromBytes(bytes) }],
          });
        }
        if (!slow)
          for (const luid of s.deleted)
            commands.push({ kind: 'Delete', cmdID: '', items: [{ source: { locURI: luid } }] });
      }
      syncs.push(wrap(commands));
    }
    for (const chunk of chunkMessages) {
      reply = await send([...pending.splice(0), chunk], false, false);
      answer(reply);
    }
    reply = await send([...pending.splice(0), ...syncs], true, false);
    // Package 4 (possibly several messages) and our statuses / maps.
    const chunks = new Map<string, string[]>();
    for (let guard = 0; guard < 100; guard++) {
      answer(reply);
      for (const c of reply.commands)
        if (c.kind === 'Sync') this.#applyServerSync(c, rec, chunks, pending, reply.header.msgID);
      if (reply.final) break;
      reply = await send([...pending.splice(0), alert222()], false, false);
    }
    const maps: Command[] = [];
    for (const s of stores) {
      const items = [...s.mapped].map(([luid, guid]) => ({ target: guid, source: luid }));
      if (items.length > 0)
        maps.push({
          kind: 'Map',
          cmdID: '',
          target: { locURI: s.serverURI },
          source: { locURI: s.clientURI },
          mapItems: items,
        });
      s.mapped.clear();
    }
    reply = await send([...pending.splice(0), ...maps], true, false);
    for (let guard = 0; !reply.final && guard < 100; guard++) {
      answer(reply);
      reply = await send([...pending.splice(0), alert222()], false, false);
    }
    for (const s of stores) {
      if (!rec.alerts.has(s.clientURI)) continue;
      s.last = next;
      s.added.clear();
      s.replaced.clear();
      s.deleted.clear();
    }
    return rec;
  }

  #applyServerSync(
    sync: Sync,
    rec: SessionRecord,
    chunks: Map<string, string[]>,
    pending: Command[],
    msgID: string,
  ): void {
    const s = this.stores.get(sync.target?.locURI ?? '');
    if (s === undefined) return;
    for (const c of sync.commands) {
      if (c.kind !== 'Add' && c.kind !== 'Replace' && c.kind !== 'Delete') continue;
      const chunked = c.items.some((i) => i.moreData);
      if (c.kind !== 'Delete' && c.meta?.type !== undefined && this.o.refuseTypes.includes(c.meta.type)) {
        pending.push(statusOfCmd(msgID, c, 415));
        rec.refused.push(c.meta.type);
        continue;
      }
      pending.push(statusOfCmd(msgID, c, chunked ? 213 : c.kind === 'Add' ? 201 : 200));
      for (const item of c.items) {
        const key = item.source?.locURI ?? item.target?.locURI ?? '';
        if (item.moreData) {
          const list = chunks.get(key) ?? [];
          list.push(dataText(item));
          chunks.set(key, list);
          continue;
        }
        let whole = (chunks.get(key) ?? []).join('') + dataText(item);
        // Item encodings as a Funambol client undoes them (b64 only: this device has no DES key).
        if ((item.meta?.format ?? c.meta?.format)?.trim().toLowerCase() === 'b64') {
          whole = Buffer.from(whole, 'base64').toString('utf8');
        }
        chunks.delete(key);
        if (c.kind === 'Add') {
          const luid = String(nextLuid++);
          s.items.set(luid, whole);
          s.mapped.set(luid, item.source!.locURI);
          rec.received.push({ store: s.clientURI, op: 'add', luid, type: c.meta?.type });
        } else if (c.kind === 'Replace') {
          const luid = item.target!.locURI;
          s.items.set(luid, whole);
          rec.received.push({ store: s.clientURI, op: 'replace', luid, type: c.meta?.type });
        } else {
          const luid = item.target!.locURI;
          s.items.delete(luid);
          rec.received.push({ store: s.clientURI, op: 'delete', luid, type: undefined });
        }
      }
    }
  }

  #cred(): Cred | undefined {
    if (this.o.auth === 'none') return undefined;
    if (this.o.auth === 'basic' || this.#nonce === undefined) {
      if (this.o.auth === 'md5' && this.#nonce === undefined) {
        return {
          meta: { type: 'syncml:auth-md5', format: 'b64' },
          data: Payload.fromText('AAAAAAAAAAAAAAAAAAAAAA=='),
        };
      }
      return {
        meta: { type: 'syncml:auth-basic', format: 'b64' },
        data: Payload.fromText(Buffer.from(`${this.o.login}:${this.o.password}`).toString('base64')),
      };
    }
    const md5 = (x: Buffer | string) => createHash('md5').update(x).digest();
    let digest: Buffer;
    if (this.o.version === '1.0') {
      digest = md5(Buffer.concat([Buffer.from(`${this.o.login}:${this.o.password}:`), this.#nonce]));
    } else {
      const verifier = md5(`${this.o.login}:${this.o.password}`).toString('base64');
      digest = md5(Buffer.concat([Buffer.from(`${verifier}:`), this.#nonce]));
    }
    return {
      meta: { type: 'syncml:auth-md5', format: 'b64' },
      data: Payload.fromText(digest.toString('base64')),
    };
  }
}

function dataText(item: Item): string {
  return item.data !== undefined && item.data.kind === 'payload' ? item.data.text() : '';
}

function alert222(): Alert {
  return { kind: 'Alert', cmdID: '', code: 222, items: [] };
}

function statusOfCmd(msgRef: string, c: Command, code: number): Status {
  return {
    kind: 'Status',
    cmdID: '',
    msgRef,
    cmdRef: c.cmdID,
    cmd: c.kind,
    targetRefs: [],
    sourceRefs: [],
    code,
    items: [],
  };
}

export function statusOf(reply: SyncMLMessage, cmd: string): number | undefined {
  const s = reply.commands.find((c): c is Status => c.kind === 'Status' && c.cmd === cmd);
  return s?.code;
}

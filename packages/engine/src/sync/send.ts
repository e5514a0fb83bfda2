import type { Item as StoreItem } from '@syncds/store';
import { type Add, type Delete, type Item, Payload, type Replace, type Sync } from '@syncds/syncml';
import { encodeItemData } from '@syncds/item-crypto';
import { supportsLargeObjects } from '../devinf/device-caps.js';
import type { MessageProcessor } from '../session/processor.js';
import type { DatastoreState, ServerChange } from '../session/state.js';
import { serverSends } from './negotiate.js';

/** How many items are read from the store at a time while filling a reply. */
const PREFETCH = 50;

/**
 * Fills the reply with the server's changes, datastore by datastore, as long as
 * they fit the client's MaxMsgSize. An item larger than a whole message goes out
 * as a large object, one chunk per message (MoreData, Size on the first chunk).
 */
export async function fillServerChanges(p: MessageProcessor): Promise<void> {
  const { state } = p;
  for (let index = 0; index < state.datastores.length; index++) {
    const ds = state.datastores[index]!;
    if (ds.phase !== 'sending') continue;
    if (!serverSends(ds.type)) {
      ds.phase = 'mapping';
      continue;
    }
    if (state.outbox.length > 0) return; // earlier commands wait for room first
    const full = await fillDatastore(p, ds, index);
    if (ds.toSend.length === 0 && ds.outgoing === undefined) ds.phase = 'mapping';
    if (full) return;
  }
}

/** Returns true when the reply is full. */
async function fillDatastore(p: MessageProcessor, ds: DatastoreState, index: number): Promise<boolean> {
  const sync: Sync = {
    kind: 'Sync',
    cmdID: '',
    target: { locURI: ds.clientURI },
    source: { locURI: ds.serverURI },
    numberOfChanges: !ds.sentSync && p.state.version !== '1.0' ? ds.toSend.length : undefined,
    commands: [],
  };
  let used = p.reply.measure(sync);
  if (used > p.reply.remaining() && p.reply.hasCommandsOtherThanStatus()) return true;
  const cache = new Map<string, StoreItem>();
  const awaiting: { cmd: Add | Replace | Delete; guid: string; chunk: boolean }[] = [];
  let full = false;
  for (;;) {
    if (ds.outgoing !== undefined) {
      const cmd = nextChunk(p, ds, p.reply.remaining() - used);
      if (cmd === undefined) {
        full = true;
        break;
      }
      sync.commands.push(cmd);
      awaiting.push({ cmd, guid: ds.outgoing.change.guid, chunk: true });
      used += p.reply.measure(cmd);
      if (ds.outgoing.sent >= ds.outgoing.data.length) {
        ds.outgoing = undefined;
        ds.toSend.shift();
        continue;
      }
      full = true; // one chunk per message: the next waits for the client's 213
      break;
    }
    const change = ds.toSend[0];
    if (change === undefined) break;
    const cmd = await commandFor(p, ds, change, cache);
    if (cmd === undefined) {
      ds.toSend.shift();
      continue;
    }
    const size = p.reply.measure(cmd);
    if (used + size <= p.reply.remaining()) {
      sync.commands.push(cmd);
      awaiting.push({ cmd, guid: change.guid, chunk: false });
      used += size;
      ds.toSend.shift();
      countSent(ds, change);
      continue;
    }
    if (cmd.kind !== 'Delete' && sync.commands.length === 0 && startLargeObject(p, ds, change, cmd)) continue;
    if (sync.commands.length === 0 && !p.reply.hasCommandsOtherThanStatus()) {
      // Too large for any message of this client and not sendable in chunks: skip it, and say so.
      p.ctx.logger.warn('item too large for the device, not sent', {
        device: p.state.deviceId,
        database: ds.serverURI,
        guid: change.guid,
        size,
        maxMsgSize: p.state.clientMaxMsgSize,
      });
      ds.toSend.shift();
      ds.clientRefused = true;
      continue;
    }
    full = true;
    break;
  }
  if (sync.commands.length > 0 || !ds.sentSync) {
    p.reply.add(sync);
    ds.sentSync = true;
    for (const a of awaiting) {
      p.state.awaiting[`${p.reply.header.msgID}:${a.cmd.cmdID}`] = {
        kind: a.cmd.kind,
        ds: index,
        guids: [a.guid],
        chunkOf: a.chunk ? a.guid : undefined,
      };
    }
  }
  return full;
}

function countSent(ds: DatastoreState, change: ServerChange): void {
  if (change.op === 'add') ds.stats.serverAdded++;
  else if (change.op === 'replace') ds.stats.serverReplaced++;
  else ds.stats.serverDeleted++;
}

/** The command carrying one server change in the device's format; undefined when the item is gone. */
async function commandFor(
  p: MessageProcessor,
  ds: DatastoreState,
  change: ServerChange,
  cache: Map<string, StoreItem>,
): Promise<Add | Replace | Delete | undefined> {
  if (change.op === 'delete') {
    return { kind: 'Delete', cmdID: '', items: [{ target: { locURI: change.luid! } }] };
  }
  let item = cache.get(change.guid);
  if (item === undefined) {
    const guids = ds.toSend
      .slice(0, PREFETCH)
      .filter((c) => c.op !== 'delete' && !cache.has(c.guid))
      .map((c) => c.guid);
    for (const it of await p.store.getItems(ds.folderId, guids)) cache.set(it.guid, it);
    item = cache.get(change.guid);
    if (item === undefined) return undefined; // deleted meanwhile; its tombstone reaches the device next time
  }
  let data: Uint8Array;
  try {
    data = p.ctx.items.toClient(
      { contentType: item.contentType, payload: item.payload },
      { contentType: ds.sendType!, version: ds.sendVersion },
    );
  } catch (err) {
    p.ctx.logger.warn('item cannot be converted for the device, not sent', {
      device: p.state.deviceId,
      guid: change.guid,
      format: ds.sendType,
      error: err instanceof Error ? err.message : String(err),
    });
    return undefined;
  }
  const format = outgoingFormat(ds);
  if (format !== undefined) data = encodeItemData(data, format, await p.itemCrypto(format));
  const entry: Item =
    change.op === 'add'
      ? { source: { locURI: change.guid }, data: Payload.fromBytes(data) }
      : { target: { locURI: change.luid! }, source: { locURI: change.guid }, data: Payload.fromBytes(data) };
  const meta = { type: ds.sendType, format };
  return change.op === 'add'
    ? { kind: 'Add', cmdID: '', meta, items: [entry] }
    : { kind: 'Replace', cmdID: '', meta, items: [entry] };
}

function startLargeObject(
  p: MessageProcessor,
  ds: DatastoreState,
  change: ServerChange,
  cmd: Add | Replace,
): boolean {
  const data = cmd.items[0]?.data;
  if (data === undefined || data.kind !== 'payload') return false;
  if (!supportsLargeObjects(p.state.deviceLargeObjects, p.state.version)) return false;
  const maxObj = p.state.clientMaxObjSize;
  if (maxObj !== undefined && data.length > maxObj) {
    p.ctx.logger.warn('item larger than the device MaxObjSize, not sent', {
      device: p.state.deviceId,
      guid: change.guid,
      size: data.length,
      maxObj,
    });
    return false;
  }
  ds.outgoing = { change, contentType: ds.sendType!, data: data.bytes(), sent: 0 };
  return true;
}

/** The next chunk of the outgoing large object that fits `room` bytes, or undefined when none fits. */
function nextChunk(p: MessageProcessor, ds: DatastoreState, room: number): Add | Replace | undefined {
  const out = ds.outgoing!;
  const first = out.sent === 0;
  const { change } = out;
  const make = (bytes: Uint8Array, more: boolean): Add | Replace => {
    const item: Item = {
      source: { locURI: change.guid },
      target: change.op === 'replace' ? { locURI: change.luid! } : undefined,
      meta: first ? { size: out.data.length } : undefined,
      data: Payload.fromBytes(bytes),
      moreData: more ? true : undefined,
    };
    return {
      kind: change.op === 'add' ? 'Add' : 'Replace',
      cmdID: '',
      meta: { type: out.contentType },
      items: [item],
    };
  };
  const overhead = p.reply.measure(make(new Uint8Array(0), true)) + 16;
  let n = Math.min(room - overhead, out.data.length - out.sent);
  if (n <= 0) return undefined;
  let end = out.sent + n;
  // Never cut inside a UTF-8 character: a chunk of XML text must stay well-formed.
  while (end < out.data.length && end > out.sent && (out.data[end]! & 0xc0) === 0x80) end--;
  n = end - out.sent;
  if (n <= 0) return undefined;
  const more = end < out.data.length;
  const cmd = make(out.data.subarray(out.sent, end), more);
  out.sent = end;
  if (!more) countSent(ds, change);
  return cmd;
}

/**
 * The item encoding for this device: the one it uses itself; SIF items go base64 to a
 * device that said nothing (Funambol's server does the same for its SIF sources).
 */
function outgoingFormat(ds: DatastoreState): string | undefined {
  if (ds.clientFormat !== undefined) return ds.clientFormat;
  return ds.sendType?.startsWith('text/x-s4j-') ? 'b64' : undefined;
}

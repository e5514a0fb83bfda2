import type { MessageProcessor } from '../session/processor.js';
import type { DatastoreState } from '../session/state.js';

/**
 * The format the server sends this datastore's items in, and the fields the
 * device can hold: from its DevInf (Rx-Pref/Rx, CTCap, as kept in `ds.deviceCaps`),
 * the Meta Type it used, and FORMAT=sif|vob (R10, R14).
 */
export async function chooseDatastoreFormat(p: MessageProcessor, ds: DatastoreState): Promise<void> {
  const caps = ds.deviceCaps ?? undefined;
  const pref =
    p.state.urlParams.format === 'sif' || p.state.urlParams.format === 'vob'
      ? p.state.urlParams.format
      : undefined;
  const refused = await refusedTypes(p, ds);
  const format = p.ctx.items.chooseFormat(ds.folderKind, caps, ds.clientType, pref, refused);
  ds.sendType = format.contentType;
  ds.sendVersion = format.version;
  ds.deviceFields = p.ctx.items.deviceFields(caps, format);
}

/** How long what a device showed of itself (refused types, item encoding) is remembered. */
const DEVICE_MEMORY_TTL_MS = 180 * 24 * 3600 * 1000;

function refusalKey(p: MessageProcessor, ds: DatastoreState): string {
  return `refused\u0000${p.state.deviceId}\u0000${ds.folderId}`;
}

/** Content types this device answered 415 for in this folder. */
export async function refusedTypes(p: MessageProcessor, ds: DatastoreState): Promise<string[]> {
  const v = await p.ctx.sessions.getDeviceValue(refusalKey(p, ds));
  return v === undefined ? [] : (JSON.parse(v) as string[]);
}

export async function rememberRefusedType(
  p: MessageProcessor,
  ds: DatastoreState,
  contentType: string,
): Promise<void> {
  const types = new Set(await refusedTypes(p, ds));
  types.add(contentType);
  await p.ctx.sessions.setDeviceValue(refusalKey(p, ds), JSON.stringify([...types]), DEVICE_MEMORY_TTL_MS);
}

function encodingKey(p: MessageProcessor, ds: DatastoreState): string {
  return `encoding\u0000${p.state.deviceId}\u0000${ds.folderId}`;
}

/** The item encoding (Meta Format) this device used in this folder, as remembered from earlier sessions. */
export async function knownClientFormat(
  p: MessageProcessor,
  ds: DatastoreState,
): Promise<string | undefined> {
  return p.ctx.sessions.getDeviceValue(encodingKey(p, ds));
}

export async function rememberClientFormat(
  p: MessageProcessor,
  ds: DatastoreState,
  format: string,
): Promise<void> {
  ds.clientFormat = format;
  await p.ctx.sessions.setDeviceValue(encodingKey(p, ds), format, DEVICE_MEMORY_TTL_MS);
}

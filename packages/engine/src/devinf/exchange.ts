import type { Device } from '@syncds/store';
import type { DevInf, Get, Item, Put, Results } from '@syncds/syncml';
import { datastoreCaps } from './device-caps.js';
import { StatusCode } from '../protocol/status-codes.js';
import type { MessageProcessor } from '../session/processor.js';
import { statusFor } from '../message/status.js';
import { chooseDatastoreFormat } from '../sync/format-choice.js';
import { devInfContentType, devInfURI, serverDevInf } from './server-devinf.js';

/** Device DevInf is kept in the store as JSON of the DevInf model. */
export const DEVINF_JSON_TYPE = 'application/vnd.syncds.devinf+json';

/** Put of the device's DevInf (package 1). */
export async function handleDevInfPut(p: MessageProcessor, put: Put): Promise<void> {
  const devinf = devInfOfItems(put.items);
  const ref = put.items[0]?.source?.locURI ?? devInfURI(p.state.version);
  if (devinf === undefined) {
    p.ctx.logger.warn('Put without DevInf', { device: p.state.deviceId });
    p.answer(put, StatusCode.UnsupportedMediaType, { source: [ref] });
    return;
  }
  await saveDevInf(p, devinf);
  p.answer(put, StatusCode.Ok, { source: [ref] });
}

/** Results carrying the device's DevInf, answering our Get. */
export async function handleDevInfResults(p: MessageProcessor, results: Results): Promise<void> {
  const devinf = devInfOfItems(results.items);
  if (devinf !== undefined) await saveDevInf(p, devinf);
  p.state.devInfRequested = false;
  p.answer(results, StatusCode.Ok);
}

/** Get of the server's DevInf: Results with ours, in the session's DTD version. */
export async function handleDevInfGet(p: MessageProcessor, get: Get): Promise<void> {
  const target = get.items[0]?.target?.locURI ?? '';
  if (!/^\.\/devinf1[012]$/i.test(target.trim())) {
    p.answer(get, StatusCode.NotFound, { target: [target] });
    return;
  }
  p.answer(get, StatusCode.Ok, { target: [target] });
  const type = devInfContentType(p.state.encoding);
  p.emit({
    kind: 'Results',
    cmdID: '',
    msgRef: p.msgID,
    cmdRef: get.cmdID,
    meta: { type },
    items: [
      {
        source: { locURI: devInfURI(p.state.version) },
        data: { kind: 'devinf', devinf: serverDevInf(p.state.version, p.ctx.config) },
      },
    ],
  });
}

/**
 * Asks the device for its DevInf when we have none (or FORMAT=get says to): the
 * format choice (R10, R14) and field-level merge need its Rx types and CTCaps.
 */
export async function maybeRequestDevInf(p: MessageProcessor): Promise<void> {
  const { state } = p;
  if (state.stage !== 'sync' || state.devInfRequested || state.login === undefined) return;
  if (state.datastores.length === 0 || state.serverMsgId > 2) return;
  const want = state.urlParams.format === 'get' || !state.haveDevInf;
  if (!want) return;
  state.devInfRequested = true;
  p.emit({
    kind: 'Get',
    cmdID: '',
    meta: { type: devInfContentType(state.encoding) },
    items: [{ target: { locURI: devInfURI(state.version) } }],
  });
}

function devInfOfItems(items: Item[]): DevInf | undefined {
  for (const item of items)
    if (item.data !== undefined && item.data.kind === 'devinf') return item.data.devinf;
  return undefined;
}

async function saveDevInf(p: MessageProcessor, devinf: DevInf): Promise<void> {
  useDevInf(p, devinf);
  const data = new TextEncoder().encode(JSON.stringify(devinf));
  await p.store.touchDevice(p.state.login!, p.state.deviceId, {
    devInf: { data, contentType: DEVINF_JSON_TYPE },
  });
  // Datastores alerted before the DevInf arrived (it may come with the Results of our Get)
  // choose their format again, now that the device's Rx and CTCaps are known.
  for (const ds of p.state.datastores) {
    if (ds.phase === 'awaiting-client-sync' || ds.phase === 'receiving') {
      ds.deviceCaps = datastoreCaps(devinf, ds.clientURI) ?? null;
      await chooseDatastoreFormat(p, ds);
    }
  }
  p.ctx.logger.info('device information received', {
    device: p.state.deviceId,
    man: devinf.man,
    mod: devinf.mod,
    datastores: devinf.dataStores.map((d) => d.sourceRef),
  });
}

/**
 * The device's DevInf: from this message, or as stored from an earlier session (read at most
 * once per message; authentication already hands over the stored one, see {@link useStoredDevInf}).
 */
export async function loadDeviceDevInf(p: MessageProcessor): Promise<DevInf | undefined> {
  if (!p.devInfLoaded) useStoredDevInf(p, await p.store.getDevice(p.state.login!, p.state.deviceId));
  return p.deviceDevInf;
}

/** Takes the DevInf kept with the device record (as `touchDevice` or `getDevice` returned it). */
export function useStoredDevInf(p: MessageProcessor, device: Device | null): void {
  p.devInfLoaded = true;
  const blob = device?.devInf;
  if (blob === null || blob === undefined || blob.contentType !== DEVINF_JSON_TYPE) return;
  const devinf = p.ctx.devInfs.parse(`${p.state.login}\u0000${p.state.deviceId}`, blob.data);
  if (devinf !== undefined) useDevInf(p, devinf);
}

function useDevInf(p: MessageProcessor, devinf: DevInf): void {
  p.devInfLoaded = true;
  p.deviceDevInf = devinf;
  p.state.haveDevInf = true;
  p.state.deviceLargeObjects = devinf.supportLargeObjs;
}

export { statusFor };

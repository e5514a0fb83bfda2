import { datastoreCaps } from '../devinf/device-caps.js';
import { loadDeviceDevInf } from '../devinf/exchange.js';
import type { MessageProcessor } from '../session/processor.js';
import type { DatastoreState } from '../session/state.js';

/**
 * The format the server sends this datastore's items in, and the fields the
 * device can hold: from its DevInf (Rx-Pref/Rx, CTCap), the Meta Type it used,
 * and FORMAT=sif|vob (R10, R14).
 */
export async function chooseDatastoreFormat(p: MessageProcessor, ds: DatastoreState): Promise<void> {
  const devinf = await loadDeviceDevInf(p);
  const caps = devinf === undefined ? undefined : datastoreCaps(devinf, ds.clientURI);
  const pref =
    p.state.urlParams.format === 'sif' || p.state.urlParams.format === 'vob'
      ? p.state.urlParams.format
      : undefined;
  const format = p.ctx.items.chooseFormat(ds.folderKind, caps, ds.clientType, pref);
  ds.sendType = format.contentType;
  ds.sendVersion = format.version;
  ds.deviceFields = p.ctx.items.deviceFields(caps, format);
}

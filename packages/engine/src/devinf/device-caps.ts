import type { CTCap, DevInf } from '@syncds/syncml';
import type { DeviceDatastoreCaps } from '../items/item-adapter.js';

/** Normalises a database URI for comparison: `./Contacts/` and `contacts` name the same datastore. */
export function normalizeDbUri(uri: string): string {
  let u = uri.trim();
  if (u.startsWith('./')) u = u.slice(2);
  while (u.endsWith('/')) u = u.slice(0, -1);
  return u.toLowerCase();
}

/** What a device's DevInf says of the datastore it syncs as `clientURI`. */
export function datastoreCaps(devinf: DevInf, clientURI: string): DeviceDatastoreCaps | undefined {
  const wanted = normalizeDbUri(clientURI);
  const ds = devinf.dataStores.find((d) => normalizeDbUri(d.sourceRef) === wanted);
  if (ds === undefined) return undefined;
  const rxTypes = [ds.rxPref, ...ds.rx].map((r) => r.ctType.toLowerCase());
  const ctCaps: CTCap[] =
    ds.ctCaps.length > 0 ? ds.ctCaps : devinf.ctCaps.filter((c) => rxTypes.includes(c.ctType.toLowerCase()));
  return {
    rxPref: ds.rxPref.ctType ? { type: ds.rxPref.ctType, version: ds.rxPref.verCT } : undefined,
    rx: ds.rx.map((r) => ({ type: r.ctType, version: r.verCT })),
    ctCaps: ctCaps.map((c) => ({
      type: c.ctType,
      version: c.verCT,
      properties: c.properties.map((p) => p.propName),
    })),
  };
}

/** True when the device says it takes large objects (MoreData chunks): its DevInf's SupportLargeObjs. */
export function supportsLargeObjects(supportLargeObjs: boolean | undefined, version: string): boolean {
  if (supportLargeObjs !== undefined) return supportLargeObjs;
  // Without DevInf: 1.2 clients are expected to; older ones are not trusted to.
  return version === '1.2';
}

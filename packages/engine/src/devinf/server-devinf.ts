import type { ContentTypeRef, DataStore, DevInf, SyncMLVersion } from '@syncds/syncml';
import type { EngineConfig } from '../config.js';

/** The datastores the server announces, with the formats each takes (R12-R14). */
const DATASTORES: { ref: string; pref: ContentTypeRef; others: ContentTypeRef[] }[] = [
  {
    ref: 'Contacts',
    pref: { ctType: 'text/x-vcard', verCT: '2.1' },
    others: [
      { ctType: 'text/vcard', verCT: '3.0' },
      { ctType: 'text/x-s4j-sifc', verCT: '1.0' },
    ],
  },
  {
    ref: 'Events',
    pref: { ctType: 'text/x-vcalendar', verCT: '1.0' },
    others: [
      { ctType: 'text/calendar', verCT: '2.0' },
      { ctType: 'text/x-s4j-sife', verCT: '1.0' },
    ],
  },
  {
    ref: 'Tasks',
    pref: { ctType: 'text/x-vcalendar', verCT: '1.0' },
    others: [
      { ctType: 'text/calendar', verCT: '2.0' },
      { ctType: 'text/x-s4j-sift', verCT: '1.0' },
    ],
  },
  {
    ref: 'Notes',
    pref: { ctType: 'text/plain', verCT: '1.0' },
    others: [
      { ctType: 'text/x-vnote', verCT: '1.1' },
      { ctType: 'text/x-s4j-sifn', verCT: '1.0' },
    ],
  },
  {
    ref: 'Journal',
    pref: { ctType: 'text/calendar', verCT: '2.0' },
    others: [{ ctType: 'text/plain', verCT: '1.0' }],
  },
];

/** Sync types 1-7: every standard mode and server-alerted sync. */
const SYNC_TYPES = [1, 2, 3, 4, 5, 6, 7];

/** Our DevInf in the DTD version matching the session's SyncML version. */
export function serverDevInf(version: SyncMLVersion, config: EngineConfig): DevInf {
  const v11plus = version !== '1.0';
  const dataStores: DataStore[] = DATASTORES.map((d) => ({
    sourceRef: d.ref,
    displayName: d.ref,
    maxGUIDSize: 32,
    rxPref: d.pref,
    rx: d.others,
    txPref: d.pref,
    tx: d.others,
    ctCaps: [],
    syncTypes: SYNC_TYPES,
    filterRx: [],
    filterCaps: [],
  }));
  return {
    verDTD: version,
    man: config.serverInfo.man,
    mod: config.serverInfo.mod,
    swV: config.serverInfo.swV,
    devID: config.serverInfo.devID,
    devTyp: 'server',
    utc: v11plus ? true : undefined,
    supportLargeObjs: v11plus ? true : undefined,
    supportNumberOfChanges: v11plus ? true : undefined,
    dataStores,
    ctCaps: [],
    exts: [],
  };
}

/** `./devinf10`, `./devinf11` or `./devinf12`. */
export function devInfURI(version: SyncMLVersion): string {
  return `./devinf${version.replace('.', '')}`;
}

export function devInfContentType(encoding: 'xml' | 'wbxml'): string {
  return encoding === 'wbxml' ? 'application/vnd.syncml-devinf+wbxml' : 'application/vnd.syncml-devinf+xml';
}

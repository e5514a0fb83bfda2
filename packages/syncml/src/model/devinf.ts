/**
 * Device information (DevInf 1.0, 1.1, 1.2) as one model. DevInf 1.0/1.1 list
 * CTCap globally and flat (CTType, PropName, ValEnum... in sequence); 1.2 nests
 * one CTCap per content type inside each DataStore. Both parse into the same
 * structured `CTCap`; the serializer writes the form of the document's version.
 */
export interface DevInf {
  /** `1.0`, `1.1` or `1.2`. */
  verDTD: string;
  man?: string | undefined;
  mod?: string | undefined;
  oem?: string | undefined;
  fwV?: string | undefined;
  swV?: string | undefined;
  hwV?: string | undefined;
  devID: string;
  devTyp: string;
  utc?: boolean | undefined;
  supportLargeObjs?: boolean | undefined;
  supportNumberOfChanges?: boolean | undefined;
  dataStores: DataStore[];
  /** Global CTCaps of DevInf 1.0/1.1 (1.2 keeps them per DataStore). */
  ctCaps: CTCap[];
  exts: Ext[];
}

/** Rx, Tx, Rx-Pref, Tx-Pref, Filter-Rx: a content type and its version. */
export interface ContentTypeRef {
  ctType: string;
  verCT: string;
}

export interface DataStore {
  sourceRef: string;
  displayName?: string | undefined;
  maxGUIDSize?: number | undefined;
  rxPref: ContentTypeRef;
  rx: ContentTypeRef[];
  txPref: ContentTypeRef;
  tx: ContentTypeRef[];
  /** DevInf 1.2 CTCaps of this datastore. */
  ctCaps: CTCap[];
  dsMem?: DSMem | undefined;
  supportHierarchicalSync?: boolean | undefined;
  /** SyncCap SyncType values: 1 two-way ... 7 server-alerted. */
  syncTypes: number[];
  filterRx: ContentTypeRef[];
  filterCaps: FilterCap[];
}

export interface DSMem {
  sharedMem?: boolean | undefined;
  maxMem?: number | undefined;
  maxID?: number | undefined;
}

export interface CTCap {
  ctType: string;
  verCT?: string | undefined;
  fieldLevel?: boolean | undefined;
  properties: CTCapProperty[];
}

export interface CTCapProperty {
  propName: string;
  dataType?: string | undefined;
  maxOccur?: number | undefined;
  /** MaxSize (1.2) or Size (1.0/1.1). */
  maxSize?: number | undefined;
  noTruncate?: boolean | undefined;
  valEnums: string[];
  displayName?: string | undefined;
  params: CTCapParam[];
}

export interface CTCapParam {
  paramName: string;
  dataType?: string | undefined;
  valEnums: string[];
  displayName?: string | undefined;
}

export interface FilterCap {
  ctType: string;
  verCT: string;
  filterKeywords: string[];
  propNames: string[];
}

export interface Ext {
  xNam: string;
  xVals: string[];
}

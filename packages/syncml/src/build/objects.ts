import type {
  ContentTypeRef,
  CTCap,
  CTCapParam,
  CTCapProperty,
  DataStore,
  DevInf,
  DSMem,
  Ext,
  FilterCap,
} from '../model/devinf.js';
import type {
  Add,
  Alert,
  Anchor,
  Atomic,
  Chal,
  Command,
  Copy,
  Cred,
  Delete,
  Exec,
  Filter,
  Get,
  Item,
  LocRef,
  MapCommand,
  MapItem,
  Mem,
  Meta,
  Move,
  Put,
  Replace,
  Results,
  Search,
  Sequence,
  Status,
  Sync,
  SyncHeader,
  SyncMLMessage,
  Target,
} from '../model/message.js';

/**
 * Fresh AST objects, every field present from the start (required ones `undefined` until
 * their element arrives, which the builder checks on close), so each kind of node has one
 * hidden class.
 */

export function newMessage(): SyncMLMessage {
  return { header: undefined as unknown as SyncHeader, commands: [], final: false };
}

export function newHeader(): SyncHeader {
  return {
    version: undefined as unknown as SyncHeader['version'],
    verProto: undefined as unknown as string,
    sessionID: undefined as unknown as string,
    msgID: undefined as unknown as string,
    target: undefined as unknown as LocRef,
    source: undefined as unknown as LocRef,
    respURI: undefined,
    noResp: undefined,
    cred: undefined,
    meta: undefined,
  };
}

const NO_STRING = undefined as unknown as string;
const NO_NUMBER = undefined as unknown as number;

/**
 * A command of the given kind (its element name). The per-kind functions below take the
 * command's first lists: the fused decoder passes a shared placeholder and puts the real
 * array in when the first entry (or the command's end) comes.
 */
export function newCommand(kind: Command['kind']): Command {
  switch (kind) {
    case 'Add':
    case 'Replace':
    case 'Copy':
    case 'Move':
      return newItemCommand(kind);
    case 'Delete':
      return newDelete();
    case 'Get':
    case 'Put':
      return newGetPut(kind);
    case 'Alert':
      return newAlert();
    case 'Atomic':
    case 'Sequence':
      return newAtomic(kind);
    case 'Exec':
      return newExec();
    case 'Map':
      return newMap();
    case 'Results':
      return newResults();
    case 'Search':
      return newSearch();
    case 'Status':
      return newStatus();
    case 'Sync':
      return newSync();
  }
}

export function newItemCommand(
  kind: 'Add' | 'Replace' | 'Copy' | 'Move',
  items: Item[] = [],
): Add | Replace | Copy | Move {
  return { kind, cmdID: NO_STRING, noResp: undefined, cred: undefined, meta: undefined, items };
}

export function newDelete(items: Item[] = []): Delete {
  return {
    kind: 'Delete',
    cmdID: NO_STRING,
    noResp: undefined,
    archive: undefined,
    sftDel: undefined,
    cred: undefined,
    meta: undefined,
    items,
  };
}

export function newGetPut(kind: 'Get' | 'Put'): Get | Put {
  return {
    kind,
    cmdID: NO_STRING,
    noResp: undefined,
    lang: undefined,
    cred: undefined,
    meta: undefined,
    items: [],
  };
}

export function newAlert(items: Item[] = []): Alert {
  return {
    kind: 'Alert',
    cmdID: NO_STRING,
    noResp: undefined,
    cred: undefined,
    code: undefined,
    correlator: undefined,
    items,
  };
}

export function newAtomic(kind: 'Atomic' | 'Sequence'): Atomic | Sequence {
  return { kind, cmdID: NO_STRING, noResp: undefined, meta: undefined, commands: [] };
}

export function newExec(): Exec {
  return {
    kind: 'Exec',
    cmdID: NO_STRING,
    noResp: undefined,
    cred: undefined,
    meta: undefined,
    correlator: undefined,
    item: undefined as unknown as Item,
  };
}

export function newMap(): MapCommand {
  return {
    kind: 'Map',
    cmdID: NO_STRING,
    noResp: undefined,
    target: undefined as unknown as LocRef,
    source: undefined as unknown as LocRef,
    cred: undefined,
    meta: undefined,
    mapItems: [],
  };
}

export function newResults(): Results {
  return {
    kind: 'Results',
    cmdID: NO_STRING,
    noResp: undefined,
    msgRef: undefined,
    cmdRef: NO_STRING,
    meta: undefined,
    targetRef: undefined,
    sourceRef: undefined,
    items: [],
  };
}

export function newSearch(): Search {
  return {
    kind: 'Search',
    cmdID: NO_STRING,
    noResp: undefined,
    noResults: undefined,
    cred: undefined,
    target: undefined,
    sources: [],
    lang: undefined,
    meta: undefined as unknown as Meta,
    data: undefined as unknown as never,
  };
}

export function newStatus(targetRefs: string[] = [], sourceRefs: string[] = [], items: Item[] = []): Status {
  return {
    kind: 'Status',
    cmdID: NO_STRING,
    noResp: undefined,
    msgRef: NO_STRING,
    cmdRef: NO_STRING,
    cmd: NO_STRING,
    targetRefs,
    sourceRefs,
    cred: undefined,
    chal: undefined,
    code: NO_NUMBER,
    items,
  };
}

export function newSync(): Sync {
  return {
    kind: 'Sync',
    cmdID: NO_STRING,
    noResp: undefined,
    cred: undefined,
    target: undefined,
    source: undefined,
    meta: undefined,
    numberOfChanges: undefined,
    commands: [],
  };
}

export function newItem(): Item {
  return {
    target: undefined,
    source: undefined,
    sourceParent: undefined,
    targetParent: undefined,
    meta: undefined,
    data: undefined,
    moreData: undefined,
  };
}

export function newTarget(): Target {
  return { locURI: NO_STRING, locName: undefined, filter: undefined };
}

export function newLocRef(): LocRef {
  return { locURI: NO_STRING, locName: undefined };
}

export function newMapItem(): MapItem {
  return { target: NO_STRING, source: NO_STRING };
}

export function newMeta(): Meta {
  return {
    format: undefined,
    type: undefined,
    mark: undefined,
    size: undefined,
    anchor: undefined,
    version: undefined,
    nextNonce: undefined,
    maxMsgSize: undefined,
    maxObjSize: undefined,
    emi: undefined,
    mem: undefined,
    fieldLevel: undefined,
  };
}

export function newAnchor(): Anchor {
  return { last: undefined, next: NO_STRING };
}

export function newMem(): Mem {
  return { sharedMem: undefined, freeMem: undefined, freeID: undefined };
}

export function newCred(): Cred {
  return { meta: undefined, data: undefined as unknown as never };
}

export function newChal(): Chal {
  return { meta: undefined as unknown as Meta };
}

export function newFilter(): Filter {
  return { meta: undefined as unknown as Meta, field: undefined, record: undefined, filterType: undefined };
}

export function newDevInf(): DevInf {
  return {
    verDTD: NO_STRING,
    man: undefined,
    mod: undefined,
    oem: undefined,
    fwV: undefined,
    swV: undefined,
    hwV: undefined,
    devID: NO_STRING,
    devTyp: NO_STRING,
    utc: undefined,
    supportLargeObjs: undefined,
    supportNumberOfChanges: undefined,
    dataStores: [],
    ctCaps: [],
    exts: [],
  };
}

export function newDataStore(): DataStore {
  return {
    sourceRef: NO_STRING,
    displayName: undefined,
    maxGUIDSize: undefined,
    rxPref: undefined as unknown as ContentTypeRef,
    rx: [],
    txPref: undefined as unknown as ContentTypeRef,
    tx: [],
    ctCaps: [],
    dsMem: undefined,
    supportHierarchicalSync: undefined,
    syncTypes: [],
    filterRx: [],
    filterCaps: [],
  };
}

export function newContentTypeRef(): ContentTypeRef {
  return { ctType: NO_STRING, verCT: NO_STRING };
}

export function newDSMem(): DSMem {
  return { sharedMem: undefined, maxMem: undefined, maxID: undefined };
}

export function newCTCap(): CTCap {
  return { ctType: NO_STRING, verCT: undefined, fieldLevel: undefined, properties: [] };
}

export function newProperty(): CTCapProperty {
  return {
    propName: NO_STRING,
    dataType: undefined,
    maxOccur: undefined,
    maxSize: undefined,
    noTruncate: undefined,
    valEnums: [],
    displayName: undefined,
    params: [],
  };
}

export function newParam(): CTCapParam {
  return { paramName: NO_STRING, dataType: undefined, valEnums: [], displayName: undefined };
}

export function newFilterCap(): FilterCap {
  return { ctType: NO_STRING, verCT: NO_STRING, filterKeywords: [], propNames: [] };
}

export function newExt(): Ext {
  return { xNam: NO_STRING, xVals: [] };
}

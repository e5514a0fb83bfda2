import * as N from '../build/objects.js';
import type { CTCap, CTCapProperty, DataStore, DevInf } from '../model/devinf.js';
import type {
  Add,
  Alert,
  Command,
  Delete,
  Exec,
  Filter,
  Item,
  LocRef,
  MapCommand,
  Meta,
  Put,
  Results,
  Search,
  Status,
  Sync,
  SyncHeader,
  SyncMLMessage,
  Target,
} from '../model/message.js';
import { COMMAND_KINDS } from '../vocabulary/command-kinds.js';
import { bail } from './bail.js';
import type { FusedDecoder } from './decoder.js';

/**
 * Opening a container: its AST object, linked into the parent's, as `build/open.ts` does; a
 * duplicate (which the generic path skips with a warning) or a limit reached hands over.
 *
 * Case labels are the frame codes (element ids) as literals, named in a comment: V8 compiles
 * a switch over integer literals to one indexed jump, over imported constants to a chain of
 * comparisons (`named-literals.test.ts` checks every label against its constant).
 */

// A list the AST starts empty gets its first entry as a new array of exactly one element:
// most lists (a command's items, a Status's refs) hold one, and `push` onto an empty array
// would reserve room for 17.

/** The AST object of the container (frame code `code`, element `id`) opening at frame `d`. */
export function openContainer(
  f: FusedDecoder,
  code: number,
  id: number,
  parent: unknown,
  parentCode: number,
  d: number,
): unknown {
  switch (code) {
    case /* F_SYNCML */ 2: {
      if (f.message !== undefined) return bail();
      const message = N.newMessage();
      f.message = message;
      return message;
    }
    case /* F_HDR */ 3: {
      const message = parent as SyncMLMessage;
      if (message.header !== undefined) return bail();
      const header = N.newHeader();
      message.header = header;
      return header;
    }
    case /* F_BODY */ 4:
      if (f.bodySeen) return bail();
      f.bodySeen = true;
      return parent;
    case /* F_ITEM_CMD */ 5:
    case /* F_DELETE */ 6:
    case /* F_GET_PUT */ 7:
    case /* F_ALERT */ 8:
    case /* F_ATOMIC */ 9:
    case /* F_EXEC */ 10:
    case /* F_MAP */ 11:
    case /* F_RESULTS */ 15:
    case /* F_SEARCH */ 16:
    case /* F_STATUS */ 17:
    case /* F_SYNC */ 18: {
      if (++f.commandCount > f.maxCommands) return bail();
      const command = newCommand(code, id);
      (parent as { commands: Command[] }).commands.push(command);
      return command;
    }
    case /* F_ITEM */ 19:
      return openItem(f, parent, parentCode);
    case /* F_MAP_ITEM */ 12: {
      const map = parent as MapCommand;
      const list = map.mapItems;
      if (list.length >= f.maxItems) return bail();
      const mapItem = N.newMapItem();
      if (list.length === 0) map.mapItems = [mapItem];
      else list.push(mapItem);
      return mapItem;
    }
    case /* F_MAP_ITEM_TARGET */ 13:
    case /* F_MAP_ITEM_SOURCE */ 14:
    case /* F_SOURCE_PARENT */ 22:
    case /* F_TARGET_PARENT */ 23:
    case /* F_FILTER_FIELD */ 30:
    case /* F_FILTER_RECORD */ 31:
    case /* F_SYNC_CAP */ 38:
      // Wrappers whose content is a field of the parent's object.
      return parent;
    case /* F_LOC_REF */ 21:
      return openLocRef(parent, parentCode, id);
    case /* F_TARGET */ 20: {
      const owner = parent as { target: Target | undefined };
      if (owner.target !== undefined) return bail();
      const target = N.newTarget();
      owner.target = target;
      return target;
    }
    case /* F_META */ 24:
      return parentCode === /* F_META */ 24 ? parent : openMeta(parent, parentCode);
    case /* F_ANCHOR */ 25: {
      const meta = parent as Meta;
      if (meta.anchor !== undefined) return bail();
      const anchor = N.newAnchor();
      meta.anchor = anchor;
      return anchor;
    }
    case /* F_MEM */ 26: {
      const meta = parent as Meta;
      if (meta.mem !== undefined) return bail();
      const mem = N.newMem();
      meta.mem = mem;
      return mem;
    }
    case /* F_CRED */ 27: {
      const owner = parent as { cred: unknown };
      if (owner.cred !== undefined) return bail();
      const cred = N.newCred();
      owner.cred = cred;
      return cred;
    }
    case /* F_CHAL */ 28: {
      const status = parent as Status;
      if (status.chal !== undefined) return bail();
      const chal = N.newChal();
      status.chal = chal;
      return chal;
    }
    case /* F_FILTER */ 29: {
      const target = parent as Target;
      if (target.filter !== undefined) return bail();
      const filter = N.newFilter();
      target.filter = filter;
      return filter;
    }
    case /* F_ITEM_DATA */ 32:
      if ((parent as Item).data !== undefined) return bail();
      return parent;
    case /* F_DEVINF */ 34:
      return openDevInf(f, parent, parentCode, d);
    default:
      return openDevInfPart(f, code, id, parent);
  }
}

/**
 * The list of a command that has no entry yet (items, a Status's refs): one frozen empty
 * array shared by all, replaced by an array of its own at the first entry, or at the
 * command's end (`close.ts`). Most commands hold one item or none, so the empty array the
 * generic path makes for each would be thrown away at once.
 */
export const NO_ENTRIES: never[] = Object.freeze([]) as unknown as never[];

// A command by its frame code (one object shape each) and element id (its kind).
function newCommand(code: number, id: number): Command {
  switch (code) {
    case /* F_ITEM_CMD */ 5:
      return N.newItemCommand(COMMAND_KINDS[id] as 'Add' | 'Replace' | 'Copy' | 'Move', NO_ENTRIES);
    case /* F_STATUS */ 17:
      return N.newStatus(NO_ENTRIES, NO_ENTRIES, NO_ENTRIES);
    case /* F_ALERT */ 8:
      return N.newAlert(NO_ENTRIES);
    case /* F_DELETE */ 6:
      return N.newDelete(NO_ENTRIES);
    case /* F_SYNC */ 18:
      return N.newSync();
    case /* F_GET_PUT */ 7:
      return N.newGetPut(id === /* GET */ 19 ? 'Get' : 'Put');
    case /* F_ATOMIC */ 9:
      return N.newAtomic(id === /* ATOMIC */ 8 ? 'Atomic' : 'Sequence');
    case /* F_MAP */ 11:
      return N.newMap();
    case /* F_RESULTS */ 15:
      return N.newResults();
    case /* F_EXEC */ 10:
      return N.newExec();
  }
  return N.newSearch();
}

function openItem(f: FusedDecoder, parent: unknown, parentCode: number): Item {
  const item = N.newItem();
  switch (parentCode) {
    case /* F_EXEC */ 10: {
      const exec = parent as Exec;
      if (exec.item !== undefined) return bail();
      exec.item = item;
      return item;
    }
    case /* F_FILTER_FIELD */ 30: {
      const filter = parent as Filter;
      if (filter.field !== undefined) return bail();
      filter.field = item;
      return item;
    }
    case /* F_FILTER_RECORD */ 31: {
      const filter = parent as Filter;
      if (filter.record !== undefined) return bail();
      filter.record = item;
      return item;
    }
  }
  // One property access per kind of owner, so that each stays monomorphic.
  const max = f.maxItems;
  switch (parentCode) {
    case /* F_ITEM_CMD */ 5: {
      const c = parent as Add;
      const n = c.items.length;
      if (n >= max) return bail();
      if (n === 0) c.items = [item];
      else c.items.push(item);
      return item;
    }
    case /* F_STATUS */ 17: {
      const c = parent as Status;
      const n = c.items.length;
      if (n >= max) return bail();
      if (n === 0) c.items = [item];
      else c.items.push(item);
      return item;
    }
    case /* F_ALERT */ 8: {
      const c = parent as Alert;
      const n = c.items.length;
      if (n >= max) return bail();
      if (n === 0) c.items = [item];
      else c.items.push(item);
      return item;
    }
    case /* F_GET_PUT */ 7: {
      const c = parent as Put;
      const n = c.items.length;
      if (n >= max) return bail();
      if (n === 0) c.items = [item];
      else c.items.push(item);
      return item;
    }
    case /* F_DELETE */ 6: {
      const c = parent as Delete;
      const n = c.items.length;
      if (n >= max) return bail();
      if (n === 0) c.items = [item];
      else c.items.push(item);
      return item;
    }
  }
  const c = parent as Results;
  const n = c.items.length;
  if (n >= max) return bail();
  if (n === 0) c.items = [item];
  else c.items.push(item);
  return item;
}

// Meta of its owner, one property access per kind of owner for the frequent ones (see openItem).
function openMeta(parent: unknown, parentCode: number): Meta {
  const meta = N.newMeta();
  switch (parentCode) {
    case /* F_ITEM_CMD */ 5: {
      const c = parent as Add;
      if (c.meta !== undefined) return bail();
      c.meta = meta;
      return meta;
    }
    case /* F_ITEM */ 19: {
      const c = parent as Item;
      if (c.meta !== undefined) return bail();
      c.meta = meta;
      return meta;
    }
    case /* F_HDR */ 3: {
      const c = parent as SyncHeader;
      if (c.meta !== undefined) return bail();
      c.meta = meta;
      return meta;
    }
    case /* F_SYNC */ 18: {
      const c = parent as Sync;
      if (c.meta !== undefined) return bail();
      c.meta = meta;
      return meta;
    }
    case /* F_GET_PUT */ 7: {
      const c = parent as Put;
      if (c.meta !== undefined) return bail();
      c.meta = meta;
      return meta;
    }
  }
  const owner = parent as { meta: Meta | undefined };
  if (owner.meta !== undefined) return bail();
  owner.meta = meta;
  return meta;
}

function openLocRef(parent: unknown, parentCode: number, id: number): LocRef {
  const ref = N.newLocRef();
  if (parentCode === /* F_SEARCH */ 16) {
    const search = parent as Search;
    if (search.sources.length === 0) search.sources = [ref];
    else search.sources.push(ref);
    return ref;
  }
  const owner = parent as SyncHeader;
  if (id === /* TARGET */ 46) {
    if (owner.target !== undefined) return bail();
    owner.target = ref;
  } else {
    if (owner.source !== undefined) return bail();
    owner.source = ref;
  }
  return ref;
}

function openDevInf(f: FusedDecoder, parent: unknown, parentCode: number, d: number): DevInf {
  const devinf = N.newDevInf();
  if (parentCode === /* F_DOC_DEVINF */ 1) {
    if (f.devinf !== undefined) return bail();
    f.devinf = devinf;
  } else {
    // Inside an item's Data: from now on the Data holds this DevInf and nothing else.
    (parent as Item).data = { kind: 'devinf', devinf };
    f.codes[d - 1] = /* F_ITEM_DATA_DONE */ 33;
  }
  return devinf;
}

// The containers inside DevInf.
function openDevInfPart(f: FusedDecoder, code: number, id: number, parent: unknown): unknown {
  switch (code) {
    case /* F_DATASTORE */ 35: {
      const store = N.newDataStore();
      (parent as DevInf).dataStores.push(store);
      return store;
    }
    case /* F_CT_REF */ 36:
      return openContentTypeRef(parent as DataStore, id);
    case /* F_DSMEM */ 37: {
      const store = parent as DataStore;
      if (store.dsMem !== undefined) return bail();
      const mem = N.newDSMem();
      store.dsMem = mem;
      return mem;
    }
    case /* F_CTCAP */ 39: {
      const list = (parent as { ctCaps: CTCap[] }).ctCaps;
      const cap = N.newCTCap();
      list.push(cap);
      f.ctCapList = list;
      f.flatProperty = null;
      f.flatParam = null;
      return cap;
    }
    case /* F_PROPERTY */ 40: {
      const property = N.newProperty();
      (parent as CTCap).properties.push(property);
      return property;
    }
    case /* F_PROP_PARAM */ 41: {
      const param = N.newParam();
      (parent as CTCapProperty).params.push(param);
      return param;
    }
    case /* F_FILTER_CAP */ 42: {
      const cap = N.newFilterCap();
      (parent as DataStore).filterCaps.push(cap);
      return cap;
    }
    case /* F_EXT */ 43: {
      const ext = N.newExt();
      (parent as DevInf).exts.push(ext);
      return ext;
    }
  }
  // Every container code is handled above; an unknown one would be a bug: the generic path decides.
  return bail();
}

function openContentTypeRef(store: DataStore, id: number): unknown {
  const ref = N.newContentTypeRef();
  switch (id) {
    case /* D_RX_PREF */ 154:
      if (store.rxPref !== undefined) return bail();
      store.rxPref = ref;
      break;
    case /* D_TX_PREF */ 162:
      if (store.txPref !== undefined) return bail();
      store.txPref = ref;
      break;
    case /* D_RX */ 153:
      store.rx.push(ref);
      break;
    case /* D_TX */ 161:
      store.tx.push(ref);
      break;
    default:
      store.filterRx.push(ref);
  }
  return ref;
}

import { SyncMLError } from '../errors.js';
import type { CTCap, CTCapProperty, DataStore, DevInf } from '../model/devinf.js';
import type {
  Alert,
  Command,
  Exec,
  Filter,
  Item,
  MapCommand,
  Meta,
  Search,
  Status,
  SyncHeader,
  SyncMLMessage,
  Target,
} from '../model/message.js';
import { COMMAND_KINDS } from '../vocabulary/command-kinds.js';
import * as E from '../vocabulary/element-ids.js';
import { elementName } from '../vocabulary/element-names.js';
import type { TreeBuilder } from './builder.js';
import * as F from './frames.js';
import * as N from './objects.js';

/**
 * Opening a container element: make its AST object and link it into the parent's object.
 * Returns the object (the new frame's), or undefined when the element repeats one that may
 * appear once: that one is skipped with a DUPLICATE_ELEMENT warning.
 */

function duplicate(b: TreeBuilder, id: number, offset: number): undefined {
  const name = elementName(id);
  b.warn('DUPLICATE_ELEMENT', `a second ${name} was skipped`, offset, name);
  b.skip = 1;
  return undefined;
}

function tooMany(b: TreeBuilder, id: number, offset: number, limit: number): never {
  const name = elementName(id);
  throw new SyncMLError('TOO_MANY_ITEMS', `more than maxItemsPerCommand (${limit}) ${name} elements`, {
    path: b.path(b.depth, name),
    offset,
  });
}

/**
 * The first element in an item's Data decides what it holds. A MetInf element turns the
 * Data frame into a Meta frame over a new MetInfData; DevInf (or anything else) leaves the
 * frame as it is for {@link F.childCode} to place. Returns the frame code to place `id` in.
 */
export function enterData(b: TreeBuilder, id: number, d: number): number {
  if (id === E.D_DEV_INF || !E.isMetInfId(id)) return F.F_ITEM_DATA;
  const item = b.objs[d] as Item;
  const meta = N.newMeta();
  item.data = { kind: 'metinf', meta };
  b.codes[d] = F.F_META;
  b.objs[d] = meta;
  return F.F_META;
}

type Open = (b: TreeBuilder, parent: unknown, parentCode: number, id: number, offset: number) => unknown;

// Container code -> how it opens: one indirect call instead of a chain of comparisons.
const OPEN: Open[] = [];
function on(codes: number[], open: Open): void {
  for (const code of codes) OPEN[code] = open;
}

/** Opens a container of frame code `code` (element `id`) under the frame on top of the stack. */
export function openContainer(b: TreeBuilder, code: number, id: number, offset: number): unknown {
  const d = b.depth;
  return OPEN[code]!(b, b.objs[d], b.codes[d]!, id, offset);
}

on([F.F_SYNCML], (b, _parent, _parentCode, id, offset) => {
  if (b.message !== undefined) return duplicate(b, id, offset);
  const message = N.newMessage();
  b.message = message;
  return message;
});
on([F.F_HDR], (b, parent, _parentCode, id, offset) => {
  const message = parent as SyncMLMessage;
  if (message.header !== undefined) return duplicate(b, id, offset);
  const header = N.newHeader();
  message.header = header;
  return header;
});
on([F.F_BODY], (b, parent, _parentCode, id, offset) => {
  if (b.bodySeen) return duplicate(b, id, offset);
  b.bodySeen = true;
  // SyncBody's frame works on the message: its commands and `final`.
  return parent;
});
on(
  [
    F.F_ITEM_CMD,
    F.F_DELETE,
    F.F_GET_PUT,
    F.F_ALERT,
    F.F_ATOMIC,
    F.F_EXEC,
    F.F_MAP,
    F.F_RESULTS,
    F.F_SEARCH,
    F.F_STATUS,
    F.F_SYNC,
  ],
  (b, parent, _parentCode, id, offset) => {
    if (++b.commandCount > b.options.maxCommands) {
      throw new SyncMLError(
        'TOO_MANY_COMMANDS',
        `more than maxCommands (${b.options.maxCommands}) commands`,
        {
          path: b.path(b.depth, elementName(id)),
          offset,
        },
      );
    }
    const command = N.newCommand(COMMAND_KINDS[id]!);
    (parent as { commands: Command[] }).commands.push(command);
    return command;
  },
);
on([F.F_ITEM], openItem);
on([F.F_MAP_ITEM], (b, parent, _parentCode, id, offset) => {
  const list = (parent as MapCommand).mapItems;
  if (list.length >= b.options.maxItemsPerCommand) tooMany(b, id, offset, b.options.maxItemsPerCommand);
  const mapItem = N.newMapItem();
  list.push(mapItem);
  return mapItem;
});
// Wrappers whose content is a field of the parent's object.
on(
  [
    F.F_MAP_ITEM_TARGET,
    F.F_MAP_ITEM_SOURCE,
    F.F_SOURCE_PARENT,
    F.F_TARGET_PARENT,
    F.F_FILTER_FIELD,
    F.F_FILTER_RECORD,
    F.F_SYNC_CAP,
  ],
  (_b, parent) => parent,
);
on([F.F_LOC_REF], openLocRef);
on([F.F_TARGET], (b, parent, _parentCode, id, offset) => {
  const owner = parent as { target: Target | undefined };
  if (owner.target !== undefined) return duplicate(b, id, offset);
  const target = N.newTarget();
  owner.target = target;
  return target;
});
on([F.F_META], (b, parent, parentCode, id, offset) => {
  if (parentCode === F.F_META) return parent; // the MetInf wrapper adds no level to the model
  const owner = parent as { meta: Meta | undefined };
  if (owner.meta !== undefined) return duplicate(b, id, offset);
  const meta = N.newMeta();
  owner.meta = meta;
  return meta;
});
on([F.F_ANCHOR], (b, parent, _parentCode, id, offset) => {
  const meta = parent as Meta;
  if (meta.anchor !== undefined) return duplicate(b, id, offset);
  const anchor = N.newAnchor();
  meta.anchor = anchor;
  return anchor;
});
on([F.F_MEM], (b, parent, _parentCode, id, offset) => {
  const meta = parent as Meta;
  if (meta.mem !== undefined) return duplicate(b, id, offset);
  const mem = N.newMem();
  meta.mem = mem;
  return mem;
});
on([F.F_CRED], (b, parent, _parentCode, id, offset) => {
  const owner = parent as { cred: unknown };
  if (owner.cred !== undefined) return duplicate(b, id, offset);
  const cred = N.newCred();
  owner.cred = cred;
  return cred;
});
on([F.F_CHAL], (b, parent, _parentCode, id, offset) => {
  const status = parent as Status;
  if (status.chal !== undefined) return duplicate(b, id, offset);
  const chal = N.newChal();
  status.chal = chal;
  return chal;
});
on([F.F_FILTER], (b, parent, _parentCode, id, offset) => {
  const target = parent as Target;
  if (target.filter !== undefined) return duplicate(b, id, offset);
  const filter = N.newFilter();
  target.filter = filter;
  return filter;
});
on([F.F_ITEM_DATA], (b, parent, _parentCode, id, offset) => {
  const item = parent as Item;
  if (item.data !== undefined) return duplicate(b, id, offset);
  return item;
});
on([F.F_DEVINF], (b, parent, parentCode, _id, offset) => openDevInf(b, parent, parentCode, b.depth, offset));
on([F.F_DATASTORE], (_b, parent) => {
  const store = N.newDataStore();
  (parent as DevInf).dataStores.push(store);
  return store;
});
on([F.F_CT_REF], (b, parent, _parentCode, id, offset) =>
  openContentTypeRef(b, parent as DataStore, id, offset),
);
on([F.F_DSMEM], (b, parent, _parentCode, id, offset) => {
  const store = parent as DataStore;
  if (store.dsMem !== undefined) return duplicate(b, id, offset);
  const mem = N.newDSMem();
  store.dsMem = mem;
  return mem;
});
on([F.F_CTCAP], (b, parent) => {
  const list = (parent as { ctCaps: CTCap[] }).ctCaps;
  const cap = N.newCTCap();
  list.push(cap);
  b.ctCapList = list;
  b.flatProperty = null;
  b.flatParam = null;
  return cap;
});
on([F.F_PROPERTY], (_b, parent) => {
  const property = N.newProperty();
  (parent as CTCap).properties.push(property);
  return property;
});
on([F.F_PROP_PARAM], (_b, parent) => {
  const param = N.newParam();
  (parent as CTCapProperty).params.push(param);
  return param;
});
on([F.F_FILTER_CAP], (_b, parent) => {
  const cap = N.newFilterCap();
  (parent as DataStore).filterCaps.push(cap);
  return cap;
});
on([F.F_EXT], (_b, parent) => {
  const ext = N.newExt();
  (parent as DevInf).exts.push(ext);
  return ext;
});

function openItem(b: TreeBuilder, parent: unknown, parentCode: number, id: number, offset: number): unknown {
  const item = N.newItem();
  switch (parentCode) {
    case F.F_EXEC: {
      const exec = parent as Exec;
      if (exec.item !== undefined) return duplicate(b, id, offset);
      exec.item = item;
      return item;
    }
    case F.F_FILTER_FIELD:
    case F.F_FILTER_RECORD: {
      const filter = parent as Filter;
      const field = parentCode === F.F_FILTER_FIELD;
      if ((field ? filter.field : filter.record) !== undefined) return duplicate(b, id, offset);
      if (field) filter.field = item;
      else filter.record = item;
      return item;
    }
  }
  const items = (parent as Alert).items;
  if (items.length >= b.options.maxItemsPerCommand) tooMany(b, id, offset, b.options.maxItemsPerCommand);
  items.push(item);
  return item;
}

function openLocRef(
  b: TreeBuilder,
  parent: unknown,
  parentCode: number,
  id: number,
  offset: number,
): unknown {
  const ref = N.newLocRef();
  if (parentCode === F.F_SEARCH) {
    (parent as Search).sources.push(ref);
    return ref;
  }
  const owner = parent as SyncHeader;
  if (id === E.TARGET) {
    if (owner.target !== undefined) return duplicate(b, id, offset);
    owner.target = ref;
  } else {
    if (owner.source !== undefined) return duplicate(b, id, offset);
    owner.source = ref;
  }
  return ref;
}

function openDevInf(b: TreeBuilder, parent: unknown, parentCode: number, d: number, offset: number): unknown {
  const devinf = N.newDevInf();
  if (parentCode === F.F_DOC_DEVINF) {
    if (b.devinf !== undefined) return duplicate(b, E.D_DEV_INF, offset);
    b.devinf = devinf;
  } else {
    // Inside an item's Data: from now on the Data holds this DevInf and nothing else.
    (parent as Item).data = { kind: 'devinf', devinf };
    b.codes[d] = F.F_ITEM_DATA_DONE;
  }
  b.devinfDepth = d + 1;
  return devinf;
}

function openContentTypeRef(b: TreeBuilder, store: DataStore, id: number, offset: number): unknown {
  const ref = N.newContentTypeRef();
  switch (id) {
    case E.D_RX_PREF:
      if (store.rxPref !== undefined) return duplicate(b, id, offset);
      store.rxPref = ref;
      break;
    case E.D_TX_PREF:
      if (store.txPref !== undefined) return duplicate(b, id, offset);
      store.txPref = ref;
      break;
    case E.D_RX:
      store.rx.push(ref);
      break;
    case E.D_TX:
      store.tx.push(ref);
      break;
    default:
      store.filterRx.push(ref);
  }
  return ref;
}

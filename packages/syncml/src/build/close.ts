import type {
  CTCap,
  CTCapParam,
  CTCapProperty,
  ContentTypeRef,
  DataStore,
  DevInf,
  Ext,
  FilterCap,
} from '../model/devinf.js';
import type {
  Anchor,
  Chal,
  Command,
  Cred,
  Filter,
  Item,
  LocRef,
  MapItem,
  SyncHeader,
  SyncMLMessage,
} from '../model/message.js';
import type { TreeBuilder } from './builder.js';
import { isDevInfType, mayHoldDocument } from './data-content.js';
import * as F from './frames.js';

/**
 * Closing a container: check that the elements the DTD requires arrived. A SyncML element
 * missing is an error (MISSING_ELEMENT, status 400); a DevInf element missing is tolerated,
 * since devices omit some (the field becomes '' and a warning says so).
 */

function missing(b: TreeBuilder, d: number, offset: number, name: string): never {
  return b.fail('MISSING_ELEMENT', `required element ${name} is missing`, offset, d, name);
}

function defaulted(b: TreeBuilder, offset: number, name: string): void {
  b.warn('MISSING_ELEMENT', `required DevInf element ${name} is missing; taken as empty`, offset, name);
}

type Close = (b: TreeBuilder, obj: unknown, d: number, offset: number) => void;

// Container code -> its checks on close (none for most wrappers).
const CLOSE: (Close | undefined)[] = [];
function on(codes: number[], close: Close): void {
  for (const code of codes) CLOSE[code] = close;
}

/** Checks (and completes) the container of frame `d` that just closed at `offset`. */
export function closeContainer(b: TreeBuilder, code: number, obj: unknown, d: number, offset: number): void {
  const close = CLOSE[code];
  if (close !== undefined) close(b, obj, d, offset);
}

on([F.F_SYNCML], (b, obj, d, offset) => {
  const message = obj as SyncMLMessage;
  if (message.header === undefined) missing(b, d, offset, 'SyncHdr');
  if (!b.bodySeen) missing(b, d, offset, 'SyncBody');
});
on([F.F_HDR], (b, obj, d, offset) => {
  const h = obj as SyncHeader;
  if (h.version === undefined) missing(b, d, offset, 'VerDTD');
  if (h.verProto === undefined) missing(b, d, offset, 'VerProto');
  if (h.sessionID === undefined) missing(b, d, offset, 'SessionID');
  if (h.msgID === undefined) missing(b, d, offset, 'MsgID');
  if (h.target === undefined) missing(b, d, offset, 'Target');
  if (h.source === undefined) missing(b, d, offset, 'Source');
});
on([F.F_ITEM_CMD, F.F_DELETE, F.F_GET_PUT, F.F_ALERT, F.F_ATOMIC, F.F_SYNC], (b, obj, d, offset) => {
  if ((obj as Command).cmdID === undefined) missing(b, d, offset, 'CmdID');
});
on([F.F_EXEC], (b, obj, d, offset) => {
  const c = obj as Command & { kind: 'Exec' };
  if (c.cmdID === undefined) missing(b, d, offset, 'CmdID');
  if (c.item === undefined) missing(b, d, offset, 'Item');
});
on([F.F_MAP], (b, obj, d, offset) => {
  const c = obj as Command & { kind: 'Map' };
  if (c.cmdID === undefined) missing(b, d, offset, 'CmdID');
  if (c.target === undefined) missing(b, d, offset, 'Target');
  if (c.source === undefined) missing(b, d, offset, 'Source');
});
on([F.F_RESULTS], (b, obj, d, offset) => {
  const c = obj as Command & { kind: 'Results' };
  if (c.cmdID === undefined) missing(b, d, offset, 'CmdID');
  if (c.cmdRef === undefined) missing(b, d, offset, 'CmdRef');
});
on([F.F_SEARCH], (b, obj, d, offset) => {
  const c = obj as Command & { kind: 'Search' };
  if (c.cmdID === undefined) missing(b, d, offset, 'CmdID');
  if (c.meta === undefined) missing(b, d, offset, 'Meta');
  if (c.data === undefined) missing(b, d, offset, 'Data');
});
on([F.F_STATUS], (b, obj, d, offset) => {
  const c = obj as Command & { kind: 'Status' };
  if (c.cmdID === undefined) missing(b, d, offset, 'CmdID');
  if (c.msgRef === undefined) missing(b, d, offset, 'MsgRef');
  if (c.cmdRef === undefined) missing(b, d, offset, 'CmdRef');
  if (c.cmd === undefined) missing(b, d, offset, 'Cmd');
  if (c.code === undefined) missing(b, d, offset, 'Data');
});
on([F.F_MAP_ITEM], (b, obj, d, offset) => {
  const m = obj as MapItem;
  if (m.target === undefined) missing(b, d, offset, 'Target');
  if (m.source === undefined) missing(b, d, offset, 'Source');
});
on([F.F_TARGET, F.F_LOC_REF], (b, obj, d, offset) => {
  if ((obj as LocRef).locURI === undefined) missing(b, d, offset, 'LocURI');
});
on([F.F_ANCHOR], (b, obj, d, offset) => {
  if ((obj as Anchor).next === undefined) missing(b, d, offset, 'Next');
});
on([F.F_CRED], (b, obj, d, offset) => {
  if ((obj as Cred).data === undefined) missing(b, d, offset, 'Data');
});
on([F.F_CHAL], (b, obj, d, offset) => {
  if ((obj as Chal).meta === undefined) missing(b, d, offset, 'Meta');
});
on([F.F_FILTER], (b, obj, d, offset) => {
  if ((obj as Filter).meta === undefined) missing(b, d, offset, 'Meta');
});
on([F.F_ITEM_DATA], (b, obj, d, _offset) => {
  closeItemData(b, obj as Item, d);
});
on([F.F_DEVINF], (b, obj, _d, offset) => {
  const v = obj as DevInf;
  if (v.verDTD === undefined) {
    defaulted(b, offset, 'VerDTD');
    v.verDTD = '';
  }
  if (v.devID === undefined) {
    defaulted(b, offset, 'DevID');
    v.devID = '';
  }
  if (v.devTyp === undefined) {
    defaulted(b, offset, 'DevTyp');
    v.devTyp = '';
  }
  b.devinfDepth = 0;
});
on([F.F_DATASTORE], (b, obj, _d, offset) => {
  const s = obj as DataStore;
  if (s.sourceRef === undefined) {
    defaulted(b, offset, 'SourceRef');
    s.sourceRef = '';
  }
  if (s.rxPref === undefined) {
    defaulted(b, offset, 'Rx-Pref');
    s.rxPref = { ctType: '', verCT: '' };
  }
  if (s.txPref === undefined) {
    defaulted(b, offset, 'Tx-Pref');
    s.txPref = { ctType: '', verCT: '' };
  }
});
on([F.F_CT_REF, F.F_FILTER_CAP], (b, obj, _d, offset) => {
  const r = obj as ContentTypeRef | FilterCap;
  if (r.ctType === undefined) {
    defaulted(b, offset, 'CTType');
    r.ctType = '';
  }
  if (r.verCT === undefined) {
    defaulted(b, offset, 'VerCT');
    r.verCT = '';
  }
});
on([F.F_CTCAP], (b, obj, _d, offset) => {
  const c = obj as CTCap;
  if (c.ctType === undefined) {
    defaulted(b, offset, 'CTType');
    c.ctType = '';
  }
  b.ctCapList = null;
  b.flatProperty = null;
  b.flatParam = null;
});
on([F.F_PROPERTY], (b, obj, _d, offset) => {
  const p = obj as CTCapProperty;
  if (p.propName === undefined) {
    defaulted(b, offset, 'PropName');
    p.propName = '';
  }
});
on([F.F_PROP_PARAM], (b, obj, _d, offset) => {
  const p = obj as CTCapParam;
  if (p.paramName === undefined) {
    defaulted(b, offset, 'ParamName');
    p.paramName = '';
  }
});
on([F.F_EXT], (b, obj, _d, offset) => {
  const x = obj as Ext;
  if (x.xNam === undefined) {
    defaulted(b, offset, 'XNam');
    x.xNam = '';
  }
});

/**
 * Data of an Item ends: its bytes become the item's Payload, unless they are a DevInf
 * document (a WBXML DevInf in OPAQUE, or DevInf XML sent as text under a DevInf Meta Type),
 * which is then parsed into the item as if it had been inline.
 */
function closeItemData(b: TreeBuilder, item: Item, d: number): void {
  const t = b.text;
  const nested = b.nested;
  if (nested !== null && t.count > 0 && t.end > t.start && mayHoldDocument(t.buf[t.start]!)) {
    const typed =
      isDevInfType(item.meta?.type) ||
      isDevInfType((b.objs[d - 2] as { meta?: { type?: string } }).meta?.type);
    const encoding = nested.devInfEncoding(t.buf, t.start, t.end, typed);
    if (encoding !== null) {
      // The nested document's leaves reuse the text buffer: take the bytes out of it first.
      const stable = t.stable;
      const buf = stable ? t.buf : t.buf.slice(t.start, t.end);
      const start = stable ? t.start : 0;
      const end = stable ? t.end : buf.length;
      const base = stable ? t.start : b.offsets[d]!;
      t.reset();
      nested.feedDevInf(b, encoding, buf, start, end, base);
      if (item.data === undefined)
        b.fail('NOT_SYNCML', 'the DevInf document in Data has no DevInf element', base, d);
      return;
    }
  }
  // In XML, Data holding only white space is an empty element laid out over lines (libwbxml
  // reads it so too); any other text is kept byte for byte.
  item.data = b.trimTokens && t.count > 0 && t.isWhitespace() ? t.trimmedPayload() : t.payload();
}

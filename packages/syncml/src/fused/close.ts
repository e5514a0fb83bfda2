import { isDevInfType, mayHoldDocument } from '../build/data-content.js';
import * as F from '../build/frames.js';
import type { CTCap, CTCapParam, CTCapProperty, DataStore, DevInf, Ext } from '../model/devinf.js';
import type {
  Add,
  Alert,
  Anchor,
  Atomic,
  Chal,
  Cred,
  Delete,
  Exec,
  Filter,
  Item,
  LocRef,
  MapCommand,
  MapItem,
  Put,
  Results,
  Search,
  Status,
  Sync,
  SyncHeader,
  SyncMLMessage,
} from '../model/message.js';
import { devInfEncoding } from '../parse/nested.js';
import { bail } from './bail.js';
import type { FusedDecoder } from './decoder.js';
import { readDocument } from './document.js';
import { textPayload } from './text.js';

/**
 * Closing a container: the checks of `build/close.ts`. A required element missing is an
 * error of the generic path, a DevInf element missing a warning: both hand over.
 */
export function closeContainer(f: FusedDecoder, code: number, obj: unknown, d: number): void {
  switch (code) {
    case F.F_SYNCML:
      if ((obj as SyncMLMessage).header === undefined || !f.bodySeen) bail();
      return;
    case F.F_HDR: {
      const h = obj as SyncHeader;
      if (
        h.version === undefined ||
        h.verProto === undefined ||
        h.sessionID === undefined ||
        h.msgID === undefined ||
        h.target === undefined ||
        h.source === undefined
      )
        bail();
      return;
    }
    // One property access per kind of command, so that each stays monomorphic.
    case F.F_ITEM_CMD:
      if ((obj as Add).cmdID === undefined) bail();
      return;
    case F.F_ALERT:
      if ((obj as Alert).cmdID === undefined) bail();
      return;
    case F.F_SYNC:
      if ((obj as Sync).cmdID === undefined) bail();
      return;
    case F.F_GET_PUT:
      if ((obj as Put).cmdID === undefined) bail();
      return;
    case F.F_DELETE:
      if ((obj as Delete).cmdID === undefined) bail();
      return;
    case F.F_ATOMIC:
      if ((obj as Atomic).cmdID === undefined) bail();
      return;
    case F.F_EXEC: {
      const c = obj as Exec;
      if (c.cmdID === undefined || c.item === undefined) bail();
      return;
    }
    case F.F_MAP: {
      const c = obj as MapCommand;
      if (c.cmdID === undefined || c.target === undefined || c.source === undefined) bail();
      return;
    }
    case F.F_RESULTS: {
      const c = obj as Results;
      if (c.cmdID === undefined || c.cmdRef === undefined) bail();
      return;
    }
    case F.F_SEARCH: {
      const c = obj as Search;
      if (c.cmdID === undefined || c.meta === undefined || c.data === undefined) bail();
      return;
    }
    case F.F_STATUS: {
      const c = obj as Status;
      if (
        c.cmdID === undefined ||
        c.msgRef === undefined ||
        c.cmdRef === undefined ||
        c.cmd === undefined ||
        c.code === undefined
      )
        bail();
      return;
    }
    case F.F_MAP_ITEM: {
      const m = obj as MapItem;
      if (m.target === undefined || m.source === undefined) bail();
      return;
    }
    case F.F_TARGET:
    case F.F_LOC_REF:
      if ((obj as LocRef).locURI === undefined) bail();
      return;
    case F.F_ANCHOR:
      if ((obj as Anchor).next === undefined) bail();
      return;
    case F.F_CRED:
      if ((obj as Cred).data === undefined) bail();
      return;
    case F.F_CHAL:
      if ((obj as Chal).meta === undefined) bail();
      return;
    case F.F_FILTER:
      if ((obj as Filter).meta === undefined) bail();
      return;
    case F.F_ITEM_DATA:
      closeItemData(f, obj as Item, d);
      return;
    default:
      if (code >= F.F_DEVINF) closeDevInfPart(f, code, obj);
  }
}

function closeDevInfPart(f: FusedDecoder, code: number, obj: unknown): void {
  switch (code) {
    case F.F_DEVINF: {
      const v = obj as DevInf;
      if (v.verDTD === undefined || v.devID === undefined || v.devTyp === undefined) bail();
      return;
    }
    case F.F_DATASTORE: {
      const s = obj as DataStore;
      if (s.sourceRef === undefined || s.rxPref === undefined || s.txPref === undefined) bail();
      return;
    }
    case F.F_CT_REF:
    case F.F_FILTER_CAP: {
      const r = obj as { ctType: string | undefined; verCT: string | undefined };
      if (r.ctType === undefined || r.verCT === undefined) bail();
      return;
    }
    case F.F_CTCAP:
      if ((obj as CTCap).ctType === undefined) bail();
      f.ctCapList = null;
      f.flatProperty = null;
      f.flatParam = null;
      return;
    case F.F_PROPERTY:
      if ((obj as CTCapProperty).propName === undefined) bail();
      return;
    case F.F_PROP_PARAM:
      if ((obj as CTCapParam).paramName === undefined) bail();
      return;
    case F.F_EXT:
      if ((obj as Ext).xNam === undefined) bail();
      return;
  }
}

/**
 * Data of an Item ends: its bytes become the item's Payload, unless they are a WBXML DevInf
 * document, which is read into the item right here (a DevInf in XML text goes the generic way).
 */
function closeItemData(f: FusedDecoder, item: Item, d: number): void {
  if (f.nestedAllowed && f.hasText && f.textEnd > f.textStart && mayHoldDocument(f.buf[f.textStart]!)) {
    const start = f.textStart;
    const end = f.textEnd;
    const typed =
      isDevInfType(item.meta?.type) ||
      isDevInfType((f.objs[d - 2] as { meta?: { type?: string } }).meta?.type);
    const encoding = devInfEncoding(f.buf, start, end, typed);
    if (encoding === 'xml') bail();
    if (encoding === 'wbxml') {
      // The nested document has its own string table; the message's is needed again after it.
      const tableStart = f.tableStart;
      const tableEnd = f.tableEnd;
      f.hasText = false;
      readDocument(f, start, end, true, d);
      f.tableStart = tableStart;
      f.tableEnd = tableEnd;
      if (item.data === undefined) bail();
      return;
    }
  }
  item.data = textPayload(f);
}

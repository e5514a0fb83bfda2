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
import { NO_ENTRIES } from './open.js';
import { textPayload } from './text.js';

/** 1 for the container codes that have something to check or do on close (see closeContainer). */
export const CHECKED_ON_CLOSE: Uint8Array = new Uint8Array(F.FRAME_CODE_LIMIT);
for (const code of [
  F.F_SYNCML,
  F.F_HDR,
  F.F_ITEM_CMD,
  F.F_DELETE,
  F.F_GET_PUT,
  F.F_ALERT,
  F.F_ATOMIC,
  F.F_SYNC,
  F.F_EXEC,
  F.F_MAP,
  F.F_RESULTS,
  F.F_SEARCH,
  F.F_STATUS,
  F.F_MAP_ITEM,
  F.F_TARGET,
  F.F_LOC_REF,
  F.F_ANCHOR,
  F.F_CRED,
  F.F_CHAL,
  F.F_FILTER,
  F.F_ITEM_DATA,
  F.F_DEVINF,
  F.F_DATASTORE,
  F.F_CT_REF,
  F.F_FILTER_CAP,
  F.F_CTCAP,
  F.F_PROPERTY,
  F.F_PROP_PARAM,
  F.F_EXT,
]) {
  CHECKED_ON_CLOSE[code] = 1;
}

/**
 * Closing a container: the checks of `build/close.ts`. A required element missing is an
 * error of the generic path, a DevInf element missing a warning: both hand over.
 *
 * Case labels are the frame codes (element ids) as literals, named in a comment: V8 compiles
 * a switch over integer literals to one indexed jump, over imported constants to a chain of
 * comparisons (`named-literals.test.ts` checks every label against its constant).
 */
export function closeContainer(f: FusedDecoder, code: number, obj: unknown, d: number): void {
  switch (code) {
    case /* F_SYNCML */ 2:
      if ((obj as SyncMLMessage).header === undefined || !f.bodySeen) bail();
      return;
    case /* F_HDR */ 3: {
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
    case /* F_ITEM_CMD */ 5: {
      const c = obj as Add;
      if (c.cmdID === undefined) bail();
      if (c.items === NO_ENTRIES) c.items = [];
      return;
    }
    case /* F_ALERT */ 8: {
      const c = obj as Alert;
      if (c.cmdID === undefined) bail();
      if (c.items === NO_ENTRIES) c.items = [];
      return;
    }
    case /* F_SYNC */ 18:
      if ((obj as Sync).cmdID === undefined) bail();
      return;
    case /* F_GET_PUT */ 7:
      if ((obj as Put).cmdID === undefined) bail();
      return;
    case /* F_DELETE */ 6: {
      const c = obj as Delete;
      if (c.cmdID === undefined) bail();
      if (c.items === NO_ENTRIES) c.items = [];
      return;
    }
    case /* F_ATOMIC */ 9:
      if ((obj as Atomic).cmdID === undefined) bail();
      return;
    case /* F_EXEC */ 10: {
      const c = obj as Exec;
      if (c.cmdID === undefined || c.item === undefined) bail();
      return;
    }
    case /* F_MAP */ 11: {
      const c = obj as MapCommand;
      if (c.cmdID === undefined || c.target === undefined || c.source === undefined) bail();
      return;
    }
    case /* F_RESULTS */ 15: {
      const c = obj as Results;
      if (c.cmdID === undefined || c.cmdRef === undefined) bail();
      return;
    }
    case /* F_SEARCH */ 16: {
      const c = obj as Search;
      if (c.cmdID === undefined || c.meta === undefined || c.data === undefined) bail();
      return;
    }
    case /* F_STATUS */ 17: {
      const c = obj as Status;
      if (
        c.cmdID === undefined ||
        c.msgRef === undefined ||
        c.cmdRef === undefined ||
        c.cmd === undefined ||
        c.code === undefined
      )
        bail();
      if (c.targetRefs === NO_ENTRIES) c.targetRefs = [];
      if (c.sourceRefs === NO_ENTRIES) c.sourceRefs = [];
      if (c.items === NO_ENTRIES) c.items = [];
      return;
    }
    case /* F_MAP_ITEM */ 12: {
      const m = obj as MapItem;
      if (m.target === undefined || m.source === undefined) bail();
      return;
    }
    case /* F_TARGET */ 20:
    case /* F_LOC_REF */ 21:
      if ((obj as LocRef).locURI === undefined) bail();
      return;
    case /* F_ANCHOR */ 25:
      if ((obj as Anchor).next === undefined) bail();
      return;
    case /* F_CRED */ 27:
      if ((obj as Cred).data === undefined) bail();
      return;
    case /* F_CHAL */ 28:
      if ((obj as Chal).meta === undefined) bail();
      return;
    case /* F_FILTER */ 29:
      if ((obj as Filter).meta === undefined) bail();
      return;
    case /* F_ITEM_DATA */ 32:
      closeItemData(f, obj as Item, d);
      return;
    default:
      if (code >= /* F_DEVINF */ 34) closeDevInfPart(f, code, obj);
  }
}

function closeDevInfPart(f: FusedDecoder, code: number, obj: unknown): void {
  switch (code) {
    case /* F_DEVINF */ 34: {
      const v = obj as DevInf;
      if (v.verDTD === undefined || v.devID === undefined || v.devTyp === undefined) bail();
      return;
    }
    case /* F_DATASTORE */ 35: {
      const s = obj as DataStore;
      if (s.sourceRef === undefined || s.rxPref === undefined || s.txPref === undefined) bail();
      return;
    }
    case /* F_CT_REF */ 36:
    case /* F_FILTER_CAP */ 42: {
      const r = obj as { ctType: string | undefined; verCT: string | undefined };
      if (r.ctType === undefined || r.verCT === undefined) bail();
      return;
    }
    case /* F_CTCAP */ 39:
      if ((obj as CTCap).ctType === undefined) bail();
      f.ctCapList = null;
      f.flatProperty = null;
      f.flatParam = null;
      return;
    case /* F_PROPERTY */ 40:
      if ((obj as CTCapProperty).propName === undefined) bail();
      return;
    case /* F_PROP_PARAM */ 41:
      if ((obj as CTCapParam).paramName === undefined) bail();
      return;
    case /* F_EXT */ 43:
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
  item.data = f.hasText ? textPayload(f, f.textStart, f.textEnd) : textPayload(f, 0, 0);
}

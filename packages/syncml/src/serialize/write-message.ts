import type {
  Anchor,
  Chal,
  Command,
  Cred,
  Filter,
  Item,
  LocRef,
  Mem,
  Meta,
  SyncHeader,
  SyncMLMessage,
  Target,
} from '../model/message.js';
import * as E from '../vocabulary/element-ids.js';
import type { ElementSink } from './sink.js';
import { bad, flag, num, opt, req } from './write-fields.js';

/**
 * Walks a message in DTD element order (SyncML Representation Protocol 1.2, which orders
 * 1.0 and 1.1 elements the same way) and writes it to a sink. Optional fields that are
 * undefined (and flags that are false) are left out.
 */

/** How the walker treats the Meta Type next to a DevInf. */
export interface WriteOptions {
  /**
   * Write a Meta Type that names DevInf (`application/vnd.syncml-devinf+xml` / `+wbxml`, in a
   * command's or an item's Meta) with the suffix of the encoding being written, whatever the
   * AST says, as libwbxml does when it converts: a DevInf then travels in the encoding its
   * type announces.
   */
  readonly devInfTypeFollowsEncoding: boolean;
}

const DEVINF_TYPE_WBXML = 'application/vnd.syncml-devinf+wbxml';
const DEVINF_TYPE_XML = 'application/vnd.syncml-devinf+xml';
const DEVINF_TYPE_PREFIX = 'application/vnd.syncml-devinf';

function locRef(s: ElementSink, id: number, ref: LocRef): void {
  s.start(id);
  req(s, E.LOC_URI, ref.locURI, 'LocURI');
  opt(s, E.LOC_NAME, ref.locName);
  s.end(id);
}

function target(s: ElementSink, t: Target, o: WriteOptions): void {
  s.start(E.TARGET);
  req(s, E.LOC_URI, t.locURI, 'Target/LocURI');
  opt(s, E.LOC_NAME, t.locName);
  if (t.filter !== undefined) filter(s, t.filter, o);
  s.end(E.TARGET);
}

function filter(s: ElementSink, f: Filter, o: WriteOptions): void {
  s.start(E.FILTER);
  meta(s, f.meta, false);
  if (f.field !== undefined) {
    s.start(E.FIELD);
    item(s, f.field, false, o);
    s.end(E.FIELD);
  }
  if (f.record !== undefined) {
    s.start(E.RECORD);
    item(s, f.record, false, o);
    s.end(E.RECORD);
  }
  opt(s, E.FILTER_TYPE, f.filterType);
  s.end(E.FILTER);
}

/** The MetInf children of a Meta (or of a Data holding MetInf). */
export function metInf(s: ElementSink, m: Meta, devInfType: string | undefined): void {
  opt(s, E.M_FORMAT, m.format);
  opt(s, E.M_TYPE, devInfType ?? m.type);
  opt(s, E.M_MARK, m.mark);
  num(s, E.M_SIZE, m.size, 'Meta/Size');
  if (m.anchor !== undefined) anchor(s, m.anchor);
  opt(s, E.M_VERSION, m.version);
  if (m.nextNonce !== undefined) s.bytes(E.M_NEXT_NONCE, m.nextNonce);
  num(s, E.M_MAX_MSG_SIZE, m.maxMsgSize, 'Meta/MaxMsgSize');
  num(s, E.M_MAX_OBJ_SIZE, m.maxObjSize, 'Meta/MaxObjSize');
  if (m.emi !== undefined) for (const e of m.emi) s.string(E.M_EMI, e);
  if (m.mem !== undefined) mem(s, m.mem);
  flag(s, E.M_FIELD_LEVEL, m.fieldLevel);
}

function anchor(s: ElementSink, a: Anchor): void {
  s.start(E.M_ANCHOR);
  opt(s, E.M_LAST, a.last);
  req(s, E.M_NEXT, a.next, 'Anchor/Next');
  s.end(E.M_ANCHOR);
}

function mem(s: ElementSink, m: Mem): void {
  s.start(E.M_MEM);
  flag(s, E.M_SHARED_MEM, m.sharedMem);
  num(s, E.M_FREE_MEM, m.freeMem, 'Meta/Mem/FreeMem');
  num(s, E.M_FREE_ID, m.freeID, 'Meta/Mem/FreeID');
  s.end(E.M_MEM);
}

// `match`: a DevInf Meta Type is written to name the encoding (devInfTypeFollowsEncoding).
function meta(s: ElementSink, m: Meta | undefined, match: boolean): void {
  if (m === undefined) return;
  s.start(E.META);
  let type: string | undefined;
  if (match && m.type?.toLowerCase().startsWith(DEVINF_TYPE_PREFIX)) {
    type = s.encoding === 'wbxml' ? DEVINF_TYPE_WBXML : DEVINF_TYPE_XML;
  }
  metInf(s, m, type);
  s.end(E.META);
}

function cred(s: ElementSink, c: Cred | undefined): void {
  if (c === undefined) return;
  s.start(E.CRED);
  meta(s, c.meta, false);
  s.bytes(E.DATA, c.data);
  s.end(E.CRED);
}

function chal(s: ElementSink, c: Chal | undefined): void {
  if (c === undefined) return;
  s.start(E.CHAL);
  meta(s, c.meta, false);
  s.end(E.CHAL);
}

function parentRef(s: ElementSink, id: number, locURI: string | undefined): void {
  if (locURI === undefined) return;
  s.start(id);
  req(s, E.LOC_URI, locURI, 'LocURI');
  s.end(id);
}

function item(s: ElementSink, it: Item, matchType: boolean, o: WriteOptions): void {
  s.start(E.ITEM);
  if (it.target !== undefined) target(s, it.target, o);
  if (it.source !== undefined) locRef(s, E.SOURCE, it.source);
  parentRef(s, E.SOURCE_PARENT, it.sourceParent);
  parentRef(s, E.TARGET_PARENT, it.targetParent);
  const data = it.data;
  meta(s, it.meta, matchType);
  if (data !== undefined) {
    if (data.kind === 'payload') s.bytes(E.DATA, data);
    else if (data.kind === 'devinf') s.devInf(E.DATA, data.devinf);
    else {
      s.start(E.DATA);
      metInf(s, data.meta, undefined);
      s.end(E.DATA);
    }
  }
  flag(s, E.MORE_DATA, it.moreData);
  s.end(E.ITEM);
}

function items(s: ElementSink, list: readonly Item[], matchType: boolean, o: WriteOptions): void {
  for (const it of list) item(s, it, matchType, o);
}

const COMMAND_IDS: Record<Command['kind'], number> = {
  Add: E.ADD,
  Alert: E.ALERT,
  Atomic: E.ATOMIC,
  Copy: E.COPY,
  Delete: E.DELETE,
  Exec: E.EXEC,
  Get: E.GET,
  Map: E.MAP,
  Move: E.MOVE,
  Put: E.PUT,
  Replace: E.REPLACE,
  Results: E.RESULTS,
  Search: E.SEARCH,
  Sequence: E.SEQUENCE,
  Status: E.STATUS,
  Sync: E.SYNC,
};

/** Writes one command (and the commands nested in it). */
export function writeCommand(s: ElementSink, c: Command, o: WriteOptions): void {
  const id = COMMAND_IDS[c.kind];
  if (id === undefined) bad('', `unknown command kind ${JSON.stringify((c as { kind: unknown }).kind)}`);
  const match = o.devInfTypeFollowsEncoding;
  s.start(id);
  req(s, E.CMD_ID, c.cmdID, `${c.kind}/CmdID`);
  switch (c.kind) {
    case 'Add':
    case 'Replace':
    case 'Copy':
    case 'Move':
      flag(s, E.NO_RESP, c.noResp);
      cred(s, c.cred);
      meta(s, c.meta, match);
      items(s, c.items, match, o);
      break;
    case 'Delete':
      flag(s, E.NO_RESP, c.noResp);
      flag(s, E.ARCHIVE, c.archive);
      flag(s, E.SFT_DEL, c.sftDel);
      cred(s, c.cred);
      meta(s, c.meta, match);
      items(s, c.items, match, o);
      break;
    case 'Get':
    case 'Put':
      flag(s, E.NO_RESP, c.noResp);
      opt(s, E.LANG, c.lang);
      cred(s, c.cred);
      meta(s, c.meta, match);
      items(s, c.items, match, o);
      break;
    case 'Alert':
      flag(s, E.NO_RESP, c.noResp);
      cred(s, c.cred);
      num(s, E.DATA, c.code, 'Alert/Data');
      opt(s, E.CORRELATOR, c.correlator);
      items(s, c.items, match, o);
      break;
    case 'Atomic':
    case 'Sequence':
      flag(s, E.NO_RESP, c.noResp);
      meta(s, c.meta, false);
      for (const inner of c.commands) writeCommand(s, inner, o);
      break;
    case 'Exec':
      flag(s, E.NO_RESP, c.noResp);
      cred(s, c.cred);
      meta(s, c.meta, false);
      opt(s, E.CORRELATOR, c.correlator);
      item(s, c.item, match, o);
      break;
    case 'Map':
      flag(s, E.NO_RESP, c.noResp);
      locRef(s, E.TARGET, c.target);
      locRef(s, E.SOURCE, c.source);
      cred(s, c.cred);
      meta(s, c.meta, false);
      for (const m of c.mapItems) {
        s.start(E.MAP_ITEM);
        parentRef(s, E.TARGET, m.target);
        parentRef(s, E.SOURCE, m.source);
        s.end(E.MAP_ITEM);
      }
      break;
    case 'Results':
      flag(s, E.NO_RESP, c.noResp);
      opt(s, E.MSG_REF, c.msgRef);
      req(s, E.CMD_REF, c.cmdRef, 'Results/CmdRef');
      meta(s, c.meta, match);
      opt(s, E.TARGET_REF, c.targetRef);
      opt(s, E.SOURCE_REF, c.sourceRef);
      items(s, c.items, match, o);
      break;
    case 'Search':
      flag(s, E.NO_RESP, c.noResp);
      flag(s, E.NO_RESULTS, c.noResults);
      cred(s, c.cred);
      if (c.target !== undefined) target(s, c.target, o);
      for (const src of c.sources) locRef(s, E.SOURCE, src);
      opt(s, E.LANG, c.lang);
      meta(s, c.meta, false);
      s.bytes(E.DATA, c.data);
      break;
    case 'Status':
      flag(s, E.NO_RESP, c.noResp);
      req(s, E.MSG_REF, c.msgRef, 'Status/MsgRef');
      req(s, E.CMD_REF, c.cmdRef, 'Status/CmdRef');
      req(s, E.CMD, c.cmd, 'Status/Cmd');
      for (const r of c.targetRefs) s.string(E.TARGET_REF, r);
      for (const r of c.sourceRefs) s.string(E.SOURCE_REF, r);
      cred(s, c.cred);
      chal(s, c.chal);
      num(s, E.DATA, c.code, 'Status/Data');
      items(s, c.items, match, o);
      break;
    case 'Sync':
      flag(s, E.NO_RESP, c.noResp);
      cred(s, c.cred);
      if (c.target !== undefined) target(s, c.target, o);
      if (c.source !== undefined) locRef(s, E.SOURCE, c.source);
      meta(s, c.meta, false);
      num(s, E.NUMBER_OF_CHANGES, c.numberOfChanges, 'Sync/NumberOfChanges');
      for (const inner of c.commands) writeCommand(s, inner, o);
      break;
  }
  s.end(id);
}

/** Writes SyncHdr. */
export function writeHeader(s: ElementSink, h: SyncHeader): void {
  s.start(E.SYNC_HDR);
  req(s, E.VER_DTD, h.version, 'SyncHdr/VerDTD');
  req(s, E.VER_PROTO, h.verProto, 'SyncHdr/VerProto');
  req(s, E.SESSION_ID, h.sessionID, 'SyncHdr/SessionID');
  req(s, E.MSG_ID, h.msgID, 'SyncHdr/MsgID');
  locRef(s, E.TARGET, h.target);
  locRef(s, E.SOURCE, h.source);
  opt(s, E.RESP_URI, h.respURI);
  flag(s, E.NO_RESP, h.noResp);
  cred(s, h.cred);
  meta(s, h.meta, false);
  s.end(E.SYNC_HDR);
}

/** Writes the whole SyncML element. */
export function writeMessage(s: ElementSink, m: SyncMLMessage, o: WriteOptions): void {
  s.start(E.SYNC_ML);
  writeHeader(s, m.header);
  s.start(E.SYNC_BODY);
  for (const c of m.commands) writeCommand(s, c, o);
  flag(s, E.FINAL, m.final);
  s.end(E.SYNC_BODY);
  s.end(E.SYNC_ML);
}

import * as F from '../build/frames.js';
import { newCTCap, newParam, newProperty } from '../build/objects.js';
import type {
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
  Command,
  Cred,
  Delete,
  Filter,
  Item,
  LocRef,
  MapCommand,
  MapItem,
  Mem,
  Meta,
  Put,
  Results,
  Search,
  Status,
  Sync,
  SyncHeader,
  SyncMLMessage,
} from '../model/message.js';
import { bail } from './bail.js';
import type { FusedDecoder } from './decoder.js';
import { textNumber, textPayload, textString, textUniqueString } from './text.js';

/**
 * Leaves: the text of an element that ends becomes a field of its parent's object, as in
 * `build/leaf.ts` (single values keep the last occurrence, repeated ones are appended).
 */

/** False for a flat-CTCap value that has no property (or parameter) to attach to yet. */
export function leafAllowed(f: FusedDecoder, code: number): boolean {
  switch (code) {
    case F.L_FLAT_PARAM_NAME:
    case F.L_FLAT_MAX_SIZE:
    case F.L_FLAT_MAX_OCCUR:
    case F.L_FLAT_NO_TRUNCATE:
      return f.flatProperty !== null;
    case F.L_FLAT_VAL_ENUM:
    case F.L_FLAT_DATA_TYPE:
    case F.L_FLAT_DISPLAY_NAME:
      return f.flatProperty !== null || f.flatParam !== null;
  }
  return true;
}

// VerDTD: its bytes, trimmed, must be 1.0, 1.1 or 1.2 (UNSUPPORTED_VERSION otherwise).
function version(f: FusedDecoder): SyncHeader['version'] {
  const v = textString(f);
  return v === '1.2' ? '1.2' : v === '1.1' ? '1.1' : v === '1.0' ? '1.0' : bail();
}

// VerProto: SyncML/1.0-1.2, white space of any kind around it allowed (UNSUPPORTED_PROTOCOL
// otherwise); the value is kept trimmed of XML white space only, as the builder keeps it.
function protocol(f: FusedDecoder): string {
  const v = textString(f);
  if (v === 'SyncML/1.2' || v === 'SyncML/1.1' || v === 'SyncML/1.0') return v;
  const t = v.trim();
  return t === 'SyncML/1.2' || t === 'SyncML/1.1' || t === 'SyncML/1.0' ? v : bail();
}

// CmdID of its command: one property access per kind of command, so that each stays
// monomorphic (a single one would see a dozen object shapes).
function setCmdID(parent: unknown, code: number, id: string): void {
  switch (code) {
    case F.F_ITEM_CMD:
      (parent as Add).cmdID = id;
      return;
    case F.F_STATUS:
      (parent as Status).cmdID = id;
      return;
    case F.F_ALERT:
      (parent as Alert).cmdID = id;
      return;
    case F.F_SYNC:
      (parent as Sync).cmdID = id;
      return;
    case F.F_GET_PUT:
      (parent as Put).cmdID = id;
      return;
    case F.F_DELETE:
      (parent as Delete).cmdID = id;
      return;
    case F.F_RESULTS:
      (parent as Results).cmdID = id;
      return;
    case F.F_MAP:
      (parent as MapCommand).cmdID = id;
      return;
  }
  (parent as Command).cmdID = id;
}

/** Stores the text of the leaf (code `code`, frame `d`) that just ended into its parent's object. */
export function assignLeaf(f: FusedDecoder, code: number, parent: unknown, d: number): void {
  switch (code) {
    case F.L_VER_DTD:
      (parent as SyncHeader).version = version(f);
      return;
    case F.L_VER_PROTO:
      (parent as SyncHeader).verProto = protocol(f);
      return;
    case F.L_SESSION_ID:
      (parent as SyncHeader).sessionID = textUniqueString(f);
      return;
    case F.L_MSG_ID:
      (parent as SyncHeader).msgID = textString(f);
      return;
    case F.L_RESP_URI:
      (parent as SyncHeader).respURI = textString(f);
      return;
    case F.L_FINAL:
      (parent as SyncMLMessage).final = true;
      return;
    case F.L_CMD_ID:
      setCmdID(parent, f.codes[d - 1]!, textUniqueString(f));
      return;
    case F.L_NO_RESP:
      (parent as Alert).noResp = true;
      return;
    case F.L_ARCHIVE:
      (parent as Delete).archive = true;
      return;
    case F.L_SFT_DEL:
      (parent as Delete).sftDel = true;
      return;
    case F.L_LANG:
      (parent as Search).lang = textString(f);
      return;
    case F.L_ALERT_CODE:
      (parent as Alert).code = textNumber(f);
      return;
    case F.L_CORRELATOR:
      (parent as Alert).correlator = textString(f);
      return;
    case F.L_MSG_REF:
      (parent as Status).msgRef = textUniqueString(f);
      return;
    case F.L_CMD_REF:
      (parent as Status).cmdRef = textUniqueString(f);
      return;
    case F.L_CMD:
      (parent as Status).cmd = textString(f);
      return;
    case F.L_STATUS_TARGET_REF: {
      const status = parent as Status;
      const ref = textUniqueString(f);
      if (status.targetRefs.length === 0) status.targetRefs = [ref];
      else status.targetRefs.push(ref);
      return;
    }
    case F.L_STATUS_SOURCE_REF: {
      const status = parent as Status;
      const ref = textUniqueString(f);
      if (status.sourceRefs.length === 0) status.sourceRefs = [ref];
      else status.sourceRefs.push(ref);
      return;
    }
    case F.L_STATUS_CODE:
      (parent as Status).code = textNumber(f);
      return;
    case F.L_RESULTS_TARGET_REF:
      (parent as Results).targetRef = textString(f);
      return;
    case F.L_RESULTS_SOURCE_REF:
      (parent as Results).sourceRef = textString(f);
      return;
    case F.L_NO_RESULTS:
      (parent as Search).noResults = true;
      return;
    case F.L_SEARCH_DATA:
      (parent as Search).data = textPayload(f);
      return;
    case F.L_NUMBER_OF_CHANGES:
      (parent as Sync).numberOfChanges = textNumber(f);
      return;
    case F.L_LOC_URI:
      // Item addresses are item ids, seldom seen twice; command and header ones recur.
      (parent as LocRef).locURI = f.codes[d - 2] === F.F_ITEM ? textUniqueString(f) : textString(f);
      return;
    case F.L_LOC_NAME:
      (parent as LocRef).locName = textString(f);
      return;
    case F.L_MAP_ITEM_TARGET_URI:
      (parent as MapItem).target = textUniqueString(f);
      return;
    case F.L_MAP_ITEM_SOURCE_URI:
      (parent as MapItem).source = textUniqueString(f);
      return;
    case F.L_SOURCE_PARENT_URI:
      (parent as Item).sourceParent = textUniqueString(f);
      return;
    case F.L_TARGET_PARENT_URI:
      (parent as Item).targetParent = textUniqueString(f);
      return;
    case F.L_MORE_DATA:
      (parent as Item).moreData = true;
      return;
    case F.L_CRED_DATA:
      (parent as Cred).data = textPayload(f);
      return;
    case F.L_FILTER_TYPE:
      (parent as Filter).filterType = textString(f);
      return;
    default:
      if (code <= F.L_FREE_ID) assignMetInf(f, code, parent);
      else assignDevInf(f, code, parent, d);
  }
}

function assignMetInf(f: FusedDecoder, code: number, parent: unknown): void {
  const meta = parent as Meta;
  switch (code) {
    case F.L_FORMAT:
      meta.format = textString(f);
      return;
    case F.L_TYPE:
      meta.type = textString(f);
      return;
    case F.L_MARK:
      meta.mark = textString(f);
      return;
    case F.L_SIZE:
      meta.size = textNumber(f);
      return;
    case F.L_VERSION:
      meta.version = textString(f);
      return;
    case F.L_NEXT_NONCE:
      meta.nextNonce = textPayload(f);
      return;
    case F.L_MAX_MSG_SIZE:
      meta.maxMsgSize = textNumber(f);
      return;
    case F.L_MAX_OBJ_SIZE:
      meta.maxObjSize = textNumber(f);
      return;
    case F.L_EMI:
      if (meta.emi === undefined) meta.emi = [textString(f)];
      else meta.emi.push(textString(f));
      return;
    case F.L_META_FIELD_LEVEL:
      meta.fieldLevel = true;
      return;
    case F.L_LAST:
      (parent as Anchor).last = textUniqueString(f);
      return;
    case F.L_NEXT:
      (parent as Anchor).next = textUniqueString(f);
      return;
    case F.L_MEM_SHARED:
      (parent as Mem).sharedMem = true;
      return;
    case F.L_FREE_MEM:
      (parent as Mem).freeMem = textNumber(f);
      return;
    case F.L_FREE_ID:
      (parent as Mem).freeID = textNumber(f);
      return;
  }
  bail();
}

// The property or parameter a flat-CTCap value belongs to: the one opened last.
function flatTarget(f: FusedDecoder): CTCapProperty | CTCapParam {
  return (f.flatParam ?? f.flatProperty)!;
}

function assignDevInf(f: FusedDecoder, code: number, parent: unknown, d: number): void {
  switch (code) {
    case F.L_DI_VER_DTD:
      (parent as DevInf).verDTD = textString(f);
      return;
    case F.L_MAN:
      (parent as DevInf).man = textString(f);
      return;
    case F.L_MOD:
      (parent as DevInf).mod = textString(f);
      return;
    case F.L_OEM:
      (parent as DevInf).oem = textString(f);
      return;
    case F.L_FW_V:
      (parent as DevInf).fwV = textString(f);
      return;
    case F.L_SW_V:
      (parent as DevInf).swV = textString(f);
      return;
    case F.L_HW_V:
      (parent as DevInf).hwV = textString(f);
      return;
    case F.L_DEV_ID:
      (parent as DevInf).devID = textString(f);
      return;
    case F.L_DEV_TYP:
      (parent as DevInf).devTyp = textString(f);
      return;
    case F.L_UTC:
      (parent as DevInf).utc = true;
      return;
    case F.L_SUPPORT_LARGE_OBJS:
      (parent as DevInf).supportLargeObjs = true;
      return;
    case F.L_SUPPORT_NUMBER_OF_CHANGES:
      (parent as DevInf).supportNumberOfChanges = true;
      return;
    case F.L_DS_SOURCE_REF:
      (parent as DataStore).sourceRef = textString(f);
      return;
    case F.L_DISPLAY_NAME:
      (parent as DataStore).displayName = textString(f);
      return;
    case F.L_MAX_GUID_SIZE:
      (parent as DataStore).maxGUIDSize = textNumber(f);
      return;
    case F.L_SUPPORT_HIERARCHICAL_SYNC:
      (parent as DataStore).supportHierarchicalSync = true;
      return;
    case F.L_CT_TYPE:
      (parent as FilterCap).ctType = textString(f);
      return;
    case F.L_VER_CT:
      (parent as FilterCap).verCT = textString(f);
      return;
    case F.L_DSMEM_SHARED:
      (parent as DSMem).sharedMem = true;
      return;
    case F.L_MAX_MEM:
      (parent as DSMem).maxMem = textNumber(f);
      return;
    case F.L_MAX_ID:
      (parent as DSMem).maxID = textNumber(f);
      return;
    case F.L_SYNC_TYPE:
      (parent as DataStore).syncTypes.push(textNumber(f));
      return;
    case F.L_CTCAP_CT_TYPE: {
      let cap = parent as CTCap;
      if (cap.ctType !== undefined) {
        // DevInf 1.0/1.1: one CTCap element lists several content types, each starting
        // with its CTType. Each becomes a CTCap of its own.
        cap = newCTCap();
        f.ctCapList!.push(cap);
        f.objs[d - 1] = cap;
        f.flatProperty = null;
        f.flatParam = null;
      }
      cap.ctType = textString(f);
      return;
    }
    case F.L_CTCAP_FIELD_LEVEL:
      (parent as CTCap).fieldLevel = true;
      return;
    case F.L_FLAT_PROP_NAME: {
      const property = newProperty();
      property.propName = textString(f);
      (parent as CTCap).properties.push(property);
      f.flatProperty = property;
      f.flatParam = null;
      return;
    }
    case F.L_FLAT_PARAM_NAME: {
      const param = newParam();
      param.paramName = textString(f);
      f.flatProperty!.params.push(param);
      f.flatParam = param;
      return;
    }
    case F.L_FLAT_VAL_ENUM:
      flatTarget(f).valEnums.push(textString(f));
      return;
    case F.L_FLAT_DATA_TYPE:
      flatTarget(f).dataType = textString(f);
      return;
    case F.L_FLAT_DISPLAY_NAME:
      flatTarget(f).displayName = textString(f);
      return;
    case F.L_FLAT_MAX_SIZE:
      f.flatProperty!.maxSize = textNumber(f);
      return;
    case F.L_FLAT_MAX_OCCUR:
      f.flatProperty!.maxOccur = textNumber(f);
      return;
    case F.L_FLAT_NO_TRUNCATE:
      f.flatProperty!.noTruncate = true;
      return;
    case F.L_PROP_NAME:
      (parent as CTCapProperty).propName = textString(f);
      return;
    case F.L_DATA_TYPE:
      (parent as CTCapProperty).dataType = textString(f);
      return;
    case F.L_MAX_OCCUR:
      (parent as CTCapProperty).maxOccur = textNumber(f);
      return;
    case F.L_MAX_SIZE:
      (parent as CTCapProperty).maxSize = textNumber(f);
      return;
    case F.L_NO_TRUNCATE:
      (parent as CTCapProperty).noTruncate = true;
      return;
    case F.L_VAL_ENUM:
      (parent as CTCapProperty).valEnums.push(textString(f));
      return;
    case F.L_PARAM_NAME:
      (parent as CTCapParam).paramName = textString(f);
      return;
    case F.L_FILTER_KEYWORD:
      (parent as FilterCap).filterKeywords.push(textString(f));
      return;
    case F.L_FILTER_CAP_PROP_NAME:
      (parent as FilterCap).propNames.push(textString(f));
      return;
    case F.L_X_NAM:
      (parent as Ext).xNam = textString(f);
      return;
    case F.L_X_VAL:
      (parent as Ext).xVals.push(textString(f));
      return;
  }
  bail();
}

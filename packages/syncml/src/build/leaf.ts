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
  Alert,
  Anchor,
  Cred,
  Delete,
  Filter,
  Item,
  LocRef,
  MapItem,
  Mem,
  Meta,
  Results,
  Search,
  Status,
  Sync,
  SyncHeader,
  SyncMLMessage,
} from '../model/message.js';
import type { TreeBuilder } from './builder.js';
import * as F from './frames.js';
import { newCTCap, newParam, newProperty } from './objects.js';

/**
 * Leaves: the text of an element that ends becomes a field of its parent's object. Single
 * values keep the last occurrence; repeated ones (TargetRef, EMI, SyncType, ValEnum...)
 * are appended in order.
 */

/** False for a flat-CTCap value that has no property (or parameter) to attach to yet. */
export function leafAllowed(b: TreeBuilder, code: number): boolean {
  switch (code) {
    case F.L_FLAT_PARAM_NAME:
    case F.L_FLAT_MAX_SIZE:
    case F.L_FLAT_MAX_OCCUR:
    case F.L_FLAT_NO_TRUNCATE:
      return b.flatProperty !== null;
    case F.L_FLAT_VAL_ENUM:
    case F.L_FLAT_DATA_TYPE:
    case F.L_FLAT_DISPLAY_NAME:
      return b.flatProperty !== null || b.flatParam !== null;
  }
  return true;
}

const SYNCML_VERSIONS = ['1.0', '1.1', '1.2'] as const;

function checkVersion(b: TreeBuilder, d: number): SyncHeader['version'] {
  const v = b.text.string();
  for (const known of SYNCML_VERSIONS) if (v === known) return known;
  return b.fail(
    'UNSUPPORTED_VERSION',
    `VerDTD ${JSON.stringify(v)} is not SyncML 1.0, 1.1 or 1.2`,
    b.offsets[d]!,
    d,
  );
}

function checkProtocol(b: TreeBuilder, d: number): string {
  const v = b.text.string();
  const t = v.trim();
  if (t === 'SyncML/1.0' || t === 'SyncML/1.1' || t === 'SyncML/1.2') return v;
  return b.fail(
    'UNSUPPORTED_PROTOCOL',
    `VerProto ${JSON.stringify(t)} is not SyncML/1.0-1.2`,
    b.offsets[d]!,
    d,
  );
}

/** Property or parameter a flat-CTCap value belongs to: the one opened last. */
function flatTarget(b: TreeBuilder): CTCapProperty | CTCapParam {
  return (b.flatParam ?? b.flatProperty) as CTCapProperty | CTCapParam;
}

type Assign = (b: TreeBuilder, parent: unknown, d: number) => void;

// Leaf code - LEAF_FIRST -> what its end does: one indirect call instead of a long chain of
// comparisons (the codes are imported constants, so a switch over them compiles to one).
const ASSIGN: Assign[] = [];
function on(code: number, assign: Assign): void {
  ASSIGN[code - F.LEAF_FIRST] = assign;
}

/** Stores the text of the leaf (code `code`, frame `d`) that just ended into its parent's object. */
export function assignLeaf(b: TreeBuilder, code: number, parent: unknown, d: number): void {
  ASSIGN[code - F.LEAF_FIRST]!(b, parent, d);
}

on(F.L_VER_DTD, (b, parent, d) => {
  (parent as SyncHeader).version = checkVersion(b, d);
});
on(F.L_VER_PROTO, (b, parent, d) => {
  (parent as SyncHeader).verProto = checkProtocol(b, d);
});
on(F.L_SESSION_ID, (b, parent, _d) => {
  (parent as SyncHeader).sessionID = b.text.uniqueString();
});
on(F.L_MSG_ID, (b, parent, _d) => {
  (parent as SyncHeader).msgID = b.text.string();
});
on(F.L_RESP_URI, (b, parent, _d) => {
  (parent as SyncHeader).respURI = b.text.string();
});
on(F.L_FINAL, (_b, parent, _d) => {
  (parent as SyncMLMessage).final = true;
});
on(F.L_CMD_ID, (b, parent, _d) => {
  (parent as Alert).cmdID = b.text.uniqueString();
});
on(F.L_NO_RESP, (_b, parent, _d) => {
  (parent as Alert).noResp = true;
});
on(F.L_ARCHIVE, (_b, parent, _d) => {
  (parent as Delete).archive = true;
});
on(F.L_SFT_DEL, (_b, parent, _d) => {
  (parent as Delete).sftDel = true;
});
on(F.L_LANG, (b, parent, _d) => {
  (parent as Search).lang = b.text.string();
});
on(F.L_ALERT_CODE, (b, parent, d) => {
  (parent as Alert).code = b.requiredNumber(d);
});
on(F.L_CORRELATOR, (b, parent, _d) => {
  (parent as Alert).correlator = b.text.string();
});
on(F.L_MSG_REF, (b, parent, _d) => {
  (parent as Status).msgRef = b.text.uniqueString();
});
on(F.L_CMD_REF, (b, parent, _d) => {
  (parent as Status).cmdRef = b.text.uniqueString();
});
on(F.L_CMD, (b, parent, _d) => {
  (parent as Status).cmd = b.text.string();
});
on(F.L_STATUS_TARGET_REF, (b, parent, _d) => {
  (parent as Status).targetRefs.push(b.text.uniqueString());
});
on(F.L_STATUS_SOURCE_REF, (b, parent, _d) => {
  (parent as Status).sourceRefs.push(b.text.uniqueString());
});
on(F.L_STATUS_CODE, (b, parent, d) => {
  (parent as Status).code = b.requiredNumber(d);
});
on(F.L_RESULTS_TARGET_REF, (b, parent, _d) => {
  (parent as Results).targetRef = b.text.string();
});
on(F.L_RESULTS_SOURCE_REF, (b, parent, _d) => {
  (parent as Results).sourceRef = b.text.string();
});
on(F.L_NO_RESULTS, (_b, parent, _d) => {
  (parent as Search).noResults = true;
});
on(F.L_SEARCH_DATA, (b, parent, _d) => {
  (parent as Search).data = b.text.payload();
});
on(F.L_NUMBER_OF_CHANGES, (b, parent, d) => {
  (parent as Sync).numberOfChanges = b.requiredNumber(d);
});
on(F.L_LOC_URI, (b, parent, d) => {
  // Item addresses are item ids, seldom seen twice; command and header ones recur.
  (parent as LocRef).locURI = b.codes[d - 2] === F.F_ITEM ? b.text.uniqueString() : b.text.string();
});
on(F.L_LOC_NAME, (b, parent, _d) => {
  (parent as LocRef).locName = b.text.string();
});
on(F.L_MAP_ITEM_TARGET_URI, (b, parent, _d) => {
  (parent as MapItem).target = b.text.uniqueString();
});
on(F.L_MAP_ITEM_SOURCE_URI, (b, parent, _d) => {
  (parent as MapItem).source = b.text.uniqueString();
});
on(F.L_SOURCE_PARENT_URI, (b, parent, _d) => {
  (parent as Item).sourceParent = b.text.uniqueString();
});
on(F.L_TARGET_PARENT_URI, (b, parent, _d) => {
  (parent as Item).targetParent = b.text.uniqueString();
});
on(F.L_MORE_DATA, (_b, parent, _d) => {
  (parent as Item).moreData = true;
});
on(F.L_CRED_DATA, (b, parent, _d) => {
  (parent as Cred).data = b.trimTokens ? b.text.trimmedPayload() : b.text.payload();
});
on(F.L_FILTER_TYPE, (b, parent, _d) => {
  (parent as Filter).filterType = b.text.string();
});
on(F.L_FORMAT, (b, parent, _d) => {
  (parent as Meta).format = b.text.string();
});
on(F.L_TYPE, (b, parent, _d) => {
  (parent as Meta).type = b.text.string();
});
on(F.L_MARK, (b, parent, _d) => {
  (parent as Meta).mark = b.text.string();
});
on(F.L_SIZE, (b, parent, d) => {
  (parent as Meta).size = b.requiredNumber(d);
});
on(F.L_VERSION, (b, parent, _d) => {
  (parent as Meta).version = b.text.string();
});
on(F.L_NEXT_NONCE, (b, parent, _d) => {
  (parent as Meta).nextNonce = b.trimTokens ? b.text.trimmedPayload() : b.text.payload();
});
on(F.L_MAX_MSG_SIZE, (b, parent, d) => {
  (parent as Meta).maxMsgSize = b.requiredNumber(d);
});
on(F.L_MAX_OBJ_SIZE, (b, parent, d) => {
  (parent as Meta).maxObjSize = b.requiredNumber(d);
});
on(F.L_EMI, (b, parent, _d) => {
  const meta = parent as Meta;
  if (meta.emi === undefined) meta.emi = [b.text.string()];
  else meta.emi.push(b.text.string());
});
on(F.L_META_FIELD_LEVEL, (_b, parent, _d) => {
  (parent as Meta).fieldLevel = true;
});
on(F.L_LAST, (b, parent, _d) => {
  (parent as Anchor).last = b.text.uniqueString();
});
on(F.L_NEXT, (b, parent, _d) => {
  (parent as Anchor).next = b.text.uniqueString();
});
on(F.L_MEM_SHARED, (_b, parent, _d) => {
  (parent as Mem).sharedMem = true;
});
on(F.L_FREE_MEM, (b, parent, d) => {
  (parent as Mem).freeMem = b.requiredNumber(d);
});
on(F.L_FREE_ID, (b, parent, d) => {
  (parent as Mem).freeID = b.requiredNumber(d);
});
on(F.L_DI_VER_DTD, (b, parent, _d) => {
  (parent as DevInf).verDTD = b.text.string();
});
on(F.L_MAN, (b, parent, _d) => {
  (parent as DevInf).man = b.text.string();
});
on(F.L_MOD, (b, parent, _d) => {
  (parent as DevInf).mod = b.text.string();
});
on(F.L_OEM, (b, parent, _d) => {
  (parent as DevInf).oem = b.text.string();
});
on(F.L_FW_V, (b, parent, _d) => {
  (parent as DevInf).fwV = b.text.string();
});
on(F.L_SW_V, (b, parent, _d) => {
  (parent as DevInf).swV = b.text.string();
});
on(F.L_HW_V, (b, parent, _d) => {
  (parent as DevInf).hwV = b.text.string();
});
on(F.L_DEV_ID, (b, parent, _d) => {
  (parent as DevInf).devID = b.text.string();
});
on(F.L_DEV_TYP, (b, parent, _d) => {
  (parent as DevInf).devTyp = b.text.string();
});
on(F.L_UTC, (_b, parent, _d) => {
  (parent as DevInf).utc = true;
});
on(F.L_SUPPORT_LARGE_OBJS, (_b, parent, _d) => {
  (parent as DevInf).supportLargeObjs = true;
});
on(F.L_SUPPORT_NUMBER_OF_CHANGES, (_b, parent, _d) => {
  (parent as DevInf).supportNumberOfChanges = true;
});
on(F.L_DS_SOURCE_REF, (b, parent, _d) => {
  (parent as DataStore).sourceRef = b.text.string();
});
on(F.L_DISPLAY_NAME, (b, parent, _d) => {
  (parent as DataStore).displayName = b.text.string();
});
on(F.L_MAX_GUID_SIZE, (b, parent, d) => {
  (parent as DataStore).maxGUIDSize = b.lenientNumber(d);
});
on(F.L_SUPPORT_HIERARCHICAL_SYNC, (_b, parent, _d) => {
  (parent as DataStore).supportHierarchicalSync = true;
});
on(F.L_CT_TYPE, (b, parent, _d) => {
  (parent as FilterCap).ctType = b.text.string();
});
on(F.L_VER_CT, (b, parent, _d) => {
  (parent as FilterCap).verCT = b.text.string();
});
on(F.L_DSMEM_SHARED, (_b, parent, _d) => {
  (parent as DSMem).sharedMem = true;
});
on(F.L_MAX_MEM, (b, parent, d) => {
  (parent as DSMem).maxMem = b.lenientNumber(d);
});
on(F.L_MAX_ID, (b, parent, d) => {
  (parent as DSMem).maxID = b.lenientNumber(d);
});
on(F.L_SYNC_TYPE, (b, parent, d) => {
  const v = b.lenientNumber(d);
  if (v !== undefined) (parent as DataStore).syncTypes.push(v);
});
on(F.L_CTCAP_CT_TYPE, (b, parent, d) => {
  let cap = parent as CTCap;
  if (cap.ctType !== undefined) {
    // DevInf 1.0/1.1: one CTCap element lists several content types, each starting
    // with its CTType. Each becomes a CTCap of its own.
    cap = newCTCap();
    b.ctCapList!.push(cap);
    b.objs[d - 1] = cap;
    b.flatProperty = null;
    b.flatParam = null;
  }
  cap.ctType = b.text.string();
});
on(F.L_CTCAP_FIELD_LEVEL, (_b, parent, _d) => {
  (parent as CTCap).fieldLevel = true;
});
on(F.L_FLAT_PROP_NAME, (b, parent, _d) => {
  const property = newProperty();
  property.propName = b.text.string();
  (parent as CTCap).properties.push(property);
  b.flatProperty = property;
  b.flatParam = null;
});
on(F.L_FLAT_PARAM_NAME, (b, _parent, _d) => {
  const param = newParam();
  param.paramName = b.text.string();
  (b.flatProperty as CTCapProperty).params.push(param);
  b.flatParam = param;
});
on(F.L_FLAT_VAL_ENUM, (b, _parent, _d) => {
  flatTarget(b).valEnums.push(b.text.string());
});
on(F.L_FLAT_DATA_TYPE, (b, _parent, _d) => {
  flatTarget(b).dataType = b.text.string();
});
on(F.L_FLAT_DISPLAY_NAME, (b, _parent, _d) => {
  flatTarget(b).displayName = b.text.string();
});
on(F.L_FLAT_MAX_SIZE, (b, _parent, d) => {
  (b.flatProperty as CTCapProperty).maxSize = b.lenientNumber(d);
});
on(F.L_FLAT_MAX_OCCUR, (b, _parent, d) => {
  (b.flatProperty as CTCapProperty).maxOccur = b.lenientNumber(d);
});
on(F.L_FLAT_NO_TRUNCATE, (b, _parent, _d) => {
  (b.flatProperty as CTCapProperty).noTruncate = true;
});
on(F.L_PROP_NAME, (b, parent, _d) => {
  (parent as CTCapProperty).propName = b.text.string();
});
on(F.L_DATA_TYPE, (b, parent, _d) => {
  (parent as CTCapProperty).dataType = b.text.string();
});
on(F.L_MAX_OCCUR, (b, parent, d) => {
  (parent as CTCapProperty).maxOccur = b.lenientNumber(d);
});
on(F.L_MAX_SIZE, (b, parent, d) => {
  (parent as CTCapProperty).maxSize = b.lenientNumber(d);
});
on(F.L_NO_TRUNCATE, (_b, parent, _d) => {
  (parent as CTCapProperty).noTruncate = true;
});
on(F.L_VAL_ENUM, (b, parent, _d) => {
  (parent as CTCapProperty).valEnums.push(b.text.string());
});
on(F.L_PARAM_NAME, (b, parent, _d) => {
  (parent as CTCapParam).paramName = b.text.string();
});
on(F.L_FILTER_KEYWORD, (b, parent, _d) => {
  (parent as FilterCap).filterKeywords.push(b.text.string());
});
on(F.L_FILTER_CAP_PROP_NAME, (b, parent, _d) => {
  (parent as FilterCap).propNames.push(b.text.string());
});
on(F.L_X_NAM, (b, parent, _d) => {
  (parent as Ext).xNam = b.text.string();
});
on(F.L_X_VAL, (b, parent, _d) => {
  (parent as Ext).xVals.push(b.text.string());
});

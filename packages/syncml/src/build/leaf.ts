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
  const v = b.text.string().trim();
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

export function assignLeaf(b: TreeBuilder, code: number, parent: unknown, d: number): void {
  const t = b.text;
  switch (code) {
    // SyncHdr
    case F.L_VER_DTD:
      (parent as SyncHeader).version = checkVersion(b, d);
      return;
    case F.L_VER_PROTO:
      (parent as SyncHeader).verProto = checkProtocol(b, d);
      return;
    case F.L_SESSION_ID:
      (parent as SyncHeader).sessionID = t.string();
      return;
    case F.L_MSG_ID:
      (parent as SyncHeader).msgID = t.string();
      return;
    case F.L_RESP_URI:
      (parent as SyncHeader).respURI = t.string();
      return;
    case F.L_FINAL:
      (parent as SyncMLMessage).final = true;
      return;
    // Commands
    case F.L_CMD_ID:
      (parent as Alert).cmdID = t.string();
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
      (parent as Search).lang = t.string();
      return;
    case F.L_ALERT_CODE:
      (parent as Alert).code = b.requiredNumber(d);
      return;
    case F.L_CORRELATOR:
      (parent as Alert).correlator = t.string();
      return;
    case F.L_MSG_REF:
      (parent as Status).msgRef = t.string();
      return;
    case F.L_CMD_REF:
      (parent as Status).cmdRef = t.string();
      return;
    case F.L_CMD:
      (parent as Status).cmd = t.string();
      return;
    case F.L_STATUS_TARGET_REF:
      (parent as Status).targetRefs.push(t.string());
      return;
    case F.L_STATUS_SOURCE_REF:
      (parent as Status).sourceRefs.push(t.string());
      return;
    case F.L_STATUS_CODE:
      (parent as Status).code = b.requiredNumber(d);
      return;
    case F.L_RESULTS_TARGET_REF:
      (parent as Results).targetRef = t.string();
      return;
    case F.L_RESULTS_SOURCE_REF:
      (parent as Results).sourceRef = t.string();
      return;
    case F.L_NO_RESULTS:
      (parent as Search).noResults = true;
      return;
    case F.L_SEARCH_DATA:
      (parent as Search).data = t.payload();
      return;
    case F.L_NUMBER_OF_CHANGES:
      (parent as Sync).numberOfChanges = b.requiredNumber(d);
      return;
    // Addresses, items
    case F.L_LOC_URI:
      (parent as LocRef).locURI = t.string();
      return;
    case F.L_LOC_NAME:
      (parent as LocRef).locName = t.string();
      return;
    case F.L_MAP_ITEM_TARGET_URI:
      (parent as MapItem).target = t.string();
      return;
    case F.L_MAP_ITEM_SOURCE_URI:
      (parent as MapItem).source = t.string();
      return;
    case F.L_SOURCE_PARENT_URI:
      (parent as Item).sourceParent = t.string();
      return;
    case F.L_TARGET_PARENT_URI:
      (parent as Item).targetParent = t.string();
      return;
    case F.L_MORE_DATA:
      (parent as Item).moreData = true;
      return;
    case F.L_CRED_DATA:
      (parent as Cred).data = t.payload();
      return;
    case F.L_FILTER_TYPE:
      (parent as Filter).filterType = t.string();
      return;
    // MetInf
    case F.L_FORMAT:
      (parent as Meta).format = t.string();
      return;
    case F.L_TYPE:
      (parent as Meta).type = t.string();
      return;
    case F.L_MARK:
      (parent as Meta).mark = t.string();
      return;
    case F.L_SIZE:
      (parent as Meta).size = b.requiredNumber(d);
      return;
    case F.L_VERSION:
      (parent as Meta).version = t.string();
      return;
    case F.L_NEXT_NONCE:
      (parent as Meta).nextNonce = t.payload();
      return;
    case F.L_MAX_MSG_SIZE:
      (parent as Meta).maxMsgSize = b.requiredNumber(d);
      return;
    case F.L_MAX_OBJ_SIZE:
      (parent as Meta).maxObjSize = b.requiredNumber(d);
      return;
    case F.L_EMI: {
      const meta = parent as Meta;
      if (meta.emi === undefined) meta.emi = [t.string()];
      else meta.emi.push(t.string());
      return;
    }
    case F.L_META_FIELD_LEVEL:
      (parent as Meta).fieldLevel = true;
      return;
    case F.L_LAST:
      (parent as Anchor).last = t.string();
      return;
    case F.L_NEXT:
      (parent as Anchor).next = t.string();
      return;
    case F.L_MEM_SHARED:
      (parent as Mem).sharedMem = true;
      return;
    case F.L_FREE_MEM:
      (parent as Mem).freeMem = b.requiredNumber(d);
      return;
    case F.L_FREE_ID:
      (parent as Mem).freeID = b.requiredNumber(d);
      return;
    // DevInf
    case F.L_DI_VER_DTD:
      (parent as DevInf).verDTD = t.string();
      return;
    case F.L_MAN:
      (parent as DevInf).man = t.string();
      return;
    case F.L_MOD:
      (parent as DevInf).mod = t.string();
      return;
    case F.L_OEM:
      (parent as DevInf).oem = t.string();
      return;
    case F.L_FW_V:
      (parent as DevInf).fwV = t.string();
      return;
    case F.L_SW_V:
      (parent as DevInf).swV = t.string();
      return;
    case F.L_HW_V:
      (parent as DevInf).hwV = t.string();
      return;
    case F.L_DEV_ID:
      (parent as DevInf).devID = t.string();
      return;
    case F.L_DEV_TYP:
      (parent as DevInf).devTyp = t.string();
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
      (parent as DataStore).sourceRef = t.string();
      return;
    case F.L_DISPLAY_NAME:
      (parent as DataStore).displayName = t.string();
      return;
    case F.L_MAX_GUID_SIZE:
      (parent as DataStore).maxGUIDSize = b.lenientNumber(d);
      return;
    case F.L_SUPPORT_HIERARCHICAL_SYNC:
      (parent as DataStore).supportHierarchicalSync = true;
      return;
    case F.L_CT_TYPE:
      (parent as FilterCap).ctType = t.string();
      return;
    case F.L_VER_CT:
      (parent as FilterCap).verCT = t.string();
      return;
    case F.L_DSMEM_SHARED:
      (parent as DSMem).sharedMem = true;
      return;
    case F.L_MAX_MEM:
      (parent as DSMem).maxMem = b.lenientNumber(d);
      return;
    case F.L_MAX_ID:
      (parent as DSMem).maxID = b.lenientNumber(d);
      return;
    case F.L_SYNC_TYPE: {
      const v = b.lenientNumber(d);
      if (v !== undefined) (parent as DataStore).syncTypes.push(v);
      return;
    }
    case F.L_CTCAP_CT_TYPE: {
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
      cap.ctType = t.string();
      return;
    }
    case F.L_CTCAP_FIELD_LEVEL:
      (parent as CTCap).fieldLevel = true;
      return;
    case F.L_FLAT_PROP_NAME: {
      const property = newProperty();
      property.propName = t.string();
      (parent as CTCap).properties.push(property);
      b.flatProperty = property;
      b.flatParam = null;
      return;
    }
    case F.L_FLAT_PARAM_NAME: {
      const param = newParam();
      param.paramName = t.string();
      (b.flatProperty as CTCapProperty).params.push(param);
      b.flatParam = param;
      return;
    }
    case F.L_FLAT_VAL_ENUM:
      flatTarget(b).valEnums.push(t.string());
      return;
    case F.L_FLAT_DATA_TYPE:
      flatTarget(b).dataType = t.string();
      return;
    case F.L_FLAT_DISPLAY_NAME:
      flatTarget(b).displayName = t.string();
      return;
    case F.L_FLAT_MAX_SIZE:
      (b.flatProperty as CTCapProperty).maxSize = b.lenientNumber(d);
      return;
    case F.L_FLAT_MAX_OCCUR:
      (b.flatProperty as CTCapProperty).maxOccur = b.lenientNumber(d);
      return;
    case F.L_FLAT_NO_TRUNCATE:
      (b.flatProperty as CTCapProperty).noTruncate = true;
      return;
    case F.L_PROP_NAME:
      (parent as CTCapProperty).propName = t.string();
      return;
    case F.L_DATA_TYPE:
      (parent as CTCapProperty).dataType = t.string();
      return;
    case F.L_MAX_OCCUR:
      (parent as CTCapProperty).maxOccur = b.lenientNumber(d);
      return;
    case F.L_MAX_SIZE:
      (parent as CTCapProperty).maxSize = b.lenientNumber(d);
      return;
    case F.L_NO_TRUNCATE:
      (parent as CTCapProperty).noTruncate = true;
      return;
    case F.L_VAL_ENUM:
      (parent as CTCapProperty).valEnums.push(t.string());
      return;
    case F.L_PARAM_NAME:
      (parent as CTCapParam).paramName = t.string();
      return;
    case F.L_FILTER_KEYWORD:
      (parent as FilterCap).filterKeywords.push(t.string());
      return;
    case F.L_FILTER_CAP_PROP_NAME:
      (parent as FilterCap).propNames.push(t.string());
      return;
    case F.L_X_NAM:
      (parent as Ext).xNam = t.string();
      return;
    case F.L_X_VAL:
      (parent as Ext).xVals.push(t.string());
      return;
  }
}

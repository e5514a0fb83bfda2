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
 *
 * Case labels are the frame codes (element ids) as literals, named in a comment: V8 compiles
 * a switch over integer literals to one indexed jump, over imported constants to a chain of
 * comparisons (`named-literals.test.ts` checks every label against its constant).
 */

/** False for a flat-CTCap value that has no property (or parameter) to attach to yet. */
export function leafAllowed(f: FusedDecoder, code: number): boolean {
  switch (code) {
    case /* L_FLAT_PARAM_NAME */ 137:
    case /* L_FLAT_MAX_SIZE */ 141:
    case /* L_FLAT_MAX_OCCUR */ 142:
    case /* L_FLAT_NO_TRUNCATE */ 143:
      return f.flatProperty !== null;
    case /* L_FLAT_VAL_ENUM */ 138:
    case /* L_FLAT_DATA_TYPE */ 139:
    case /* L_FLAT_DISPLAY_NAME */ 140:
      return f.flatProperty !== null || f.flatParam !== null;
  }
  return true;
}

const VERSIONS = ['1.0', '1.1', '1.2'] as const;
const PROTOCOLS = ['SyncML/1.0', 'SyncML/1.1', 'SyncML/1.2'] as const;

// VerDTD: its bytes, trimmed, must be 1.0, 1.1 or 1.2 (UNSUPPORTED_VERSION otherwise). The
// usual bytes, exactly `1.x`, are told from the bytes.
function version(f: FusedDecoder, s: number, e: number): SyncHeader['version'] {
  const buf = f.buf;
  if (e - s === 3 && buf[s] === 0x31 && buf[s + 1] === 0x2e) {
    const minor = buf[s + 2]! - 0x30;
    if (minor >= 0 && minor <= 2) return VERSIONS[minor]!;
  }
  const v = textString(f, s, e);
  return v === '1.2' ? '1.2' : v === '1.1' ? '1.1' : v === '1.0' ? '1.0' : bail();
}

// VerProto: SyncML/1.0-1.2, white space of any kind around it allowed (UNSUPPORTED_PROTOCOL
// otherwise); the value is kept trimmed of XML white space only, as the builder keeps it. The
// usual bytes, exactly `SyncML/1.x`, are told from the bytes.
function protocol(f: FusedDecoder, s: number, e: number): string {
  const buf = f.buf;
  if (e - s === 10 && buf[s + 6] === 0x2f && buf[s + 7] === 0x31 && buf[s + 8] === 0x2e) {
    const minor = buf[s + 9]! - 0x30;
    if (
      minor >= 0 &&
      minor <= 2 &&
      buf[s] === 0x53 && // S
      buf[s + 1] === 0x79 && // y
      buf[s + 2] === 0x6e && // n
      buf[s + 3] === 0x63 && // c
      buf[s + 4] === 0x4d && // M
      buf[s + 5] === 0x4c // L
    )
      return PROTOCOLS[minor]!;
  }
  const v = textString(f, s, e);
  const t = v.trim();
  return t === 'SyncML/1.2' || t === 'SyncML/1.1' || t === 'SyncML/1.0' ? v : bail();
}

// CmdID of its command: one property access per kind of command, so that each stays
// monomorphic (a single one would see a dozen object shapes).
function setCmdID(parent: unknown, code: number, id: string): void {
  switch (code) {
    case /* F_ITEM_CMD */ 5:
      (parent as Add).cmdID = id;
      return;
    case /* F_STATUS */ 17:
      (parent as Status).cmdID = id;
      return;
    case /* F_ALERT */ 8:
      (parent as Alert).cmdID = id;
      return;
    case /* F_SYNC */ 18:
      (parent as Sync).cmdID = id;
      return;
    case /* F_GET_PUT */ 7:
      (parent as Put).cmdID = id;
      return;
    case /* F_DELETE */ 6:
      (parent as Delete).cmdID = id;
      return;
    case /* F_RESULTS */ 15:
      (parent as Results).cmdID = id;
      return;
    case /* F_MAP */ 11:
      (parent as MapCommand).cmdID = id;
      return;
  }
  (parent as Command).cmdID = id;
}

/**
 * Stores the text of the leaf (code `code`, frame `d`) that just ended, `f.buf[s, e)` (an
 * empty range when it had none), into its parent's object.
 */
export function assignLeaf(
  f: FusedDecoder,
  code: number,
  parent: unknown,
  d: number,
  s: number,
  e: number,
): void {
  switch (code) {
    case /* L_VER_DTD */ 64:
      (parent as SyncHeader).version = version(f, s, e);
      return;
    case /* L_VER_PROTO */ 65:
      (parent as SyncHeader).verProto = protocol(f, s, e);
      return;
    case /* L_SESSION_ID */ 66:
      (parent as SyncHeader).sessionID = textUniqueString(f, s, e);
      return;
    case /* L_MSG_ID */ 67:
      (parent as SyncHeader).msgID = textString(f, s, e);
      return;
    case /* L_RESP_URI */ 68:
      (parent as SyncHeader).respURI = textString(f, s, e);
      return;
    case /* L_FINAL */ 69:
      (parent as SyncMLMessage).final = true;
      return;
    case /* L_CMD_ID */ 70:
      setCmdID(parent, f.codes[d - 1]!, textUniqueString(f, s, e));
      return;
    case /* L_NO_RESP */ 71:
      (parent as Alert).noResp = true;
      return;
    case /* L_ARCHIVE */ 72:
      (parent as Delete).archive = true;
      return;
    case /* L_SFT_DEL */ 73:
      (parent as Delete).sftDel = true;
      return;
    case /* L_LANG */ 74:
      (parent as Search).lang = textString(f, s, e);
      return;
    case /* L_ALERT_CODE */ 75:
      (parent as Alert).code = textNumber(f, s, e);
      return;
    case /* L_CORRELATOR */ 76:
      (parent as Alert).correlator = textString(f, s, e);
      return;
    case /* L_MSG_REF */ 77:
      (parent as Status).msgRef = textUniqueString(f, s, e);
      return;
    case /* L_CMD_REF */ 78:
      (parent as Status).cmdRef = textUniqueString(f, s, e);
      return;
    case /* L_CMD */ 79:
      (parent as Status).cmd = textString(f, s, e);
      return;
    case /* L_STATUS_TARGET_REF */ 80: {
      const status = parent as Status;
      const ref = textUniqueString(f, s, e);
      if (status.targetRefs.length === 0) status.targetRefs = [ref];
      else status.targetRefs.push(ref);
      return;
    }
    case /* L_STATUS_SOURCE_REF */ 81: {
      const status = parent as Status;
      const ref = textUniqueString(f, s, e);
      if (status.sourceRefs.length === 0) status.sourceRefs = [ref];
      else status.sourceRefs.push(ref);
      return;
    }
    case /* L_STATUS_CODE */ 82:
      (parent as Status).code = textNumber(f, s, e);
      return;
    case /* L_RESULTS_TARGET_REF */ 83:
      (parent as Results).targetRef = textString(f, s, e);
      return;
    case /* L_RESULTS_SOURCE_REF */ 84:
      (parent as Results).sourceRef = textString(f, s, e);
      return;
    case /* L_NO_RESULTS */ 85:
      (parent as Search).noResults = true;
      return;
    case /* L_SEARCH_DATA */ 86:
      (parent as Search).data = textPayload(f, s, e);
      return;
    case /* L_NUMBER_OF_CHANGES */ 87:
      (parent as Sync).numberOfChanges = textNumber(f, s, e);
      return;
    case /* L_LOC_URI */ 88:
      // Item addresses are item ids, seldom seen twice; command and header ones recur.
      (parent as LocRef).locURI =
        f.codes[d - 2] === /* F_ITEM */ 19 ? textUniqueString(f, s, e) : textString(f, s, e);
      return;
    case /* L_LOC_NAME */ 89:
      (parent as LocRef).locName = textString(f, s, e);
      return;
    case /* L_MAP_ITEM_TARGET_URI */ 90:
      (parent as MapItem).target = textUniqueString(f, s, e);
      return;
    case /* L_MAP_ITEM_SOURCE_URI */ 91:
      (parent as MapItem).source = textUniqueString(f, s, e);
      return;
    case /* L_SOURCE_PARENT_URI */ 92:
      (parent as Item).sourceParent = textUniqueString(f, s, e);
      return;
    case /* L_TARGET_PARENT_URI */ 93:
      (parent as Item).targetParent = textUniqueString(f, s, e);
      return;
    case /* L_MORE_DATA */ 94:
      (parent as Item).moreData = true;
      return;
    case /* L_CRED_DATA */ 95:
      (parent as Cred).data = textPayload(f, s, e);
      return;
    case /* L_FILTER_TYPE */ 96:
      (parent as Filter).filterType = textString(f, s, e);
      return;
    // MetInf
    case /* L_FORMAT */ 97:
      (parent as Meta).format = textString(f, s, e);
      return;
    case /* L_TYPE */ 98:
      (parent as Meta).type = textString(f, s, e);
      return;
    case /* L_MARK */ 99:
      (parent as Meta).mark = textString(f, s, e);
      return;
    case /* L_SIZE */ 100:
      (parent as Meta).size = textNumber(f, s, e);
      return;
    case /* L_VERSION */ 101:
      (parent as Meta).version = textString(f, s, e);
      return;
    case /* L_NEXT_NONCE */ 102:
      (parent as Meta).nextNonce = textPayload(f, s, e);
      return;
    case /* L_MAX_MSG_SIZE */ 103:
      (parent as Meta).maxMsgSize = textNumber(f, s, e);
      return;
    case /* L_MAX_OBJ_SIZE */ 104:
      (parent as Meta).maxObjSize = textNumber(f, s, e);
      return;
    case /* L_EMI */ 105: {
      const meta = parent as Meta;
      if (meta.emi === undefined) meta.emi = [textString(f, s, e)];
      else meta.emi.push(textString(f, s, e));
      return;
    }
    case /* L_META_FIELD_LEVEL */ 106:
      (parent as Meta).fieldLevel = true;
      return;
    case /* L_LAST */ 107:
      (parent as Anchor).last = textUniqueString(f, s, e);
      return;
    case /* L_NEXT */ 108:
      (parent as Anchor).next = textUniqueString(f, s, e);
      return;
    case /* L_MEM_SHARED */ 109:
      (parent as Mem).sharedMem = true;
      return;
    case /* L_FREE_MEM */ 110:
      (parent as Mem).freeMem = textNumber(f, s, e);
      return;
    case /* L_FREE_ID */ 111:
      (parent as Mem).freeID = textNumber(f, s, e);
      return;
    default:
      assignDevInf(f, code, parent, d, s, e);
  }
}

// The property or parameter a flat-CTCap value belongs to: the one opened last.
function flatTarget(f: FusedDecoder): CTCapProperty | CTCapParam {
  return (f.flatParam ?? f.flatProperty)!;
}

function assignDevInf(f: FusedDecoder, code: number, parent: unknown, d: number, s: number, e: number): void {
  switch (code) {
    case /* L_DI_VER_DTD */ 112:
      (parent as DevInf).verDTD = textString(f, s, e);
      return;
    case /* L_MAN */ 113:
      (parent as DevInf).man = textString(f, s, e);
      return;
    case /* L_MOD */ 114:
      (parent as DevInf).mod = textString(f, s, e);
      return;
    case /* L_OEM */ 115:
      (parent as DevInf).oem = textString(f, s, e);
      return;
    case /* L_FW_V */ 116:
      (parent as DevInf).fwV = textString(f, s, e);
      return;
    case /* L_SW_V */ 117:
      (parent as DevInf).swV = textString(f, s, e);
      return;
    case /* L_HW_V */ 118:
      (parent as DevInf).hwV = textString(f, s, e);
      return;
    case /* L_DEV_ID */ 119:
      (parent as DevInf).devID = textString(f, s, e);
      return;
    case /* L_DEV_TYP */ 120:
      (parent as DevInf).devTyp = textString(f, s, e);
      return;
    case /* L_UTC */ 121:
      (parent as DevInf).utc = true;
      return;
    case /* L_SUPPORT_LARGE_OBJS */ 122:
      (parent as DevInf).supportLargeObjs = true;
      return;
    case /* L_SUPPORT_NUMBER_OF_CHANGES */ 123:
      (parent as DevInf).supportNumberOfChanges = true;
      return;
    case /* L_DS_SOURCE_REF */ 124:
      (parent as DataStore).sourceRef = textString(f, s, e);
      return;
    case /* L_DISPLAY_NAME */ 125:
      (parent as DataStore).displayName = textString(f, s, e);
      return;
    case /* L_MAX_GUID_SIZE */ 126:
      (parent as DataStore).maxGUIDSize = textNumber(f, s, e);
      return;
    case /* L_SUPPORT_HIERARCHICAL_SYNC */ 127:
      (parent as DataStore).supportHierarchicalSync = true;
      return;
    case /* L_CT_TYPE */ 128:
      (parent as FilterCap).ctType = textString(f, s, e);
      return;
    case /* L_VER_CT */ 129:
      (parent as FilterCap).verCT = textString(f, s, e);
      return;
    case /* L_DSMEM_SHARED */ 130:
      (parent as DSMem).sharedMem = true;
      return;
    case /* L_MAX_MEM */ 131:
      (parent as DSMem).maxMem = textNumber(f, s, e);
      return;
    case /* L_MAX_ID */ 132:
      (parent as DSMem).maxID = textNumber(f, s, e);
      return;
    case /* L_SYNC_TYPE */ 133:
      (parent as DataStore).syncTypes.push(textNumber(f, s, e));
      return;
    case /* L_CTCAP_CT_TYPE */ 134: {
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
      cap.ctType = textString(f, s, e);
      return;
    }
    case /* L_CTCAP_FIELD_LEVEL */ 135:
      (parent as CTCap).fieldLevel = true;
      return;
    case /* L_FLAT_PROP_NAME */ 136: {
      const property = newProperty();
      property.propName = textString(f, s, e);
      (parent as CTCap).properties.push(property);
      f.flatProperty = property;
      f.flatParam = null;
      return;
    }
    case /* L_FLAT_PARAM_NAME */ 137: {
      const param = newParam();
      param.paramName = textString(f, s, e);
      f.flatProperty!.params.push(param);
      f.flatParam = param;
      return;
    }
    case /* L_FLAT_VAL_ENUM */ 138:
      flatTarget(f).valEnums.push(textString(f, s, e));
      return;
    case /* L_FLAT_DATA_TYPE */ 139:
      flatTarget(f).dataType = textString(f, s, e);
      return;
    case /* L_FLAT_DISPLAY_NAME */ 140:
      flatTarget(f).displayName = textString(f, s, e);
      return;
    case /* L_FLAT_MAX_SIZE */ 141:
      f.flatProperty!.maxSize = textNumber(f, s, e);
      return;
    case /* L_FLAT_MAX_OCCUR */ 142:
      f.flatProperty!.maxOccur = textNumber(f, s, e);
      return;
    case /* L_FLAT_NO_TRUNCATE */ 143:
      f.flatProperty!.noTruncate = true;
      return;
    case /* L_PROP_NAME */ 144:
      (parent as CTCapProperty).propName = textString(f, s, e);
      return;
    case /* L_DATA_TYPE */ 145:
      (parent as CTCapProperty).dataType = textString(f, s, e);
      return;
    case /* L_MAX_OCCUR */ 146:
      (parent as CTCapProperty).maxOccur = textNumber(f, s, e);
      return;
    case /* L_MAX_SIZE */ 147:
      (parent as CTCapProperty).maxSize = textNumber(f, s, e);
      return;
    case /* L_NO_TRUNCATE */ 148:
      (parent as CTCapProperty).noTruncate = true;
      return;
    case /* L_VAL_ENUM */ 149:
      (parent as CTCapProperty).valEnums.push(textString(f, s, e));
      return;
    case /* L_PARAM_NAME */ 150:
      (parent as CTCapParam).paramName = textString(f, s, e);
      return;
    case /* L_FILTER_KEYWORD */ 151:
      (parent as FilterCap).filterKeywords.push(textString(f, s, e));
      return;
    case /* L_FILTER_CAP_PROP_NAME */ 152:
      (parent as FilterCap).propNames.push(textString(f, s, e));
      return;
    case /* L_X_NAM */ 153:
      (parent as Ext).xNam = textString(f, s, e);
      return;
    case /* L_X_VAL */ 154:
      (parent as Ext).xVals.push(textString(f, s, e));
      return;
  }
  bail();
}

import * as E from '../vocabulary/element-ids.js';
import { ELEMENT_ID_LIMIT } from '../vocabulary/element-ids.js';

/**
 * The grammar of the builder: what each open element (a "frame") may contain. A frame code
 * says what an open element is; {@link childCode} maps (frame code, element id) to the
 * code of the child, or -1 when the model has no slot for it there. Codes below
 * {@link LEAF_FIRST} are containers (they own an AST object); codes from it on are leaves
 * (their text becomes a field of the parent's object when they end).
 */

// Containers
export const F_DOC_MESSAGE = 0;
export const F_DOC_DEVINF = 1;
export const F_SYNCML = 2;
export const F_HDR = 3;
export const F_BODY = 4;
/** Add, Replace, Copy, Move. */
export const F_ITEM_CMD = 5;
export const F_DELETE = 6;
/** Get, Put. */
export const F_GET_PUT = 7;
export const F_ALERT = 8;
/** Atomic, Sequence. */
export const F_ATOMIC = 9;
export const F_EXEC = 10;
export const F_MAP = 11;
export const F_MAP_ITEM = 12;
export const F_MAP_ITEM_TARGET = 13;
export const F_MAP_ITEM_SOURCE = 14;
export const F_RESULTS = 15;
export const F_SEARCH = 16;
export const F_STATUS = 17;
export const F_SYNC = 18;
export const F_ITEM = 19;
/** A Target that may carry a Filter (commands, items). */
export const F_TARGET = 20;
/** A plain Target/Source (LocURI, LocName). */
export const F_LOC_REF = 21;
export const F_SOURCE_PARENT = 22;
export const F_TARGET_PARENT = 23;
/** Meta, MetInf elements inside Data, and the `MetInf` wrapper element. */
export const F_META = 24;
export const F_ANCHOR = 25;
export const F_MEM = 26;
export const F_CRED = 27;
export const F_CHAL = 28;
export const F_FILTER = 29;
export const F_FILTER_FIELD = 30;
export const F_FILTER_RECORD = 31;
/** Data of an Item: bytes, a DevInf document, or MetInf elements. */
export const F_ITEM_DATA = 32;
/** Data of an Item once its DevInf child is complete: only white space may follow. */
export const F_ITEM_DATA_DONE = 33;
export const F_DEVINF = 34;
export const F_DATASTORE = 35;
/** Rx, Tx, Rx-Pref, Tx-Pref, Filter-Rx. */
export const F_CT_REF = 36;
export const F_DSMEM = 37;
export const F_SYNC_CAP = 38;
export const F_CTCAP = 39;
export const F_PROPERTY = 40;
export const F_PROP_PARAM = 41;
export const F_FILTER_CAP = 42;
export const F_EXT = 43;

/** First leaf code. */
export const LEAF_FIRST = 64;
// SyncHdr
export const L_VER_DTD = 64;
export const L_VER_PROTO = 65;
export const L_SESSION_ID = 66;
export const L_MSG_ID = 67;
export const L_RESP_URI = 68;
export const L_FINAL = 69;
// Commands
export const L_CMD_ID = 70;
export const L_NO_RESP = 71;
export const L_ARCHIVE = 72;
export const L_SFT_DEL = 73;
export const L_LANG = 74;
export const L_ALERT_CODE = 75;
export const L_CORRELATOR = 76;
export const L_MSG_REF = 77;
export const L_CMD_REF = 78;
export const L_CMD = 79;
export const L_STATUS_TARGET_REF = 80;
export const L_STATUS_SOURCE_REF = 81;
export const L_STATUS_CODE = 82;
export const L_RESULTS_TARGET_REF = 83;
export const L_RESULTS_SOURCE_REF = 84;
export const L_NO_RESULTS = 85;
export const L_SEARCH_DATA = 86;
export const L_NUMBER_OF_CHANGES = 87;
// Addresses, items
export const L_LOC_URI = 88;
export const L_LOC_NAME = 89;
export const L_MAP_ITEM_TARGET_URI = 90;
export const L_MAP_ITEM_SOURCE_URI = 91;
export const L_SOURCE_PARENT_URI = 92;
export const L_TARGET_PARENT_URI = 93;
export const L_MORE_DATA = 94;
export const L_CRED_DATA = 95;
export const L_FILTER_TYPE = 96;
// MetInf
export const L_FORMAT = 97;
export const L_TYPE = 98;
export const L_MARK = 99;
export const L_SIZE = 100;
export const L_VERSION = 101;
export const L_NEXT_NONCE = 102;
export const L_MAX_MSG_SIZE = 103;
export const L_MAX_OBJ_SIZE = 104;
export const L_EMI = 105;
export const L_META_FIELD_LEVEL = 106;
export const L_LAST = 107;
export const L_NEXT = 108;
export const L_MEM_SHARED = 109;
export const L_FREE_MEM = 110;
export const L_FREE_ID = 111;
// DevInf
export const L_DI_VER_DTD = 112;
export const L_MAN = 113;
export const L_MOD = 114;
export const L_OEM = 115;
export const L_FW_V = 116;
export const L_SW_V = 117;
export const L_HW_V = 118;
export const L_DEV_ID = 119;
export const L_DEV_TYP = 120;
export const L_UTC = 121;
export const L_SUPPORT_LARGE_OBJS = 122;
export const L_SUPPORT_NUMBER_OF_CHANGES = 123;
export const L_DS_SOURCE_REF = 124;
/** DisplayName of a DataStore, a Property or a PropParam (all have `displayName`). */
export const L_DISPLAY_NAME = 125;
export const L_MAX_GUID_SIZE = 126;
export const L_SUPPORT_HIERARCHICAL_SYNC = 127;
/** CTType of an Rx/Tx/... or a FilterCap (both have `ctType`). */
export const L_CT_TYPE = 128;
/** VerCT of an Rx/Tx/..., a FilterCap or a CTCap (all have `verCT`). */
export const L_VER_CT = 129;
export const L_DSMEM_SHARED = 130;
export const L_MAX_MEM = 131;
export const L_MAX_ID = 132;
export const L_SYNC_TYPE = 133;
export const L_CTCAP_CT_TYPE = 134;
export const L_CTCAP_FIELD_LEVEL = 135;
// DevInf 1.0/1.1 flat CTCap: the value goes to the property or parameter opened last.
export const L_FLAT_PROP_NAME = 136;
export const L_FLAT_PARAM_NAME = 137;
export const L_FLAT_VAL_ENUM = 138;
export const L_FLAT_DATA_TYPE = 139;
export const L_FLAT_DISPLAY_NAME = 140;
export const L_FLAT_MAX_SIZE = 141;
export const L_FLAT_MAX_OCCUR = 142;
export const L_FLAT_NO_TRUNCATE = 143;
// DevInf 1.2 Property / PropParam
export const L_PROP_NAME = 144;
/** DataType of a Property or a PropParam. */
export const L_DATA_TYPE = 145;
export const L_MAX_OCCUR = 146;
export const L_MAX_SIZE = 147;
export const L_NO_TRUNCATE = 148;
/** ValEnum of a Property or a PropParam. */
export const L_VAL_ENUM = 149;
export const L_PARAM_NAME = 150;
export const L_FILTER_KEYWORD = 151;
export const L_FILTER_CAP_PROP_NAME = 152;
export const L_X_NAM = 153;
export const L_X_VAL = 154;

/** Frame code of a command element in a command list (SyncBody, Atomic, Sequence), or -1. */
function commandCode(id: number): number {
  switch (id) {
    case E.ADD:
    case E.REPLACE:
    case E.COPY:
    case E.MOVE:
      return F_ITEM_CMD;
    case E.DELETE:
      return F_DELETE;
    case E.GET:
    case E.PUT:
      return F_GET_PUT;
    case E.ALERT:
      return F_ALERT;
    case E.ATOMIC:
    case E.SEQUENCE:
      return F_ATOMIC;
    case E.EXEC:
      return F_EXEC;
    case E.MAP:
      return F_MAP;
    case E.RESULTS:
      return F_RESULTS;
    case E.SEARCH:
      return F_SEARCH;
    case E.STATUS:
      return F_STATUS;
    case E.SYNC:
      return F_SYNC;
  }
  return -1;
}

/** Frame code of a command allowed inside Sync (Add, Atomic, Copy, Delete, Move, Replace, Sequence), or -1. */
function syncCommandCode(id: number): number {
  switch (id) {
    case E.ADD:
    case E.REPLACE:
    case E.COPY:
    case E.MOVE:
      return F_ITEM_CMD;
    case E.DELETE:
      return F_DELETE;
    case E.ATOMIC:
    case E.SEQUENCE:
      return F_ATOMIC;
  }
  return -1;
}

/** Leaf or container code of a MetInf element inside Meta (or Data), or -1. */
function metaChildCode(id: number): number {
  switch (id) {
    case E.M_FORMAT:
      return L_FORMAT;
    case E.M_TYPE:
      return L_TYPE;
    case E.M_MARK:
      return L_MARK;
    case E.M_SIZE:
      return L_SIZE;
    case E.M_ANCHOR:
      return F_ANCHOR;
    case E.M_VERSION:
      return L_VERSION;
    case E.M_NEXT_NONCE:
      return L_NEXT_NONCE;
    case E.M_MAX_MSG_SIZE:
      return L_MAX_MSG_SIZE;
    case E.M_MAX_OBJ_SIZE:
      return L_MAX_OBJ_SIZE;
    case E.M_EMI:
      return L_EMI;
    case E.M_MEM:
      return F_MEM;
    case E.M_FIELD_LEVEL:
      return L_META_FIELD_LEVEL;
    case E.M_MET_INF:
      return F_META;
  }
  return -1;
}

// The grammar, as written; `childCode` reads a table made from it once.
function grammar(parent: number, id: number): number {
  switch (parent) {
    case F_DOC_MESSAGE:
      return id === E.SYNC_ML ? F_SYNCML : -1;
    case F_DOC_DEVINF:
      return id === E.D_DEV_INF ? F_DEVINF : -1;
    case F_SYNCML:
      if (id === E.SYNC_HDR) return F_HDR;
      if (id === E.SYNC_BODY) return F_BODY;
      return -1;
    case F_HDR:
      switch (id) {
        case E.VER_DTD:
          return L_VER_DTD;
        case E.VER_PROTO:
          return L_VER_PROTO;
        case E.SESSION_ID:
          return L_SESSION_ID;
        case E.MSG_ID:
          return L_MSG_ID;
        case E.TARGET:
        case E.SOURCE:
          return F_LOC_REF;
        case E.RESP_URI:
          return L_RESP_URI;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.CRED:
          return F_CRED;
        case E.META:
          return F_META;
      }
      return -1;
    case F_BODY:
      if (id === E.FINAL) return L_FINAL;
      return commandCode(id);
    case F_ITEM_CMD:
    case F_DELETE:
    case F_GET_PUT:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.CRED:
          return F_CRED;
        case E.META:
          return F_META;
        case E.ITEM:
          return F_ITEM;
        case E.ARCHIVE:
          return parent === F_DELETE ? L_ARCHIVE : -1;
        case E.SFT_DEL:
          return parent === F_DELETE ? L_SFT_DEL : -1;
        case E.LANG:
          return parent === F_GET_PUT ? L_LANG : -1;
      }
      return -1;
    case F_ALERT:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.CRED:
          return F_CRED;
        case E.DATA:
          return L_ALERT_CODE;
        case E.CORRELATOR:
          return L_CORRELATOR;
        case E.ITEM:
          return F_ITEM;
      }
      return -1;
    case F_ATOMIC:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.META:
          return F_META;
      }
      return commandCode(id);
    case F_EXEC:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.CRED:
          return F_CRED;
        case E.META:
          return F_META;
        case E.CORRELATOR:
          return L_CORRELATOR;
        case E.ITEM:
          return F_ITEM;
      }
      return -1;
    case F_MAP:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.TARGET:
        case E.SOURCE:
          return F_LOC_REF;
        case E.CRED:
          return F_CRED;
        case E.META:
          return F_META;
        case E.MAP_ITEM:
          return F_MAP_ITEM;
      }
      return -1;
    case F_MAP_ITEM:
      if (id === E.TARGET) return F_MAP_ITEM_TARGET;
      if (id === E.SOURCE) return F_MAP_ITEM_SOURCE;
      return -1;
    case F_MAP_ITEM_TARGET:
      return id === E.LOC_URI ? L_MAP_ITEM_TARGET_URI : -1;
    case F_MAP_ITEM_SOURCE:
      return id === E.LOC_URI ? L_MAP_ITEM_SOURCE_URI : -1;
    case F_RESULTS:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.MSG_REF:
          return L_MSG_REF;
        case E.CMD_REF:
          return L_CMD_REF;
        case E.META:
          return F_META;
        case E.TARGET_REF:
          return L_RESULTS_TARGET_REF;
        case E.SOURCE_REF:
          return L_RESULTS_SOURCE_REF;
        case E.ITEM:
          return F_ITEM;
      }
      return -1;
    case F_SEARCH:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.NO_RESULTS:
          return L_NO_RESULTS;
        case E.CRED:
          return F_CRED;
        case E.TARGET:
          return F_TARGET;
        case E.SOURCE:
          return F_LOC_REF;
        case E.LANG:
          return L_LANG;
        case E.META:
          return F_META;
        case E.DATA:
          return L_SEARCH_DATA;
      }
      return -1;
    case F_STATUS:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.MSG_REF:
          return L_MSG_REF;
        case E.CMD_REF:
          return L_CMD_REF;
        case E.CMD:
          return L_CMD;
        case E.TARGET_REF:
          return L_STATUS_TARGET_REF;
        case E.SOURCE_REF:
          return L_STATUS_SOURCE_REF;
        case E.CRED:
          return F_CRED;
        case E.CHAL:
          return F_CHAL;
        case E.DATA:
          return L_STATUS_CODE;
        case E.ITEM:
          return F_ITEM;
      }
      return -1;
    case F_SYNC:
      switch (id) {
        case E.CMD_ID:
          return L_CMD_ID;
        case E.NO_RESP:
          return L_NO_RESP;
        case E.CRED:
          return F_CRED;
        case E.TARGET:
          return F_TARGET;
        case E.SOURCE:
          return F_LOC_REF;
        case E.META:
          return F_META;
        case E.NUMBER_OF_CHANGES:
          return L_NUMBER_OF_CHANGES;
      }
      return syncCommandCode(id);
    case F_ITEM:
      switch (id) {
        case E.TARGET:
          return F_TARGET;
        case E.SOURCE:
          return F_LOC_REF;
        case E.SOURCE_PARENT:
          return F_SOURCE_PARENT;
        case E.TARGET_PARENT:
          return F_TARGET_PARENT;
        case E.META:
          return F_META;
        case E.DATA:
          return F_ITEM_DATA;
        case E.MORE_DATA:
          return L_MORE_DATA;
      }
      return -1;
    case F_TARGET:
      if (id === E.FILTER) return F_FILTER;
      if (id === E.LOC_URI) return L_LOC_URI;
      if (id === E.LOC_NAME) return L_LOC_NAME;
      return -1;
    case F_LOC_REF:
      if (id === E.LOC_URI) return L_LOC_URI;
      if (id === E.LOC_NAME) return L_LOC_NAME;
      return -1;
    case F_SOURCE_PARENT:
      return id === E.LOC_URI ? L_SOURCE_PARENT_URI : -1;
    case F_TARGET_PARENT:
      return id === E.LOC_URI ? L_TARGET_PARENT_URI : -1;
    case F_META:
      return metaChildCode(id);
    case F_ANCHOR:
      if (id === E.M_LAST) return L_LAST;
      if (id === E.M_NEXT) return L_NEXT;
      return -1;
    case F_MEM:
      if (id === E.M_SHARED_MEM) return L_MEM_SHARED;
      if (id === E.M_FREE_MEM) return L_FREE_MEM;
      if (id === E.M_FREE_ID) return L_FREE_ID;
      return -1;
    case F_CRED:
      if (id === E.META) return F_META;
      if (id === E.DATA) return L_CRED_DATA;
      return -1;
    case F_CHAL:
      return id === E.META ? F_META : -1;
    case F_FILTER:
      switch (id) {
        case E.META:
          return F_META;
        case E.FIELD:
          return F_FILTER_FIELD;
        case E.RECORD:
          return F_FILTER_RECORD;
        case E.FILTER_TYPE:
          return L_FILTER_TYPE;
      }
      return -1;
    case F_FILTER_FIELD:
    case F_FILTER_RECORD:
      return id === E.ITEM ? F_ITEM : -1;
    case F_ITEM_DATA:
      // DevInf inline (XML) or nested (WBXML OPAQUE, fed as elements); MetInf such as an echoed Anchor.
      if (id === E.D_DEV_INF) return F_DEVINF;
      return metaChildCode(id);
    case F_DEVINF:
      switch (id) {
        case E.D_VER_DTD:
          return L_DI_VER_DTD;
        case E.D_MAN:
          return L_MAN;
        case E.D_MOD:
          return L_MOD;
        case E.D_OEM:
          return L_OEM;
        case E.D_FW_V:
          return L_FW_V;
        case E.D_SW_V:
          return L_SW_V;
        case E.D_HW_V:
          return L_HW_V;
        case E.D_DEV_ID:
          return L_DEV_ID;
        case E.D_DEV_TYP:
          return L_DEV_TYP;
        case E.D_UTC:
          return L_UTC;
        case E.D_SUPPORT_LARGE_OBJS:
          return L_SUPPORT_LARGE_OBJS;
        case E.D_SUPPORT_NUMBER_OF_CHANGES:
          return L_SUPPORT_NUMBER_OF_CHANGES;
        case E.D_DATA_STORE:
          return F_DATASTORE;
        case E.D_CT_CAP:
          return F_CTCAP;
        case E.D_EXT:
          return F_EXT;
      }
      return -1;
    case F_DATASTORE:
      switch (id) {
        case E.D_SOURCE_REF:
          return L_DS_SOURCE_REF;
        case E.D_DISPLAY_NAME:
          return L_DISPLAY_NAME;
        case E.D_MAX_GUID_SIZE:
          return L_MAX_GUID_SIZE;
        case E.D_RX_PREF:
        case E.D_RX:
        case E.D_TX_PREF:
        case E.D_TX:
        case E.D_FILTER_RX:
          return F_CT_REF;
        case E.D_CT_CAP:
          return F_CTCAP;
        case E.D_DS_MEM:
          return F_DSMEM;
        case E.D_SUPPORT_HIERARCHICAL_SYNC:
          return L_SUPPORT_HIERARCHICAL_SYNC;
        case E.D_SYNC_CAP:
          return F_SYNC_CAP;
        case E.D_FILTER_CAP:
          return F_FILTER_CAP;
      }
      return -1;
    case F_CT_REF:
      if (id === E.D_CT_TYPE) return L_CT_TYPE;
      if (id === E.D_VER_CT) return L_VER_CT;
      return -1;
    case F_DSMEM:
      if (id === E.D_SHARED_MEM) return L_DSMEM_SHARED;
      if (id === E.D_MAX_MEM) return L_MAX_MEM;
      if (id === E.D_MAX_ID) return L_MAX_ID;
      return -1;
    case F_SYNC_CAP:
      return id === E.D_SYNC_TYPE ? L_SYNC_TYPE : -1;
    case F_CTCAP:
      switch (id) {
        case E.D_CT_TYPE:
          return L_CTCAP_CT_TYPE;
        case E.D_VER_CT:
          return L_VER_CT;
        case E.D_FIELD_LEVEL:
          return L_CTCAP_FIELD_LEVEL;
        case E.D_PROPERTY:
          return F_PROPERTY;
        case E.D_PROP_NAME:
          return L_FLAT_PROP_NAME;
        case E.D_PARAM_NAME:
          return L_FLAT_PARAM_NAME;
        case E.D_VAL_ENUM:
          return L_FLAT_VAL_ENUM;
        case E.D_DATA_TYPE:
          return L_FLAT_DATA_TYPE;
        case E.D_DISPLAY_NAME:
          return L_FLAT_DISPLAY_NAME;
        case E.D_MAX_SIZE:
          return L_FLAT_MAX_SIZE;
        case E.D_MAX_OCCUR:
          return L_FLAT_MAX_OCCUR;
        case E.D_NO_TRUNCATE:
          return L_FLAT_NO_TRUNCATE;
      }
      return -1;
    case F_PROPERTY:
      switch (id) {
        case E.D_PROP_NAME:
          return L_PROP_NAME;
        case E.D_DATA_TYPE:
          return L_DATA_TYPE;
        case E.D_MAX_OCCUR:
          return L_MAX_OCCUR;
        case E.D_MAX_SIZE:
          return L_MAX_SIZE;
        case E.D_NO_TRUNCATE:
          return L_NO_TRUNCATE;
        case E.D_VAL_ENUM:
          return L_VAL_ENUM;
        case E.D_DISPLAY_NAME:
          return L_DISPLAY_NAME;
        case E.D_PROP_PARAM:
          return F_PROP_PARAM;
      }
      return -1;
    case F_PROP_PARAM:
      switch (id) {
        case E.D_PARAM_NAME:
          return L_PARAM_NAME;
        case E.D_DATA_TYPE:
          return L_DATA_TYPE;
        case E.D_VAL_ENUM:
          return L_VAL_ENUM;
        case E.D_DISPLAY_NAME:
          return L_DISPLAY_NAME;
      }
      return -1;
    case F_FILTER_CAP:
      switch (id) {
        case E.D_CT_TYPE:
          return L_CT_TYPE;
        case E.D_VER_CT:
          return L_VER_CT;
        case E.D_FILTER_KEYWORD:
          return L_FILTER_KEYWORD;
        case E.D_PROP_NAME:
          return L_FILTER_CAP_PROP_NAME;
      }
      return -1;
    case F_EXT:
      if (id === E.D_X_NAM) return L_X_NAM;
      if (id === E.D_X_VAL) return L_X_VAL;
      return -1;
  }
  // Leaves, and Data once its DevInf is complete, hold no elements.
  return -1;
}

/** Frame codes are below this. */
export const FRAME_CODE_LIMIT: number = L_X_VAL + 1;
const CONTAINER_CODE_LIMIT = F_EXT + 1;
const NO_CHILD = 0xff;
// Every (container code, element id) pair, one byte each (17 KB, so it stays in cache).
const CHILD_CODES = new Uint8Array(CONTAINER_CODE_LIMIT * ELEMENT_ID_LIMIT);
for (let parent = 0; parent < CONTAINER_CODE_LIMIT; parent++) {
  for (let id = 0; id < ELEMENT_ID_LIMIT; id++) {
    const code = grammar(parent, id);
    CHILD_CODES[parent * ELEMENT_ID_LIMIT + id] = code < 0 ? NO_CHILD : code;
  }
}

/**
 * The code of element `id` (0 <= id < ELEMENT_ID_LIMIT) opened inside a frame of code
 * `parent`, or -1 when it has no slot there (leaves take no children).
 */
export function childCode(parent: number, id: number): number {
  if (parent >= CONTAINER_CODE_LIMIT) return -1;
  const code = CHILD_CODES[parent * ELEMENT_ID_LIMIT + id]!;
  return code === NO_CHILD ? -1 : code;
}

/** True for the flat-CTCap leaves that attach to the property or parameter opened last. */
export function isFlatValue(code: number): boolean {
  return code >= L_FLAT_PARAM_NAME && code <= L_FLAT_NO_TRUNCATE;
}

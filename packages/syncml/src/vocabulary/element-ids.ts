import { DevInfTag, MetInfTag, SyncMLTag } from '@syncds/codepages';

/**
 * Element ids of the builder and the serializers: one small integer per element, so both
 * dispatch on numbers. SyncML (code page 0) and MetInf (page 1) keep the ids of
 * '@syncds/codepages' (page * 64 + token); DevInf, page 0 of its own document, is moved
 * up by {@link DEVINF_BASE} so the three vocabularies share one id space.
 */

/** Added to a DevInf tag id to give its element id. */
export const DEVINF_BASE = 128;
/** Element ids are below this. */
export const ELEMENT_ID_LIMIT = 192;
/** First MetInf element id (MetInf is code page 1). */
export const METINF_FIRST = 64;

/** True for MetInf element ids. */
export function isMetInfId(id: number): boolean {
  return id >= METINF_FIRST && id < DEVINF_BASE;
}

/** True for DevInf element ids. */
export function isDevInfId(id: number): boolean {
  return id >= DEVINF_BASE;
}

// SyncML, code page 0
export const ADD: number = SyncMLTag.Add;
export const ALERT: number = SyncMLTag.Alert;
export const ARCHIVE: number = SyncMLTag.Archive;
export const ATOMIC: number = SyncMLTag.Atomic;
export const CHAL: number = SyncMLTag.Chal;
export const CMD: number = SyncMLTag.Cmd;
export const CMD_ID: number = SyncMLTag.CmdID;
export const CMD_REF: number = SyncMLTag.CmdRef;
export const COPY: number = SyncMLTag.Copy;
export const CRED: number = SyncMLTag.Cred;
export const DATA: number = SyncMLTag.Data;
export const DELETE: number = SyncMLTag.Delete;
export const EXEC: number = SyncMLTag.Exec;
export const FINAL: number = SyncMLTag.Final;
export const GET: number = SyncMLTag.Get;
export const ITEM: number = SyncMLTag.Item;
export const LANG: number = SyncMLTag.Lang;
export const LOC_NAME: number = SyncMLTag.LocName;
export const LOC_URI: number = SyncMLTag.LocURI;
export const MAP: number = SyncMLTag.Map;
export const MAP_ITEM: number = SyncMLTag.MapItem;
export const META: number = SyncMLTag.Meta;
export const MSG_ID: number = SyncMLTag.MsgID;
export const MSG_REF: number = SyncMLTag.MsgRef;
export const NO_RESP: number = SyncMLTag.NoResp;
export const NO_RESULTS: number = SyncMLTag.NoResults;
export const PUT: number = SyncMLTag.Put;
export const REPLACE: number = SyncMLTag.Replace;
export const RESP_URI: number = SyncMLTag.RespURI;
export const RESULTS: number = SyncMLTag.Results;
export const SEARCH: number = SyncMLTag.Search;
export const SEQUENCE: number = SyncMLTag.Sequence;
export const SESSION_ID: number = SyncMLTag.SessionID;
export const SFT_DEL: number = SyncMLTag.SftDel;
export const SOURCE: number = SyncMLTag.Source;
export const SOURCE_REF: number = SyncMLTag.SourceRef;
export const STATUS: number = SyncMLTag.Status;
export const SYNC: number = SyncMLTag.Sync;
export const SYNC_BODY: number = SyncMLTag.SyncBody;
export const SYNC_HDR: number = SyncMLTag.SyncHdr;
export const SYNC_ML: number = SyncMLTag.SyncML;
export const TARGET: number = SyncMLTag.Target;
export const TARGET_REF: number = SyncMLTag.TargetRef;
export const VER_DTD: number = SyncMLTag.VerDTD;
export const VER_PROTO: number = SyncMLTag.VerProto;
export const NUMBER_OF_CHANGES: number = SyncMLTag.NumberOfChanges;
export const MORE_DATA: number = SyncMLTag.MoreData;
export const FIELD: number = SyncMLTag.Field;
export const FILTER: number = SyncMLTag.Filter;
export const RECORD: number = SyncMLTag.Record;
export const FILTER_TYPE: number = SyncMLTag.FilterType;
export const SOURCE_PARENT: number = SyncMLTag.SourceParent;
export const TARGET_PARENT: number = SyncMLTag.TargetParent;
export const MOVE: number = SyncMLTag.Move;
export const CORRELATOR: number = SyncMLTag.Correlator;

// MetInf, code page 1
export const M_ANCHOR: number = MetInfTag.Anchor;
export const M_EMI: number = MetInfTag.EMI;
export const M_FORMAT: number = MetInfTag.Format;
export const M_FREE_ID: number = MetInfTag.FreeID;
export const M_FREE_MEM: number = MetInfTag.FreeMem;
export const M_LAST: number = MetInfTag.Last;
export const M_MARK: number = MetInfTag.Mark;
export const M_MAX_MSG_SIZE: number = MetInfTag.MaxMsgSize;
export const M_MEM: number = MetInfTag.Mem;
export const M_MET_INF: number = MetInfTag.MetInf;
export const M_NEXT: number = MetInfTag.Next;
export const M_NEXT_NONCE: number = MetInfTag.NextNonce;
export const M_SHARED_MEM: number = MetInfTag.SharedMem;
export const M_SIZE: number = MetInfTag.Size;
export const M_TYPE: number = MetInfTag.Type;
export const M_VERSION: number = MetInfTag.Version;
export const M_MAX_OBJ_SIZE: number = MetInfTag.MaxObjSize;
export const M_FIELD_LEVEL: number = MetInfTag.FieldLevel;

// DevInf (its own document), moved up by DEVINF_BASE. 0x1C is Size in DevInf 1.0/1.1 and MaxSize in 1.2.
export const D_CT_CAP: number = DEVINF_BASE + DevInfTag.CTCap;
export const D_CT_TYPE: number = DEVINF_BASE + DevInfTag.CTType;
export const D_DATA_STORE: number = DEVINF_BASE + DevInfTag.DataStore;
export const D_DATA_TYPE: number = DEVINF_BASE + DevInfTag.DataType;
export const D_DEV_ID: number = DEVINF_BASE + DevInfTag.DevID;
export const D_DEV_INF: number = DEVINF_BASE + DevInfTag.DevInf;
export const D_DEV_TYP: number = DEVINF_BASE + DevInfTag.DevTyp;
export const D_DISPLAY_NAME: number = DEVINF_BASE + DevInfTag.DisplayName;
export const D_DS_MEM: number = DEVINF_BASE + DevInfTag.DSMem;
export const D_EXT: number = DEVINF_BASE + DevInfTag.Ext;
export const D_FW_V: number = DEVINF_BASE + DevInfTag.FwV;
export const D_HW_V: number = DEVINF_BASE + DevInfTag.HwV;
export const D_MAN: number = DEVINF_BASE + DevInfTag.Man;
export const D_MAX_GUID_SIZE: number = DEVINF_BASE + DevInfTag.MaxGUIDSize;
export const D_MAX_ID: number = DEVINF_BASE + DevInfTag.MaxID;
export const D_MAX_MEM: number = DEVINF_BASE + DevInfTag.MaxMem;
export const D_MOD: number = DEVINF_BASE + DevInfTag.Mod;
export const D_OEM: number = DEVINF_BASE + DevInfTag.OEM;
export const D_PARAM_NAME: number = DEVINF_BASE + DevInfTag.ParamName;
export const D_PROP_NAME: number = DEVINF_BASE + DevInfTag.PropName;
export const D_RX: number = DEVINF_BASE + DevInfTag.Rx;
export const D_RX_PREF: number = DEVINF_BASE + DevInfTag.RxPref;
export const D_SHARED_MEM: number = DEVINF_BASE + DevInfTag.SharedMem;
export const D_MAX_SIZE: number = DEVINF_BASE + DevInfTag.MaxSize;
export const D_SOURCE_REF: number = DEVINF_BASE + DevInfTag.SourceRef;
export const D_SW_V: number = DEVINF_BASE + DevInfTag.SwV;
export const D_SYNC_CAP: number = DEVINF_BASE + DevInfTag.SyncCap;
export const D_SYNC_TYPE: number = DEVINF_BASE + DevInfTag.SyncType;
export const D_TX: number = DEVINF_BASE + DevInfTag.Tx;
export const D_TX_PREF: number = DEVINF_BASE + DevInfTag.TxPref;
export const D_VAL_ENUM: number = DEVINF_BASE + DevInfTag.ValEnum;
export const D_VER_CT: number = DEVINF_BASE + DevInfTag.VerCT;
export const D_VER_DTD: number = DEVINF_BASE + DevInfTag.VerDTD;
export const D_X_NAM: number = DEVINF_BASE + DevInfTag.XNam;
export const D_X_VAL: number = DEVINF_BASE + DevInfTag.XVal;
export const D_UTC: number = DEVINF_BASE + DevInfTag.UTC;
export const D_SUPPORT_NUMBER_OF_CHANGES: number = DEVINF_BASE + DevInfTag.SupportNumberOfChanges;
export const D_SUPPORT_LARGE_OBJS: number = DEVINF_BASE + DevInfTag.SupportLargeObjs;
export const D_PROPERTY: number = DEVINF_BASE + DevInfTag.Property;
export const D_PROP_PARAM: number = DEVINF_BASE + DevInfTag.PropParam;
export const D_MAX_OCCUR: number = DEVINF_BASE + DevInfTag.MaxOccur;
export const D_NO_TRUNCATE: number = DEVINF_BASE + DevInfTag.NoTruncate;
export const D_FILTER_RX: number = DEVINF_BASE + DevInfTag.FilterRx;
export const D_FILTER_CAP: number = DEVINF_BASE + DevInfTag.FilterCap;
export const D_FILTER_KEYWORD: number = DEVINF_BASE + DevInfTag.FilterKeyword;
export const D_FIELD_LEVEL: number = DEVINF_BASE + DevInfTag.FieldLevel;
export const D_SUPPORT_HIERARCHICAL_SYNC: number = DEVINF_BASE + DevInfTag.SupportHierarchicalSync;

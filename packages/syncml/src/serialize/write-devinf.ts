import type { ContentTypeRef, CTCap, CTCapParam, CTCapProperty, DataStore, DevInf } from '../model/devinf.js';
import * as E from '../vocabulary/element-ids.js';
import type { ElementSink } from './sink.js';
import { flag, num, opt, req } from './write-fields.js';

/**
 * Walks a DevInf in DTD order. CTCaps are written where the model keeps them (a 1.2
 * DevInf keeps them in its DataStores, 1.0/1.1 globally) and in the form of the DevInf's
 * version: 1.2 nests Property/PropParam; 1.0/1.1 lists CTType, PropName, ValEnum...
 * flat, which the parser regroups into the same objects.
 */

function contentType(s: ElementSink, id: number, ref: ContentTypeRef): void {
  s.start(id);
  req(s, E.D_CT_TYPE, ref.ctType, 'CTType');
  req(s, E.D_VER_CT, ref.verCT, 'VerCT');
  s.end(id);
}

function structuredCTCap(s: ElementSink, cap: CTCap): void {
  s.start(E.D_CT_CAP);
  req(s, E.D_CT_TYPE, cap.ctType, 'CTCap/CTType');
  opt(s, E.D_VER_CT, cap.verCT);
  flag(s, E.D_FIELD_LEVEL, cap.fieldLevel);
  for (const p of cap.properties) {
    s.start(E.D_PROPERTY);
    req(s, E.D_PROP_NAME, p.propName, 'Property/PropName');
    opt(s, E.D_DATA_TYPE, p.dataType);
    num(s, E.D_MAX_OCCUR, p.maxOccur, 'Property/MaxOccur');
    num(s, E.D_MAX_SIZE, p.maxSize, 'Property/MaxSize');
    flag(s, E.D_NO_TRUNCATE, p.noTruncate);
    for (const v of p.valEnums) s.string(E.D_VAL_ENUM, v);
    opt(s, E.D_DISPLAY_NAME, p.displayName);
    for (const q of p.params) {
      s.start(E.D_PROP_PARAM);
      req(s, E.D_PARAM_NAME, q.paramName, 'PropParam/ParamName');
      opt(s, E.D_DATA_TYPE, q.dataType);
      for (const v of q.valEnums) s.string(E.D_VAL_ENUM, v);
      opt(s, E.D_DISPLAY_NAME, q.displayName);
      s.end(E.D_PROP_PARAM);
    }
    s.end(E.D_PROPERTY);
  }
  s.end(E.D_CT_CAP);
}

// DevInf 1.0/1.1: the values of a property (or parameter) follow its name. MaxOccur,
// NoTruncate, VerCT and FieldLevel are 1.2 additions; written flat when the model has them,
// so nothing is lost on a round trip.
function flatProperty(s: ElementSink, p: CTCapProperty): void {
  req(s, E.D_PROP_NAME, p.propName, 'PropName');
  for (const v of p.valEnums) s.string(E.D_VAL_ENUM, v);
  opt(s, E.D_DATA_TYPE, p.dataType);
  num(s, E.D_MAX_SIZE, p.maxSize, 'Size');
  num(s, E.D_MAX_OCCUR, p.maxOccur, 'MaxOccur');
  flag(s, E.D_NO_TRUNCATE, p.noTruncate);
  opt(s, E.D_DISPLAY_NAME, p.displayName);
  for (const q of p.params) flatParam(s, q);
}

function flatParam(s: ElementSink, q: CTCapParam): void {
  req(s, E.D_PARAM_NAME, q.paramName, 'ParamName');
  for (const v of q.valEnums) s.string(E.D_VAL_ENUM, v);
  opt(s, E.D_DATA_TYPE, q.dataType);
  opt(s, E.D_DISPLAY_NAME, q.displayName);
}

function flatCTCap(s: ElementSink, cap: CTCap): void {
  s.start(E.D_CT_CAP);
  req(s, E.D_CT_TYPE, cap.ctType, 'CTCap/CTType');
  opt(s, E.D_VER_CT, cap.verCT);
  flag(s, E.D_FIELD_LEVEL, cap.fieldLevel);
  for (const p of cap.properties) flatProperty(s, p);
  s.end(E.D_CT_CAP);
}

function ctCaps(s: ElementSink, caps: readonly CTCap[], structured: boolean): void {
  for (const cap of caps) {
    if (structured) structuredCTCap(s, cap);
    else flatCTCap(s, cap);
  }
}

function dataStore(s: ElementSink, d: DataStore, structured: boolean): void {
  s.start(E.D_DATA_STORE);
  req(s, E.D_SOURCE_REF, d.sourceRef, 'DataStore/SourceRef');
  opt(s, E.D_DISPLAY_NAME, d.displayName);
  num(s, E.D_MAX_GUID_SIZE, d.maxGUIDSize, 'DataStore/MaxGUIDSize');
  contentType(s, E.D_RX_PREF, d.rxPref);
  for (const r of d.rx) contentType(s, E.D_RX, r);
  contentType(s, E.D_TX_PREF, d.txPref);
  for (const r of d.tx) contentType(s, E.D_TX, r);
  ctCaps(s, d.ctCaps, structured);
  if (d.dsMem !== undefined) {
    s.start(E.D_DS_MEM);
    flag(s, E.D_SHARED_MEM, d.dsMem.sharedMem);
    num(s, E.D_MAX_MEM, d.dsMem.maxMem, 'DSMem/MaxMem');
    num(s, E.D_MAX_ID, d.dsMem.maxID, 'DSMem/MaxID');
    s.end(E.D_DS_MEM);
  }
  flag(s, E.D_SUPPORT_HIERARCHICAL_SYNC, d.supportHierarchicalSync);
  s.start(E.D_SYNC_CAP);
  for (const t of d.syncTypes) num(s, E.D_SYNC_TYPE, t, 'SyncCap/SyncType');
  s.end(E.D_SYNC_CAP);
  for (const r of d.filterRx) contentType(s, E.D_FILTER_RX, r);
  for (const f of d.filterCaps) {
    s.start(E.D_FILTER_CAP);
    req(s, E.D_CT_TYPE, f.ctType, 'FilterCap/CTType');
    req(s, E.D_VER_CT, f.verCT, 'FilterCap/VerCT');
    for (const k of f.filterKeywords) s.string(E.D_FILTER_KEYWORD, k);
    for (const n of f.propNames) s.string(E.D_PROP_NAME, n);
    s.end(E.D_FILTER_CAP);
  }
  s.end(E.D_DATA_STORE);
}

/** Writes the DevInf element and its content. */
export function writeDevInf(s: ElementSink, v: DevInf): void {
  const structured = v.verDTD === '1.2';
  s.start(E.D_DEV_INF);
  req(s, E.D_VER_DTD, v.verDTD, 'DevInf/VerDTD');
  opt(s, E.D_MAN, v.man);
  opt(s, E.D_MOD, v.mod);
  opt(s, E.D_OEM, v.oem);
  opt(s, E.D_FW_V, v.fwV);
  opt(s, E.D_SW_V, v.swV);
  opt(s, E.D_HW_V, v.hwV);
  req(s, E.D_DEV_ID, v.devID, 'DevInf/DevID');
  req(s, E.D_DEV_TYP, v.devTyp, 'DevInf/DevTyp');
  flag(s, E.D_UTC, v.utc);
  flag(s, E.D_SUPPORT_LARGE_OBJS, v.supportLargeObjs);
  flag(s, E.D_SUPPORT_NUMBER_OF_CHANGES, v.supportNumberOfChanges);
  for (const d of v.dataStores) dataStore(s, d, structured);
  ctCaps(s, v.ctCaps, structured);
  for (const x of v.exts) {
    s.start(E.D_EXT);
    req(s, E.D_X_NAM, x.xNam, 'Ext/XNam');
    for (const val of x.xVals) s.string(E.D_X_VAL, val);
    s.end(E.D_EXT);
  }
  s.end(E.D_DEV_INF);
}

import type { DevInf } from '../model/devinf.js';
import { elementName } from '../vocabulary/element-names.js';
import type { TreeBuilder } from './builder.js';
import * as F from './frames.js';

/**
 * Element paths for errors and warnings, e.g. `SyncML/SyncBody/Sync[1]/Add[3]/Item[1]/Meta/Size`.
 * Built only when something is reported, from the frame stack and the AST built so far: an
 * element that may repeat gets its 1-based position among the siblings of its name.
 */
export function elementPath(b: TreeBuilder, d: number, extra?: string): string {
  let path = '';
  let devInfVersion: string | undefined;
  for (let i = 1; i <= d; i++) {
    const id = b.ids[i]!;
    const code = b.codes[i]!;
    const obj = b.objs[i];
    if (code === F.F_DEVINF) devInfVersion = (obj as DevInf).verDTD;
    const name = elementName(id, devInfVersion);
    const index = code >= F.LEAF_FIRST ? leafIndex(code, b.objs[i - 1]) : containerIndex(b.objs[i - 1], obj);
    path += (i === 1 ? '' : '/') + (index > 0 ? `${name}[${index}]` : name);
  }
  if (extra !== undefined) path += (path === '' ? '' : '/') + extra;
  return path;
}

// Position of `obj` in the parent's lists (commands counted per kind), or 0 when it is a
// single-valued field.
function containerIndex(parent: unknown, obj: unknown): number {
  if (parent === null || typeof parent !== 'object' || obj === null || typeof obj !== 'object') return 0;
  for (const value of Object.values(parent)) {
    if (!Array.isArray(value)) continue;
    const at = value.indexOf(obj);
    if (at < 0) continue;
    const kind = (obj as { kind?: unknown }).kind;
    if (kind === undefined) return at + 1;
    let n = 0;
    for (let j = 0; j <= at; j++) if ((value[j] as { kind?: unknown }).kind === kind) n++;
    return n;
  }
  return 0;
}

// A repeated leaf being read is the next entry of its list.
function leafIndex(code: number, parent: unknown): number {
  const p = parent as Record<string, unknown[] | undefined>;
  let list: unknown[] | undefined;
  switch (code) {
    case F.L_STATUS_TARGET_REF:
      list = p.targetRefs;
      break;
    case F.L_STATUS_SOURCE_REF:
      list = p.sourceRefs;
      break;
    case F.L_EMI:
      return (p.emi?.length ?? 0) + 1;
    case F.L_SYNC_TYPE:
      list = p.syncTypes;
      break;
    case F.L_VAL_ENUM:
      list = p.valEnums;
      break;
    case F.L_FILTER_KEYWORD:
      list = p.filterKeywords;
      break;
    case F.L_FILTER_CAP_PROP_NAME:
      list = p.propNames;
      break;
    case F.L_X_VAL:
      list = p.xVals;
      break;
    case F.L_FLAT_PROP_NAME:
      list = p.properties;
      break;
    default:
      return 0;
  }
  return list === undefined ? 0 : list.length + 1;
}

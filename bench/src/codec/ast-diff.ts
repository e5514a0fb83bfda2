import { Payload } from '@syncds/syncml';

/** Longest difference description, so a huge payload never floods a report line. */
const MAX_SHOWN_CHARS = 60;

/** Decides whether two different strings count as equal (a documented rewrite, say). */
export type StringEquivalence = (a: string, b: string) => boolean;

/**
 * The first place where two SyncML ASTs (messages or DevInf) differ, as a path and a short
 * description, or null when they are equal. Payloads compare by their bytes (one may be a view
 * into a WBXML message, the other into an XML one); a field set to `undefined` equals a missing
 * field, since builders may use either; strings that `equivalent` accepts are equal. Recursion
 * is bounded by the AST's own depth, which the parser limits (`maxDepth`).
 */
export function firstAstDifference(
  a: unknown,
  b: unknown,
  equivalent?: StringEquivalence,
  path = '$',
): string | null {
  if (a === b) return null;
  if (typeof a === 'string' && typeof b === 'string' && equivalent?.(a, b) === true) return null;
  if (a instanceof Payload || b instanceof Payload) {
    if (!(a instanceof Payload && b instanceof Payload)) return `${path}: ${describe(a)} vs ${describe(b)}`;
    return a.equals(b) ? null : `${path}: ${describe(a)} vs ${describe(b)}`;
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (a instanceof Uint8Array && b instanceof Uint8Array && sameBytes(a, b)) return null;
    return `${path}: ${describe(a)} vs ${describe(b)}`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b))) return `${path}: ${describe(a)} vs ${describe(b)}`;
    if (a.length !== b.length) return `${path}: ${a.length} entries vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstAstDifference(a[i], b[i], equivalent, `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set<string>();
    for (const k of Object.keys(a)) if (a[k] !== undefined) keys.add(k);
    for (const k of Object.keys(b)) if (b[k] !== undefined) keys.add(k);
    for (const k of [...keys].sort()) {
      const d = firstAstDifference(a[k], b[k], equivalent, `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  return `${path}: ${describe(a)} vs ${describe(b)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function describe(v: unknown): string {
  if (v instanceof Payload) return `payload ${clip(JSON.stringify(v.text()))} (${v.length} bytes)`;
  if (v instanceof Uint8Array) return `${v.length} bytes`;
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object' && v !== null) return 'an object';
  return clip(JSON.stringify(v));
}

function clip(s: string): string {
  return s.length <= MAX_SHOWN_CHARS ? s : `${s.slice(0, MAX_SHOWN_CHARS)}...`;
}

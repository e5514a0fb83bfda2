import type { SyncTypeValue } from './alert-codes.js';

/**
 * The endpoint's URL parameters (R10): `SYNC`, `FORMAT`, `RESET`, `BACKUP`, `PUSH`.
 *
 * Forms seen in the field: `?sync=2,&format=sif,` and Funambol's `?sync=2,#format=sif`.
 * Names and values are case-insensitive and values may carry trailing commas. An
 * HTTP client never sends what follows `#`, so the parameters are read from the
 * request URL and from the SyncHdr Target LocURI, which carries the URL as the
 * user typed it.
 */
export interface UrlParams {
  /** SYNC=1..9: a sync type to force, subject to the R9 table. */
  sync?: SyncTypeValue | undefined;
  /** FORMAT=get|sif|vob. */
  format?: 'get' | 'sif' | 'vob' | undefined;
  /** RESET: erase the device's data of that type (sync type 9). */
  reset?: boolean | undefined;
  /** BACKUP or BACKUP=<prefix>: '' when given without a prefix. */
  backup?: string | undefined;
  /** PUSH or PUSH=<value>: '' when given without a value. */
  push?: string | undefined;
  /** Parameters this server does not know, upper-cased name -> raw value (for the log). */
  unknown: Record<string, string>;
  /** Values that were given but could not be understood, for the log. */
  invalid: string[];
}

export function emptyUrlParams(): UrlParams {
  return { unknown: {}, invalid: [] };
}

/** Parses the parameters of one URL (anything before `?` is ignored). */
export function parseUrlParams(url: string): UrlParams {
  const params = emptyUrlParams();
  const q = url.indexOf('?');
  if (q < 0) {
    // `/syncml#sync=2` (no `?` at all) is seen too.
    const h = url.indexOf('#');
    if (h < 0) return params;
    readPairs(url.slice(h + 1), params);
    return params;
  }
  readPairs(url.slice(q + 1), params);
  return params;
}

/** Later sources override earlier ones, parameter by parameter. */
export function mergeUrlParams(...sources: UrlParams[]): UrlParams {
  const out = emptyUrlParams();
  for (const p of sources) {
    if (p.sync !== undefined) out.sync = p.sync;
    if (p.format !== undefined) out.format = p.format;
    if (p.reset !== undefined) out.reset = p.reset;
    if (p.backup !== undefined) out.backup = p.backup;
    if (p.push !== undefined) out.push = p.push;
    Object.assign(out.unknown, p.unknown);
    out.invalid.push(...p.invalid);
  }
  return out;
}

function readPairs(query: string, params: UrlParams): void {
  for (const rawPair of query.split(/[&#;]/)) {
    const pair = safeDecode(rawPair).trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? pair : pair.slice(0, eq)).replace(/,+$/, '').trim().toUpperCase();
    const value =
      eq < 0
        ? ''
        : pair
            .slice(eq + 1)
            .replace(/[,\s]+$/, '')
            .trim();
    if (name === '') continue;
    applyParam(name, value, params);
  }
}

function applyParam(name: string, value: string, params: UrlParams): void {
  switch (name) {
    case 'SYNC': {
      const n = /^[1-9]$/.test(value) ? Number(value) : Number.NaN;
      if (Number.isNaN(n)) params.invalid.push(`SYNC=${value}`);
      else params.sync = n as SyncTypeValue;
      return;
    }
    case 'FORMAT': {
      const v = value.toLowerCase();
      if (v === 'get' || v === 'sif' || v === 'vob') params.format = v;
      else params.invalid.push(`FORMAT=${value}`);
      return;
    }
    case 'RESET':
      params.reset = value === '' || !/^(0|no|false|off)$/i.test(value);
      return;
    case 'BACKUP':
      params.backup = value;
      return;
    case 'PUSH':
      params.push = value;
      return;
    case 'SID':
      // Our own session parameter in the RespURI, not a user parameter.
      return;
    default:
      params.unknown[name] = value;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

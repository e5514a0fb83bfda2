import { CalendarCodecError } from '../errors.js';
import type { TimeZoneDefinition } from '../model/types.js';
import { IntlZone, localToUtc, ObservanceZone, utcToLocal, type ZoneRules } from './zone.js';

// Building an Intl.DateTimeFormat is costly; zones are few, so resolved ones are shared.
const INTL_CACHE_SIZE = 256;
const intlCache = new Map<string, IntlZone | null>();

/**
 * The IANA zone an id names, tried as given and then by its trailing path
 * segments (`/mozilla.org/20050126_1/Europe/Berlin` -> `Europe/Berlin`).
 * Undefined when the runtime does not know it.
 */
export function resolveIanaZone(tzid: string): IntlZone | undefined {
  const segments = tzid.split('/').filter((s) => s.length > 0);
  const candidates = [tzid];
  for (let k = Math.min(3, segments.length - 1); k >= 1; k--) candidates.push(segments.slice(-k).join('/'));
  for (const candidate of candidates) {
    const zone = intlZone(candidate);
    if (zone) return zone;
  }
  return undefined;
}

function intlZone(name: string): IntlZone | undefined {
  const cached = intlCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let zone: IntlZone | null;
  try {
    zone = new IntlZone(name);
  } catch {
    zone = null;
  }
  if (intlCache.size >= INTL_CACHE_SIZE) intlCache.clear();
  intlCache.set(name, zone);
  return zone ?? undefined;
}

/** The zones of one item: its own definitions first, IANA names through `Intl` second. */
export class ZoneTable {
  private readonly definitions = new Map<string, TimeZoneDefinition>();
  private readonly rules = new Map<string, ZoneRules>();

  constructor(definitions: readonly TimeZoneDefinition[] | undefined) {
    for (const d of definitions ?? []) this.definitions.set(d.tzid, d);
  }

  definition(tzid: string): TimeZoneDefinition | undefined {
    return this.definitions.get(tzid);
  }

  /** Rules of a zone, or undefined when neither the item nor the runtime knows it. */
  find(tzid: string): ZoneRules | undefined {
    const hit = this.rules.get(tzid);
    if (hit) return hit;
    const def = this.definitions.get(tzid);
    let rules: ZoneRules | undefined;
    if (def && def.observances.length > 0) {
      try {
        rules = new ObservanceZone(def);
      } catch (cause) {
        throw new CalendarCodecError('INVALID_TIMEZONE', `time zone "${tzid}" has invalid observances`, {
          cause,
        });
      }
    } else {
      rules = resolveIanaZone(tzid);
    }
    if (rules) this.rules.set(tzid, rules);
    return rules;
  }

  /** Rules of a zone; throws `UNKNOWN_TIMEZONE` when unknown. */
  get(tzid: string): ZoneRules {
    const rules = this.find(tzid);
    if (!rules) throw new CalendarCodecError('UNKNOWN_TIMEZONE', `unknown time zone "${tzid}"`);
    return rules;
  }

  toUtc(local: number, tzid: string): number {
    return localToUtc(local, this.get(tzid));
  }

  toLocal(utc: number, tzid: string): number {
    return utcToLocal(utc, this.get(tzid));
  }
}

import type { DevInf } from '@syncds/syncml';

const utf8 = new TextDecoder();

/**
 * Parsed DevInf of recently seen devices, so that a session does not parse the JSON its device
 * record carries again (a device sends its DevInf once; every later session reads it back). An
 * entry is used only while the stored bytes are exactly the ones it was parsed from, so a DevInf
 * changed by another node is parsed afresh. At most `maxEntries`, the least recently used go first.
 * The DevInf objects handed out are shared: the engine only reads them.
 */
export class DevInfCache {
  readonly #max: number;
  readonly #entries = new Map<string, { bytes: Uint8Array; devinf: DevInf }>();

  constructor(maxEntries: number) {
    this.#max = maxEntries;
  }

  /** The DevInf in `json` (UTF-8 JSON of the model) of device `key`, or undefined when it does not parse. */
  parse(key: string, json: Uint8Array): DevInf | undefined {
    const hit = this.#entries.get(key);
    if (hit !== undefined && sameBytes(hit.bytes, json)) {
      // Map order is the eviction order: a hit moves to the back.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.devinf;
    }
    let devinf: DevInf;
    try {
      devinf = JSON.parse(utf8.decode(json)) as DevInf;
    } catch {
      return undefined;
    }
    this.#entries.delete(key);
    if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value!);
    // A copy: the store's buffer belongs to the caller.
    this.#entries.set(key, { bytes: json.slice(), devinf });
    return devinf;
  }

  get size(): number {
    return this.#entries.size;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

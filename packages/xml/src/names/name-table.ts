import { bytesEqual, hashBytes } from './hash.js';

const encoder = new TextEncoder();

/**
 * A fixed set of names (element or attribute names of a vocabulary) mapped
 * to ids, looked up straight from bytes: a consumer turns `reader.nameStart..
 * reader.nameEnd` into an id without decoding a string. Names match their
 * UTF-8 bytes exactly (case-sensitive, as XML is).
 */
export class NameTable {
  /** How many names the table holds; ids run from 0 to size - 1. */
  readonly size: number;
  private readonly names: readonly string[];
  private readonly keys: Uint8Array;
  private readonly keyStart: Int32Array;
  private readonly keyEnd: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** The id of a name is its index in `names`; a repeated name is a RangeError. */
  constructor(names: readonly string[]) {
    this.names = names.slice();
    this.size = names.length;
    const encoded = names.map((n) => encoder.encode(n));
    let total = 0;
    for (const e of encoded) total += e.length;
    this.keys = new Uint8Array(total);
    this.keyStart = new Int32Array(names.length);
    this.keyEnd = new Int32Array(names.length);
    let capacity = 8;
    while (capacity < names.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    let at = 0;
    for (let id = 0; id < encoded.length; id++) {
      const bytes = encoded[id];
      this.keys.set(bytes, at);
      this.keyStart[id] = at;
      this.keyEnd[id] = at + bytes.length;
      at += bytes.length;
      if (this.lookup(bytes, 0, bytes.length) !== -1) {
        throw new RangeError(`NameTable: "${names[id]}" is listed twice`);
      }
      let slot = hashBytes(bytes, 0, bytes.length) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }

  /** The id of the name held in buf[start, end), or -1. Allocates nothing. */
  lookup(buf: Uint8Array, start: number, end: number): number {
    const length = end - start;
    let slot = hashBytes(buf, start, end) & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) return -1;
      const id = entry - 1;
      const ks = this.keyStart[id];
      if (this.keyEnd[id] - ks === length && bytesEqual(this.keys, ks, buf, start, length)) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The id of a name given as a string, or -1. */
  idOf(name: string): number {
    const bytes = encoder.encode(name);
    return this.lookup(bytes, 0, bytes.length);
  }

  /** The name of an id (undefined when out of range). */
  nameOf(id: number): string | undefined {
    return this.names[id];
  }
}

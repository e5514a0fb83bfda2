import type { TextCodec } from '../text/codec.js';
import { bytesEqual, hashBytes } from './hash.js';

/** Names longer than this are decoded every time rather than kept. */
const MAX_INTERNED_KEY_BYTES = 256;

/**
 * Decodes byte ranges to strings and keeps up to `maxEntries` of them, so a
 * name or namespace URI seen again costs a hash and a compare, and yields the
 * same string object. When full it still decodes, it just stops remembering:
 * hostile input with endless distinct names cannot grow it.
 */
export class StringInterner {
  private readonly maxEntries: number;
  private slots: Int32Array = new Int32Array(64);
  private keys: Uint8Array = new Uint8Array(1024);
  private keyStart: Int32Array = new Int32Array(32);
  private keyLength: Int32Array = new Int32Array(32);
  private values: string[] = [];
  private keyBytes = 0;
  private readonly strings = new Map<string, string>();

  constructor(maxEntries: number) {
    this.maxEntries = maxEntries;
  }

  get(buf: Uint8Array, start: number, end: number, codec: TextCodec): string {
    const length = end - start;
    if (length > MAX_INTERNED_KEY_BYTES) return codec.decode(buf, start, end);
    const hash = hashBytes(buf, start, end);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      const id = entry - 1;
      if (this.keyLength[id] === length && bytesEqual(this.keys, this.keyStart[id], buf, start, length)) {
        return this.values[id];
      }
      slot = (slot + 1) & mask;
    }
    const value = codec.decode(buf, start, end);
    if (this.values.length < this.maxEntries) this.insert(buf, start, length, hash, value);
    return value;
  }

  /** The kept copy of a string decoded elsewhere (values with references), bounded the same way. */
  intern(value: string): string {
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept;
    if (this.strings.size < this.maxEntries) this.strings.set(value, value);
    return value;
  }

  /** Forgets everything (the reader does so when the document's encoding changes). */
  clear(): void {
    this.slots.fill(0);
    this.values = [];
    this.keyBytes = 0;
    this.strings.clear();
  }

  private insert(buf: Uint8Array, start: number, length: number, hash: number, value: string): void {
    const id = this.values.length;
    if (id >= this.keyStart.length) {
      const grownStart = new Int32Array(this.keyStart.length * 2);
      grownStart.set(this.keyStart);
      this.keyStart = grownStart;
      const grownLength = new Int32Array(this.keyLength.length * 2);
      grownLength.set(this.keyLength);
      this.keyLength = grownLength;
    }
    if (this.keyBytes + length > this.keys.length) {
      const grown = new Uint8Array(Math.max(this.keys.length * 2, this.keyBytes + length));
      grown.set(this.keys.subarray(0, this.keyBytes));
      this.keys = grown;
    }
    this.keys.set(buf.subarray(start, start + length), this.keyBytes);
    this.keyStart[id] = this.keyBytes;
    this.keyLength[id] = length;
    this.keyBytes += length;
    this.values.push(value);
    // Keep the table at most half full.
    if ((id + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(hash, id);
  }

  private place(hash: number, id: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let id = 0; id < this.values.length; id++) {
      const s = this.keyStart[id];
      this.place(hashBytes(this.keys, s, s + this.keyLength[id]), id);
    }
  }
}

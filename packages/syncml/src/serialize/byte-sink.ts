import { mbUint32Length } from '@syncds/wbxml';

/**
 * One cursor over one growable output buffer, or (`counting`) only the cursor: the same
 * calls then measure what they would write, which is how `encodedSize` stays exact.
 */
export class ByteSink {
  /** Output so far is buf[0, pos); unused (empty) when counting. */
  buf: Uint8Array;
  pos = 0;
  readonly counting: boolean;

  constructor(counting: boolean, buf?: Uint8Array) {
    this.counting = counting;
    this.buf = counting ? EMPTY : (buf ?? new Uint8Array(INITIAL_CAPACITY));
  }

  /** Makes room for `n` more bytes (doubling). */
  ensure(n: number): void {
    const need = this.pos + n;
    if (this.counting || need <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, need));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  byte(b: number): void {
    if (!this.counting) {
      this.ensure(1);
      this.buf[this.pos] = b;
    }
    this.pos++;
  }

  /** A string of ASCII characters (names, digits, fixed markup). */
  ascii(s: string): void {
    const n = s.length;
    if (!this.counting) {
      this.ensure(n);
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    }
    this.pos += n;
  }

  /** Bytes prepared once (element names with their markup, entities). */
  raw(bytes: Uint8Array): void {
    const n = bytes.length;
    if (!this.counting) {
      this.ensure(n);
      // A byte loop: TypedArray.set costs more than it copies on arrays this short.
      const buf = this.buf;
      const p = this.pos;
      for (let i = 0; i < n; i++) buf[p + i] = bytes[i]!;
    }
    this.pos += n;
  }

  /** `src[start, end)`. */
  copy(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (!this.counting) {
      this.ensure(n);
      if (n < COPY_LOOP_MAX) {
        const buf = this.buf;
        let p = this.pos;
        for (let i = start; i < end; i++) buf[p++] = src[i]!;
      } else {
        this.buf.set(src.subarray(start, end), this.pos);
      }
    }
    this.pos += n;
  }

  /** The decimal digits of a non-negative safe integer. */
  digits(n: number): void {
    if (n < 10) {
      this.byte(0x30 + n);
      return;
    }
    this.ascii(String(n));
  }

  /** A WBXML mb_u_int32: 7 bits a byte, most significant first, 0x80 on all but the last. */
  mb(n: number): void {
    const len = mbUint32Length(n);
    if (!this.counting) {
      this.ensure(len);
      const buf = this.buf;
      let v = n;
      for (let i = len - 1; i >= 0; i--) {
        buf[this.pos + i] = (v & 0x7f) | (i === len - 1 ? 0 : 0x80);
        v = Math.floor(v / 128);
      }
    }
    this.pos += len;
  }

  /** The bytes written (a copy, so the buffer can be reused). */
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

const EMPTY = new Uint8Array(0);
const INITIAL_CAPACITY = 4096;
/** Up to this many bytes a loop copies faster than `set(subarray)` (which allocates a view). */
const COPY_LOOP_MAX = 64;

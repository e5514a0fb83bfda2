import { Payload } from '../model/payload.js';
import { decodeUnlessPinned, internUtf8 } from '../values/intern.js';
import { parseDecimal } from '../values/number.js';
import { isWhitespace } from '../values/utf8.js';

const EMPTY = new Uint8Array(0);
/** Largest scratch buffer kept from one parse to the next. */
const SCRATCH_KEEP_LIMIT = 64 * 1024;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * The text of the element being read: usually one segment, kept as a view into the
 * message; text that arrives in several segments (XML text around CDATA, a WBXML string
 * broken by an ENTITY) or from a driver's decode buffer is joined in a scratch buffer that
 * grows as needed (never beyond the message's size) and is reused for the next element.
 */
export class TextBuffer {
  buf: Uint8Array = EMPTY;
  start = 0;
  end = 0;
  /** Segments appended since the last reset. */
  count = 0;
  /** True while the text is one segment that is a view into the message. */
  stable = false;
  #scratch: Uint8Array = EMPTY;

  /** Starts the text of a new element (the old buffer stays referenced until {@link clear}). */
  reset(): void {
    this.count = 0;
    this.start = 0;
    this.end = 0;
  }

  /** Lets go of every buffer (after a parse); a scratch buffer grown past 64 KiB is dropped too. */
  clear(): void {
    this.reset();
    this.buf = EMPTY;
    this.stable = false;
    if (this.#scratch.length > SCRATCH_KEEP_LIMIT) this.#scratch = EMPTY;
  }

  /**
   * Adds `buf[start, end)`. A `stable` segment is a view into the message that stays valid
   * after the parse; anything else (a driver's decode buffer) is copied at once, since the
   * driver reuses it for the next event.
   */
  append(buf: Uint8Array, start: number, end: number, stable: boolean): void {
    if (this.count === 0 && stable) {
      this.buf = buf;
      this.start = start;
      this.end = end;
      this.stable = true;
      this.count = 1;
      return;
    }
    const have = this.end - this.start;
    const add = end - start;
    if (this.count > 0 && this.buf !== this.#scratch) {
      // The first segment was a view: move it into the scratch buffer first.
      const first = this.buf.subarray(this.start, this.end);
      this.#reserve(have + add, 0);
      this.#scratch.set(first, 0);
    } else {
      this.#reserve(have + add, have);
    }
    this.#scratch.set(buf.subarray(start, end), have);
    this.buf = this.#scratch;
    this.start = 0;
    this.end = have + add;
    this.stable = false;
    this.count++;
  }

  // Grows the scratch buffer to hold `size` bytes, keeping its first `keep` bytes.
  #reserve(size: number, keep: number): void {
    if (this.#scratch.length >= size) return;
    const next = new Uint8Array(Math.max(size, this.#scratch.length * 2, 256));
    if (keep > 0) next.set(this.#scratch.subarray(0, keep), 0);
    this.#scratch = next;
  }

  get length(): number {
    return this.end - this.start;
  }

  /**
   * The text as a string (interned when short), trimmed of XML white space at both ends:
   * pretty-printed XML puts values on lines of their own (`<VerDTD>\n 1.1\n</VerDTD>`), and
   * libwbxml and Horde read them trimmed too.
   */
  string(): string {
    if (this.count === 0) return '';
    let s = this.start;
    let e = this.end;
    while (s < e && isSpace(this.buf[s]!)) s++;
    while (e > s && isSpace(this.buf[e - 1]!)) e--;
    return internUtf8(this.buf, s, e);
  }

  /** {@link string} for values that seldom recur (see {@link decodeUnlessPinned}). */
  uniqueString(): string {
    if (this.count === 0) return '';
    let s = this.start;
    let e = this.end;
    while (s < e && isSpace(this.buf[s]!)) s++;
    while (e > s && isSpace(this.buf[e - 1]!)) e--;
    return decodeUnlessPinned(this.buf, s, e);
  }

  /** See {@link parseDecimal}. */
  decimal(): number {
    return parseDecimal(this.buf, this.start, this.end);
  }

  /** The bytes as a Payload: a view when stable, else a copy the Payload owns. */
  payload(): Payload {
    return this.#payload(this.start, this.end);
  }

  /** {@link payload} without white space at either end (a b64 token in pretty-printed XML). */
  trimmedPayload(): Payload {
    let s = this.start;
    let e = this.end;
    while (s < e && isSpace(this.buf[s]!)) s++;
    while (e > s && isSpace(this.buf[e - 1]!)) e--;
    return this.#payload(s, e);
  }

  #payload(start: number, end: number): Payload {
    if (this.count === 0 || start === end) return new Payload(EMPTY, 0, 0);
    if (this.stable) return new Payload(this.buf, start, end);
    return new Payload(this.buf.slice(start, end));
  }

  isWhitespace(): boolean {
    return isWhitespace(this.buf, this.start, this.end);
  }
}

// The reader's input: chunks written but not yet reached, and the assembly of a token that
// runs past the end of the chunk being read. Only chunk boundaries come here; the reader's hot
// path works on one chunk with one cursor.
import type { ResolvedReaderOptions } from './options.js';
import { measureToken, PREFIX_BYTES, type TokenMeasure, tooLong } from './measure.js';

const EMPTY = new Uint8Array(0);

/** Where a spanning token's terminator search stands. */
interface ScanState {
  /** Segment: -1 is the chunk being read, k is queued chunk k. */
  segment: number;
  /** Index in that segment. */
  index: number;
  /** String bytes seen so far (whole code units for wide charsets). */
  length: number;
  /** Wide charsets: bytes of the current code unit seen, and how many of them were 0. */
  unitFill: number;
  unitZeros: number;
}

/**
 * A queue of written chunks with absolute offsets, plus {@link assemble}: given a token that
 * starts in the chunk being read and does not end in it, wait until all its bytes are written,
 * then copy exactly them into a fresh buffer. Progress is remembered between calls, so feeding
 * one byte at a time stays linear in the input size.
 */
export class InputQueue {
  /** Chunks #chunks[#head .. #tail - 1]; slots before #head are cleared. */
  readonly #chunks: Uint8Array[] = [];
  #head = 0;
  #tail = 0;
  /** Absolute offset of #chunks[#head][0]. */
  #base = 0;
  /** Where reading of #chunks[#head] starts (after a spanning token that ended inside it). */
  #start = 0;
  #received = 0;

  /** Absolute start of the token being assembled, -1 when none. */
  #spanAbs = -1;
  #spanKnown = false;
  readonly #measure: TokenMeasure = { length: -1, stringStart: -1 };
  readonly #scratch = new Uint8Array(PREFIX_BYTES);
  readonly #scan: ScanState = { segment: 0, index: 0, length: 0, unitFill: 0, unitZeros: 0 };

  /** Bytes written so far. */
  get received(): number {
    return this.#received;
  }

  push(chunk: Uint8Array): void {
    this.#chunks[this.#tail++] = chunk;
    this.#received += chunk.length;
  }

  /** Whether a written chunk waits to be read. */
  get hasChunk(): boolean {
    return this.#head < this.#tail;
  }

  /** Absolute offset of the next chunk's first byte ({@link take} reads from there). */
  get nextBase(): number {
    return this.#base;
  }

  /** Index in the next chunk where reading starts. */
  get nextStart(): number {
    return this.#start;
  }

  /** Removes and returns the next chunk; read {@link nextBase} and {@link nextStart} first. */
  take(): Uint8Array {
    const chunk = this.#chunks[this.#head]!;
    this.#chunks[this.#head] = EMPTY; // let the caller's chunk go once read
    this.#head++;
    if (this.#head === this.#tail) {
      this.#head = 0;
      this.#tail = 0;
    }
    this.#base += chunk.length;
    this.#start = 0;
    return chunk;
  }

  clear(): void {
    this.#chunks.fill(EMPTY, this.#head, this.#tail);
    this.#head = 0;
    this.#tail = 0;
    this.#base = 0;
    this.#start = 0;
    this.#received = 0;
    this.#spanAbs = -1;
  }

  /**
   * The token at buf[pos] (absolute offset `abs`) runs past the end of `buf`. Returns a fresh
   * buffer holding exactly the token once all its bytes are written (and drops the chunks it
   * used up), or null while bytes are missing. Throws the WbxmlError the in-chunk path would
   * (bad integer, a limit) as soon as the bytes show it.
   */
  assemble(
    buf: Uint8Array,
    pos: number,
    abs: number,
    inHeader: boolean,
    limits: ResolvedReaderOptions,
    page: number,
    terminatorWidth: number,
  ): Uint8Array | null {
    const available = this.#received - abs;
    const m = this.#measure;
    if (this.#spanAbs !== abs) {
      this.#spanAbs = abs;
      this.#spanKnown = false;
    }
    if (!this.#spanKnown) {
      const n = this.#gather(buf, pos, this.#scratch, Math.min(PREFIX_BYTES, available));
      if (!measureToken(this.#scratch, n, inHeader, limits, abs, page, m)) return null;
      this.#spanKnown = true;
      if (m.stringStart >= 0) this.#startScan(buf, pos + m.stringStart);
    }
    if (
      m.length < 0 &&
      !this.#continueScan(buf, abs, buf[pos]!, limits.maxStringLength, page, terminatorWidth)
    ) {
      return null;
    }
    if (available < m.length) return null;

    const copy = new Uint8Array(m.length);
    this.#gather(buf, pos, copy, m.length);
    this.#consumeThrough(abs + m.length);
    this.#spanAbs = -1;
    return copy;
  }

  /** Copies `n` bytes (fewer if not yet written) from buf[pos] on, across chunks; returns the count. */
  #gather(buf: Uint8Array, pos: number, dst: Uint8Array, n: number): number {
    let copied = 0;
    let chunk = buf;
    let from = pos;
    let k = this.#head;
    while (copied < n) {
      const take = Math.min(n - copied, chunk.length - from);
      if (take > 0) {
        dst.set(chunk.subarray(from, from + take), copied);
        copied += take;
      }
      if (copied >= n || k >= this.#tail) break;
      chunk = this.#chunks[k]!;
      from = k === this.#head ? this.#start : 0;
      k++;
    }
    return copied;
  }

  /** Drops the chunks a copied token used up; the chunk holding its end resumes after it. */
  #consumeThrough(endAbs: number): void {
    const chunks = this.#chunks;
    while (this.#head < this.#tail && this.#base + chunks[this.#head]!.length <= endAbs) {
      this.#base += chunks[this.#head]!.length;
      chunks[this.#head] = EMPTY;
      this.#head++;
    }
    if (this.#head === this.#tail) {
      this.#head = 0;
      this.#tail = 0;
      this.#start = 0;
    } else {
      this.#start = endAbs - this.#base;
    }
  }

  /** Starts the terminator search at buf[index], which may lie past `buf` in the queue. */
  #startScan(buf: Uint8Array, index: number): void {
    const s = this.#scan;
    let segment = -1;
    let chunk = buf;
    while (index >= chunk.length && this.#head + segment + 1 < this.#tail) {
      index -= chunk.length;
      segment++;
      chunk = this.#chunks[this.#head + segment]!;
    }
    s.segment = segment;
    s.index = index;
    s.length = 0;
    s.unitFill = 0;
    s.unitZeros = 0;
  }

  /** Continues the terminator search; true (and the token length set) once found. */
  #continueScan(
    buf: Uint8Array,
    abs: number,
    tokenByte: number,
    max: number,
    page: number,
    width: number,
  ): boolean {
    const m = this.#measure;
    const s = this.#scan;
    for (;;) {
      const segment = s.segment;
      if (this.#head + segment >= this.#tail) return false;
      const chunk = segment < 0 ? buf : this.#chunks[this.#head + segment]!;
      if (width === 1) {
        const i = s.index;
        const nul = i < chunk.length ? chunk.indexOf(0, i) : -1;
        const length = s.length + (nul < 0 ? chunk.length : nul) - i;
        if (length > max) throw tooLong('string', length, max, abs, tokenByte, page);
        if (nul >= 0) {
          m.length = m.stringStart + length + 1;
          return true;
        }
        s.length = length;
      } else {
        for (let i = s.index; i < chunk.length; i++) {
          if (chunk[i] === 0) s.unitZeros++;
          if (++s.unitFill === width) {
            if (s.unitZeros === width) {
              m.length = m.stringStart + s.length + width;
              return true;
            }
            s.length += width;
            s.unitFill = 0;
            s.unitZeros = 0;
            if (s.length > max) throw tooLong('string', s.length, max, abs, tokenByte, page);
          }
        }
      }
      s.segment = segment + 1;
      s.index = segment + 1 === 0 ? this.#start : 0;
    }
  }
}

import { BANG, DASH, DQUOTE, GT, LT, QUESTION, RBRACKET, SLASH, SQUOTE } from './char-class.js';
import { DoctypeEndFinder } from './doctype.js';

// What kind of token a split token is; decided from its first bytes.
const UNKNOWN = 0;
const TEXT = 1;
const TAG = 2;
const COMMENT = 3;
const CDATA = 4;
const PI = 5;
const DOCTYPE = 6;

const CDATA_OPEN = [0x3c, 0x21, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // <![CDATA[
const DOCTYPE_OPEN = [0x3c, 0x21, 0x44, 0x4f, 0x43, 0x54, 0x59, 0x50, 0x45]; // <!DOCTYPE

/**
 * Finds where a token that started in an earlier chunk ends, so that only
 * that token is copied into a fresh buffer and handed to the parser whole.
 * It never judges well-formedness: it stops at the first byte where the
 * parser is sure to have finished or failed (for a tag, a `>` outside quotes
 * or any `<`), and the parser, run on the copy, decides. Its state is a few
 * integers, so scanning resumes across any number of chunks.
 */
export class SplitTokenScanner {
  private kind = UNKNOWN;
  private readonly head = new Uint8Array(9);
  private headLength = 0;
  private quote = 0;
  private run = 0;
  private readonly doctype = new DoctypeEndFinder();

  /** True when the token being scanned is character data (it ends before a `<`, not after a byte). */
  get isText(): boolean {
    return this.kind === TEXT;
  }

  /** Starts over for a token whose first bytes are bytes[0, length). */
  begin(bytes: Uint8Array, length: number): void {
    this.kind = UNKNOWN;
    this.headLength = 0;
    this.quote = 0;
    this.run = 0;
    this.doctype.reset();
    this.scan(bytes, 0, length);
  }

  /**
   * Continues over bytes[from, to). Returns the index where the token's bytes
   * end (exclusive: after the closing byte, or at the `<` that ends text), or
   * -1 when the token goes on past `to`.
   */
  scan(bytes: Uint8Array, from: number, to: number): number {
    let i = from;
    while (this.kind === UNKNOWN) {
      if (i >= to) return -1;
      this.head[this.headLength++] = bytes[i++];
      const verdict = this.classify();
      if (verdict < 0) return i; // not a token the parser accepts: let it say why
    }
    switch (this.kind) {
      case TEXT: {
        const lt = bytes.indexOf(LT, i);
        return lt !== -1 && lt < to ? lt : -1;
      }
      case TAG:
        return this.scanTag(bytes, i, to);
      case COMMENT:
        return this.scanRun(bytes, i, to, DASH);
      case CDATA:
        return this.scanRun(bytes, i, to, RBRACKET);
      case PI:
        return this.scanPi(bytes, i, to);
      default:
        return this.doctype.feed(bytes, i, to);
    }
  }

  /** Sets `kind` once the head says what the token is; -1 for a malformed start. */
  private classify(): number {
    const h = this.head;
    const n = this.headLength;
    if (h[0] !== LT) {
      this.kind = TEXT;
      return 0;
    }
    if (n < 2) return 0;
    const second = h[1];
    if (second === SLASH || second === QUESTION) {
      this.kind = second === SLASH ? TAG : PI;
      return 0;
    }
    if (second !== BANG) {
      if (second === GT || second === LT || second === DQUOTE || second === SQUOTE) return -1;
      this.kind = TAG;
      return 0;
    }
    if (n < 3) return 0;
    const third = h[2];
    if (third === DASH) {
      if (n < 4) return 0;
      if (h[3] !== DASH) return -1;
      this.kind = COMMENT;
      return 0;
    }
    const expected = third === 0x5b ? CDATA_OPEN : third === 0x44 ? DOCTYPE_OPEN : null;
    if (expected === null || h[n - 1] !== expected[n - 1]) return -1;
    if (n === expected.length) this.kind = expected === CDATA_OPEN ? CDATA : DOCTYPE;
    return 0;
  }

  private scanTag(bytes: Uint8Array, from: number, to: number): number {
    let quote = this.quote;
    for (let i = from; i < to; i++) {
      const c = bytes[i];
      if (c === LT) return i + 1;
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === GT) {
        return i + 1;
      } else if (c === DQUOTE || c === SQUOTE) {
        quote = c;
      }
    }
    this.quote = quote;
    return -1;
  }

  /** Finds `x x >` (`-->` or `]]>`): a run of two or more `x` then `>`. */
  private scanRun(bytes: Uint8Array, from: number, to: number, x: number): number {
    let run = this.run;
    for (let i = from; i < to; i++) {
      const c = bytes[i];
      if (c === x) run++;
      else if (c === GT && run >= 2) return i + 1;
      else run = 0;
    }
    this.run = run;
    return -1;
  }

  private scanPi(bytes: Uint8Array, from: number, to: number): number {
    let run = this.run;
    for (let i = from; i < to; i++) {
      const c = bytes[i];
      if (c === GT && run === 1) return i + 1;
      run = c === QUESTION ? 1 : 0;
    }
    this.run = run;
    return -1;
  }
}

import { XmlError } from '../errors.js';
import {
  CHAR_CLASS,
  DQUOTE,
  GT,
  LBRACKET,
  matchesAscii,
  NAME_CHAR,
  NAME_START,
  RBRACKET,
  SQUOTE,
  skipWhitespace,
  WHITESPACE,
} from './char-class.js';

// States of the DOCTYPE end finder. The internal subset is skipped, never
// interpreted: quotes, comments and PIs are only tracked so that a `]` or `>`
// inside them does not end it.
const OUTSIDE = 0;
const QUOTED = 1;
const SUBSET = 2;
const SUBSET_LT = 3;
const SUBSET_LT_BANG = 4;
const SUBSET_LT_BANG_DASH = 5;
const SUBSET_COMMENT = 6;
const SUBSET_PI = 7;
const SUBSET_DECL = 8;
const SUBSET_DECL_QUOTED = 9;

/** Resumable search for the `>` that ends a DOCTYPE, fed the bytes after `<!DOCTYPE`. */
export class DoctypeEndFinder {
  private state = OUTSIDE;
  private quote = 0;
  private run = 0;
  /** Index of the `[` opening the internal subset, in the last buffer fed (-1 if none yet). */
  subsetOpen = -1;
  /** Index of the `]` closing the internal subset, in the last buffer fed (-1 if none yet). */
  subsetClose = -1;

  reset(): void {
    this.state = OUTSIDE;
    this.quote = 0;
    this.run = 0;
    this.subsetOpen = -1;
    this.subsetClose = -1;
  }

  /** Index just after the closing `>` within [from, to), or -1 when not there yet. */
  feed(buf: Uint8Array, from: number, to: number): number {
    let state = this.state;
    for (let i = from; i < to; i++) {
      const c = buf[i];
      switch (state) {
        case OUTSIDE:
          if (c === GT) {
            this.state = OUTSIDE;
            return i + 1;
          }
          if (c === DQUOTE || c === SQUOTE) {
            this.quote = c;
            state = QUOTED;
          } else if (c === LBRACKET && this.subsetOpen < 0) {
            this.subsetOpen = i;
            state = SUBSET;
          }
          break;
        case QUOTED:
          if (c === this.quote) state = OUTSIDE;
          break;
        case SUBSET:
          if (c === 0x3c) state = SUBSET_LT;
          else if (c === RBRACKET) {
            this.subsetClose = i;
            state = OUTSIDE;
          }
          break;
        case SUBSET_LT:
          if (c === 0x21) state = SUBSET_LT_BANG;
          else if (c === 0x3f) state = SUBSET_PI;
          else state = SUBSET_DECL;
          break;
        case SUBSET_LT_BANG:
          state = c === 0x2d ? SUBSET_LT_BANG_DASH : c === GT ? SUBSET : SUBSET_DECL;
          break;
        case SUBSET_LT_BANG_DASH:
          if (c === 0x2d) {
            this.run = 0;
            state = SUBSET_COMMENT;
          } else state = c === GT ? SUBSET : SUBSET_DECL;
          break;
        case SUBSET_COMMENT:
          if (c === 0x2d) this.run++;
          else if (c === GT && this.run >= 2) state = SUBSET;
          else this.run = 0;
          break;
        case SUBSET_PI:
          if (c === 0x3f) this.run = 1;
          else if (c === GT && this.run === 1) state = SUBSET;
          else this.run = 0;
          break;
        case SUBSET_DECL:
          if (c === GT) state = SUBSET;
          else if (c === DQUOTE || c === SQUOTE) {
            this.quote = c;
            state = SUBSET_DECL_QUOTED;
          }
          break;
        case SUBSET_DECL_QUOTED:
          if (c === this.quote) state = SUBSET_DECL;
          break;
      }
    }
    this.state = state;
    return -1;
  }
}

/** Ranges (indices into the token's buffer, -1 when absent) of a parsed DOCTYPE. */
export interface DoctypeRanges {
  nameStart: number;
  nameEnd: number;
  colon: number;
  publicIdStart: number;
  publicIdEnd: number;
  systemIdStart: number;
  systemIdEnd: number;
  subsetStart: number;
  subsetEnd: number;
}

function malformed(message: string, at: number, base: number): XmlError {
  return new XmlError('MALFORMED_DOCTYPE', message, base + at);
}

/** Reads a quoted literal at `p`; returns its closing-quote index. */
function readLiteral(buf: Uint8Array, p: number, end: number, base: number): number {
  const q = buf[p];
  if (q !== DQUOTE && q !== SQUOTE) throw malformed('Expected a quoted literal in DOCTYPE', p, base);
  for (let i = p + 1; i < end; i++) if (buf[i] === q) return i;
  throw malformed('Unterminated literal in DOCTYPE', p, base);
}

/**
 * Parses the complete DOCTYPE buf[start, end) (`end` just after `>`), whose
 * subset bounds the finder recorded.
 */
export function parseDoctype(
  buf: Uint8Array,
  start: number,
  end: number,
  base: number,
  maxNameLength: number,
  finder: DoctypeEndFinder,
  out: DoctypeRanges,
): void {
  const close = end - 1; // the `>`
  const headerEnd = finder.subsetOpen >= 0 ? finder.subsetOpen : close;
  let p = start + 9;
  if (p >= headerEnd || (CHAR_CLASS[buf[p]] & WHITESPACE) === 0) {
    throw malformed('Expected whitespace after <!DOCTYPE', p, base);
  }
  p = skipWhitespace(buf, p, headerEnd);
  if (p >= headerEnd || (CHAR_CLASS[buf[p]] & NAME_START) === 0) {
    throw new XmlError('INVALID_NAME', 'DOCTYPE without a valid root element name', base + p);
  }
  out.nameStart = p;
  out.colon = -1;
  while (p < headerEnd && (CHAR_CLASS[buf[p]] & NAME_CHAR) !== 0) {
    if (buf[p] === 0x3a && out.colon < 0) out.colon = p;
    p++;
  }
  out.nameEnd = p;
  if (out.nameEnd - out.nameStart > maxNameLength) {
    throw new XmlError(
      'NAME_TOO_LONG',
      `DOCTYPE name longer than ${maxNameLength} bytes`,
      base + out.nameStart,
    );
  }
  out.publicIdStart = out.publicIdEnd = out.systemIdStart = out.systemIdEnd = -1;
  const afterName = p;
  p = skipWhitespace(buf, p, headerEnd);
  if (p < headerEnd && p > afterName) {
    const isPublic = matchesAscii(buf, p, headerEnd, 'PUBLIC');
    if (!isPublic && !matchesAscii(buf, p, headerEnd, 'SYSTEM')) {
      throw malformed('Expected PUBLIC, SYSTEM, "[" or ">" in DOCTYPE', p, base);
    }
    p += 6;
    if (isPublic) {
      const q = skipWhitespace(buf, p, headerEnd);
      if (q === p) throw malformed('Expected whitespace after PUBLIC', p, base);
      const close = readLiteral(buf, q, headerEnd, base);
      out.publicIdStart = q + 1;
      out.publicIdEnd = close;
      p = close + 1;
    }
    const q = skipWhitespace(buf, p, headerEnd);
    if (q === p) throw malformed('Expected whitespace before the system literal', p, base);
    const closeQuote = readLiteral(buf, q, headerEnd, base);
    out.systemIdStart = q + 1;
    out.systemIdEnd = closeQuote;
    p = skipWhitespace(buf, closeQuote + 1, headerEnd);
  }
  if (p !== headerEnd) throw malformed('Unexpected characters in DOCTYPE', p, base);
  if (finder.subsetOpen >= 0) {
    out.subsetStart = finder.subsetOpen + 1;
    out.subsetEnd = finder.subsetClose;
    const q = skipWhitespace(buf, finder.subsetClose + 1, close);
    if (q !== close) throw malformed('Only whitespace may follow the internal subset', q, base);
  } else {
    out.subsetStart = out.subsetEnd = -1;
  }
}

import { isNameChar } from './name-char.js';

/**
 * Physical lines of the input bytes. A line ends at CRLF, LF or a lone CR
 * (devices and gateways use all three); the terminator is not part of the
 * line. Lines are views (start/end offsets); nothing is copied.
 */
export interface PhysicalLine {
  /** Byte offset of the first byte. */
  start: number;
  /** Byte offset after the last byte (terminator excluded). */
  end: number;
  /** 1-based line number. */
  line: number;
}

const CR = 0x0d;
const LF = 0x0a;

export class PhysicalLineReader {
  readonly bytes: Uint8Array;
  private pos = 0;
  private lineNo = 0;
  private peeked: PhysicalLine | undefined;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** The next line without consuming it, or undefined at the end. */
  peek(): PhysicalLine | undefined {
    if (this.peeked === undefined) this.peeked = this.scan();
    return this.peeked;
  }

  /** The next line, consumed, or undefined at the end. */
  next(): PhysicalLine | undefined {
    const line = this.peek();
    this.peeked = undefined;
    return line;
  }

  private scan(): PhysicalLine | undefined {
    const bytes = this.bytes;
    const n = bytes.length;
    const start = this.pos;
    if (start >= n) return undefined;
    let i = start;
    while (i < n) {
      const b = bytes[i]!;
      if (b === LF || b === CR) break;
      i++;
    }
    const end = i;
    if (i < n) i += bytes[i] === CR && i + 1 < n && bytes[i + 1] === LF ? 2 : 1;
    this.pos = i;
    this.lineNo++;
    return { start, end, line: this.lineNo };
  }
}

/** True when the line holds only spaces, tabs or NUL bytes (NUL: padding some devices send). */
export function isBlankLine(bytes: Uint8Array, line: PhysicalLine): boolean {
  for (let i = line.start; i < line.end; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x00) return false;
  }
  return true;
}

/** True when the line starts with a space or tab: an RFC folding continuation. */
export function startsWithWhitespace(bytes: Uint8Array, line: PhysicalLine): boolean {
  const b = bytes[line.start];
  return line.end > line.start && (b === 0x20 || b === 0x09);
}

/**
 * True when the line starts like a content line: `[group.]NAME` followed by
 * `;` or `:`. Used to tell a property from the continuation of a value that a
 * device broke without the folding whitespace.
 */
export function looksLikeContentLine(bytes: Uint8Array, line: PhysicalLine): boolean {
  let i = line.start;
  let segmentLength = 0;
  for (; i < line.end; i++) {
    const b = bytes[i]!;
    if (isNameChar(b)) {
      segmentLength++;
      continue;
    }
    if (b === 0x2e && segmentLength > 0) {
      segmentLength = 0;
      continue;
    }
    return segmentLength > 0 && (b === 0x3a || b === 0x3b);
  }
  return false;
}

/** True when every byte of the line is base64 alphabet, padding or blank. */
export function isBase64Line(bytes: Uint8Array, line: PhysicalLine): boolean {
  if (line.end === line.start) return false;
  for (let i = line.start; i < line.end; i++) {
    const b = bytes[i]!;
    const ok =
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      (b >= 0x30 && b <= 0x39) ||
      b === 0x2b ||
      b === 0x2f ||
      b === 0x3d ||
      b === 0x20 ||
      b === 0x09;
    if (!ok) return false;
  }
  return true;
}

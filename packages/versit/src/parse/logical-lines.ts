import { VersitError } from '../errors.js';
import {
  isBase64Line,
  isBlankLine,
  looksLikeContentLine,
  type PhysicalLine,
  PhysicalLineReader,
  startsWithWhitespace,
} from './physical-lines.js';

/** One unfolded content line. */
export interface LogicalLine {
  /** The unfolded bytes (a view into the input when the line was not folded). */
  bytes: Uint8Array;
  /** Index of the `:` that ends the header, -1 when the line has none. */
  colon: number;
  /** Byte offset and 1-based number of the first physical line. */
  offset: number;
  line: number;
}

/** What the assembler needs to know about a header to continue a value. */
export interface ValueTransfer {
  /** QUOTED-PRINTABLE: `=` at the end of a line is a soft break. */
  quotedPrintable: boolean;
  /** BASE64 / `b`: unindented base64-only lines continue it, a blank line ends it. */
  base64: boolean;
}

const CRLF = new Uint8Array([0x0d, 0x0a]);
const EQUALS = 0x3d;
const COLON = 0x3a;
const QUOTE = 0x22;

/**
 * Turns physical lines into logical content lines:
 * - RFC folding: a line starting with space or tab continues the previous one.
 *   The RFC dialects drop that one whitespace character; the legacy dialects
 *   keep it (RFC 822 unfolding) unless told otherwise.
 * - QUOTED-PRINTABLE: a line ending in `=` continues on the next line (soft
 *   break); a following line that does not start like a property continues the
 *   value too, with a real line break (devices that break QP values without
 *   `=` and without whitespace).
 * - BASE64: following lines made only of base64 characters continue the value
 *   even without indentation; one blank line ends it (vCard 2.1).
 * - Blank lines (spaces, tabs, NUL only) between properties are skipped.
 */
export class LogicalLineReader {
  private readonly reader: PhysicalLineReader;
  private readonly bytes: Uint8Array;
  private readonly maxLineBytes: number;
  private readonly classify: (header: Uint8Array) => ValueTransfer;
  private keepFoldWhitespace: boolean;

  constructor(
    bytes: Uint8Array,
    maxLineBytes: number,
    keepFoldWhitespace: boolean,
    classify: (header: Uint8Array) => ValueTransfer,
  ) {
    this.bytes = bytes;
    this.reader = new PhysicalLineReader(bytes);
    this.maxLineBytes = maxLineBytes;
    this.keepFoldWhitespace = keepFoldWhitespace;
    this.classify = classify;
  }

  /** Switches unfolding between RFC and legacy style (after a VERSION is seen). */
  setKeepFoldWhitespace(keep: boolean): void {
    this.keepFoldWhitespace = keep;
  }

  next(): LogicalLine | undefined {
    const bytes = this.bytes;
    let first: PhysicalLine | undefined = this.reader.next();
    while (first !== undefined && isBlankLine(bytes, first)) first = this.reader.next();
    if (first === undefined) return undefined;
    if (startsWithWhitespace(bytes, first)) {
      throw new VersitError('BROKEN_FOLDING', 'A folded continuation line has no line to continue', {
        offset: first.start,
        line: first.line,
      });
    }
    const head = first;
    const chunks: Uint8Array[] = [];
    let length = 0;
    let colon = -1;
    let inQuotes = false;
    let firstColon = -1;
    let transfer: ValueTransfer | undefined;
    const add = (chunk: Uint8Array): void => {
      if (length + chunk.length > this.maxLineBytes) {
        throw new VersitError('LINE_TOO_LONG', `A content line is longer than ${this.maxLineBytes} bytes`, {
          offset: head.start,
          line: head.line,
        });
      }
      if (colon < 0) {
        for (let i = 0; i < chunk.length; i++) {
          const b = chunk[i]!;
          if (b === QUOTE) inQuotes = !inQuotes;
          else if (b === COLON) {
            if (firstColon < 0) firstColon = length + i;
            if (!inQuotes) {
              colon = length + i;
              break;
            }
          }
        }
      }
      chunks.push(chunk);
      length += chunk.length;
    };
    add(bytes.subarray(first.start, first.end));

    for (;;) {
      const peek = this.reader.peek();
      if (peek === undefined) break;
      if (transfer === undefined && colon >= 0)
        transfer = this.classify(joinChunks(chunks, length).subarray(0, colon));
      if (isBlankLine(bytes, peek)) {
        if (transfer?.base64) this.reader.next();
        break;
      }
      if (startsWithWhitespace(bytes, peek)) {
        this.reader.next();
        add(bytes.subarray(this.keepFoldWhitespace ? peek.start : peek.start + 1, peek.end));
        continue;
      }
      if (transfer?.quotedPrintable) {
        const last = chunks[chunks.length - 1]!;
        if (last.length > 0 && last[last.length - 1] === EQUALS) {
          this.reader.next();
          chunks[chunks.length - 1] = last.subarray(0, last.length - 1);
          length -= 1;
          add(bytes.subarray(peek.start, peek.end));
          continue;
        }
        if (!looksLikeContentLine(bytes, peek)) {
          this.reader.next();
          add(CRLF);
          add(bytes.subarray(peek.start, peek.end));
          continue;
        }
      }
      if (transfer?.base64 && !looksLikeContentLine(bytes, peek) && isBase64Line(bytes, peek)) {
        this.reader.next();
        add(bytes.subarray(peek.start, peek.end));
        continue;
      }
      break;
    }
    // An unbalanced quote must not hide the value separator.
    if (colon < 0) colon = firstColon;
    return { bytes: joinChunks(chunks, length), colon, offset: first.start, line: first.line };
  }
}

function joinChunks(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  chunks.length = 0;
  chunks.push(out);
  return out;
}

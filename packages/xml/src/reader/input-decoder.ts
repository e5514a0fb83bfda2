import { XmlError } from '../errors.js';
import { Utf16Transcoder } from './utf16-transcoder.js';

const NONE: Uint8Array[] = [];

/**
 * The reader's front door: counts input against maxTotalSize, skips a UTF-8
 * BOM, and detects UTF-16 (BOM, or `<?` as 16-bit units) which it transcodes
 * to UTF-8 so the tokenizer only ever sees ASCII-compatible bytes. Any other
 * input passes through untouched (zero-copy).
 */
export class InputDecoder {
  private readonly maxTotalSize: number;
  private total = 0;
  /** Up to 3 leading bytes held until the encoding is known. */
  private head: number[] = [];
  private decided = false;
  private utf16: Utf16Transcoder | null = null;
  /** `utf-16le` or `utf-16be` when the input is transcoded. */
  transcodedFrom: string | undefined = undefined;
  /** The input started with a UTF-8 BOM (its 3 bytes are not handed on). */
  sawUtf8Bom = false;

  constructor(maxTotalSize: number) {
    this.maxTotalSize = maxTotalSize;
  }

  reset(): void {
    this.total = 0;
    this.head = [];
    this.decided = false;
    this.utf16 = null;
    this.transcodedFrom = undefined;
    this.sawUtf8Bom = false;
  }

  /** The bytes to tokenize for `chunk` (`final` after the last one). */
  decode(chunk: Uint8Array, final: boolean): Uint8Array[] {
    this.total += chunk.length;
    if (this.total > this.maxTotalSize) {
      throw new XmlError(
        'DOCUMENT_TOO_LARGE',
        `Document larger than ${this.maxTotalSize} bytes`,
        this.maxTotalSize,
      );
    }
    if (!this.decided) {
      if (this.head.length + chunk.length < 4 && !final && !this.decidableEarly(chunk)) {
        for (const b of chunk) this.head.push(b);
        return NONE;
      }
      // The few held bytes stay a separate part: a big chunk is never copied to join them.
      const held = Uint8Array.from(this.head);
      this.head = [];
      const skip = this.decide(held, chunk);
      const parts: Uint8Array[] = [];
      if (skip < held.length) this.pass(held.subarray(skip), false, parts);
      this.pass(skip > held.length ? chunk.subarray(skip - held.length) : chunk, final, parts);
      return parts;
    }
    const parts: Uint8Array[] = [];
    this.pass(chunk, final, parts);
    return parts;
  }

  private pass(bytes: Uint8Array, final: boolean, parts: Uint8Array[]): void {
    const out = this.utf16 === null ? bytes : this.utf16.transcode(bytes, final);
    if (out.length > 0) parts.push(out);
  }

  /** With fewer than 4 bytes known, the first byte may already rule UTF-16 and a BOM out. */
  private decidableEarly(chunk: Uint8Array): boolean {
    const first = this.head.length > 0 ? this.head[0] : chunk[0];
    if (first === undefined) return false;
    return first !== 0x00 && first !== 0x3c && first !== 0xfe && first !== 0xff && first !== 0xef;
  }

  /** Picks the input encoding from the first bytes; returns how many BOM bytes to drop. */
  private decide(held: Uint8Array, chunk: Uint8Array): number {
    this.decided = true;
    const at = (i: number): number | undefined => (i < held.length ? held[i] : chunk[i - held.length]);
    const [a, b, c, d] = [at(0), at(1), at(2), at(3)];
    if (a === 0xef && b === 0xbb && c === 0xbf) {
      this.sawUtf8Bom = true;
      return 3;
    }
    let littleEndian: boolean | undefined;
    let bom = 0;
    if (a === 0xfe && b === 0xff) {
      littleEndian = false;
      bom = 2;
    } else if (a === 0xff && b === 0xfe) {
      littleEndian = true;
      bom = 2;
    } else if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) littleEndian = false;
    else if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) littleEndian = true;
    if (littleEndian !== undefined) {
      this.transcodedFrom = littleEndian ? 'utf-16le' : 'utf-16be';
      this.utf16 = new Utf16Transcoder(littleEndian, bom);
    }
    return bom;
  }

  /** Bytes the tokenizer never saw at the start (the UTF-8 BOM), for offsets. */
  get skippedBytes(): number {
    return this.sawUtf8Bom ? 3 : 0;
  }
}

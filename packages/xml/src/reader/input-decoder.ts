import { XmlError } from '../errors.js';

const utf8Encoder = new TextEncoder();
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
  private utf16: TextDecoder | null = null;
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
    let bytes = chunk;
    if (!this.decided) {
      if (this.head.length + chunk.length < 4 && !final && !this.decidableEarly(chunk)) {
        for (const b of chunk) this.head.push(b);
        return NONE;
      }
      if (this.head.length > 0) {
        const joined = new Uint8Array(this.head.length + chunk.length);
        joined.set(this.head, 0);
        joined.set(chunk, this.head.length);
        bytes = joined;
        this.head = [];
      }
      bytes = this.decide(bytes);
    }
    if (this.utf16 !== null) {
      let text: string;
      try {
        text = this.utf16.decode(bytes, { stream: !final });
      } catch (cause) {
        throw new XmlError(
          'INVALID_ENCODING',
          `Invalid ${this.transcodedFrom} input`,
          this.total - chunk.length,
          {
            cause,
          },
        );
      }
      return text.length === 0 ? NONE : [utf8Encoder.encode(text)];
    }
    return bytes.length === 0 ? NONE : [bytes];
  }

  /** With fewer than 4 bytes known, the first byte may already rule UTF-16 and a BOM out. */
  private decidableEarly(chunk: Uint8Array): boolean {
    const first = this.head.length > 0 ? this.head[0] : chunk[0];
    if (first === undefined) return false;
    return first !== 0x00 && first !== 0x3c && first !== 0xfe && first !== 0xff && first !== 0xef;
  }

  private decide(bytes: Uint8Array): Uint8Array {
    this.decided = true;
    const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
    let label: string | undefined;
    if (a === 0xef && b === 0xbb && c === 0xbf) {
      this.sawUtf8Bom = true;
      return bytes.subarray(3);
    }
    if (a === 0xfe && b === 0xff) label = 'utf-16be';
    else if (a === 0xff && b === 0xfe) label = 'utf-16le';
    else if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) label = 'utf-16be';
    else if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) label = 'utf-16le';
    if (label !== undefined) {
      this.transcodedFrom = label;
      this.utf16 = new TextDecoder(label, { fatal: true });
    }
    return bytes;
  }

  /** Bytes the tokenizer never saw at the start (the UTF-8 BOM), for offsets. */
  get skippedBytes(): number {
    return this.sawUtf8Bom ? 3 : 0;
  }
}

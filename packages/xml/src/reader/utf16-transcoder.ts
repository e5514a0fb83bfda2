import { XmlError } from '../errors.js';
import { writeUtf8CodePoint } from '../text/codec.js';

/**
 * Streaming UTF-16 (LE or BE) to UTF-8. Carries an odd byte and a high
 * surrogate across chunks; a lone surrogate or a trailing odd byte is an
 * INVALID_ENCODING error at its offset in the original input.
 */
export class Utf16Transcoder {
  private readonly littleEndian: boolean;
  /** Byte offset in the input of the next byte fed. */
  private offset: number;
  private oddByte = -1;
  private highSurrogate = -1;
  private highSurrogateOffset = 0;

  constructor(littleEndian: boolean, startOffset: number) {
    this.littleEndian = littleEndian;
    this.offset = startOffset;
  }

  transcode(bytes: Uint8Array, final: boolean): Uint8Array {
    // Each 2-byte unit yields at most 3 bytes; a pair (4 bytes) yields 4.
    const out = new Uint8Array(Math.ceil((bytes.length + 1) / 2) * 3 + 4);
    let o = 0;
    let i = 0;
    let unitOffset = this.offset;
    if (this.oddByte >= 0 && bytes.length > 0) {
      unitOffset = this.offset - 1;
      o = this.unit(this.combine(this.oddByte, bytes[0]), unitOffset, out, o);
      this.oddByte = -1;
      i = 1;
    }
    for (; i + 1 < bytes.length; i += 2) {
      o = this.unit(this.combine(bytes[i], bytes[i + 1]), this.offset + i, out, o);
    }
    if (i < bytes.length) this.oddByte = bytes[i];
    this.offset += bytes.length;
    if (final) {
      if (this.oddByte >= 0) {
        throw new XmlError('INVALID_ENCODING', 'UTF-16 input with an odd number of bytes', this.offset - 1);
      }
      if (this.highSurrogate >= 0) {
        throw new XmlError('INVALID_ENCODING', 'Unpaired UTF-16 surrogate', this.highSurrogateOffset);
      }
    }
    return out.subarray(0, o);
  }

  private combine(first: number, second: number): number {
    return this.littleEndian ? first | (second << 8) : (first << 8) | second;
  }

  private unit(u: number, at: number, out: Uint8Array, o: number): number {
    if (this.highSurrogate >= 0) {
      if (u < 0xdc00 || u > 0xdfff) {
        throw new XmlError('INVALID_ENCODING', 'Unpaired UTF-16 surrogate', this.highSurrogateOffset);
      }
      const cp = 0x10000 + ((this.highSurrogate - 0xd800) << 10) + (u - 0xdc00);
      this.highSurrogate = -1;
      return writeUtf8CodePoint(out, o, cp);
    }
    if (u >= 0xd800 && u <= 0xdfff) {
      if (u >= 0xdc00) throw new XmlError('INVALID_ENCODING', 'Unpaired UTF-16 surrogate', at);
      this.highSurrogate = u;
      this.highSurrogateOffset = at;
      return o;
    }
    return writeUtf8CodePoint(out, o, u);
  }
}

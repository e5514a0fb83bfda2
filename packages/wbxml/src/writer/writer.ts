import { type CharsetInfo, charsetInfo } from '../charset/charsets.js';
import { canEncode, encodeString, maxEncodedLength } from '../charset/encode.js';
import { Charset, GlobalToken, WbxmlVersion } from '../constants.js';
import { WbxmlError, type WbxmlErrorCode } from '../errors.js';
import { MAX_MB_UINT32, mbUint32Length, writeMbUint32 } from '../mb-uint32.js';

/** Options of a {@link WbxmlWriter}. */
export interface WbxmlWriterOptions {
  /** Bytes reserved for the body at first; the buffer doubles when full. Default {@link DEFAULT_INITIAL_CAPACITY}. */
  readonly initialCapacity?: number;
}

/** Default body buffer: a typical SyncML reply fits without growing. */
export const DEFAULT_INITIAL_CAPACITY = 4096;

/** The document header. */
export interface WbxmlHeader {
  /** Version byte, {@link WbxmlVersion}; default 1.3. WBXML 1.0 documents carry no charset. */
  readonly version?: number;
  /**
   * Public id: a number (e.g. 0x1201 for SyncML 1.2; 1 = unknown) or an FPI string, which
   * goes into the string table at index 0 and is referenced from the header.
   */
  readonly publicId: number | string;
  /** Charset MIBenum ({@link Charset}); default UTF-8. Strings are encoded in it. */
  readonly charset?: number;
  /**
   * For a string public id: write it with its terminator at table index 0 (default true), or,
   * when false, as the last table string without terminator, its length given only by the table
   * end: the form Sony Ericsson phones and the Synthesis toolkit send (`02 00 00 6A 1D` + 29
   * bytes for SyncML 1.1 alone in the table).
   */
  readonly terminatePublicId?: boolean;
}

// Writer states.
const W_HEADER = 0;
const W_BODY = 1;
/** Inside an element's attribute list. */
const W_ATTRS = 2;
/** Inside a processing instruction. */
const W_PI = 3;
const W_FINISHED = 4;

/** Room kept before the body for a header without string table: 1 + 6 + 5 + 1 bytes at most. */
const HEADER_RESERVE = 16;

const TABLE_INITIAL = 64;

/**
 * Writes one WBXML document into a growable buffer with a single cursor. Call
 * {@link header} first, then elements, text and the rest; {@link finish} returns the bytes.
 * Code pages are switched automatically (tag and attribute pages tracked apart). Strings can
 * go inline (STR_I) or into the string table (STR_T), which is assembled in front of the body
 * at {@link finish} with one copy (none when the table is empty).
 *
 * Misuse throws {@link WbxmlError} (BAD_STATE, BAD_ARGUMENT, NO_OPEN_ELEMENT, NUL_IN_STRING,
 * UNCLOSED_ELEMENT, UNSUPPORTED_CHARSET) and leaves the document as it was before the call.
 * Every method returns the writer, for chaining.
 */
export class WbxmlWriter {
  readonly #initialCapacity: number;
  #buf: Uint8Array;
  #pos = HEADER_RESERVE;
  #state = W_HEADER;

  #version: number = WbxmlVersion.V1_3;
  #publicId = 0;
  #publicIdIndex = -1;
  /** A public id to append unterminated at the end of the table in finish(), or ''. */
  #publicIdLast = '';
  #charsetMib: number = Charset.UTF_8;
  #charset: CharsetInfo = charsetInfo(Charset.UTF_8);

  #tagPage = 0;
  #attrPage = 0;
  /** Elements with content now open. */
  #open = 0;
  #rootStarted = false;
  #rootDone = false;
  #attributes = 0;
  #ownerHasContent = false;

  #table: Uint8Array = new Uint8Array(0);
  #tableLength = 0;
  readonly #tableIndex = new Map<string, number>();

  constructor(options: WbxmlWriterOptions = {}) {
    const capacity = options.initialCapacity ?? DEFAULT_INITIAL_CAPACITY;
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`initialCapacity must be a non-negative integer, got ${String(capacity)}`);
    }
    this.#initialCapacity = capacity;
    this.#buf = new Uint8Array(HEADER_RESERVE + capacity);
  }

  /** Elements with content still open. */
  get depth(): number {
    return this.#open;
  }

  /** Body bytes written so far. */
  get bodyLength(): number {
    return this.#pos - HEADER_RESERVE;
  }

  /** Starts the document. Must come first, once. */
  header(header: WbxmlHeader): this {
    this.#expect(this.#state === W_HEADER, 'header() comes first and once');
    const version = header.version ?? WbxmlVersion.V1_3;
    const charset = header.charset ?? Charset.UTF_8;
    if (!Number.isInteger(version) || version < 0 || version > 3)
      this.#bad(`version must be 0..3, got ${version}`);
    if (!Number.isInteger(charset) || charset < 0 || charset > MAX_MB_UINT32)
      this.#bad(`bad charset ${charset}`);
    const publicId = header.publicId;
    if (typeof publicId === 'number') {
      // 0 would announce a string-table reference.
      if (!Number.isInteger(publicId) || publicId < 1 || publicId > MAX_MB_UINT32) {
        this.#bad(`numeric public id must be 1..0xFFFFFFFF, got ${publicId}`);
      }
    } else if (typeof publicId !== 'string' || publicId === '') {
      this.#bad('public id must be a number or a non-empty string');
    }
    this.#version = version;
    this.#charsetMib = charset;
    this.#charset = charsetInfo(charset === 0 ? Charset.UTF_8 : charset);
    this.#state = W_BODY;
    if (typeof publicId === 'number') {
      this.#publicId = publicId;
    } else {
      this.#publicId = 0;
      try {
        if (header.terminatePublicId === false) {
          this.#checkString(publicId);
          this.#publicIdLast = publicId;
        } else {
          this.#publicIdIndex = this.addString(publicId);
        }
      } catch (e) {
        this.#state = W_HEADER;
        throw e;
      }
    }
    return this;
  }

  // ---------------------------------------------------------------------------------------
  // Elements

  /**
   * Starts an element: `token` is the tag identity (0x05..0x3F) on code page `page`. Without
   * content the element is complete once written (after {@link endAttributes} when it has
   * attributes); with content, close it with {@link endTag}.
   */
  startTag(page: number, token: number, hasContent = true, hasAttributes = false): this {
    this.#checkPage(page);
    if (!Number.isInteger(token) || token < 0x05 || token > 0x3f)
      this.#bad(`tag token must be 0x05..0x3F, got ${token}`);
    this.#beforeElement();
    this.#ensure(3);
    if (page !== this.#tagPage) {
      this.#buf[this.#pos++] = GlobalToken.SWITCH_PAGE;
      this.#buf[this.#pos++] = page;
      this.#tagPage = page;
    }
    this.#buf[this.#pos++] = token | (hasContent ? 0x40 : 0) | (hasAttributes ? 0x80 : 0);
    this.#afterStart(hasContent, hasAttributes);
    return this;
  }

  /** An element without attributes or content. */
  emptyTag(page: number, token: number): this {
    return this.startTag(page, token, false, false);
  }

  /** An element holding one inline string: start, STR_I, end. */
  textElement(page: number, token: number, text: string): this {
    return this.startTag(page, token).text(text).endTag();
  }

  /** Starts an element named by a string-table string (LITERAL, LITERAL_A, _C or _AC). */
  startLiteral(name: string, hasContent = true, hasAttributes = false): this {
    if (typeof name !== 'string' || name === '') this.#bad('a literal name must be a non-empty string');
    this.#beforeElement();
    const index = this.addString(name);
    this.#ensure(6);
    this.#buf[this.#pos++] = GlobalToken.LITERAL | (hasContent ? 0x40 : 0) | (hasAttributes ? 0x80 : 0);
    this.#pos = writeMbUint32(this.#buf, this.#pos, index);
    this.#afterStart(hasContent, hasAttributes);
    return this;
  }

  /** Closes the innermost element that has content (END). */
  endTag(): this {
    this.#expect(this.#state === W_BODY, 'endTag() inside an attribute list or processing instruction');
    if (this.#open === 0) this.#fail('NO_OPEN_ELEMENT', 'endTag() without an open element that has content');
    this.#ensure(1);
    this.#buf[this.#pos++] = GlobalToken.END;
    this.#open--;
    if (this.#open === 0) this.#rootDone = true;
    return this;
  }

  #beforeElement(): void {
    this.#expect(this.#state === W_BODY, this.#state === W_HEADER ? 'header() first' : 'an element here');
    if (this.#rootDone) this.#fail('BAD_STATE', 'a second root element');
  }

  #afterStart(hasContent: boolean, hasAttributes: boolean): void {
    this.#rootStarted = true;
    if (hasAttributes) {
      this.#state = W_ATTRS;
      this.#attributes = 0;
      this.#ownerHasContent = hasContent;
    } else if (hasContent) {
      this.#open++;
    } else if (this.#open === 0) {
      this.#rootDone = true;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Attributes and processing instructions

  /** Starts an attribute: an attribute-start code (0x05..0x3F or 0x45..0x7F) on `page`. */
  attribute(page: number, token: number): this {
    this.#checkPage(page);
    if (!Number.isInteger(token) || token < 0x05 || token > 0x7f || (token >= 0x40 && token <= 0x44)) {
      this.#bad(`attribute-start code must be 0x05..0x3F or 0x45..0x7F, got ${token}`);
    }
    this.#beforeAttribute();
    this.#ensure(3);
    this.#switchAttrPage(page);
    this.#buf[this.#pos++] = token;
    this.#attributes++;
    return this;
  }

  /** Starts an attribute named by a string-table string (LITERAL in the attribute list). */
  literalAttribute(name: string): this {
    if (typeof name !== 'string' || name === '') this.#bad('a literal name must be a non-empty string');
    this.#beforeAttribute();
    const index = this.addString(name);
    this.#ensure(6);
    this.#buf[this.#pos++] = GlobalToken.LITERAL;
    this.#pos = writeMbUint32(this.#buf, this.#pos, index);
    this.#attributes++;
    return this;
  }

  /** A tokenised attribute-value part: code 0x85..0xBF or 0xC5..0xFF on `page`. */
  attributeValue(page: number, token: number): this {
    this.#checkPage(page);
    if (!Number.isInteger(token) || token < 0x85 || token > 0xff || (token >= 0xc0 && token <= 0xc4)) {
      this.#bad(`attribute-value code must be 0x85..0xBF or 0xC5..0xFF, got ${token}`);
    }
    this.#inValue();
    this.#ensure(3);
    this.#switchAttrPage(page);
    this.#buf[this.#pos++] = token;
    return this;
  }

  /** Ends an element's attribute list (END); the element is complete if it has no content. */
  endAttributes(): this {
    this.#expect(this.#state === W_ATTRS, 'endAttributes() outside an attribute list');
    if (this.#attributes === 0) this.#fail('BAD_STATE', 'an attribute list needs at least one attribute');
    this.#ensure(1);
    this.#buf[this.#pos++] = GlobalToken.END;
    this.#state = W_BODY;
    if (this.#ownerHasContent) this.#open++;
    else if (this.#open === 0) this.#rootDone = true;
    return this;
  }

  /** Starts a processing instruction (PI): then one {@link attribute}, values, {@link endProcessingInstruction}. */
  startProcessingInstruction(): this {
    this.#expect(
      this.#state === W_BODY,
      this.#state === W_HEADER ? 'header() first' : 'a processing instruction here',
    );
    this.#ensure(1);
    this.#buf[this.#pos++] = GlobalToken.PI;
    this.#state = W_PI;
    this.#attributes = 0;
    return this;
  }

  /** Ends a processing instruction (END). */
  endProcessingInstruction(): this {
    this.#expect(this.#state === W_PI, 'endProcessingInstruction() outside a processing instruction');
    if (this.#attributes === 0) this.#fail('BAD_STATE', 'a processing instruction needs a target');
    this.#ensure(1);
    this.#buf[this.#pos++] = GlobalToken.END;
    this.#state = W_BODY;
    return this;
  }

  #beforeAttribute(): void {
    this.#expect(this.#state === W_ATTRS || this.#state === W_PI, 'an attribute outside an attribute list');
    if (this.#state === W_PI && this.#attributes > 0)
      this.#fail('BAD_STATE', 'a processing instruction has one target');
  }

  #switchAttrPage(page: number): void {
    if (page !== this.#attrPage) {
      this.#buf[this.#pos++] = GlobalToken.SWITCH_PAGE;
      this.#buf[this.#pos++] = page;
      this.#attrPage = page;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Content (and attribute-value parts)

  /** An inline string (STR_I) in the document charset. */
  text(s: string): this {
    this.#inValue();
    this.#checkString(s);
    const w = this.#charset.terminatorWidth;
    this.#ensure(1 + maxEncodedLength(s, this.#charset) + w);
    const start = this.#pos;
    this.#buf[start] = GlobalToken.STR_I;
    let pos = encodeString(s, this.#charset, this.#buf, start + 1, this.bodyLength);
    for (let k = 0; k < w; k++) this.#buf[pos++] = 0;
    this.#pos = pos;
    return this;
  }

  /** An inline string (STR_I) from bytes already in the document charset, without terminator. */
  textBytes(bytes: Uint8Array): this {
    this.#inValue();
    this.#checkTerminatorFree(bytes);
    const w = this.#charset.terminatorWidth;
    this.#ensure(1 + bytes.length + w);
    this.#buf[this.#pos++] = GlobalToken.STR_I;
    this.#buf.set(bytes, this.#pos);
    this.#pos += bytes.length;
    for (let k = 0; k < w; k++) this.#buf[this.#pos++] = 0;
    return this;
  }

  /** A string-table string (STR_T): `s` is added to the table (once) and referenced. */
  tableText(s: string): this {
    this.#inValue();
    return this.stringReference(this.addString(s));
  }

  /** A STR_T reference to a string-table offset returned by {@link addString}. */
  stringReference(index: number): this {
    this.#inValue();
    if (!Number.isInteger(index) || index < 0 || index >= this.#tableLength) {
      this.#bad(`string-table index ${index} is outside the table of ${this.#tableLength} bytes`);
    }
    this.#ensure(6);
    this.#buf[this.#pos++] = GlobalToken.STR_T;
    this.#pos = writeMbUint32(this.#buf, this.#pos, index);
    return this;
  }

  /**
   * Adds `s` (terminated) to the string table unless it is there already; returns its offset,
   * for {@link stringReference}. The table is written in front of the body by {@link finish}.
   */
  addString(s: string): number {
    this.#expect(
      this.#state !== W_HEADER && this.#state !== W_FINISHED,
      'addString() between header() and finish()',
    );
    const known = this.#tableIndex.get(s);
    if (known !== undefined) return known;
    this.#checkString(s);
    const w = this.#charset.terminatorWidth;
    const need = this.#tableLength + maxEncodedLength(s, this.#charset) + w;
    if (need > this.#table.length) {
      const grown = new Uint8Array(Math.max(TABLE_INITIAL, this.#table.length * 2, need));
      grown.set(this.#table.subarray(0, this.#tableLength));
      this.#table = grown;
    }
    const index = this.#tableLength;
    let pos = encodeString(s, this.#charset, this.#table, index, this.bodyLength);
    for (let k = 0; k < w; k++) this.#table[pos++] = 0;
    this.#tableLength = pos;
    this.#tableIndex.set(s, index);
    return index;
  }

  /** OPAQUE data. */
  opaque(bytes: Uint8Array): this {
    this.#inValue();
    this.#ensure(6 + bytes.length);
    this.#buf[this.#pos++] = GlobalToken.OPAQUE;
    this.#pos = writeMbUint32(this.#buf, this.#pos, bytes.length);
    this.#buf.set(bytes, this.#pos);
    this.#pos += bytes.length;
    return this;
  }

  /** A character entity (ENTITY) for a Unicode code point. */
  entity(codePoint: number): this {
    this.#inValue();
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > 0x10ffff) {
      this.#bad(`entity must be a code point 0..0x10FFFF, got ${codePoint}`);
    }
    this.#ensure(6);
    this.#buf[this.#pos++] = GlobalToken.ENTITY;
    this.#pos = writeMbUint32(this.#buf, this.#pos, codePoint);
    return this;
  }

  /** A single-byte extension EXT_0, EXT_1 or EXT_2. */
  extension(n: 0 | 1 | 2): this {
    this.#inValue();
    this.#checkExtension(n);
    this.#ensure(1);
    this.#buf[this.#pos++] = GlobalToken.EXT_0 + n;
    return this;
  }

  /** An extension with an inline string: EXT_I_0, EXT_I_1 or EXT_I_2. */
  extensionText(n: 0 | 1 | 2, s: string): this {
    this.#inValue();
    this.#checkExtension(n);
    this.#checkString(s);
    const w = this.#charset.terminatorWidth;
    this.#ensure(1 + maxEncodedLength(s, this.#charset) + w);
    const start = this.#pos;
    this.#buf[start] = GlobalToken.EXT_I_0 + n;
    let pos = encodeString(s, this.#charset, this.#buf, start + 1, this.bodyLength);
    for (let k = 0; k < w; k++) this.#buf[pos++] = 0;
    this.#pos = pos;
    return this;
  }

  /** An extension with an integer: EXT_T_0, EXT_T_1 or EXT_T_2. */
  extensionInteger(n: 0 | 1 | 2, value: number): this {
    this.#inValue();
    this.#checkExtension(n);
    if (!Number.isInteger(value) || value < 0 || value > MAX_MB_UINT32)
      this.#bad(`extension value must be 0..0xFFFFFFFF`);
    this.#ensure(6);
    this.#buf[this.#pos++] = GlobalToken.EXT_T_0 + n;
    this.#pos = writeMbUint32(this.#buf, this.#pos, value);
    return this;
  }

  /** Content goes inside an element; attribute-value parts after an attribute start. */
  #inValue(): void {
    if (this.#state === W_BODY) {
      if (this.#open === 0) this.#fail('BAD_STATE', 'content outside an element');
    } else if (this.#state === W_ATTRS || this.#state === W_PI) {
      if (this.#attributes === 0) this.#fail('BAD_STATE', 'an attribute value before an attribute start');
    } else {
      this.#fail('BAD_STATE', this.#state === W_HEADER ? 'header() first' : 'the document is finished');
    }
  }

  #checkString(s: string): void {
    if (typeof s !== 'string') this.#bad('a string is required');
    // U+0000 is the only character that encodes to the terminator (00, or 00 00 in UTF-16).
    if (s.includes('\u0000'))
      this.#fail('NUL_IN_STRING', 'a string cannot hold U+0000, the STR_I terminator');
    if (!canEncode(this.#charset)) {
      this.#fail(
        'UNSUPPORTED_CHARSET',
        `the writer cannot encode charset MIBenum ${this.#charset.mib}; use textBytes()`,
      );
    }
  }

  #checkTerminatorFree(bytes: Uint8Array): void {
    const w = this.#charset.terminatorWidth;
    if (bytes.length % w !== 0) this.#bad(`a string in this charset is a whole number of ${w}-byte units`);
    for (let i = 0; i < bytes.length; i += w) {
      let zero = true;
      for (let k = 0; k < w; k++) if (bytes[i + k] !== 0) zero = false;
      if (zero) this.#fail('NUL_IN_STRING', `the bytes hold the terminator at ${i}`);
    }
  }

  #checkExtension(n: number): void {
    if (n !== 0 && n !== 1 && n !== 2) this.#bad(`extension number must be 0, 1 or 2, got ${n}`);
  }

  #checkPage(page: number): void {
    if (!Number.isInteger(page) || page < 0 || page > 255) this.#bad(`code page must be 0..255, got ${page}`);
  }

  // ---------------------------------------------------------------------------------------
  // Output

  /**
   * Completes the document and returns its bytes. Without a string table the header goes
   * into room kept in front of the body (no copy); otherwise header, table and body are
   * assembled with one copy. The writer gives the bytes away: call {@link reset} to write
   * another document.
   */
  finish(): Uint8Array {
    this.#expect(this.#state !== W_HEADER && this.#state !== W_FINISHED, 'finish() after header() and once');
    if (this.#state !== W_BODY)
      this.#fail('UNCLOSED_ELEMENT', 'an attribute list or processing instruction is open');
    if (this.#open > 0) this.#fail('UNCLOSED_ELEMENT', `${this.#open} element(s) still open`);
    if (!this.#rootStarted) this.#fail('UNCLOSED_ELEMENT', 'no root element');
    if (this.#publicIdLast !== '') this.#appendPublicId();

    const publicIdLength =
      this.#publicIdIndex >= 0 ? 1 + mbUint32Length(this.#publicIdIndex) : mbUint32Length(this.#publicId);
    const charsetLength = this.#version === WbxmlVersion.V1_0 ? 0 : mbUint32Length(this.#charsetMib);
    const headerLength = 1 + publicIdLength + charsetLength + mbUint32Length(this.#tableLength);
    const bodyLength = this.#pos - HEADER_RESERVE;

    let out: Uint8Array;
    let at: number;
    if (this.#tableLength === 0) {
      out = this.#buf.subarray(HEADER_RESERVE - headerLength, this.#pos);
      at = 0;
    } else {
      out = new Uint8Array(headerLength + this.#tableLength + bodyLength);
      at = 0;
    }
    out[at++] = this.#version;
    if (this.#publicIdIndex >= 0) {
      out[at++] = 0;
      at = writeMbUint32(out, at, this.#publicIdIndex);
    } else {
      at = writeMbUint32(out, at, this.#publicId);
    }
    if (this.#version !== WbxmlVersion.V1_0) at = writeMbUint32(out, at, this.#charsetMib);
    at = writeMbUint32(out, at, this.#tableLength);
    if (this.#tableLength > 0) {
      out.set(this.#table.subarray(0, this.#tableLength), at);
      out.set(this.#buf.subarray(HEADER_RESERVE, this.#pos), at + this.#tableLength);
    }
    this.#state = W_FINISHED;
    this.#buf = new Uint8Array(0); // the bytes now belong to the caller
    return out;
  }

  /** Puts the unterminated public id after every other table string (its end is the table end). */
  #appendPublicId(): void {
    const fpi = this.#publicIdLast;
    const need = this.#tableLength + maxEncodedLength(fpi, this.#charset);
    if (need > this.#table.length) {
      const grown = new Uint8Array(need);
      grown.set(this.#table.subarray(0, this.#tableLength));
      this.#table = grown;
    }
    this.#publicIdIndex = this.#tableLength;
    this.#tableLength = encodeString(fpi, this.#charset, this.#table, this.#tableLength, this.bodyLength);
    this.#publicIdLast = '';
  }

  /** Starts over for a new document (a fresh buffer; bytes returned before stay valid). */
  reset(): void {
    this.#buf = new Uint8Array(HEADER_RESERVE + this.#initialCapacity);
    this.#pos = HEADER_RESERVE;
    this.#state = W_HEADER;
    this.#version = WbxmlVersion.V1_3;
    this.#publicId = 0;
    this.#publicIdIndex = -1;
    this.#publicIdLast = '';
    this.#charsetMib = Charset.UTF_8;
    this.#charset = charsetInfo(Charset.UTF_8);
    this.#tagPage = 0;
    this.#attrPage = 0;
    this.#open = 0;
    this.#rootStarted = false;
    this.#rootDone = false;
    this.#attributes = 0;
    this.#ownerHasContent = false;
    this.#table = new Uint8Array(0);
    this.#tableLength = 0;
    this.#tableIndex.clear();
  }

  /** Makes room for `n` more bytes: doubles the buffer (at least) when full. */
  #ensure(n: number): void {
    const need = this.#pos + n;
    if (need <= this.#buf.length) return;
    const grown = new Uint8Array(Math.max(this.#buf.length * 2, need));
    grown.set(this.#buf.subarray(0, this.#pos));
    this.#buf = grown;
  }

  #expect(ok: boolean, what: string): void {
    if (!ok) this.#fail('BAD_STATE', `not allowed here: ${what}`);
  }

  #bad(message: string): never {
    this.#fail('BAD_ARGUMENT', message);
  }

  #fail(code: WbxmlErrorCode, message: string): never {
    throw new WbxmlError(code, message, Math.max(0, this.#pos - HEADER_RESERVE));
  }
}

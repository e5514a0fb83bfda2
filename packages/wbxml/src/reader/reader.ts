import { type CharsetInfo, charsetInfo } from '../charset/charsets.js';
import { decodeText } from '../charset/decode.js';
import { GlobalToken, TokenKind } from '../constants.js';
import { WbxmlError } from '../errors.js';
import { InputQueue } from './input-queue.js';
import { badMb, badVersion, tooLong } from './measure.js';
import { type ResolvedReaderOptions, resolveReaderOptions, type WbxmlReaderOptions } from './options.js';
import { snapshotToken, type WbxmlToken } from './token.js';

// Parser states.
const S_HEADER = 0;
/** Element content, and the top level before and after the root element. */
const S_BODY = 1;
/** Inside the attribute list of an element or a processing instruction. */
const S_ATTRS = 2;
/** END_OF_DOCUMENT was returned. */
const S_DONE = 3;
/** An error was thrown; only reset() leaves this state. */
const S_ERROR = 4;

// Internal results of one step, never returned to callers.
/** A token without output (SWITCH_PAGE) or a chunk change: loop again. */
const CONTINUE = -1;
/** The token runs past the end of the current chunk. */
const INCOMPLETE = -2;

const EMPTY = new Uint8Array(0);
const INITIAL_STACK = 32;

/**
 * A streaming, resumable WBXML 1.0-1.3 pull tokenizer. Feed bytes with {@link write} (any
 * split), call {@link end} after the last chunk, and pull tokens with {@link next}; the current
 * token's fields are read from the reader. It knows no vocabulary: tags come out as
 * (page, token) pairs.
 *
 * Zero-copy: a string, opaque or literal name that lies inside one chunk is described by
 * `buf` (the caller's chunk) and `bufStart`/`bufEnd`; only a token split across chunks is copied,
 * into a fresh buffer that is never reused. Views stay valid as long as the caller leaves its
 * chunks unchanged. Nothing is allocated per token unless asked ({@link text}, {@link bytes},
 * {@link snapshot}).
 *
 * Errors throw {@link WbxmlError}; after one, every call throws it again until {@link reset}.
 */
export class WbxmlReader {
  readonly #options: ResolvedReaderOptions;
  readonly #maxDepth: number;
  readonly #maxString: number;
  readonly #maxOpaque: number;
  readonly #defaultCharset: CharsetInfo;

  // Input: the chunk being read (one cursor), and the chunks written but not reached yet.
  #buf: Uint8Array = EMPTY;
  #pos = 0;
  /** Absolute offset of #buf[0]. */
  #base = 0;
  /** True while #buf is a copy of one token that spanned chunks. */
  #inSpanCopy = false;
  readonly #input = new InputQueue();
  #ended = false;
  #error: WbxmlError | null = null;

  // Parse state.
  #state = S_HEADER;
  #tagPage = 0;
  #attrPage = 0;
  /** Open elements; #stack[i] = page * 64 + token, or -1 - name index for a literal. */
  #open = 0;
  #stack = new Int32Array(INITIAL_STACK);
  #rootDone = false;
  /** The element just started (or whose attribute list just ended) has no content: END_TAG is next. */
  #pendingEnd = false;
  #attrsOfPI = false;
  #attrStarts = 0;
  /** Content flag of the element owning the current attribute list. */
  #ownerHasContent = false;
  #mbEnd = 0;

  // Document.
  #version = -1;
  #publicId = -1;
  #publicIdIndex = -1;
  #charsetMib = -1;
  #charset: CharsetInfo;
  #terminatorWidth = 1;
  #tableBuf: Uint8Array = EMPTY;
  #tableStart = 0;
  #tableEnd = 0;

  // Current token.
  #kind: number = TokenKind.NEED_MORE;
  #offset = 0;
  #depth = 0;
  #page = 0;
  #token = 0;
  #hasAttributes = false;
  #hasContent = false;
  #literalIndex = -1;
  #tokBuf: Uint8Array = EMPTY;
  #start = 0;
  #end = 0;
  #stringTableIndex = -1;
  #value = 0;
  #extToken = -1;

  constructor(options?: WbxmlReaderOptions) {
    this.#options = resolveReaderOptions(options);
    this.#maxDepth = this.#options.maxDepth;
    this.#maxString = this.#options.maxStringLength;
    this.#maxOpaque = this.#options.maxOpaqueLength;
    this.#defaultCharset = charsetInfo(this.#options.defaultCharset);
    this.#charset = this.#defaultCharset;
  }

  /** A reader holding one whole message: `write(bytes)` and `end()` done. */
  static from(bytes: Uint8Array, options?: WbxmlReaderOptions): WbxmlReader {
    const reader = new WbxmlReader(options);
    reader.write(bytes);
    reader.end();
    return reader;
  }

  /** The options in force, defaults filled in. */
  get options(): ResolvedReaderOptions {
    return this.#options;
  }

  /**
   * Adds input. The reader keeps a reference to `chunk` (no copy) until its tokens are read;
   * do not change it while tokens that point into it are in use. Empty chunks are ignored.
   * Throws WRITE_AFTER_END after {@link end}, LENGTH_LIMIT over `maxTotalSize`.
   */
  write(chunk: Uint8Array): void {
    if (this.#error !== null) throw this.#error;
    if (this.#ended) {
      throw new WbxmlError('WRITE_AFTER_END', 'write() after end()', this.#input.received);
    }
    if (chunk.length === 0) return;
    if (this.#input.received + chunk.length > this.#options.maxTotalSize) {
      throw this.#fail(
        new WbxmlError(
          'LENGTH_LIMIT',
          `input of more than ${this.#options.maxTotalSize} bytes (maxTotalSize)`,
          this.#options.maxTotalSize,
        ),
      );
    }
    this.#input.push(chunk);
  }

  /** Declares the input complete: missing bytes are now TRUNCATED instead of NEED_MORE. */
  end(): void {
    this.#ended = true;
  }

  /** Forgets the document, the input and any error; options stay. */
  reset(): void {
    this.#buf = EMPTY;
    this.#pos = 0;
    this.#base = 0;
    this.#inSpanCopy = false;
    this.#input.clear();
    this.#ended = false;
    this.#error = null;
    this.#state = S_HEADER;
    this.#tagPage = 0;
    this.#attrPage = 0;
    this.#open = 0;
    this.#rootDone = false;
    this.#pendingEnd = false;
    this.#attrsOfPI = false;
    this.#attrStarts = 0;
    this.#ownerHasContent = false;
    this.#version = -1;
    this.#publicId = -1;
    this.#publicIdIndex = -1;
    this.#charsetMib = -1;
    this.#charset = this.#defaultCharset;
    this.#terminatorWidth = 1;
    this.#tableBuf = EMPTY;
    this.#tableStart = 0;
    this.#tableEnd = 0;
    this.#kind = TokenKind.NEED_MORE;
    this.#offset = 0;
    this.#depth = 0;
    this.#setNoBytes();
  }

  /**
   * Reads the next token and returns its kind ({@link TokenKind}); its fields are then on the
   * reader. NEED_MORE means "write more" (only before {@link end}); END_OF_DOCUMENT is final.
   * Throws WbxmlError on malformed input.
   */
  next(): number {
    // Fast path, free of throws, for the tokens that make up most of a message; the general
    // path (#slowNext) handles every case, these included. An error sets #state to S_ERROR,
    // which keeps this path off until reset().
    if (this.#pendingEnd) {
      this.#pendingEnd = false;
      this.#offset = this.#base + this.#pos;
      this.#hasContent = false;
      return this.#pop();
    }
    const buf = this.#buf;
    let pos = this.#pos;
    while (pos < buf.length && this.#state === S_BODY && this.#open > 0) {
      const b = buf[pos]!;
      const identity = b & 0x3f;
      if (identity >= 5) {
        if (b >= 0x80) break; // attributes: general path
        const depth = this.#open + 1;
        if (depth > this.#stack.length || depth > this.#maxDepth) break;
        this.#stack[depth - 1] = this.#tagPage * 64 + identity;
        this.#open = depth;
        this.#offset = this.#base + pos;
        this.#depth = depth;
        this.#page = this.#tagPage;
        this.#token = identity;
        this.#hasAttributes = false;
        this.#hasContent = b >= 0x40;
        this.#setNoBytes();
        this.#pos = pos + 1;
        if (b < 0x40) this.#pendingEnd = true;
        this.#kind = TokenKind.START_TAG;
        return this.#kind;
      }
      if (b === GlobalToken.END) {
        this.#pos = pos + 1;
        this.#offset = this.#base + pos;
        this.#hasContent = true;
        return this.#pop();
      }
      if (b === GlobalToken.SWITCH_PAGE) {
        if (pos + 1 >= buf.length) break;
        this.#tagPage = buf[pos + 1]!;
        pos += 2;
        this.#pos = pos;
        continue;
      }
      if (b === GlobalToken.STR_I) {
        if (this.#terminatorWidth !== 1) break;
        const nul = buf.indexOf(0, pos + 1);
        if (nul < 0 || nul - pos - 1 > this.#maxString) break;
        this.#tokBuf = buf;
        this.#start = pos + 1;
        this.#end = nul;
        this.#pos = nul + 1;
        return this.#fastContent(TokenKind.STR, pos);
      }
      if (b === GlobalToken.OPAQUE) {
        // Lengths of up to four mb_u_int32 bytes inline; longer, bad or split ones go the general way.
        let p = pos + 1;
        let length = 0;
        let c = 0x80;
        while (c >= 0x80 && p < buf.length && p <= pos + 4) {
          c = buf[p++]!;
          length = length * 128 + (c & 0x7f);
        }
        if (c >= 0x80 || length > this.#maxOpaque || length > buf.length - p) break;
        this.#tokBuf = buf;
        this.#start = p;
        this.#end = p + length;
        this.#pos = p + length;
        return this.#fastContent(TokenKind.OPAQUE, pos);
      }
      break;
    }
    return this.#slowNext();
  }

  #fastContent(kind: number, pos: number): number {
    this.#stringTableIndex = -1;
    this.#literalIndex = -1;
    this.#token = -1;
    this.#offset = this.#base + pos;
    this.#depth = this.#open;
    this.#page = this.#tagPage;
    this.#kind = kind;
    return this.#kind;
  }

  #slowNext(): number {
    if (this.#error !== null) throw this.#error;
    try {
      for (;;) {
        const r = this.#step(this.#buf, this.#pos);
        if (r !== CONTINUE) return r;
      }
    } catch (e) {
      throw this.#fail(e instanceof WbxmlError ? e : internalError(e, this.#base + this.#pos));
    }
  }

  /** Records the error every later call throws until reset(), and stops the fast path. */
  #fail(error: WbxmlError): WbxmlError {
    this.#error = error;
    this.#state = S_ERROR;
    this.#pendingEnd = false;
    return error;
  }

  /** One step of the general path: a token kind, CONTINUE, or NEED_MORE / END_OF_DOCUMENT. */
  #step(buf: Uint8Array, pos: number): number {
    if (pos >= buf.length) return this.#nextChunk();
    const state = this.#state;
    const r =
      state === S_BODY
        ? this.#body(buf, pos)
        : state === S_ATTRS
          ? this.#attribute(buf, pos)
          : this.#header(buf, pos);
    if (r !== INCOMPLETE) return r;
    if (this.#inSpanCopy) {
      // A copied token always holds its whole length; reaching here would be a bug.
      throw new WbxmlError(
        'TRUNCATED',
        'internal: token measured inconsistently',
        this.#base + pos,
        buf[pos],
      );
    }
    return this.#spanning();
  }

  /** Moves to the next written chunk, or reports NEED_MORE / END_OF_DOCUMENT / TRUNCATED. */
  #nextChunk(): number {
    this.#inSpanCopy = false;
    const input = this.#input;
    this.#base = input.nextBase;
    if (input.hasChunk) {
      this.#pos = input.nextStart;
      this.#buf = input.take();
      return CONTINUE;
    }
    this.#buf = EMPTY;
    this.#pos = 0;
    if (this.#state === S_DONE) return this.#report(TokenKind.END_OF_DOCUMENT);
    if (!this.#ended) return this.#report(TokenKind.NEED_MORE);
    if (this.#state === S_BODY && this.#rootDone) {
      this.#state = S_DONE;
      this.#setNoBytes();
      this.#offset = this.#input.received;
      this.#depth = 0;
      this.#kind = TokenKind.END_OF_DOCUMENT;
      return this.#kind;
    }
    const what =
      this.#state === S_HEADER
        ? 'before the header'
        : this.#state === S_ATTRS
          ? 'inside an attribute list'
          : this.#open > 0
            ? `with ${this.#open} element(s) open`
            : 'before the root element';
    throw new WbxmlError('TRUNCATED', `input ended ${what}`, this.#input.received, -1, this.#tagPage);
  }

  // ---------------------------------------------------------------------------------------
  // Header

  #header(buf: Uint8Array, pos: number): number {
    const start = pos;
    const version = buf[pos]!;
    if (version > 3) throw badVersion(version, this.#base + pos);
    const publicId = this.#mb(buf, pos + 1);
    if (publicId < 0) return INCOMPLETE;
    pos = this.#mbEnd;
    let publicIdIndex = -1;
    if (publicId === 0) {
      publicIdIndex = this.#mb(buf, pos);
      if (publicIdIndex < 0) return INCOMPLETE;
      pos = this.#mbEnd;
    }
    let charset = 0;
    if (version !== 0) {
      charset = this.#mb(buf, pos);
      if (charset < 0) return INCOMPLETE;
      pos = this.#mbEnd;
    }
    const lengthAt = pos;
    const tableLength = this.#mb(buf, pos);
    if (tableLength < 0) return INCOMPLETE;
    if (tableLength > this.#options.maxStringTableLength) {
      throw tooLong(
        'string table',
        tableLength,
        this.#options.maxStringTableLength,
        this.#base + lengthAt,
        buf[lengthAt]!,
        -1,
      );
    }
    pos = this.#mbEnd;
    if (buf.length - pos < tableLength) return INCOMPLETE;

    this.#version = version;
    this.#charsetMib = charset;
    this.#charset = charset === 0 ? this.#defaultCharset : charsetInfo(charset);
    this.#terminatorWidth = this.#charset.terminatorWidth;
    this.#tableBuf = buf;
    this.#tableStart = pos;
    this.#tableEnd = pos + tableLength;
    this.#kind = TokenKind.HEADER;
    this.#offset = this.#base + start;
    this.#depth = 0;
    this.#publicIdIndex = publicIdIndex;
    this.#setNoBytes();
    if (publicIdIndex >= 0) {
      if (publicIdIndex >= tableLength) {
        throw new WbxmlError(
          'STRTBL_INDEX',
          `public id string-table index ${publicIdIndex} is outside the table of ${tableLength} bytes`,
          this.#base + start + 1,
          0,
        );
      }
      this.#publicId = 0;
      this.#tableString(publicIdIndex);
    } else {
      this.#publicId = publicId;
    }
    this.#pos = pos + tableLength;
    this.#state = S_BODY;
    return TokenKind.HEADER;
  }

  // ---------------------------------------------------------------------------------------
  // Body: element content and the top level

  #body(buf: Uint8Array, pos: number): number {
    const b = buf[pos]!;
    const identity = b & 0x3f;
    if (identity >= 5) {
      // A tag: identity | 0x40 content | 0x80 attributes.
      if (this.#open === 0 && this.#rootDone) throw this.#trailing(b, pos);
      const depth = this.#push(this.#tagPage * 64 + identity, b, pos);
      this.#kind = TokenKind.START_TAG;
      this.#offset = this.#base + pos;
      this.#depth = depth;
      this.#page = this.#tagPage;
      this.#token = identity;
      this.#hasAttributes = b >= 0x80;
      this.#hasContent = (b & 0x40) !== 0;
      this.#literalIndex = -1;
      this.#setNoBytes();
      this.#pos = pos + 1;
      if (b >= 0x80) this.#enterAttributes(false, (b & 0x40) !== 0);
      else if ((b & 0x40) === 0) this.#pendingEnd = true;
      return TokenKind.START_TAG;
    }
    switch (b) {
      case GlobalToken.END:
        return this.#explicitEnd(pos);
      case GlobalToken.SWITCH_PAGE:
        if (this.#open === 0 && this.#rootDone) throw this.#trailing(b, pos);
        if (pos + 1 >= buf.length) return INCOMPLETE;
        this.#tagPage = buf[pos + 1]!;
        this.#pos = pos + 2;
        return CONTINUE;
      case GlobalToken.PI:
        this.#offset = this.#base + pos;
        this.#depth = this.#open;
        this.#page = this.#attrPage;
        this.#token = -1;
        this.#setNoBytes();
        this.#pos = pos + 1;
        this.#enterAttributes(true, false);
        this.#kind = TokenKind.PI;
        return this.#kind;
      case GlobalToken.LITERAL:
      case GlobalToken.LITERAL_A:
      case GlobalToken.LITERAL_C:
      case GlobalToken.LITERAL_AC:
        return this.#literalTag(buf, pos, b);
      default:
        if (this.#open === 0) {
          if (this.#rootDone) throw this.#trailing(b, pos);
          throw new WbxmlError(
            'UNEXPECTED_TOKEN',
            'content before the root element',
            this.#base + pos,
            b,
            this.#tagPage,
          );
        }
        return this.#content(buf, pos, b);
    }
  }

  /** Strings, opaque data, entities and extensions: element content or attribute-value parts. */
  #content(buf: Uint8Array, pos: number, b: number): number {
    this.#token = -1;
    this.#literalIndex = -1;
    this.#stringTableIndex = -1;
    switch (b) {
      case GlobalToken.STR_I: {
        const p = pos + 1;
        const t = this.#terminator(buf, p, pos);
        if (t < 0) return INCOMPLETE;
        this.#tokBuf = buf;
        this.#start = p;
        this.#end = t;
        this.#pos = t + this.#terminatorWidth;
        return this.#emit(TokenKind.STR, pos);
      }
      case GlobalToken.STR_T: {
        const index = this.#mb(buf, pos + 1);
        if (index < 0) return INCOMPLETE;
        this.#checkIndex(index, pos, b);
        this.#pos = this.#mbEnd;
        this.#tableString(index);
        this.#stringTableIndex = index;
        return this.#emit(TokenKind.STR, pos);
      }
      case GlobalToken.OPAQUE: {
        const length = this.#mb(buf, pos + 1);
        if (length < 0) return INCOMPLETE;
        if (length > this.#maxOpaque)
          throw tooLong('OPAQUE', length, this.#maxOpaque, this.#base + pos, b, this.#codePage());
        const p = this.#mbEnd;
        if (buf.length - p < length) return INCOMPLETE;
        this.#tokBuf = buf;
        this.#start = p;
        this.#end = p + length;
        this.#pos = p + length;
        return this.#emit(TokenKind.OPAQUE, pos);
      }
      case GlobalToken.ENTITY: {
        const code = this.#mb(buf, pos + 1);
        if (code < 0) return INCOMPLETE;
        this.#value = code;
        this.#setNoBytes();
        this.#pos = this.#mbEnd;
        return this.#emit(TokenKind.ENTITY, pos);
      }
      case GlobalToken.EXT_I_0:
      case GlobalToken.EXT_I_1:
      case GlobalToken.EXT_I_2: {
        const p = pos + 1;
        const t = this.#terminator(buf, p, pos);
        if (t < 0) return INCOMPLETE;
        this.#tokBuf = buf;
        this.#start = p;
        this.#end = t;
        this.#extToken = b;
        this.#pos = t + this.#terminatorWidth;
        return this.#emit(TokenKind.EXT, pos);
      }
      case GlobalToken.EXT_T_0:
      case GlobalToken.EXT_T_1:
      case GlobalToken.EXT_T_2: {
        const value = this.#mb(buf, pos + 1);
        if (value < 0) return INCOMPLETE;
        this.#value = value;
        this.#extToken = b;
        this.#setNoBytes();
        this.#pos = this.#mbEnd;
        return this.#emit(TokenKind.EXT, pos);
      }
      case GlobalToken.EXT_0:
      case GlobalToken.EXT_1:
      case GlobalToken.EXT_2:
        this.#extToken = b;
        this.#setNoBytes();
        this.#pos = pos + 1;
        return this.#emit(TokenKind.EXT, pos);
      default:
        throw new WbxmlError('BAD_TOKEN', 'token not allowed here', this.#base + pos, b, this.#codePage());
    }
  }

  #emit(kind: number, pos: number): number {
    this.#offset = this.#base + pos;
    this.#depth = this.#open;
    this.#page = this.#state === S_ATTRS ? this.#attrPage : this.#tagPage;
    this.#kind = kind;
    return this.#kind;
  }

  #literalTag(buf: Uint8Array, pos: number, b: number): number {
    if (this.#open === 0 && this.#rootDone) throw this.#trailing(b, pos);
    const index = this.#mb(buf, pos + 1);
    if (index < 0) return INCOMPLETE;
    this.#checkIndex(index, pos, b);
    const depth = this.#push(-1 - index, b, pos);
    this.#pos = this.#mbEnd;
    this.#setNoBytes();
    this.#tableString(index);
    this.#offset = this.#base + pos;
    this.#depth = depth;
    this.#page = -1;
    this.#token = -1;
    this.#literalIndex = index;
    this.#hasAttributes = b >= 0x80;
    this.#hasContent = (b & 0x40) !== 0;
    if (b >= 0x80) this.#enterAttributes(false, (b & 0x40) !== 0);
    else if ((b & 0x40) === 0) this.#pendingEnd = true;
    this.#kind =
      b === GlobalToken.LITERAL
        ? TokenKind.LITERAL
        : b === GlobalToken.LITERAL_A
          ? TokenKind.LITERAL_A
          : b === GlobalToken.LITERAL_C
            ? TokenKind.LITERAL_C
            : TokenKind.LITERAL_AC;
    return this.#kind;
  }

  #push(entry: number, b: number, pos: number): number {
    const depth = this.#open + 1;
    if (depth > this.#maxDepth) {
      throw new WbxmlError(
        'DEPTH_LIMIT',
        `elements nested deeper than ${this.#maxDepth}`,
        this.#base + pos,
        b,
        this.#tagPage,
      );
    }
    if (depth > this.#stack.length) {
      const grown = new Int32Array(Math.min(this.#stack.length * 2, Math.max(this.#maxDepth, INITIAL_STACK)));
      grown.set(this.#stack);
      this.#stack = grown;
    }
    this.#stack[depth - 1] = entry;
    this.#open = depth;
    return depth;
  }

  #explicitEnd(pos: number): number {
    if (this.#open === 0) {
      if (this.#rootDone) throw this.#trailing(GlobalToken.END, pos);
      throw new WbxmlError(
        'UNEXPECTED_TOKEN',
        'END without an open element',
        this.#base + pos,
        GlobalToken.END,
        this.#tagPage,
      );
    }
    this.#pos = pos + 1;
    this.#offset = this.#base + pos;
    this.#hasContent = true;
    return this.#pop();
  }

  #pop(): number {
    const depth = this.#open;
    const entry = this.#stack[depth - 1]!;
    this.#depth = depth;
    this.#hasAttributes = false;
    this.#setNoBytes();
    if (entry >= 0) {
      this.#page = entry >> 6;
      this.#token = entry & 0x3f;
    } else {
      this.#page = -1;
      this.#token = -1;
      this.#literalIndex = -1 - entry;
      this.#tableString(-1 - entry);
    }
    this.#open = depth - 1;
    if (depth === 1) this.#rootDone = true;
    this.#kind = TokenKind.END_TAG;
    return this.#kind;
  }

  #trailing(b: number, pos: number): WbxmlError {
    return new WbxmlError('TRAILING_DATA', 'data after the root element', this.#base + pos, b, this.#tagPage);
  }

  // ---------------------------------------------------------------------------------------
  // Attribute lists (of elements and processing instructions)

  #enterAttributes(ofPI: boolean, ownerHasContent: boolean): void {
    this.#state = S_ATTRS;
    this.#attrsOfPI = ofPI;
    this.#attrStarts = 0;
    this.#ownerHasContent = ownerHasContent;
  }

  #attribute(buf: Uint8Array, pos: number): number {
    const b = buf[pos]!;
    switch (b) {
      case GlobalToken.SWITCH_PAGE:
        if (pos + 1 >= buf.length) return INCOMPLETE;
        this.#attrPage = buf[pos + 1]!;
        this.#pos = pos + 2;
        return CONTINUE;
      case GlobalToken.END: {
        if (this.#attrStarts === 0) {
          throw new WbxmlError(
            'UNEXPECTED_TOKEN',
            'empty attribute list',
            this.#base + pos,
            b,
            this.#attrPage,
          );
        }
        this.#pos = pos + 1;
        this.#state = S_BODY;
        this.#setNoBytes();
        this.#offset = this.#base + pos;
        this.#page = this.#attrPage;
        this.#token = -1;
        if (this.#attrsOfPI) {
          this.#depth = this.#open;
          this.#kind = TokenKind.PI_END;
          return this.#kind;
        }
        this.#depth = this.#open;
        if (!this.#ownerHasContent) this.#pendingEnd = true;
        this.#kind = TokenKind.ATTR_END;
        return this.#kind;
      }
      case GlobalToken.LITERAL: {
        // A literal attribute name.
        const index = this.#mb(buf, pos + 1);
        if (index < 0) return INCOMPLETE;
        this.#checkIndex(index, pos, b);
        this.#attributeStarts(pos);
        this.#pos = this.#mbEnd;
        this.#setNoBytes();
        this.#tableString(index);
        this.#token = -1;
        this.#literalIndex = index;
        return this.#emit(TokenKind.ATTR_START, pos);
      }
      case GlobalToken.PI:
      case GlobalToken.LITERAL_C:
      case GlobalToken.LITERAL_A:
      case GlobalToken.LITERAL_AC:
        throw new WbxmlError(
          'BAD_TOKEN',
          'token not allowed in an attribute list',
          this.#base + pos,
          b,
          this.#attrPage,
        );
      case GlobalToken.STR_I:
      case GlobalToken.STR_T:
      case GlobalToken.OPAQUE:
      case GlobalToken.ENTITY:
      case GlobalToken.EXT_I_0:
      case GlobalToken.EXT_I_1:
      case GlobalToken.EXT_I_2:
      case GlobalToken.EXT_T_0:
      case GlobalToken.EXT_T_1:
      case GlobalToken.EXT_T_2:
      case GlobalToken.EXT_0:
      case GlobalToken.EXT_1:
      case GlobalToken.EXT_2:
        this.#valueAllowed(b, pos);
        return this.#content(buf, pos, b);
      default:
        if (b < 0x80) {
          this.#attributeStarts(pos);
          this.#setNoBytes();
          this.#token = b;
          this.#literalIndex = -1;
          this.#pos = pos + 1;
          return this.#emit(TokenKind.ATTR_START, pos);
        }
        this.#valueAllowed(b, pos);
        this.#setNoBytes();
        this.#token = b;
        this.#pos = pos + 1;
        return this.#emit(TokenKind.ATTR_VALUE, pos);
    }
  }

  /** A processing instruction has exactly one target (attrStart); an element one or more. */
  #attributeStarts(pos: number): void {
    if (this.#attrsOfPI && this.#attrStarts > 0) {
      throw new WbxmlError(
        'UNEXPECTED_TOKEN',
        'second target in a processing instruction',
        this.#base + pos,
        this.#buf[pos],
        this.#attrPage,
      );
    }
    this.#attrStarts++;
  }

  #valueAllowed(b: number, pos: number): void {
    if (this.#attrStarts === 0) {
      throw new WbxmlError(
        'UNEXPECTED_TOKEN',
        'attribute value before an attribute start',
        this.#base + pos,
        b,
        this.#attrPage,
      );
    }
  }

  // ---------------------------------------------------------------------------------------
  // Primitives

  /** Reads an mb_u_int32 at buf[p]: the value, or -1 when the chunk ends first (sets #mbEnd). */
  #mb(buf: Uint8Array, p: number): number {
    const n = buf.length;
    if (p < n) {
      const c = buf[p]!;
      if (c < 0x80) {
        this.#mbEnd = p + 1;
        return c;
      }
    }
    const first = p;
    let v = 0;
    for (let k = 0; k < 5; k++) {
      if (p >= n) return -1;
      const c = buf[p++]!;
      v = v * 128 + (c & 0x7f);
      if (c < 0x80) {
        if (v > 0xffffffff)
          throw badMb(this.#base + first, buf[first]!, this.#codePage(), 'is above 0xFFFFFFFF');
        this.#mbEnd = p;
        return v;
      }
    }
    throw badMb(this.#base + first, buf[first]!, this.#codePage(), 'is longer than 5 bytes');
  }

  /** Finds the terminator of the string starting at buf[p]: its index, or -1 when not in this chunk. */
  #terminator(buf: Uint8Array, p: number, tokenPos: number): number {
    if (this.#terminatorWidth === 1) {
      const nul = buf.indexOf(0, p);
      const length = (nul < 0 ? buf.length : nul) - p;
      if (length > this.#maxString) {
        throw tooLong(
          'string',
          length,
          this.#maxString,
          this.#base + tokenPos,
          buf[tokenPos]!,
          this.#codePage(),
        );
      }
      return nul;
    }
    const w = this.#terminatorWidth;
    const n = buf.length;
    let i = p;
    while (i + w <= n) {
      let zero = true;
      for (let k = 0; k < w; k++) {
        if (buf[i + k] !== 0) {
          zero = false;
          break;
        }
      }
      if (zero) return i;
      i += w;
      if (i - p > this.#maxString) {
        throw tooLong(
          'string',
          i - p,
          this.#maxString,
          this.#base + tokenPos,
          buf[tokenPos]!,
          this.#codePage(),
        );
      }
    }
    return -1;
  }

  #checkIndex(index: number, pos: number, b: number): void {
    if (index >= this.#tableEnd - this.#tableStart) {
      throw new WbxmlError(
        'STRTBL_INDEX',
        `string-table index ${index} is outside the table of ${this.#tableEnd - this.#tableStart} bytes`,
        this.#base + pos,
        b,
        this.#codePage(),
      );
    }
  }

  /** Points buf/start/end at the string-table string at `index`. */
  #tableString(index: number): void {
    const s = this.#tableStart + index;
    this.#tokBuf = this.#tableBuf;
    this.#start = s;
    this.#end = this.#tableStringEnd(s);
  }

  /** End of the table string starting at absolute index `s`: its terminator, or the table end. */
  #tableStringEnd(s: number): number {
    const table = this.#tableBuf;
    const limit = this.#tableEnd;
    if (this.#terminatorWidth === 1) {
      // Bounded by the table: indexOf would run on into the body when a table string has no
      // NUL (Sony Ericsson public ids), once per STR_T.
      for (let i = s; i < limit; i++) if (table[i] === 0) return i;
      return limit;
    }
    const w = this.#terminatorWidth;
    for (let i = s; i + w <= limit; i += w) {
      let zero = true;
      for (let k = 0; k < w; k++) if (table[i + k] !== 0) zero = false;
      if (zero) return i;
    }
    return limit;
  }

  #setNoBytes(): void {
    this.#tokBuf = EMPTY;
    this.#start = 0;
    this.#end = 0;
    this.#stringTableIndex = -1;
    this.#literalIndex = -1;
  }

  #codePage(): number {
    return this.#state === S_ATTRS ? this.#attrPage : this.#tagPage;
  }

  // ---------------------------------------------------------------------------------------
  // Tokens spanning chunks

  /**
   * The token at #pos runs past the current chunk: once all its bytes are written, a copy of
   * exactly the token becomes the current chunk; until then NEED_MORE (or TRUNCATED after end()).
   */
  #spanning(): number {
    const abs = this.#base + this.#pos;
    const copy = this.#input.assemble(
      this.#buf,
      this.#pos,
      abs,
      this.#state === S_HEADER,
      this.#options,
      this.#codePage(),
      this.#terminatorWidth,
    );
    if (copy === null) return this.#waitForMore(abs);
    this.#buf = copy;
    this.#base = abs;
    this.#pos = 0;
    this.#inSpanCopy = true;
    return CONTINUE;
  }

  /** Sets and returns a stream state (NEED_MORE, END_OF_DOCUMENT) as the current kind. */
  #report(kind: number): number {
    this.#kind = kind;
    return kind;
  }

  #waitForMore(abs: number): number {
    if (!this.#ended) return this.#report(TokenKind.NEED_MORE);
    const b = this.#buf[this.#pos]!;
    throw new WbxmlError('TRUNCATED', 'input ended inside a token', abs, b, this.#codePage());
  }

  // ---------------------------------------------------------------------------------------
  // The current token

  /** Kind of the current token (what {@link next} last returned). */
  get kind(): number {
    return this.#kind;
  }
  /** Absolute byte offset of the current token; for a synthesized END_TAG, where the element ended. */
  get offset(): number {
    return this.#offset;
  }
  /**
   * Absolute offset just past the current token's bytes (where the next token starts, page
   * switches aside). Equals `offset` for a synthesized END_TAG.
   */
  get endOffset(): number {
    return this.#base + this.#pos;
  }
  /**
   * Nesting level: of the element for START_TAG / LITERAL* / END_TAG and its attribute tokens
   * (the root is 1); of the enclosing element for content; 0 at the top level.
   */
  get depth(): number {
    return this.#depth;
  }
  /**
   * Code page: the tag page for START_TAG / END_TAG and content, the attribute page for
   * attribute tokens; -1 for literal elements (no page applies).
   */
  get page(): number {
    return this.#page;
  }
  /**
   * START_TAG / END_TAG: the tag identity 0x05..0x3F (-1 for a literal element). ATTR_START:
   * the attribute-start code (-1 for a literal name). ATTR_VALUE: the attribute-value code.
   */
  get token(): number {
    return this.#token;
  }
  /** START_TAG / LITERAL*: the element has an attribute list. */
  get hasAttributes(): boolean {
    return this.#hasAttributes;
  }
  /**
   * START_TAG / LITERAL*: the element has content (an END closes it). END_TAG: false when the
   * END_TAG was synthesized for an element written without content.
   */
  get hasContent(): boolean {
    return this.#hasContent;
  }
  /** LITERAL*, END_TAG of a literal, literal ATTR_START: string-table index of the name; else -1. */
  get literalIndex(): number {
    return this.#literalIndex;
  }
  /**
   * The buffer holding the current token's bytes (STR, OPAQUE, EXT_I, literal names, a string
   * public id on HEADER): the caller's chunk, the string table's, or a copy if the token spanned
   * chunks. The bytes are buf[bufStart, bufEnd).
   */
  get buf(): Uint8Array {
    return this.#tokBuf;
  }
  /** Start of the current token's bytes in {@link buf}. */
  get bufStart(): number {
    return this.#start;
  }
  /** End (exclusive) of the current token's bytes in {@link buf}. */
  get bufEnd(): number {
    return this.#end;
  }
  /** STR: the string-table index of a STR_T, -1 for a STR_I. */
  get stringTableIndex(): number {
    return this.#stringTableIndex;
  }
  /** STR: true for STR_T (string from the table), false for STR_I (inline). */
  get fromStringTable(): boolean {
    return this.#stringTableIndex >= 0;
  }
  /** ENTITY: the character code. EXT with EXT_T_n: the integer. */
  get value(): number {
    return this.#value;
  }
  /** EXT: the global token byte (0x40-0x42 EXT_I_n, 0x80-0x82 EXT_T_n, 0xC0-0xC2 EXT_n). */
  get extToken(): number {
    return this.#extToken;
  }

  /** The current token's bytes decoded in the document charset ('' for tokens without bytes). */
  text(): string {
    return decodeText(this.#tokBuf, this.#start, this.#end, this.#charset, this.#offset);
  }

  /** The current token's bytes as a view (no copy). */
  bytes(): Uint8Array {
    return this.#tokBuf.subarray(this.#start, this.#end);
  }

  /** A plain-object snapshot of the current token (allocates; for tools, tests and logs). */
  snapshot(): WbxmlToken {
    return snapshotToken(this);
  }

  // ---------------------------------------------------------------------------------------
  // The document (valid from HEADER on)

  /** Version byte (0x00-0x03), -1 before the header. */
  get version(): number {
    return this.#version;
  }
  /** Numeric public id; 0 when it is given in the string table (see publicIdIndex); -1 before the header. */
  get publicId(): number {
    return this.#publicId;
  }
  /** String-table index of the public id, or -1 when numeric. */
  get publicIdIndex(): number {
    return this.#publicIdIndex;
  }
  /** The public id FPI from the string table, or undefined when numeric (decodes on each call). */
  publicIdText(): string | undefined {
    return this.#publicIdIndex < 0 ? undefined : this.stringAt(this.#publicIdIndex);
  }
  /** Charset MIBenum from the header (0 = unknown; 0 for WBXML 1.0, which has none); -1 before it. */
  get charset(): number {
    return this.#charsetMib;
  }
  /** MIBenum used to decode text: the header's, or `defaultCharset` when it says 0 or is absent. */
  get effectiveCharset(): number {
    return this.#charset.mib;
  }
  /** A view of the string table (allocates a view, not the bytes). */
  get stringTable(): Uint8Array {
    return this.#tableBuf.subarray(this.#tableStart, this.#tableEnd);
  }
  /** Decodes the string-table string at `index` (to its terminator or the table end). */
  stringAt(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.#tableEnd - this.#tableStart) {
      throw new WbxmlError('STRTBL_INDEX', `string-table index ${index} is outside the table`, this.#offset);
    }
    const s = this.#tableStart + index;
    return decodeText(this.#tableBuf, s, this.#tableStringEnd(s), this.#charset, this.#offset);
  }
  /** Elements open now. */
  get openElements(): number {
    return this.#open;
  }
  /** Bytes written so far. */
  get bytesReceived(): number {
    return this.#input.received;
  }
}

function internalError(e: unknown, offset: number): WbxmlError {
  const error = new WbxmlError('BAD_TOKEN', `internal error: ${String(e)}`, offset);
  (error as { cause?: unknown }).cause = e;
  return error;
}

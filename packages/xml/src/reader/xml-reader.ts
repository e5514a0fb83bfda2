import { describeByte, XmlError, type XmlErrorCode } from '../errors.js';
import { bytesEqual } from '../names/hash.js';
import { codecForLabel, isUtf16Label, type TextCodec, UTF8_CODEC } from '../text/codec.js';
import { decodeResolved, hasLiteralWhitespaceToNormalize } from '../text/resolve.js';
import {
  AMP,
  BANG,
  CHAR_CLASS,
  COLON,
  DASH,
  DQUOTE,
  EQUALS,
  GT,
  LT,
  NAME_CHAR,
  NAME_START,
  QUESTION,
  RBRACKET,
  SLASH,
  SQUOTE,
  WHITESPACE,
} from './char-class.js';
import { ChunkInput } from './chunk-input.js';
import { parseXmlDeclaration } from './declaration.js';
import { DoctypeEndFinder, type DoctypeRanges, parseDoctype } from './doctype.js';
import { XML_NAMESPACE, XMLNS_NAMESPACE } from './namespaces.js';
import { resolveReaderOptions, type ResolvedReaderOptions, type XmlReaderOptions } from './options.js';
import { ReferenceResult, validateReferences } from './references.js';
import { XmlToken } from './token-kind.js';
import { AttributeField, EMPTY_BYTES } from './token-view.js';
import { isXmlns, isXmlPrefix } from './xmlns-names.js';

const STRIDE = AttributeField.STRIDE;

// Internal outcomes of the token readers besides a token kind.
const INCOMPLETE = -1;
const SKIPPED = -2;

// Where the document is.
const PHASE_START = 0; // nothing read yet: an XML declaration may come
const PHASE_PROLOG = 1;
const PHASE_ROOT = 2;
const PHASE_EPILOG = 3;

/**
 * A streaming, zero-copy XML tokenizer: a resumable pull state machine.
 *
 * Feed bytes with {@link write} (any split), call {@link end} after the last
 * chunk, and pull tokens with {@link next}, which returns a {@link XmlToken}
 * kind and leaves the token's fields on the reader. Token ranges index
 * {@link buffer}: the caller's chunk, or a fresh copy when the token spans
 * chunks. A chunk must stay unchanged until `next()` has returned NEED_MORE
 * after it; a token's fields are valid until the next call to `next()`.
 */
export class XmlReader extends ChunkInput {
  // ---- configuration ----
  private readonly options: ResolvedReaderOptions;
  private readonly maxName: number;
  private readonly maxAttributes: number;
  private readonly maxDepth: number;

  // ---- document state ----
  private phase = PHASE_START;
  private sawDoctype = false;
  private open = 0;
  private endTagDue = false;
  private names: Uint8Array = new Uint8Array(1024);
  private nameEnds: Int32Array = new Int32Array(64);
  private elementUris: string[] = [''];
  private readonly reference = new ReferenceResult();
  private readonly doctypeFinder = new DoctypeEndFinder();
  private readonly doctype: DoctypeRanges = {
    nameStart: 0,
    nameEnd: 0,
    colon: -1,
    publicIdStart: -1,
    publicIdEnd: -1,
    systemIdStart: -1,
    systemIdEnd: -1,
    subsetStart: -1,
    subsetEnd: -1,
  };

  constructor(options?: XmlReaderOptions) {
    const resolved = resolveReaderOptions(options);
    super(resolved.maxInternedStrings, resolved.maxTextLength, resolved.maxTotalSize);
    this.options = resolved;
    this.maxName = resolved.maxNameLength;
    this.maxAttributes = resolved.maxAttributes;
    this.maxDepth = resolved.maxDepth;
  }

  /**
   * A reader over one whole document: written and ended already, so `next()`
   * never returns NEED_MORE, and errors carry line and column.
   */
  static from(bytes: Uint8Array, options?: XmlReaderOptions): XmlReader {
    const reader = new XmlReader(options);
    reader.document = bytes;
    reader.write(bytes);
    reader.end();
    return reader;
  }

  /** Forgets the document (and any error); options, tables and interned strings are kept. */
  reset(): void {
    this.resetInput();
    this.buffer = EMPTY_BYTES;
    this.tokenStart = this.tokenEnd = this.nameStart = this.nameEnd = this.localStart = 0;
    this.textStart = this.textEnd = 0;
    this.hasReferences = this.selfClosing = false;
    this.depth = this.attributeCount = 0;
    this.namespaceUri = '';
    this.publicIdStart = this.publicIdEnd = this.systemIdStart = this.systemIdEnd = -1;
    this.xmlVersion = this.declaredEncoding = this.standalone = undefined;
    this.setCodec(UTF8_CODEC);
    this.phase = PHASE_START;
    this.sawDoctype = false;
    this.open = 0;
    this.endTagDue = false;
    this.elementUris = [''];
    this.scope.clear();
  }

  // ------------------------------------------------------------------ pull

  /**
   * Reads the next token and returns its kind ({@link XmlToken}); NEED_MORE
   * when the input so far is used up, END_OF_DOCUMENT after `end()` once the
   * document is complete. Throws {@link XmlError}; after an error every call
   * throws it again until {@link reset}.
   */
  next(): number {
    if (this.failure !== null) throw this.failure;
    try {
      if (this.endTagDue) return this.emitSelfClosedEnd();
      for (;;) {
        const buf = this.buf;
        const pos = this.pos;
        if (pos < buf.length) {
          const kind = buf[pos] === LT ? this.readMarkup(buf, pos) : this.readText(buf, pos);
          if (kind > 0) return kind;
          if (kind === SKIPPED) continue;
          this.keepPending(buf, pos);
        }
        if (!this.nextBuffer()) return this.ended ? this.finishDocument() : XmlToken.NEED_MORE;
      }
    } catch (error) {
      throw this.fail(error);
    }
  }

  private error(code: XmlErrorCode, message: string, at: number): XmlError {
    return new XmlError(code, message, this.bufBase + at);
  }

  /**
   * A token reader reached `limit` (end of data or of the token window)
   * without finishing: too long, truncated, or wait for more.
   */
  private cut(buf: Uint8Array, start: number, limit: number, what: string): number {
    if (limit < buf.length) {
      throw this.error('TOKEN_TOO_LONG', `${what} longer than ${this.maxText} bytes`, start);
    }
    if (this.isFinal()) throw this.error('UNEXPECTED_END', `Input ends inside ${what}`, start);
    return INCOMPLETE;
  }

  private finishDocument(): number {
    if (this.open > 0) {
      const start = this.open > 1 ? this.nameEnds[this.open - 2] : 0;
      const name = UTF8_CODEC.decode(this.names, start, this.nameEnds[this.open - 1]);
      throw new XmlError(
        'UNCLOSED_ELEMENT',
        `Input ends with <${name}> (and ${this.open - 1} more) open`,
        this.received,
      );
    }
    if (this.phase !== PHASE_EPILOG) {
      throw new XmlError('NO_ROOT_ELEMENT', 'Document without a root element', this.received);
    }
    this.tokenStart = this.tokenEnd = this.buf.length;
    this.depth = 0;
    return XmlToken.END_OF_DOCUMENT;
  }

  // ------------------------------------------------------------------ text

  private readText(buf: Uint8Array, start: number): number {
    const lt = buf.indexOf(LT, start);
    const end = lt === -1 ? buf.length : lt;
    if (end - start > this.maxText) {
      throw this.error('TOKEN_TOO_LONG', `Text longer than ${this.maxText} bytes`, start);
    }
    if (lt === -1 && !this.bufIsWholeText && !this.isFinal()) return INCOMPLETE;
    this.pos = end;
    if (this.open === 0) {
      for (let i = start; i < end; i++) {
        if ((CHAR_CLASS[buf[i]] & WHITESPACE) === 0) {
          throw this.error('TEXT_OUTSIDE_ROOT', 'Text outside the root element', i);
        }
      }
      if (this.phase === PHASE_START) this.phase = PHASE_PROLOG;
      return SKIPPED;
    }
    let references = false;
    if (this.nextAmp < start) {
      const a = buf.indexOf(AMP, start);
      this.nextAmp = a === -1 ? buf.length : a;
    }
    if (this.nextAmp < end) {
      references = true;
      validateReferences(buf, this.nextAmp, end, this.bufBase, this.options.unknownEntities, this.reference);
      this.nextAmp = -1;
    }
    if (this.nextGt < start) {
      const g = buf.indexOf(GT, start);
      this.nextGt = g === -1 ? buf.length : g;
    }
    if (this.nextGt < end) {
      for (let g = this.nextGt; g < end; g++) {
        if (buf[g] === GT && g - 2 >= start && buf[g - 1] === RBRACKET && buf[g - 2] === RBRACKET) {
          throw this.error('CDATA_END_IN_TEXT', '"]]>" in text (write "]]&gt;")', g - 2);
        }
      }
      this.nextGt = -1;
    }
    this.buffer = buf;
    this.tokenStart = this.textStart = start;
    this.tokenEnd = this.textEnd = end;
    this.hasReferences = references;
    this.depth = this.open;
    this.attributeCount = 0;
    return XmlToken.TEXT;
  }

  // ------------------------------------------------------------------ markup

  private readMarkup(buf: Uint8Array, start: number): number {
    const limit = Math.min(buf.length, start + this.maxText);
    if (start + 1 >= limit) return this.cut(buf, start, limit, 'a tag');
    const second = buf[start + 1];
    if (second === SLASH) return this.readEndTag(buf, start, limit);
    if (second === QUESTION) return this.readPi(buf, start, limit);
    if (second !== BANG) return this.readStartTag(buf, start, limit);
    if (start + 2 >= limit) return this.cut(buf, start, limit, 'markup');
    const third = buf[start + 2];
    if (third === DASH) {
      if (start + 3 >= limit) return this.cut(buf, start, limit, 'a comment');
      if (buf[start + 3] === DASH) return this.readComment(buf, start, limit);
    } else if (third === 0x5b || third === 0x44) {
      const word = third === 0x5b ? '[CDATA[' : 'DOCTYPE';
      for (let i = 0; i < 7; i++) {
        const at = start + 2 + i;
        if (at >= limit) return this.cut(buf, start, limit, 'markup');
        if (buf[at] !== word.charCodeAt(i)) break;
        if (i === 6)
          return third === 0x5b ? this.readCdata(buf, start, limit) : this.readDoctype(buf, start, limit);
      }
    }
    throw this.error('MALFORMED_MARKUP', 'Expected <!--, <![CDATA[ or <!DOCTYPE', start);
  }

  private readStartTag(buf: Uint8Array, start: number, limit: number): number {
    const maxName = this.maxName;
    let p = start + 1;
    const nameStart = p;
    if ((CHAR_CLASS[buf[p]] & NAME_START) === 0) {
      throw this.error('INVALID_NAME', `Element name cannot start with ${describeByte(buf[p])}`, p);
    }
    let colon = buf[p] === COLON ? p : -1;
    p++;
    for (;;) {
      if (p >= limit) return this.cut(buf, start, limit, 'a start tag');
      const c = buf[p];
      if ((CHAR_CLASS[c] & NAME_CHAR) === 0) break;
      if (c === COLON) {
        if (colon !== -1) throw this.error('INVALID_NAME', 'Name with two colons', p);
        colon = p;
      }
      p++;
    }
    const nameEnd = p;
    if (nameEnd - nameStart > maxName) {
      throw this.error('NAME_TOO_LONG', `Element name longer than ${maxName} bytes`, nameStart);
    }
    if (colon === nameStart || colon === nameEnd - 1) {
      throw this.error('INVALID_NAME', 'Empty prefix or local name', nameStart);
    }
    const maxAttributes = this.maxAttributes;
    let table = this.attributes;
    let count = 0;
    let declares = false;
    let prefixedAttributes = false;
    let selfClosing = false;
    for (;;) {
      const spaceStart = p;
      while (p < limit && (CHAR_CLASS[buf[p]] & WHITESPACE) !== 0) p++;
      if (p >= limit) return this.cut(buf, start, limit, 'a start tag');
      let c = buf[p];
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (p + 1 >= limit) return this.cut(buf, start, limit, 'a start tag');
        if (buf[p + 1] !== GT) throw this.error('MALFORMED_TAG', 'Expected ">" after "/"', p + 1);
        p += 2;
        selfClosing = true;
        break;
      }
      if (p === spaceStart) {
        throw this.error('MALFORMED_TAG', `Expected whitespace, ">" or "/>", found ${describeByte(c)}`, p);
      }
      if ((CHAR_CLASS[c] & NAME_START) === 0) {
        throw this.error('INVALID_NAME', `Attribute name cannot start with ${describeByte(c)}`, p);
      }
      const attrStart = p;
      let attrColon = c === COLON ? p : -1;
      p++;
      for (;;) {
        if (p >= limit) return this.cut(buf, start, limit, 'a start tag');
        c = buf[p];
        if ((CHAR_CLASS[c] & NAME_CHAR) === 0) break;
        if (c === COLON) {
          if (attrColon !== -1) throw this.error('INVALID_NAME', 'Name with two colons', p);
          attrColon = p;
        }
        p++;
      }
      const attrEnd = p;
      if (attrEnd - attrStart > maxName) {
        throw this.error('NAME_TOO_LONG', `Attribute name longer than ${maxName} bytes`, attrStart);
      }
      if (attrColon === attrStart || attrColon === attrEnd - 1) {
        throw this.error('INVALID_NAME', 'Empty prefix or local name', attrStart);
      }
      while (p < limit && (CHAR_CLASS[buf[p]] & WHITESPACE) !== 0) p++;
      if (p >= limit) return this.cut(buf, start, limit, 'a start tag');
      if (buf[p] !== EQUALS) throw this.error('MALFORMED_TAG', 'Expected "=" after the attribute name', p);
      p++;
      while (p < limit && (CHAR_CLASS[buf[p]] & WHITESPACE) !== 0) p++;
      if (p >= limit) return this.cut(buf, start, limit, 'a start tag');
      const quote = buf[p];
      if (quote !== DQUOTE && quote !== SQUOTE) {
        throw this.error('MALFORMED_TAG', 'Attribute value must be quoted', p);
      }
      const valueStart = ++p;
      let flags = 0;
      let firstAmp = -1;
      for (;;) {
        if (p >= limit) return this.cut(buf, start, limit, 'a start tag');
        c = buf[p];
        if (c === quote) break;
        if (c === LT) throw this.error('LT_IN_ATTRIBUTE_VALUE', '"<" in an attribute value', p);
        if (c === AMP && flags === 0) {
          flags = 1;
          firstAmp = p;
        }
        p++;
      }
      const valueEnd = p++;
      if (count >= maxAttributes) {
        throw this.error('TOO_MANY_ATTRIBUTES', `More than ${maxAttributes} attributes`, attrStart);
      }
      if (flags !== 0) {
        validateReferences(
          buf,
          firstAmp,
          valueEnd,
          this.bufBase,
          this.options.unknownEntities,
          this.reference,
        );
      }
      const length = attrEnd - attrStart;
      for (let i = 0; i < count; i++) {
        const other = table[i * STRIDE];
        if (table[i * STRIDE + 2] - other === length && bytesEqual(buf, other, buf, attrStart, length)) {
          throw this.error('DUPLICATE_ATTRIBUTE', 'Attribute given twice', attrStart);
        }
      }
      if ((count + 1) * STRIDE > table.length) {
        const grown = new Int32Array(table.length * 2);
        grown.set(table);
        table = this.attributes = grown;
      }
      const at = count * STRIDE;
      table[at] = attrStart;
      table[at + 1] = attrColon === -1 ? attrStart : attrColon + 1;
      table[at + 2] = attrEnd;
      table[at + 3] = valueStart;
      table[at + 4] = valueEnd;
      table[at + 5] = flags;
      count++;
      if (
        buf[attrStart] === 0x78 &&
        (length === 5 || attrColon === attrStart + 5) &&
        isXmlns(buf, attrStart)
      ) {
        declares = true;
      } else if (attrColon !== -1) {
        prefixedAttributes = true;
      }
    }
    // The tag is complete: document-level checks, then scope.
    if (this.phase === PHASE_EPILOG) {
      throw this.error('MULTIPLE_ROOT_ELEMENTS', 'A second root element', start);
    }
    const depth = this.open + 1;
    if (depth > this.maxDepth) {
      throw this.error('DEPTH_LIMIT', `Elements nested deeper than ${this.maxDepth}`, start);
    }
    this.buffer = buf;
    this.attributeCount = count;
    this.scope.enter(depth);
    if (declares) this.declareNamespaces(buf, depth);
    let uri: string;
    if (colon === -1) {
      uri = this.scope.defaultAt(depth);
    } else {
      uri = this.resolvePrefix(buf, nameStart, colon);
    }
    if (prefixedAttributes) this.checkAttributePrefixes(buf);
    if (!selfClosing) this.pushName(buf, nameStart, nameEnd);
    this.open = depth;
    this.elementUris[depth] = uri;
    this.phase = PHASE_ROOT;
    this.tokenStart = start;
    this.tokenEnd = p;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.localStart = colon === -1 ? nameStart : colon + 1;
    this.namespaceUri = uri;
    this.selfClosing = selfClosing;
    this.endTagDue = selfClosing;
    this.depth = depth;
    this.pos = p;
    return XmlToken.START_TAG;
  }

  private resolvePrefix(buf: Uint8Array, nameStart: number, colon: number): string {
    const prefix = this.interner.get(buf, nameStart, colon, this.codec);
    if (prefix === 'xmlns') throw this.error('RESERVED_NAMESPACE', 'The xmlns prefix is reserved', nameStart);
    const uri = this.scope.resolve(prefix);
    if (uri === undefined)
      throw this.error('UNBOUND_PREFIX', `Prefix "${prefix}" is not declared`, nameStart);
    return uri;
  }

  private checkAttributePrefixes(buf: Uint8Array): void {
    const table = this.attributes;
    for (let i = 0; i < this.attributeCount; i++) {
      const s = table[i * STRIDE];
      const local = table[i * STRIDE + 1];
      if (local === s || (local - s === 6 && isXmlns(buf, s))) continue;
      this.resolvePrefix(buf, s, local - 1);
    }
  }

  private declareNamespaces(buf: Uint8Array, depth: number): void {
    const table = this.attributes;
    for (let i = 0; i < this.attributeCount; i++) {
      const at = i * STRIDE;
      const s = table[at];
      const length = table[at + 2] - s;
      if (buf[s] !== 0x78 || !(length === 5 || table[at + 1] === s + 6) || !isXmlns(buf, s)) continue;
      const uri = this.internAttributeValue(i);
      if (uri === XMLNS_NAMESPACE || (uri === XML_NAMESPACE) !== (length === 9 && isXmlPrefix(buf, s + 6))) {
        throw this.error('RESERVED_NAMESPACE', `Namespace "${uri}" bound to the wrong prefix`, s);
      }
      if (length === 5) {
        this.scope.setDefault(depth, uri);
        continue;
      }
      const prefix = this.interner.get(buf, s + 6, s + length, this.codec);
      if (prefix === 'xmlns')
        throw this.error('RESERVED_NAMESPACE', 'The xmlns prefix cannot be declared', s);
      if (uri === '') throw this.error('MALFORMED_TAG', `Prefix "${prefix}" bound to an empty URI`, s);
      if (prefix !== 'xml') this.scope.bind(prefix, uri);
    }
  }

  private internAttributeValue(i: number): string {
    const at = i * STRIDE;
    const s = this.attributes[at + 3];
    const e = this.attributes[at + 4];
    if ((this.attributes[at + 5] & 1) === 0 && !hasLiteralWhitespaceToNormalize(this.buffer, s, e)) {
      return this.interner.get(this.buffer, s, e, this.codec);
    }
    const a = this.attributes;
    return this.interner.intern(decodeResolved(this.codec, this.buffer, s, e, (a[at + 5] & 1) !== 0, true));
  }

  private pushName(buf: Uint8Array, start: number, end: number): void {
    const depth = this.open;
    const from = depth === 0 ? 0 : this.nameEnds[depth - 1];
    const to = from + (end - start);
    if (to > this.names.length) {
      const grown = new Uint8Array(Math.max(this.names.length * 2, to));
      grown.set(this.names.subarray(0, from));
      this.names = grown;
    }
    const names = this.names;
    for (let i = start, o = from; i < end; i++, o++) names[o] = buf[i];
    if (depth >= this.nameEnds.length) {
      const grown = new Int32Array(this.nameEnds.length * 2);
      grown.set(this.nameEnds);
      this.nameEnds = grown;
    }
    this.nameEnds[depth] = to;
  }

  private emitSelfClosedEnd(): number {
    this.endTagDue = false;
    this.attributeCount = 0;
    this.closeElement(this.depth);
    return XmlToken.END_TAG;
  }

  private closeElement(depth: number): void {
    this.scope.leave(depth);
    this.open = depth - 1;
    if (this.open === 0) this.phase = PHASE_EPILOG;
  }

  private readEndTag(buf: Uint8Array, start: number, limit: number): number {
    // Fast path: the end tag names the open element, compared byte by byte
    // while reading; anything else goes the long way for the exact error.
    const depth = this.open;
    if (depth > 0) {
      const from = depth === 1 ? 0 : this.nameEnds[depth - 2];
      const length = this.nameEnds[depth - 1] - from;
      const nameStart = start + 2;
      const nameEnd = nameStart + length;
      if (nameEnd < limit) {
        const names = this.names;
        let i = 0;
        while (i < length && buf[nameStart + i] === names[from + i]) i++;
        if (i === length && buf[nameEnd] === GT) {
          this.buffer = buf;
          this.tokenStart = start;
          this.tokenEnd = nameEnd + 1;
          this.nameStart = nameStart;
          this.nameEnd = nameEnd;
          this.localStart = this.localStartOf(buf, nameStart, nameEnd);
          this.namespaceUri = this.elementUris[depth];
          this.selfClosing = false;
          this.attributeCount = 0;
          this.depth = depth;
          this.closeElement(depth);
          this.pos = nameEnd + 1;
          return XmlToken.END_TAG;
        }
      }
    }
    return this.readEndTagSlow(buf, start, limit);
  }

  private localStartOf(buf: Uint8Array, nameStart: number, nameEnd: number): number {
    for (let i = nameStart; i < nameEnd; i++) if (buf[i] === COLON) return i + 1;
    return nameStart;
  }

  private readEndTagSlow(buf: Uint8Array, start: number, limit: number): number {
    let p = start + 2;
    if (p >= limit) return this.cut(buf, start, limit, 'an end tag');
    if ((CHAR_CLASS[buf[p]] & NAME_START) === 0) {
      throw this.error('INVALID_NAME', `Element name cannot start with ${describeByte(buf[p])}`, p);
    }
    const nameStart = p;
    let colon = -1;
    p++;
    for (;;) {
      if (p >= limit) return this.cut(buf, start, limit, 'an end tag');
      const c = buf[p];
      if ((CHAR_CLASS[c] & NAME_CHAR) === 0) break;
      if (c === COLON && colon === -1) colon = p;
      p++;
    }
    const nameEnd = p;
    while (p < limit && (CHAR_CLASS[buf[p]] & WHITESPACE) !== 0) p++;
    if (p >= limit) return this.cut(buf, start, limit, 'an end tag');
    if (buf[p] !== GT)
      throw this.error('MALFORMED_TAG', `Expected ">" in end tag, found ${describeByte(buf[p])}`, p);
    p++;
    const depth = this.open;
    if (depth === 0) throw this.error('UNEXPECTED_END_TAG', 'End tag without a start tag', start);
    const from = depth === 1 ? 0 : this.nameEnds[depth - 2];
    const length = this.nameEnds[depth - 1] - from;
    if (nameEnd - nameStart !== length || !bytesEqual(this.names, from, buf, nameStart, length)) {
      const expected = UTF8_CODEC.decode(this.names, from, from + length);
      throw this.error('MISMATCHED_END_TAG', `End tag does not match <${expected}>`, start);
    }
    this.buffer = buf;
    this.tokenStart = start;
    this.tokenEnd = p;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.localStart = colon === -1 ? nameStart : colon + 1;
    this.namespaceUri = this.elementUris[depth];
    this.selfClosing = false;
    this.attributeCount = 0;
    this.depth = depth;
    this.closeElement(depth);
    this.pos = p;
    return XmlToken.END_TAG;
  }

  private readComment(buf: Uint8Array, start: number, limit: number): number {
    let p = start + 4;
    for (;;) {
      const dash = buf.indexOf(DASH, p);
      if (dash === -1 || dash + 1 >= limit) return this.cut(buf, start, limit, 'a comment');
      if (buf[dash + 1] === DASH) {
        if (dash + 2 >= limit) return this.cut(buf, start, limit, 'a comment');
        if (buf[dash + 2] !== GT) throw this.error('MALFORMED_COMMENT', '"--" inside a comment', dash);
        this.setMarkupToken(buf, start, dash + 3, start + 4, dash);
        if (this.phase === PHASE_START) this.phase = PHASE_PROLOG;
        return XmlToken.COMMENT;
      }
      p = dash + 1;
    }
  }

  private readCdata(buf: Uint8Array, start: number, limit: number): number {
    let p = start + 9;
    for (;;) {
      const bracket = buf.indexOf(RBRACKET, p);
      if (bracket === -1 || bracket + 2 >= limit) return this.cut(buf, start, limit, 'a CDATA section');
      if (buf[bracket + 1] === RBRACKET && buf[bracket + 2] === GT) {
        if (this.open === 0)
          throw this.error('CDATA_OUTSIDE_ROOT', 'CDATA section outside the root element', start);
        this.setMarkupToken(buf, start, bracket + 3, start + 9, bracket);
        return XmlToken.CDATA;
      }
      p = bracket + 1;
    }
  }

  private readPi(buf: Uint8Array, start: number, limit: number): number {
    let p = start + 2;
    if (p >= limit) return this.cut(buf, start, limit, 'a processing instruction');
    if ((CHAR_CLASS[buf[p]] & NAME_START) === 0) {
      throw this.error('INVALID_NAME', `PI target cannot start with ${describeByte(buf[p])}`, p);
    }
    const nameStart = p;
    p++;
    while (p < limit && (CHAR_CLASS[buf[p]] & NAME_CHAR) !== 0) p++;
    if (p >= limit) return this.cut(buf, start, limit, 'a processing instruction');
    const nameEnd = p;
    if (nameEnd - nameStart > this.options.maxNameLength) {
      throw this.error(
        'NAME_TOO_LONG',
        `PI target longer than ${this.options.maxNameLength} bytes`,
        nameStart,
      );
    }
    if (buf[p] === QUESTION) {
      if (p + 1 >= limit) return this.cut(buf, start, limit, 'a processing instruction');
      if (buf[p + 1] !== GT)
        throw this.error('MALFORMED_PI', 'Expected whitespace or "?>" after the PI target', p);
    } else if ((CHAR_CLASS[buf[p]] & WHITESPACE) === 0) {
      throw this.error('MALFORMED_PI', 'Expected whitespace or "?>" after the PI target', p);
    }
    while (p < limit && (CHAR_CLASS[buf[p]] & WHITESPACE) !== 0) p++;
    const dataStart = p;
    for (;;) {
      const q = buf.indexOf(QUESTION, p);
      if (q === -1 || q + 1 >= limit) return this.cut(buf, start, limit, 'a processing instruction');
      if (buf[q + 1] === GT) {
        p = q;
        break;
      }
      p = q + 1;
    }
    const end = p + 2;
    const isXml =
      nameEnd - nameStart === 3 &&
      (buf[nameStart] | 0x20) === 0x78 &&
      (buf[nameStart + 1] | 0x20) === 0x6d &&
      (buf[nameStart + 2] | 0x20) === 0x6c;
    if (isXml) {
      const exact = buf[nameStart] === 0x78 && buf[nameStart + 1] === 0x6d && buf[nameStart + 2] === 0x6c;
      if (!exact) throw this.error('MALFORMED_PI', 'PI targets "xml" in any case are reserved', nameStart);
      if (this.phase !== PHASE_START) {
        throw this.error('MISPLACED_DECLARATION', 'The XML declaration must come first', start);
      }
      return this.applyDeclaration(buf, start, end);
    }
    this.setMarkupToken(buf, start, end, dataStart, p);
    this.nameStart = this.localStart = nameStart;
    this.nameEnd = nameEnd;
    if (this.phase === PHASE_START) this.phase = PHASE_PROLOG;
    return XmlToken.PROCESSING_INSTRUCTION;
  }

  private applyDeclaration(buf: Uint8Array, start: number, end: number): number {
    const declaration = parseXmlDeclaration(buf, start, end, this.bufBase);
    const label = declaration.encoding;
    if (label !== undefined && this.input.transcodedFrom === undefined && !this.input.sawUtf8Bom) {
      const codec = codecForLabel(label);
      if (codec === undefined) {
        throw new XmlError(
          'UNSUPPORTED_ENCODING',
          `Encoding "${label}" is not supported`,
          declaration.encodingOffset,
        );
      }
      if (!isUtf16Label(label)) this.setCodec(codec);
    }
    this.xmlVersion = declaration.version;
    this.declaredEncoding = label;
    this.standalone = declaration.standalone;
    this.setMarkupToken(buf, start, end, start + 5, end - 2);
    this.nameStart = this.localStart = start + 2;
    this.nameEnd = start + 5;
    this.phase = PHASE_PROLOG;
    return XmlToken.XML_DECLARATION;
  }

  private readDoctype(buf: Uint8Array, start: number, limit: number): number {
    const finder = this.doctypeFinder;
    finder.reset();
    const end = finder.feed(buf, start + 9, limit);
    if (end === -1) return this.cut(buf, start, limit, 'a DOCTYPE');
    const d = this.doctype;
    parseDoctype(buf, start, end, this.bufBase, this.options.maxNameLength, finder, d);
    if (this.phase > PHASE_PROLOG || this.sawDoctype) {
      throw this.error('MISPLACED_DOCTYPE', 'DOCTYPE must come once, before the root element', start);
    }
    this.sawDoctype = true;
    this.phase = PHASE_PROLOG;
    this.setMarkupToken(buf, start, end, d.subsetStart, d.subsetEnd);
    this.nameStart = d.nameStart;
    this.nameEnd = d.nameEnd;
    this.localStart = d.colon === -1 ? d.nameStart : d.colon + 1;
    this.publicIdStart = d.publicIdStart;
    this.publicIdEnd = d.publicIdEnd;
    this.systemIdStart = d.systemIdStart;
    this.systemIdEnd = d.systemIdEnd;
    return XmlToken.DOCTYPE;
  }

  private setMarkupToken(
    buf: Uint8Array,
    start: number,
    end: number,
    textStart: number,
    textEnd: number,
  ): void {
    this.buffer = buf;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.textStart = textStart;
    this.textEnd = textEnd;
    this.hasReferences = false;
    this.attributeCount = 0;
    this.depth = this.open;
    this.pos = end;
  }

  private setCodec(codec: TextCodec): void {
    if (codec !== this.codec) {
      this.codec = codec;
      this.interner.clear();
    }
  }
}

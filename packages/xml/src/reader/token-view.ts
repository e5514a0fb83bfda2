import type { NameTable } from '../names/name-table.js';
import { bytesEqual } from '../names/hash.js';
import { StringInterner } from '../names/interner.js';
import { type TextCodec, UTF8_CODEC } from '../text/codec.js';
import { bytesResolved, decodeResolved } from '../text/resolve.js';
import { isWhitespaceRange } from './char-class.js';
import { NamespaceScope, XMLNS_NAMESPACE } from './namespaces.js';
import { isXmlnsName } from './xmlns-names.js';

/**
 * Layout of {@link XmlTokenView.attributes}: attribute `i` occupies
 * `attributes[i * STRIDE + FIELD]`; ranges index {@link XmlTokenView.buffer}.
 */
export const AttributeField = {
  NAME_START: 0,
  /** Start of the local part: NAME_START when unprefixed, after the colon otherwise. */
  LOCAL_START: 1,
  NAME_END: 2,
  VALUE_START: 3,
  VALUE_END: 4,
  /** Bit 0: the raw value holds `&...;` references. */
  FLAGS: 5,
  STRIDE: 6,
} as const;

const STRIDE = AttributeField.STRIDE;
/** Attribute slots allocated up front; the table grows only past this. */
export const INITIAL_ATTRIBUTE_SLOTS = 64;
export const EMPTY_BYTES: Uint8Array = new Uint8Array(0);

/**
 * The current token of an {@link XmlReader}: its fields (byte ranges, flags)
 * and the helpers that compare, look up or decode its names, text and
 * attributes. Decoding happens only here, and only when asked.
 */
export abstract class XmlTokenView {
  /** Bytes the current token's ranges index into. */
  buffer: Uint8Array = EMPTY_BYTES;
  /** The token's whole range in {@link buffer}. */
  tokenStart = 0;
  tokenEnd = 0;
  /** Qualified name (element, PI target, DOCTYPE root name). */
  nameStart = 0;
  nameEnd = 0;
  /** Start of the local part; equals nameStart when there is no prefix. */
  localStart = 0;
  /** TEXT: raw content; CDATA/COMMENT: inside; PI: data; DOCTYPE: internal subset (-1 when none). */
  textStart = 0;
  textEnd = 0;
  /** TEXT: the raw range holds `&...;` references. */
  hasReferences = false;
  /** START_TAG written `<a/>`, and the END_TAG synthesized for it. */
  selfClosing = false;
  /** START_TAG/END_TAG: the element's depth (root = 1); other tokens: the number of open elements. */
  depth = 0;
  /** Namespace URI of the element (interned; '' when none). */
  namespaceUri = '';
  /** START_TAG: number of attributes in {@link attributes}. */
  attributeCount = 0;
  /** START_TAG: attribute ranges, see {@link AttributeField}. Replaced (grown) only past 64 attributes. */
  attributes: Int32Array = new Int32Array(INITIAL_ATTRIBUTE_SLOTS * STRIDE);
  /** DOCTYPE: public and system id ranges (-1 when absent). */
  publicIdStart = -1;
  publicIdEnd = -1;
  systemIdStart = -1;
  systemIdEnd = -1;
  /** XML_DECLARATION onwards: the declared version, encoding label and standalone flag. */
  xmlVersion: string | undefined = undefined;
  declaredEncoding: string | undefined = undefined;
  standalone: boolean | undefined = undefined;

  /** How token bytes decode: from the XML declaration (UTF-8 by default). */
  protected codec: TextCodec = UTF8_CODEC;
  protected readonly interner: StringInterner;
  protected readonly scope: NamespaceScope = new NamespaceScope();
  /** Absolute stream offset of the current buffer's first byte. */
  protected bufBase = 0;

  protected constructor(maxInternedStrings: number) {
    this.interner = new StringInterner(maxInternedStrings);
  }

  /** Encoding the decode helpers apply to token bytes (canonical lower-case name). */
  get encoding(): string {
    return this.codec.name;
  }

  /** Absolute stream offset of the current token's first byte. */
  get tokenOffset(): number {
    return this.bufBase + this.tokenStart;
  }

  // ------------------------------------------------------------------ names

  /** The qualified name of the element, PI target or DOCTYPE root (interned). */
  name(): string {
    return this.interner.get(this.buffer, this.nameStart, this.nameEnd, this.codec);
  }

  /** The local part of the name (interned). */
  localName(): string {
    return this.interner.get(this.buffer, this.localStart, this.nameEnd, this.codec);
  }

  /** The prefix of the name, '' when there is none. */
  prefix(): string {
    return this.localStart === this.nameStart
      ? ''
      : this.interner.get(this.buffer, this.nameStart, this.localStart - 1, this.codec);
  }

  /** True when the qualified name's bytes are exactly `bytes`. */
  nameEquals(bytes: Uint8Array): boolean {
    const length = this.nameEnd - this.nameStart;
    return bytes.length === length && bytesEqual(this.buffer, this.nameStart, bytes, 0, length);
  }

  /** True when the local name's bytes are exactly `bytes`. */
  localNameEquals(bytes: Uint8Array): boolean {
    const length = this.nameEnd - this.localStart;
    return bytes.length === length && bytesEqual(this.buffer, this.localStart, bytes, 0, length);
  }

  /** The id of the local name in `table`, or -1; allocates nothing. */
  lookupLocalName(table: NameTable): number {
    return table.lookup(this.buffer, this.localStart, this.nameEnd);
  }

  /** The id of the qualified name in `table`, or -1; allocates nothing. */
  lookupName(table: NameTable): number {
    return table.lookup(this.buffer, this.nameStart, this.nameEnd);
  }

  // ------------------------------------------------------------------ text

  /**
   * TEXT: the text with references expanded; CDATA, COMMENT, PI: the inside as
   * is. Decoded with {@link encoding}; invalid bytes become U+FFFD.
   */
  text(): string {
    if (this.textStart < 0) return '';
    return decodeResolved(this.codec, this.buffer, this.textStart, this.textEnd, this.hasReferences, false);
  }

  /**
   * The same as UTF-8 bytes: a zero-copy view of {@link buffer} when the
   * encoding is UTF-8 and there is no reference, otherwise a fresh array.
   */
  textBytes(): Uint8Array {
    if (this.textStart < 0) return EMPTY_BYTES;
    return bytesResolved(this.codec, this.buffer, this.textStart, this.textEnd, this.hasReferences, false);
  }

  /** True when the text range is only spaces, tabs and line ends. */
  isWhitespace(): boolean {
    return isWhitespaceRange(this.buffer, this.textStart, this.textEnd);
  }

  /** DOCTYPE: the public id, or undefined. */
  publicId(): string | undefined {
    return this.publicIdStart < 0
      ? undefined
      : this.codec.decode(this.buffer, this.publicIdStart, this.publicIdEnd);
  }

  /** DOCTYPE: the system id, or undefined. */
  systemId(): string | undefined {
    return this.systemIdStart < 0
      ? undefined
      : this.codec.decode(this.buffer, this.systemIdStart, this.systemIdEnd);
  }

  // ------------------------------------------------------------------ attributes

  /** Qualified name of attribute `i` (interned). */
  attributeName(i: number): string {
    const at = i * STRIDE;
    return this.interner.get(this.buffer, this.attributes[at], this.attributes[at + 2], this.codec);
  }

  /** Local name of attribute `i` (interned). */
  attributeLocalName(i: number): string {
    const at = i * STRIDE;
    return this.interner.get(this.buffer, this.attributes[at + 1], this.attributes[at + 2], this.codec);
  }

  /** Namespace URI of attribute `i`: '' when unprefixed (XML Namespaces: no default for attributes). */
  attributeNamespaceUri(i: number): string {
    const at = i * STRIDE;
    const s = this.attributes[at];
    const local = this.attributes[at + 1];
    if (local === s) return isXmlnsName(this.buffer, s, this.attributes[at + 2]) ? XMLNS_NAMESPACE : '';
    const prefix = this.interner.get(this.buffer, s, local - 1, this.codec);
    if (prefix === 'xmlns') return XMLNS_NAMESPACE;
    return this.scope.resolve(prefix) ?? '';
  }

  /** True when attribute `i`'s qualified name is exactly `bytes`. */
  attributeNameEquals(i: number, bytes: Uint8Array): boolean {
    const at = i * STRIDE;
    const s = this.attributes[at];
    const length = this.attributes[at + 2] - s;
    return bytes.length === length && bytesEqual(this.buffer, s, bytes, 0, length);
  }

  /** Index of the attribute whose qualified name is `bytes`, or -1. */
  findAttribute(bytes: Uint8Array): number {
    for (let i = 0; i < this.attributeCount; i++) if (this.attributeNameEquals(i, bytes)) return i;
    return -1;
  }

  /** The id of attribute `i`'s local name in `table`, or -1. */
  lookupAttributeName(i: number, table: NameTable): number {
    const at = i * STRIDE;
    return table.lookup(this.buffer, this.attributes[at + 1], this.attributes[at + 2]);
  }

  /** Value of attribute `i`, references expanded and whitespace normalized (XML 1.0 §3.3.3). */
  attributeValue(i: number): string {
    const at = i * STRIDE;
    const a = this.attributes;
    return decodeResolved(this.codec, this.buffer, a[at + 3], a[at + 4], (a[at + 5] & 1) !== 0, true);
  }

  /** The same as UTF-8 bytes; a zero-copy view when nothing had to change. */
  attributeValueBytes(i: number): Uint8Array {
    const at = i * STRIDE;
    const a = this.attributes;
    return bytesResolved(this.codec, this.buffer, a[at + 3], a[at + 4], (a[at + 5] & 1) !== 0, true);
  }
}

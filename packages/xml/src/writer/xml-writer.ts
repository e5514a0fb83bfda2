import { XmlError } from '../errors.js';
import { CHAR_CLASS, NAME_CHAR, NAME_START } from '../reader/char-class.js';
import { writeUtf8CodePoint } from '../text/codec.js';
import { DEFAULT_MAX_OUTPUT_SIZE, DEFAULT_WRITER_CAPACITY, type XmlWriterOptions } from './options.js';
import { xmlCharLength } from './utf8-check.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_BYTES = new TextEncoder().encode(BASE64);
const AMP_ESCAPE = [0x26, 0x61, 0x6d, 0x70, 0x3b]; // &amp;
const LT_ESCAPE = [0x26, 0x6c, 0x74, 0x3b]; // &lt;
const GT_ESCAPE = [0x26, 0x67, 0x74, 0x3b]; // &gt;
const QUOT_ESCAPE = [0x26, 0x71, 0x75, 0x6f, 0x74, 0x3b]; // &quot;
const TAB_ESCAPE = [0x26, 0x23, 0x39, 0x3b]; // &#9;
const LF_ESCAPE = [0x26, 0x23, 0x31, 0x30, 0x3b]; // &#10;
const CR_ESCAPE = [0x26, 0x23, 0x31, 0x33, 0x3b]; // &#13;
const CDATA_OPEN = [0x3c, 0x21, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // <![CDATA[
const CDATA_SPLIT = [0x5d, 0x5d, 0x3e, 0x3c, 0x21, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b, 0x3e]; // ]]><![CDATA[>
const CDATA_CLOSE = [0x5d, 0x5d, 0x3e]; // ]]>

// Escaping modes.
const TEXT = 0;
const ATTRIBUTE = 1;

// What to do with each ASCII byte: copy it, write ESCAPES[action - 1], or refuse it.
const COPY = 0;
const FORBIDDEN = 255;
const ESCAPES: readonly (readonly number[])[] = [
  AMP_ESCAPE,
  LT_ESCAPE,
  GT_ESCAPE,
  QUOT_ESCAPE,
  TAB_ESCAPE,
  LF_ESCAPE,
  CR_ESCAPE,
];

function asciiActions(attribute: boolean, escapeCr: boolean): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 0x20; c++) table[c] = FORBIDDEN;
  table[0x09] = attribute ? 5 : COPY;
  table[0x0a] = attribute ? 6 : COPY;
  table[0x0d] = attribute || escapeCr ? 7 : COPY;
  table[0x26] = 1;
  table[0x3c] = 2;
  table[0x3e] = 3;
  if (attribute) table[0x22] = 4;
  return table;
}

const TEXT_ACTIONS = asciiActions(false, false);
const TEXT_CR_ACTIONS = asciiActions(false, true);
const ATTRIBUTE_ACTIONS = asciiActions(true, true);

/**
 * Writes XML 1.0 into one growable byte buffer with an integer cursor.
 * Output is UTF-8 and always well-formed: names are checked, text and
 * attribute values escaped, `]]>` inside CDATA split, and data XML cannot
 * carry at all (C0 controls but TAB/LF/CR, invalid UTF-8, lone surrogates,
 * U+FFFE/U+FFFF) is refused with XmlError UNREPRESENTABLE_CHARACTER before
 * anything is written. Callers holding arbitrary bytes check them with
 * `findUnrepresentableByte` and choose another form, e.g. {@link base64}
 * under a marker attribute.
 *
 * Every method but {@link finish} returns the writer, for chaining.
 */
export class XmlWriter {
  private readonly indentUnit: Uint8Array | null;
  private readonly initialCapacity: number;
  private readonly maxOutputSize: number;
  private readonly escapeCr: boolean;
  private buf: Uint8Array;
  private pos = 0;
  /** `<name` (and attributes) written, `>` not yet. */
  private inStartTag = false;
  private attributeNames: string[] = [];
  private depth = 0;
  /** Output offsets of each open element's name, to repeat it in the end tag. */
  private nameStart: number[] = [];
  private nameLength: number[] = [];
  /** Per open element: 1 has child elements, 2 has text (no indentation inside then). */
  private content: number[] = [];
  private rootWritten = false;

  constructor(options?: XmlWriterOptions) {
    const indent = options?.indent;
    const unit = typeof indent === 'number' ? ' '.repeat(indent) : (indent ?? '');
    if (!/^[ \t]*$/.test(unit)) throw new RangeError('XmlWriter indent must be spaces or tabs');
    this.indentUnit = unit === '' ? null : new TextEncoder().encode(unit);
    this.initialCapacity = options?.initialCapacity ?? DEFAULT_WRITER_CAPACITY;
    this.maxOutputSize = options?.maxOutputSize ?? DEFAULT_MAX_OUTPUT_SIZE;
    this.escapeCr = options?.escapeCarriageReturn ?? false;
    this.buf = new Uint8Array(this.initialCapacity);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.pos;
  }

  /** Number of elements open. */
  get openElements(): number {
    return this.depth;
  }

  /** `<?xml version="1.0" encoding="UTF-8"?>`; only as the first thing written. */
  declaration(options?: {
    readonly version?: string;
    readonly encoding?: string;
    readonly standalone?: boolean;
  }): this {
    if (this.pos !== 0) throw this.stateError('The XML declaration must be written first');
    const version = options?.version ?? '1.0';
    const encoding = options?.encoding ?? 'UTF-8';
    if (!/^1\.[0-9]+$/.test(version)) throw this.stateError(`Bad XML version "${version}"`);
    if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(encoding)) throw this.stateError(`Bad encoding name "${encoding}"`);
    let text = `<?xml version="${version}" encoding="${encoding}"`;
    if (options?.standalone !== undefined) text += ` standalone="${options.standalone ? 'yes' : 'no'}"`;
    this.ascii(`${text}?>`);
    return this;
  }

  /** `<!DOCTYPE name PUBLIC "publicId" "systemId">` (or SYSTEM, or neither); before the root element. */
  doctype(name: string, publicId?: string, systemId?: string): this {
    if (this.depth > 0 || this.rootWritten)
      throw this.stateError('DOCTYPE must come before the root element');
    if (publicId !== undefined && systemId === undefined) {
      throw this.stateError('A DOCTYPE public id needs a system id');
    }
    this.checkName(name);
    this.topLevelBreak();
    this.ascii('<!DOCTYPE ');
    this.utf8(name);
    if (publicId !== undefined) {
      if (!/^[-'()+,./:=?;!*#@$_%a-zA-Z0-9 \r\n]*$/.test(publicId)) {
        throw new XmlError('UNREPRESENTABLE_CHARACTER', 'Character not allowed in a public id', 0);
      }
      this.ascii(' PUBLIC ');
      this.literal(publicId);
      this.ascii(' ');
      this.literal(systemId!);
    } else if (systemId !== undefined) {
      this.ascii(' SYSTEM ');
      this.literal(systemId);
    }
    this.ascii('>');
    return this;
  }

  /** Opens an element; attributes may follow until content is written. */
  startElement(name: string): this {
    if (this.depth === 0 && this.rootWritten) throw this.stateError('A document has one root element');
    this.checkName(name);
    this.beginMarkup();
    this.reserve(name.length * 3 + 2);
    this.buf[this.pos++] = 0x3c;
    const start = this.pos;
    this.utf8(name);
    this.nameStart[this.depth] = start;
    this.nameLength[this.depth] = this.pos - start;
    this.content[this.depth] = 0;
    this.depth++;
    this.rootWritten = true;
    this.inStartTag = true;
    this.attributeNames.length = 0;
    return this;
  }

  /** An attribute of the element just started; the value is escaped (`&`, `<`, `>`, `"`, TAB, LF, CR). */
  attribute(name: string, value: string): this {
    const rollback = this.pos;
    this.beginAttribute(name);
    try {
      this.escapeString(value, ATTRIBUTE, rollback);
    } catch (error) {
      this.attributeNames.pop();
      throw error;
    }
    this.reserve(1);
    this.buf[this.pos++] = 0x22;
    return this;
  }

  /** The same with a UTF-8 value. */
  attributeBytes(name: string, value: Uint8Array, start = 0, end: number = value.length): this {
    const rollback = this.pos;
    this.beginAttribute(name);
    const bad = this.escapeBytes(value, start, end, ATTRIBUTE, rollback);
    if (bad >= 0) {
      this.attributeNames.pop();
      throw unrepresentable(value, bad);
    }
    this.reserve(1);
    this.buf[this.pos++] = 0x22;
    return this;
  }

  /** Closes the innermost element: `<a/>` when it got no content, else `</a>`. */
  endElement(): this {
    if (this.depth === 0) throw this.stateError('endElement() with no element open');
    this.depth--;
    if (this.inStartTag) {
      this.inStartTag = false;
      this.reserve(2);
      this.buf[this.pos++] = 0x2f;
      this.buf[this.pos++] = 0x3e;
      return this;
    }
    if (this.content[this.depth] === 1) this.indentLine(this.depth);
    const length = this.nameLength[this.depth];
    this.reserve(length + 3);
    const buf = this.buf;
    buf[this.pos++] = 0x3c;
    buf[this.pos++] = 0x2f;
    buf.copyWithin(this.pos, this.nameStart[this.depth], this.nameStart[this.depth] + length);
    this.pos += length;
    buf[this.pos++] = 0x3e;
    return this;
  }

  /** `<name>text</name>` (`<name/>` for empty text). */
  element(name: string, text: string): this {
    this.startElement(name);
    if (text.length > 0) this.text(text);
    return this.endElement();
  }

  /** Escaped character data from a string (`&`, `<`, `>`; CR when so configured). Empty text writes nothing. */
  text(value: string): this {
    if (value.length === 0) return this.checkInElement();
    this.beginContent();
    this.escapeString(value, TEXT, this.pos);
    return this;
  }

  /** Escaped character data from UTF-8 bytes. */
  textBytes(value: Uint8Array, start = 0, end: number = value.length): this {
    if (start >= end) return this.checkInElement();
    this.beginContent();
    const bad = this.escapeBytes(value, start, end, TEXT, this.pos);
    if (bad >= 0) throw unrepresentable(value, bad);
    return this;
  }

  /**
   * Like {@link textBytes}, in one pass, but answers false and writes nothing
   * (the element stays as it was) when the bytes hold something XML cannot
   * carry: for callers that then write the data in another form.
   */
  tryTextBytes(value: Uint8Array, start = 0, end: number = value.length): boolean {
    if (start >= end) {
      this.checkInElement();
      return true;
    }
    const before = this.pos;
    const wasInStartTag = this.inStartTag;
    const content = this.depth > 0 ? this.content[this.depth - 1] : 0;
    this.beginContent();
    if (this.escapeBytes(value, start, end, TEXT, before) < 0) return true;
    this.inStartTag = wasInStartTag;
    this.content[this.depth - 1] = content;
    return false;
  }

  /** A CDATA section holding UTF-8 bytes; each `]]>` inside splits it into two sections. */
  cdata(value: Uint8Array, start = 0, end: number = value.length): this {
    this.beginContent();
    const mark = this.pos;
    this.reserve(end - start + 12);
    this.put(CDATA_OPEN);
    let i = start;
    while (i < end) {
      const c = value[i];
      if (c === 0x3e && i - 2 >= start && value[i - 1] === 0x5d && value[i - 2] === 0x5d) {
        // `]]` is out already: close the section after it and put the `>` in a new one.
        this.reserve(end - i + 16);
        this.put(CDATA_SPLIT);
        i++;
        continue;
      }
      const length = c >= 0x20 && c < 0x80 ? 1 : xmlCharLength(value, i, end);
      if (length === 0) {
        this.pos = mark;
        throw unrepresentable(value, i);
      }
      for (let k = 0; k < length; k++) this.buf[this.pos++] = value[i + k];
      i += length;
    }
    this.reserve(3);
    this.put(CDATA_CLOSE);
    return this;
  }

  /** Base64 (RFC 4648, no line breaks) of any bytes as character data: always representable. */
  base64(value: Uint8Array, start = 0, end: number = value.length): this {
    if (start >= end) return this.checkInElement();
    this.beginContent();
    const length = end - start;
    this.reserve(Math.ceil(length / 3) * 4);
    const buf = this.buf;
    let o = this.pos;
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (value[i] << 16) | (value[i + 1] << 8) | value[i + 2];
      buf[o++] = BASE64_BYTES[n >> 18];
      buf[o++] = BASE64_BYTES[(n >> 12) & 63];
      buf[o++] = BASE64_BYTES[(n >> 6) & 63];
      buf[o++] = BASE64_BYTES[n & 63];
    }
    if (i < end) {
      const n = (value[i] << 16) | (i + 1 < end ? value[i + 1] << 8 : 0);
      buf[o++] = BASE64_BYTES[n >> 18];
      buf[o++] = BASE64_BYTES[(n >> 12) & 63];
      buf[o++] = i + 1 < end ? BASE64_BYTES[(n >> 6) & 63] : 0x3d;
      buf[o++] = 0x3d;
    }
    this.pos = o;
    return this;
  }

  /** `<!--text-->`; text containing `--` or ending in `-` cannot be a comment. */
  comment(text: string): this {
    if (text.includes('--') || text.endsWith('-')) {
      throw new XmlError('UNREPRESENTABLE_CHARACTER', 'A comment cannot contain "--" or end with "-"', 0);
    }
    this.checkChars(text);
    this.beginMarkup();
    this.ascii('<!--');
    this.utf8(text);
    this.ascii('-->');
    return this;
  }

  /** `<?target data?>`; data cannot contain `?>`. */
  processingInstruction(target: string, data = ''): this {
    this.checkName(target);
    if (target.toLowerCase() === 'xml') throw this.stateError('PI target "xml" is reserved');
    if (data.includes('?>'))
      throw new XmlError('UNREPRESENTABLE_CHARACTER', 'PI data cannot contain "?>"', 0);
    this.checkChars(data);
    this.beginMarkup();
    this.ascii('<?');
    this.utf8(target);
    if (data.length > 0) {
      this.ascii(' ');
      this.utf8(data);
    }
    this.ascii('?>');
    return this;
  }

  /**
   * Pre-encoded bytes copied as they are, as content of the current element
   * (or at top level). The caller vouches that they are well-formed here.
   */
  raw(bytes: Uint8Array, start = 0, end: number = bytes.length): this {
    if (this.depth > 0) this.beginContent();
    else this.closeStartTag();
    this.reserve(end - start);
    this.buf.set(bytes.subarray(start, end), this.pos);
    this.pos += end - start;
    return this;
  }

  /**
   * The document's bytes (a view of the writer's buffer, handed over: the
   * writer starts a new buffer for the next document). All elements must be
   * closed.
   */
  finish(): Uint8Array {
    if (this.depth > 0) throw this.stateError(`finish() with ${this.depth} element(s) open`);
    if (this.indentUnit !== null && this.pos > 0) {
      this.reserve(1);
      this.buf[this.pos++] = 0x0a;
    }
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(this.initialCapacity);
    this.reset();
    return out;
  }

  /** Drops what was written (the buffer is kept). */
  reset(): void {
    this.pos = 0;
    this.inStartTag = false;
    this.depth = 0;
    this.rootWritten = false;
    this.attributeNames.length = 0;
  }

  // ---------------------------------------------------------------- internals

  private stateError(message: string): XmlError {
    return new XmlError('INVALID_WRITER_STATE', message, this.pos);
  }

  private reserve(extra: number): void {
    const needed = this.pos + extra;
    if (needed <= this.buf.length) return;
    if (needed > this.maxOutputSize) {
      throw new XmlError('OUTPUT_TOO_LARGE', `Output larger than ${this.maxOutputSize} bytes`, this.pos);
    }
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(Math.min(size, Math.max(needed, this.maxOutputSize)));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  private put(bytes: readonly number[]): void {
    const buf = this.buf;
    for (let i = 0; i < bytes.length; i++) buf[this.pos++] = bytes[i];
  }

  private ascii(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.pos++] = text.charCodeAt(i);
  }

  /** UTF-8 of a string already checked to be representable. */
  private utf8(text: string): void {
    this.reserve(text.length * 3);
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        this.buf[this.pos++] = c;
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      }
      this.pos = writeUtf8CodePoint(this.buf, this.pos, c);
    }
  }

  private literal(value: string): void {
    const quote = value.includes('"') ? "'" : '"';
    if (quote === "'" && value.includes("'")) {
      throw new XmlError('UNREPRESENTABLE_CHARACTER', 'A literal cannot hold both quote characters', 0);
    }
    this.checkChars(value);
    this.ascii(quote);
    this.utf8(value);
    this.ascii(quote);
  }

  private checkName(name: string): void {
    let ok = name.length > 0;
    for (let i = 0; ok && i < name.length; i++) {
      const c = name.charCodeAt(i);
      if (c >= 0x80) {
        ok = c < 0xd800 || this.isCharAt(name, i);
        if (c >= 0xd800 && c < 0xdc00) i++;
        continue;
      }
      ok = (CHAR_CLASS[c] & (i === 0 ? NAME_START : NAME_CHAR)) !== 0;
    }
    if (!ok) throw new XmlError('INVALID_NAME', `"${name}" is not an XML name`, this.pos);
  }

  private checkChars(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0d : c >= 0xd800 && !this.isCharAt(text, i)) {
        throw new XmlError(
          'UNREPRESENTABLE_CHARACTER',
          `U+${c.toString(16).toUpperCase()} cannot appear in XML`,
          i,
        );
      }
      if (c >= 0xd800 && c < 0xdc00) i++;
    }
  }

  /** For units >= 0xD800: a valid surrogate pair start or a BMP character XML allows. */
  private isCharAt(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    if (c < 0xdc00) {
      const next = text.charCodeAt(i + 1);
      return next >= 0xdc00 && next <= 0xdfff;
    }
    return c >= 0xe000 && c !== 0xfffe && c !== 0xffff;
  }

  private beginAttribute(name: string): void {
    if (!this.inStartTag) throw this.stateError('attribute() must follow startElement()');
    this.checkName(name);
    if (this.attributeNames.includes(name)) throw this.stateError(`Attribute "${name}" written twice`);
    this.attributeNames.push(name);
    this.reserve(name.length * 3 + 3);
    this.buf[this.pos++] = 0x20;
    this.utf8(name);
    this.buf[this.pos++] = 0x3d;
    this.buf[this.pos++] = 0x22;
  }

  private closeStartTag(): void {
    if (!this.inStartTag) return;
    this.inStartTag = false;
    this.reserve(1);
    this.buf[this.pos++] = 0x3e;
  }

  /** Empty content writes nothing (an element stays `<a/>`), but must still be inside one. */
  private checkInElement(): this {
    if (this.depth === 0) throw this.stateError('Text must be inside an element');
    return this;
  }

  private beginContent(): void {
    if (this.depth === 0) throw this.stateError('Text must be inside an element');
    this.closeStartTag();
    this.content[this.depth - 1] |= 2;
  }

  private beginMarkup(): void {
    this.closeStartTag();
    if (this.depth > 0) {
      this.content[this.depth - 1] |= 1;
      this.indentLine(this.depth);
    } else {
      this.topLevelBreak();
    }
  }

  /** With indentation on: a line break before a top-level item that isn't first. */
  private topLevelBreak(): void {
    if (this.indentUnit === null || this.pos === 0) return;
    this.reserve(1);
    this.buf[this.pos++] = 0x0a;
  }

  /** With indentation on, and unless the parent holds text: newline + indent. */
  private indentLine(level: number): void {
    const unit = this.indentUnit;
    if (unit === null || (level > 0 && (this.content[level - 1] & 2) !== 0)) return;
    this.reserve(1 + unit.length * level);
    this.buf[this.pos++] = 0x0a;
    for (let l = 0; l < level; l++) {
      this.buf.set(unit, this.pos);
      this.pos += unit.length;
    }
  }

  private escapeString(value: string, mode: number, rollback: number): void {
    const actions = this.actionsFor(mode);
    this.reserve(value.length * 3);
    for (let i = 0; i < value.length; i++) {
      let c = value.charCodeAt(i);
      if (c < 0x80) {
        const action = actions[c];
        if (action === COPY) {
          this.buf[this.pos++] = c;
          continue;
        }
        if (action === FORBIDDEN) {
          this.pos = rollback;
          throw new XmlError(
            'UNREPRESENTABLE_CHARACTER',
            `U+${c.toString(16).toUpperCase()} cannot appear in XML`,
            i,
          );
        }
        this.reserve(value.length - i + 6);
        this.put(ESCAPES[action - 1]);
        continue;
      }
      if (c >= 0xd800) {
        if (!this.isCharAt(value, i)) {
          this.pos = rollback;
          throw new XmlError(
            'UNREPRESENTABLE_CHARACTER',
            `U+${c.toString(16).toUpperCase()} cannot appear in XML`,
            i,
          );
        }
        if (c < 0xdc00) c = 0x10000 + ((c - 0xd800) << 10) + (value.charCodeAt(++i) - 0xdc00);
      }
      this.pos = writeUtf8CodePoint(this.buf, this.pos, c);
    }
  }

  private actionsFor(mode: number): Uint8Array {
    return mode === ATTRIBUTE ? ATTRIBUTE_ACTIONS : this.escapeCr ? TEXT_CR_ACTIONS : TEXT_ACTIONS;
  }

  /**
   * Escapes value[start, end) into the buffer. Returns -1, or the index of the
   * first byte XML cannot carry, the cursor then back at `rollback`.
   */
  private escapeBytes(value: Uint8Array, start: number, end: number, mode: number, rollback: number): number {
    const actions = this.actionsFor(mode);
    this.reserve(end - start);
    let buf = this.buf;
    let pos = this.pos;
    let i = start;
    while (i < end) {
      const c = value[i];
      if (c < 0x80) {
        const action = actions[c];
        if (action === COPY) {
          buf[pos++] = c;
          i++;
          continue;
        }
        if (action === FORBIDDEN) {
          this.pos = rollback;
          return i;
        }
        const replacement = ESCAPES[action - 1];
        this.pos = pos;
        this.reserve(end - i + 6);
        buf = this.buf;
        for (let k = 0; k < replacement.length; k++) buf[pos++] = replacement[k];
        i++;
        continue;
      }
      const length = xmlCharLength(value, i, end);
      if (length === 0) {
        this.pos = rollback;
        return i;
      }
      buf[pos++] = c;
      for (let k = 1; k < length; k++) buf[pos++] = value[i + k];
      i += length;
    }
    this.pos = pos;
    return -1;
  }
}

function unrepresentable(bytes: Uint8Array, at: number): XmlError {
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return new XmlError('UNREPRESENTABLE_CHARACTER', `Byte 0x${hex} cannot appear in XML text`, at);
}

import { type ParseWarning, type ParseWarningCode, SyncMLError, type SyncMLErrorCode } from '../errors.js';
import type { DevInf } from '../model/devinf.js';
import type { SyncMLMessage } from '../model/message.js';
import type { ResolvedParseOptions } from '../options.js';
import { EMPTY_NUMBER, NOT_A_NUMBER } from '../values/number.js';
import { elementName } from '../vocabulary/element-names.js';
import { closeContainer } from './close.js';
import { childCode, F_DOC_DEVINF, F_DOC_MESSAGE, F_ITEM_DATA, isFlatValue, LEAF_FIRST } from './frames.js';
import { assignLeaf, leafAllowed } from './leaf.js';
import { enterData, openContainer } from './open.js';
import { elementPath } from './path.js';
import { TextBuffer } from './text-buffer.js';

/** Most messages have no warning: they all share this (frozen) empty list. */
export const NO_WARNINGS: ParseWarning[] = Object.freeze([]) as unknown as ParseWarning[];

/** How the bytes of an item's Data hold a DevInf document, if they do. */
export type NestedEncoding = 'wbxml' | 'xml';

/**
 * Parses documents nested in an item's Data (a DevInf sent as a WBXML document in OPAQUE,
 * or as escaped XML text) by feeding their elements into the same builder. Supplied by the
 * parse layer, which owns the tokenizers.
 */
export interface NestedDocumentParser {
  /** The encoding of the DevInf document in `buf[start, end)`, or null when the bytes are not one. */
  devInfEncoding(buf: Uint8Array, start: number, end: number, typedAsDevInf: boolean): NestedEncoding | null;
  /**
   * Feeds the elements of the document in `buf[start, end)` to `builder`; an offset `n` in
   * that document is reported as `baseOffset + n`.
   */
  feedDevInf(
    builder: TreeBuilder,
    encoding: NestedEncoding,
    buf: Uint8Array,
    start: number,
    end: number,
    baseOffset: number,
  ): void;
}

/**
 * Builds a SyncMLMessage (or a standalone DevInf) from element events: `start(id)`,
 * `text(bytes)`, `end()`, ids from `vocabulary/element-ids.ts`. The same instance serves the
 * WBXML and the XML driver and is reused from parse to parse. An explicit stack of frames
 * (typed arrays of codes, ids and offsets, and the AST object of each container) replaces
 * recursion, so nesting costs no call depth and is bounded by `maxDepth`.
 *
 * Members are public for the helper modules of this folder (`open`, `close`, `leaf`, `path`);
 * the class is not part of the package's API.
 */
export class TreeBuilder {
  options!: ResolvedParseOptions;
  maxDepth = 0;
  codes: Int32Array = new Int32Array(0);
  ids: Int32Array = new Int32Array(0);
  offsets: Float64Array = new Float64Array(0);
  objs: unknown[] = [];
  depth = 0;
  /** Deepest frame used since the last release (only those hold objects to let go). */
  deepest = 0;
  /** >0 while skipping an element the model has no slot for: the nesting inside it. */
  skip = 0;
  readonly text: TextBuffer = new TextBuffer();
  message: SyncMLMessage | undefined = undefined;
  devinf: DevInf | undefined = undefined;
  /** Warnings of this document; the shared empty list until the first one. */
  warnings: ParseWarning[] = NO_WARNINGS;
  commandCount = 0;
  bodySeen = false;
  /** Depth of the open DevInf element, 0 outside DevInf. */
  devinfDepth = 0;
  /** The list the open CTCap belongs to (a DevInf's or a DataStore's), for flat CTCap regrouping. */
  ctCapList: unknown[] | null = null;
  /** Property and parameter a DevInf 1.0/1.1 flat CTCap opened last. */
  flatProperty: unknown = null;
  flatParam: unknown = null;
  nested: NestedDocumentParser | null = null;
  /**
   * XML document: Cred Data and NextNonce are base64 text there, so white space around them
   * is formatting and is dropped. (In WBXML they may be raw bytes, kept as they are.)
   */
  trimTokens = false;

  /** Prepares for a new document: a SyncML message, or (`devInfDocument`) a standalone DevInf. */
  reset(
    options: ResolvedParseOptions,
    devInfDocument: boolean,
    nested: NestedDocumentParser | null,
    xml: boolean,
  ): void {
    this.trimTokens = xml;
    this.options = options;
    this.maxDepth = options.maxDepth;
    const frames = options.maxDepth + 2;
    if (this.codes.length !== frames) {
      this.codes = new Int32Array(frames);
      this.ids = new Int32Array(frames);
      this.offsets = new Float64Array(frames);
      this.objs = new Array<unknown>(frames).fill(null);
    }
    this.codes[0] = devInfDocument ? F_DOC_DEVINF : F_DOC_MESSAGE;
    this.ids[0] = -1;
    this.depth = 0;
    this.skip = 0;
    this.text.reset();
    this.message = undefined;
    this.devinf = undefined;
    this.warnings = NO_WARNINGS;
    this.commandCount = 0;
    this.bodySeen = false;
    this.devinfDepth = 0;
    this.ctCapList = null;
    this.flatProperty = null;
    this.flatParam = null;
    this.nested = nested;
  }

  /** Drops every reference to the document just built, so the reused builder keeps nothing alive. */
  release(): void {
    this.objs.fill(null, 0, this.deepest + 1);
    this.deepest = 0;
    this.text.clear();
    this.message = undefined;
    this.devinf = undefined;
    this.ctCapList = null;
    this.flatProperty = null;
    this.flatParam = null;
    this.nested = null;
  }

  /** True while inside an element being skipped: drivers then need not resolve names. */
  get skipping(): boolean {
    return this.skip > 0;
  }

  /** True inside a DevInf document: unqualified XML names resolve against DevInf first. */
  get inDevInf(): boolean {
    return this.devinfDepth > 0;
  }

  /** An element opens. `id` is ignored while skipping. */
  start(id: number, offset: number): void {
    if (this.skip > 0) {
      this.skip++;
      if (this.depth + this.skip > this.maxDepth) this.#tooDeep(offset);
      return;
    }
    const d = this.depth;
    let parent = this.codes[d]!;
    if (parent === F_ITEM_DATA) parent = this.#dataChild(id, d, offset);
    const code = childCode(parent, id);
    if (code < 0) {
      if (d === 0) this.#notTheRoot(id, offset);
      this.#unexpected(id, offset);
      return;
    }
    if (d + 1 > this.maxDepth) this.#tooDeep(offset);
    if (code >= LEAF_FIRST) {
      if (isFlatValue(code) && !leafAllowed(this, code)) {
        this.#unexpected(id, offset);
        return;
      }
      this.#pushLeaf(code, id, offset);
      this.text.reset();
      return;
    }
    const obj = openContainer(this, code, id, offset);
    if (obj === undefined) return; // a duplicate: openContainer warned and started skipping
    this.#push(code, id, offset, obj);
    if (code === F_ITEM_DATA) this.text.reset();
  }

  #pushLeaf(code: number, id: number, offset: number): void {
    const d = this.depth + 1;
    this.codes[d] = code;
    this.ids[d] = id;
    this.offsets[d] = offset;
    this.depth = d;
  }

  #push(code: number, id: number, offset: number, obj: unknown): void {
    const d = this.depth + 1;
    if (d > this.deepest) this.deepest = d;
    this.codes[d] = code;
    this.ids[d] = id;
    this.offsets[d] = offset;
    this.objs[d] = obj;
    this.depth = d;
  }

  /** Text (or OPAQUE bytes) inside the open element; see {@link TextBuffer.append} for `stable`. */
  characters(buf: Uint8Array, start: number, end: number, stable: boolean, offset: number): void {
    if (this.skip > 0) return;
    const code = this.codes[this.depth]!;
    if (code >= LEAF_FIRST || code === F_ITEM_DATA) {
      this.text.append(buf, start, end, stable);
      return;
    }
    if (start === end) return;
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        this.warn('UNEXPECTED_TEXT', 'text where only elements belong was ignored', offset);
        return;
      }
    }
  }

  /** The open element closes. */
  end(offset: number): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const d = this.depth;
    const code = this.codes[d]!;
    // Frames keep their object after closing (release() drops them all): leaves never set one.
    if (code >= LEAF_FIRST) assignLeaf(this, code, this.objs[d - 1], d);
    else closeContainer(this, code, this.objs[d], d, offset);
    this.depth = d - 1;
  }

  /** Starts skipping an element of a namespace that is not SyncML, MetInf or DevInf. */
  skipForeign(name: string, offset: number): void {
    if (this.skip > 0) {
      this.start(-1, offset);
      return;
    }
    if (this.depth === 0) {
      throw new SyncMLError('NOT_SYNCML', `the root element ${name} is not in a SyncML namespace`, {
        path: name,
        offset,
      });
    }
    if (this.depth + 1 > this.maxDepth) this.#tooDeep(offset);
    this.warn('FOREIGN_ELEMENT', `element ${name} of a foreign namespace was skipped`, offset, name);
    this.skip = 1;
  }

  // The first element child of an item's Data decides what the Data holds.
  #dataChild(id: number, d: number, offset: number): number {
    if (this.text.count > 0 && !this.text.isWhitespace()) {
      this.warn('UNEXPECTED_TEXT', 'text before an element in Data was ignored', offset);
    }
    return enterData(this, id, d);
  }

  #unexpected(id: number, offset: number): void {
    const name = id >= 0 ? elementName(id) : '?';
    this.warn('UNEXPECTED_ELEMENT', `element ${name} has no place here and was skipped`, offset, name);
    this.skip = 1;
  }

  #notTheRoot(id: number, offset: number): never {
    const name = id >= 0 ? elementName(id) : '?';
    const wanted = this.codes[0] === F_DOC_DEVINF ? 'DevInf' : 'SyncML';
    const again = this.message !== undefined || this.devinf !== undefined;
    throw new SyncMLError(
      'NOT_SYNCML',
      again
        ? `a second root element ${name} follows ${wanted}`
        : `the root element is ${name}, not ${wanted}`,
      { path: name, offset },
    );
  }

  #tooDeep(offset: number): never {
    throw new SyncMLError('TOO_DEEP', `elements nest deeper than maxDepth (${this.options.maxDepth})`, {
      path: this.path(this.depth),
      offset,
    });
  }

  /** Element path of the frames 1..d, with `extra` appended (a child's name). */
  path(d: number, extra?: string): string {
    return elementPath(this, d, extra);
  }

  /** Records a warning at the current element (with `extra` appended to its path). */
  warn(code: ParseWarningCode, message: string, offset: number, extra?: string): void {
    if (this.warnings === NO_WARNINGS) this.warnings = [];
    const w = this.warnings;
    const max = this.options.maxWarnings;
    if (w.length < max) {
      w.push({ code, message, path: this.path(this.depth, extra), offset });
    } else if (w.length === max) {
      w.push({
        code: 'TOO_MANY_WARNINGS',
        message: `more than ${max} warnings; the rest were dropped`,
        path: '',
        offset,
      });
    }
  }

  /** Throws a SyncMLError located at frame `d` (plus `extra`). */
  fail(
    code: SyncMLErrorCode,
    message: string,
    offset: number,
    d: number = this.depth,
    extra?: string,
    cause?: unknown,
  ): never {
    throw new SyncMLError(code, message, { path: this.path(d, extra), offset, cause });
  }

  /** The text of the leaf at frame `d` as a number; throws BAD_NUMBER when it is not one. */
  requiredNumber(d: number): number {
    const v = this.text.decimal();
    if (v >= 0) return v;
    const what = v === EMPTY_NUMBER ? 'is empty' : `is not a decimal number: "${this.#shortText()}"`;
    return this.fail('BAD_NUMBER', `${elementName(this.ids[d]!)} ${what}`, this.offsets[d]!, d);
  }

  /**
   * A DevInf number: devices leave some empty (`<MaxGUIDSize/>`), which gives undefined and a
   * warning; anything else that is not a number throws BAD_NUMBER.
   */
  lenientNumber(d: number): number | undefined {
    const v = this.text.decimal();
    if (v >= 0) return v;
    if (v === NOT_A_NUMBER) return this.requiredNumber(d);
    this.warn('EMPTY_NUMBER', `${elementName(this.ids[d]!)} is empty and was ignored`, this.offsets[d]!);
    return undefined;
  }

  #shortText(): string {
    const s = this.text.string();
    return s.length > 40 ? `${s.slice(0, 40)}...` : s;
  }
}

import { F_DOC_DEVINF, F_DOC_MESSAGE } from '../build/frames.js';
import type { CTCap, CTCapParam, CTCapProperty, DevInf } from '../model/devinf.js';
import type { SyncMLMessage } from '../model/message.js';
import type { ResolvedParseOptions } from '../options.js';
import { BAIL, FUSED_MAX_DEPTH } from './bail.js';
import { readDocument } from './document.js';

const EMPTY = new Uint8Array(0);
const NO_OBJECTS: unknown[] = [];
/** Frames of the object stack made for a message: deeper ones grow it (messages nest ~10 deep). */
const OBJECT_FRAMES = 16;

/**
 * The fused WBXML decoder: reads a SyncML message (or a DevInf document) straight from its
 * bytes into the AST, with one integer cursor and a switch on each byte, and no tokenizer in
 * between. It reads what real devices send; anything else, and anything the generic path
 * would warn about or reject, makes it give up (null), and the caller parses the message
 * the generic way (WbxmlReader + TreeBuilder), whose results, warnings and errors are the
 * reference. The AST it builds equals the generic path's (tested on every capture, on every
 * prefix of some, and on mutated ones).
 *
 * The grammar is the builder's: frame codes and `childCode` from `build/frames.ts`, AST
 * objects from `build/objects.ts`. Members are public for the modules of this folder; the
 * class is not part of the package's API. One instance is reused from message to message.
 */
export class FusedDecoder {
  /** The message being read (nested documents are ranges of it). */
  buf: Uint8Array = EMPTY;
  /** The message as 32-bit words from its first 4-byte boundary, made for the first long string. */
  words: Int32Array | null = null;
  /** Offset in `buf` of `words[0]`. */
  wordsFrom = 0;
  /** Frame code of each open element; [0] is the document. */
  readonly codes: Int32Array = new Int32Array(FUSED_MAX_DEPTH + 2);
  /**
   * AST object of each open container (leaves leave theirs stale). A new array for each
   * message: young like the objects stored in it, so those stores skip the write barrier's
   * slow path that a long-lived array would take, and nothing needs clearing afterwards.
   * Stores past its end grow it.
   */
  objs: unknown[] = NO_OBJECTS;
  /** `maxDepth`, capped at {@link FUSED_MAX_DEPTH}. */
  maxDepth = 0;
  maxCommands = 0;
  maxItems = 0;
  commandCount = 0;
  message: SyncMLMessage | undefined = undefined;
  devinf: DevInf | undefined = undefined;
  bodySeen = false;
  /** True while reading a SyncML message: only there may Data hold a nested DevInf. */
  nestedAllowed = false;
  /** The list the open CTCap belongs to, and the property / parameter a flat CTCap opened last. */
  ctCapList: CTCap[] | null = null;
  flatProperty: CTCapProperty | null = null;
  flatParam: CTCapParam | null = null;
  /** The text of the open leaf or Data: one range of `buf`, when `hasText`. */
  hasText = false;
  textStart = 0;
  textEnd = 0;
  /** String table of the document being read: `buf[tableStart, tableEnd)`. */
  tableStart = 0;
  tableEnd = 0;

  /** The message in `bytes`, or null when the generic path must read it. */
  decodeMessage(bytes: Uint8Array, options: ResolvedParseOptions): SyncMLMessage | null {
    this.#reset(bytes, options, F_DOC_MESSAGE);
    try {
      readDocument(this, 0, bytes.length, false, 0);
      return this.message ?? null;
    } catch (e) {
      if (e === BAIL) return null;
      throw e;
    } finally {
      this.#release();
    }
  }

  /** The standalone DevInf document in `bytes`, or null when the generic path must read it. */
  decodeDevInf(bytes: Uint8Array, options: ResolvedParseOptions): DevInf | null {
    this.#reset(bytes, options, F_DOC_DEVINF);
    try {
      readDocument(this, 0, bytes.length, true, 0);
      return this.devinf ?? null;
    } catch (e) {
      if (e === BAIL) return null;
      throw e;
    } finally {
      this.#release();
    }
  }

  #reset(bytes: Uint8Array, o: ResolvedParseOptions, document: number): void {
    this.buf = bytes;
    this.objs = new Array<unknown>(OBJECT_FRAMES);
    this.maxDepth = Math.min(o.maxDepth, FUSED_MAX_DEPTH);
    this.maxCommands = o.maxCommands;
    this.maxItems = o.maxItemsPerCommand;
    this.commandCount = 0;
    this.codes[0] = document;
    this.message = undefined;
    this.devinf = undefined;
    this.bodySeen = false;
    this.nestedAllowed = document === F_DOC_MESSAGE;
    this.hasText = false;
  }

  // The reused decoder keeps nothing of the message alive.
  #release(): void {
    this.objs = NO_OBJECTS;
    this.buf = EMPTY;
    this.words = null;
    this.message = undefined;
    this.devinf = undefined;
    this.ctCapList = null;
    this.flatProperty = null;
    this.flatParam = null;
  }
}

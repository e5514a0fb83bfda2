import { XmlError } from '../errors.js';
import { InputDecoder } from './input-decoder.js';
import { SplitTokenScanner } from './split-scanner.js';
import { EMPTY_BYTES, XmlTokenView } from './token-view.js';

/**
 * The reader's input layer: the queue of written chunks, the current buffer
 * and cursor the tokenizer reads, and the one pending token that spans
 * chunks. Only that token is ever copied: {@link SplitTokenScanner} finds
 * where it ends in the next chunk, and a fresh buffer holding just the token
 * is handed to the tokenizer; the rest of the chunk is read in place.
 */
export abstract class ChunkInput extends XmlTokenView {
  protected buf: Uint8Array = EMPTY_BYTES;
  protected pos = 0;
  /** buf is a copy of one split text token: its end is the end of the text. */
  protected bufIsWholeText = false;
  protected queue: Uint8Array[] = [];
  protected queueBases: number[] = [];
  protected queueHead = 0;
  protected resumeChunk: Uint8Array | null = null;
  protected resumePos = 0;
  protected resumeBase = 0;
  protected pending: Uint8Array = new Uint8Array(256);
  protected pendingLength = 0;
  protected pendingBase = 0;
  protected readonly scanner: SplitTokenScanner = new SplitTokenScanner();
  protected readonly input: InputDecoder;
  /** Absolute offset just past the last byte queued (in token bytes). */
  protected received = 0;
  protected ended = false;
  /** Set by from: errors then get line and column. */
  protected document: Uint8Array | null = null;

  /** Longest token (option maxTextLength): the pending token never grows past it. */
  protected readonly maxText: number;
  /** Per-buffer search caches of the text reader (next `&`, next `>`); reset with the buffer. */
  protected nextAmp = -1;
  protected nextGt = -1;
  protected failure: XmlError | null = null;

  protected constructor(maxInternedStrings: number, maxText: number, maxTotalSize: number) {
    super(maxInternedStrings);
    this.maxText = maxText;
    this.input = new InputDecoder(maxTotalSize);
  }

  /** Encoding of the input bytes: `utf-16le`/`utf-16be` when they were transcoded to UTF-8 tokens. */
  get inputEncoding(): string {
    return this.input.transcodedFrom ?? this.codec.name;
  }

  /** Queues the next chunk of the document. Throws DOCUMENT_TOO_LARGE past maxTotalSize. */
  write(chunk: Uint8Array): void {
    if (this.failure !== null) throw this.failure;
    if (this.ended) throw new XmlError('INVALID_READER_STATE', 'write() after end()', this.received);
    this.decode(chunk, false);
  }

  /** Marks the end of the document; `next()` then finishes it. */
  end(): void {
    if (this.failure !== null) throw this.failure;
    if (this.ended) return;
    this.decode(EMPTY_BYTES, true);
    this.ended = true;
  }

  /** Decodes bytes of the input (a BOM skipped, UTF-16 transcoded) and queues what they give. */
  private decode(bytes: Uint8Array, final: boolean): void {
    try {
      const parts = this.input.decode(bytes, final);
      if (this.received === 0) this.received = this.input.skippedBytes;
      for (const part of parts) this.enqueue(part);
    } catch (error) {
      throw this.fail(error);
    }
  }

  /** Forgets the input (the reader's reset does the rest). */
  protected resetInput(): void {
    this.buf = EMPTY_BYTES;
    this.pos = this.bufBase = 0;
    this.bufIsWholeText = false;
    this.queue = [];
    this.queueBases = [];
    this.queueHead = 0;
    this.resumeChunk = null;
    this.resumePos = this.resumeBase = 0;
    this.pendingLength = this.pendingBase = 0;
    this.input.reset();
    this.received = 0;
    this.ended = false;
    this.document = null;
    this.failure = null;
    this.nextAmp = this.nextGt = -1;
  }

  private enqueue(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.queueHead > 0 && this.queueHead === this.queue.length) {
      this.queue = [];
      this.queueBases = [];
      this.queueHead = 0;
    }
    this.queue.push(chunk);
    this.queueBases.push(this.received);
    this.received += chunk.length;
  }

  protected fail(error: unknown): unknown {
    if (!(error instanceof XmlError)) return error;
    let failure = error;
    const doc = this.document;
    if (doc !== null && this.input.transcodedFrom === undefined && error.offset <= doc.length) {
      let line = 1;
      let lineStart = 0;
      for (let i = doc.indexOf(0x0a); i !== -1 && i < error.offset; i = doc.indexOf(0x0a, i + 1)) {
        line++;
        lineStart = i + 1;
      }
      failure = error.withPosition({ line, column: error.offset - lineStart + 1 });
    }
    this.failure = failure;
    return failure;
  }

  /** True when no byte will follow the current buffer. */
  protected isFinal(): boolean {
    return (
      this.ended &&
      this.resumeChunk === null &&
      this.queueHead >= this.queue.length &&
      this.pendingLength === 0
    );
  }

  /** Copies the unfinished token at buf[start...] aside; the next chunk completes it. */
  protected keepPending(buf: Uint8Array, start: number): void {
    const length = buf.length - start;
    if (length > this.pending.length) {
      let size = this.pending.length * 2;
      while (size < length) size *= 2;
      this.pending = new Uint8Array(size);
    }
    this.pending.set(buf.subarray(start), 0);
    this.pendingLength = length;
    this.pendingBase = this.bufBase + start;
    this.scanner.begin(this.pending, length);
    this.pos = buf.length;
  }

  private appendPending(chunk: Uint8Array, from: number, to: number): void {
    const needed = this.pendingLength + (to - from);
    if (needed > this.pending.length) {
      let size = this.pending.length * 2;
      while (size < needed) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(chunk.subarray(from, to), this.pendingLength);
    this.pendingLength = needed;
  }

  private useBuffer(buf: Uint8Array, base: number, pos: number, wholeText: boolean): void {
    this.buf = buf;
    this.bufBase = base;
    this.pos = pos;
    this.bufIsWholeText = wholeText;
    this.nextAmp = -1;
    this.nextGt = -1;
  }

  /**
   * Moves to the next bytes to tokenize. With a split token pending, scans the
   * next chunk for the token's end and builds a fresh buffer holding just the
   * token; the rest of the chunk is read zero-copy afterwards.
   */
  protected nextBuffer(): boolean {
    for (;;) {
      let chunk: Uint8Array;
      let from: number;
      let base: number;
      if (this.resumeChunk !== null) {
        chunk = this.resumeChunk;
        from = this.resumePos;
        base = this.resumeBase;
        this.resumeChunk = null;
      } else if (this.queueHead < this.queue.length) {
        chunk = this.queue[this.queueHead];
        base = this.queueBases[this.queueHead];
        this.queue[this.queueHead++] = EMPTY_BYTES;
        from = 0;
      } else if (this.pendingLength > 0 && this.ended) {
        // The last token: parse what there is, as final.
        const rest = this.pending.slice(0, this.pendingLength);
        const restBase = this.pendingBase;
        this.pendingLength = 0;
        this.useBuffer(rest, restBase, 0, false);
        return true;
      } else {
        return false;
      }
      if (from >= chunk.length) continue;
      if (this.pendingLength === 0) {
        this.useBuffer(chunk, base, from, false);
        return true;
      }
      const stop = this.scanner.scan(chunk, from, chunk.length);
      const room = this.maxText + 1 - this.pendingLength;
      let take = stop >= 0 ? stop - from : chunk.length - from;
      if (stop < 0 && take < room) {
        this.appendPending(chunk, from, chunk.length);
        continue;
      }
      // Past the token window the parser reports TOKEN_TOO_LONG (or an earlier syntax error).
      if (take > room) take = room;
      // Progress: a non-text token always takes a byte (text may end right at the chunk start).
      if (take < 1 && !this.scanner.isText) take = 1;
      const fresh = new Uint8Array(this.pendingLength + take);
      fresh.set(this.pending.subarray(0, this.pendingLength), 0);
      fresh.set(chunk.subarray(from, from + take), this.pendingLength);
      const wholeText = this.scanner.isText && stop === from + take;
      const freshBase = this.pendingBase;
      this.pendingLength = 0;
      if (from + take < chunk.length) {
        this.resumeChunk = chunk;
        this.resumePos = from + take;
        this.resumeBase = base;
      }
      this.useBuffer(fresh, freshBase, 0, wholeText);
      return true;
    }
  }
}

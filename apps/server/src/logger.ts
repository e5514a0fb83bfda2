import type { EngineLogger } from '@syncds/engine';
import type { LogLevel } from './config.js';

const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Default {@link BatchedLineWriter} batch size: a batch this large is written at once. */
export const DEFAULT_MAX_BATCH_BYTES: number = 64 * 1024;

/** Where a {@link JsonLogger} writes: one line at a time, and `flush` when lines must be out now. */
export interface LogOutput {
  write(line: string): void;
  flush?(): void;
}

/**
 * Log lines for a stream (stdout by default), written in batches: at the latest one write per
 * turn of the event loop, or as soon as `maxBatchBytes` are waiting, instead of one system call
 * per line. The HTTP edge flushes before each reply, so a message's lines are out before its
 * answer. Whatever is waiting is written when the process exits; only a kill that skips exit
 * handlers (SIGKILL) loses the lines of the last turn.
 */
export class BatchedLineWriter implements LogOutput {
  readonly #out: (text: string) => void;
  readonly #maxBatch: number;
  #batch = '';
  #scheduled = false;

  constructor(
    out: (text: string) => void = (text) => process.stdout.write(text),
    maxBatchBytes: number = DEFAULT_MAX_BATCH_BYTES,
  ) {
    if (!Number.isSafeInteger(maxBatchBytes) || maxBatchBytes <= 0)
      throw new RangeError(`maxBatchBytes must be a positive integer, got ${maxBatchBytes}`);
    this.#out = out;
    this.#maxBatch = maxBatchBytes;
    process.once('exit', () => this.flush());
  }

  /** Queues one line (with its newline). */
  readonly write = (line: string): void => {
    this.#batch += line;
    // String length counts UTF-16 units, not bytes: close enough for a batch bound.
    if (this.#batch.length >= this.#maxBatch) this.flush();
    else if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#flushScheduled);
    }
  };

  /** Writes what is waiting now. */
  flush(): void {
    if (this.#batch === '') return;
    const text = this.#batch;
    this.#batch = '';
    this.#out(text);
  }

  readonly #flushScheduled = (): void => {
    this.#scheduled = false;
    this.flush();
  };
}

let stdoutWriter: BatchedLineWriter | undefined;

/** The process-wide batched writer of stdout (one, so that lines of several loggers keep their order). */
export function stdoutLines(): BatchedLineWriter {
  stdoutWriter ??= new BatchedLineWriter();
  return stdoutWriter;
}

/**
 * Structured log: one JSON object per line, with a UTC timestamp to the
 * microsecond (R20), the level, the message and flat fields. Lines go to stdout
 * in batches ({@link BatchedLineWriter}) unless another output is given.
 */
export class JsonLogger implements EngineLogger {
  readonly #level: number;
  readonly #write: (line: string) => void;
  readonly #flush: (() => void) | undefined;
  // Wall clock at start plus a monotonic offset: microsecond stamps that never go backwards.
  readonly #baseMs = Date.now();
  readonly #baseHr = process.hrtime.bigint();

  constructor(level: LogLevel, output: LogOutput | ((line: string) => void) = stdoutLines()) {
    this.#level = LEVELS[level];
    if (typeof output === 'function') {
      this.#write = output;
      this.#flush = undefined;
    } else {
      this.#write = (line) => output.write(line);
      this.#flush = output.flush === undefined ? undefined : () => output.flush!();
    }
  }

  /** Writes out the lines still waiting in a batching output (before a reply, at shutdown). */
  flush(): void {
    this.#flush?.();
  }

  get detailed(): boolean {
    return this.#level >= LEVELS.debug;
  }

  error(msg: string, fields?: Record<string, unknown>): void {
    if (this.#level >= LEVELS.error) this.#log('error', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    if (this.#level >= LEVELS.warn) this.#log('warn', msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    if (this.#level >= LEVELS.info) this.#log('info', msg, fields);
  }
  debug(msg: string, fields?: Record<string, unknown>): void {
    if (this.#level >= LEVELS.debug) this.#log('debug', msg, fields);
  }

  /** The current time as ISO 8601 with microseconds. */
  timestamp(): string {
    const us = Number(process.hrtime.bigint() - this.#baseHr) / 1000;
    const totalUs = this.#baseMs * 1000 + us;
    const ms = Math.floor(totalUs / 1000);
    const iso = new Date(ms).toISOString();
    const micro = String(Math.floor(totalUs % 1000)).padStart(3, '0');
    return `${iso.slice(0, 23)}${micro}Z`;
  }

  #log(level: LogLevel, msg: string, fields: Record<string, unknown> | undefined): void {
    const entry: Record<string, unknown> = { time: this.timestamp(), level, msg };
    // for...in over the caller's flat object: no intermediate entries array per line.
    for (const k in fields) {
      const v = fields[k];
      if (v !== undefined) entry[k] = v;
    }
    this.#write(`${JSON.stringify(entry)}\n`);
  }
}

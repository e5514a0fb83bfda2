import type { EngineLogger } from '@syncds/engine';
import type { LogLevel } from './config.js';

const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * Structured log: one JSON object per line on stdout, with a UTC timestamp to the
 * microsecond (R20), the level, the message and flat fields. Each line is written
 * when it is logged, so whoever reads the log and the replies sees a message's lines
 * no later than its answer. Lines below the level cost one comparison.
 */
export class JsonLogger implements EngineLogger {
  readonly #level: number;
  readonly #write: (line: string) => void;
  // Wall clock at start plus a monotonic offset: microsecond stamps that never go backwards.
  readonly #baseMs = Date.now();
  readonly #baseHr = process.hrtime.bigint();

  constructor(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l)) {
    this.#level = LEVELS[level];
    this.#write = write;
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

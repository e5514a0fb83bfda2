/**
 * The engine logs through this interface; the server supplies a structured,
 * timestamped implementation (R20). `fields` are flat JSON-safe values.
 */
export interface EngineLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** True when detailed (per-message timing) logging is on. */
  readonly detailed: boolean;
}

export const silentLogger: EngineLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  detailed: false,
};

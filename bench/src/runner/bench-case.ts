/**
 * One named benchmark: a code path applied to one input. Suites build these; the runner
 * checks, calibrates and times them without knowing what they do.
 */
export interface BenchCase {
  /** Unique name, `<group>/<input>`, matched by `--filter`. */
  readonly name: string;
  /** What is measured, e.g. `wbxml-to-ast`. */
  readonly group: string;
  /** The input, as a path relative to the vectors directory. */
  readonly file: string;
  /**
   * Verifies the path on this input and returns what to time. Throws (a `BenchError` with code
   * CHECK_FAILED, or the codec's own error) when the output is wrong: the case is then reported
   * as failed and never timed.
   */
  prepare(): PreparedCase;
}

/** A checked case, ready to time. */
export interface PreparedCase {
  /** Bytes of one message on the wire: read by a decoder, written by an encoder (for MB/s). */
  readonly bytes: number;
  /** One message through the path. Must not throw once `prepare()` has passed. */
  readonly run: () => void;
  /** Called after timing: throws if the last output of `run` is no longer the checked one. */
  readonly verifyAfter: () => void;
  /** Facts the self-check established (token count, warnings...), copied into the report. */
  readonly facts: Readonly<Record<string, number | string | boolean>>;
}

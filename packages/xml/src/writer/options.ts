/** Options of {@link XmlWriter}. */
export interface XmlWriterOptions {
  /** Pretty-print: a number of spaces or the string to indent with per level. Default: none. */
  readonly indent?: number | string;
  /** First size of the output buffer in bytes (it doubles as needed). Default 4096. */
  readonly initialCapacity?: number;
  /** Most bytes one document may grow to. Default {@link DEFAULT_MAX_OUTPUT_SIZE}. */
  readonly maxOutputSize?: number;
  /**
   * Write CR in text as `&#13;` so that it survives a conforming parser's
   * line-end normalization. Default false: SyncML devices expect vCard CR LF
   * as raw bytes.
   */
  readonly escapeCarriageReturn?: boolean;
}

export const DEFAULT_WRITER_CAPACITY = 4096;
export const DEFAULT_MAX_OUTPUT_SIZE: number = 256 * 1024 * 1024;

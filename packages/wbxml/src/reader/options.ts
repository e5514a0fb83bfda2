import { Charset } from '../constants.js';

/** Limits and defaults of a {@link WbxmlReader}. Every limit fails with `WbxmlError`. */
export interface WbxmlReaderOptions {
  /** Deepest element nesting (DEPTH_LIMIT). Default {@link DEFAULT_MAX_DEPTH}. */
  readonly maxDepth?: number;
  /** Longest STR_I / EXT_I string in bytes, terminator excluded (LENGTH_LIMIT). Default {@link DEFAULT_MAX_STRING_LENGTH}. */
  readonly maxStringLength?: number;
  /** Longest OPAQUE in bytes (LENGTH_LIMIT as soon as the length is read). Default {@link DEFAULT_MAX_OPAQUE_LENGTH}. */
  readonly maxOpaqueLength?: number;
  /** Longest string table in bytes (LENGTH_LIMIT as soon as the length is read). Default {@link DEFAULT_MAX_STRING_TABLE_LENGTH}. */
  readonly maxStringTableLength?: number;
  /** Most bytes accepted over all `write()` calls of one document (LENGTH_LIMIT). Default {@link DEFAULT_MAX_TOTAL_SIZE}. */
  readonly maxTotalSize?: number;
  /**
   * MIBenum used to decode text when the header says 0 ("unknown", the transport decides) and
   * for WBXML 1.0, which has no charset field. Default 106 (UTF-8). Take the charset parameter
   * of the HTTP Content-Type when there is one.
   */
  readonly defaultCharset?: number;
}

/** SyncML nests about 12 deep; 256 leaves room for other vocabularies and stops runaway input. */
export const DEFAULT_MAX_DEPTH = 256;
/** 8 MiB: larger than any item a handset sends in one message (large objects arrive in chunks). */
export const DEFAULT_MAX_STRING_LENGTH: number = 8 * 1024 * 1024;
/** 8 MiB, as strings (item data often arrives as OPAQUE). */
export const DEFAULT_MAX_OPAQUE_LENGTH: number = 8 * 1024 * 1024;
/** 1 MiB: real tables hold a public id and a few repeated strings. */
export const DEFAULT_MAX_STRING_TABLE_LENGTH: number = 1024 * 1024;
/** 16 MiB per document. */
export const DEFAULT_MAX_TOTAL_SIZE: number = 16 * 1024 * 1024;
/** UTF-8. */
export const DEFAULT_CHARSET: number = Charset.UTF_8;

/** Options with every default filled in. */
export interface ResolvedReaderOptions {
  readonly maxDepth: number;
  readonly maxStringLength: number;
  readonly maxOpaqueLength: number;
  readonly maxStringTableLength: number;
  readonly maxTotalSize: number;
  readonly defaultCharset: number;
}

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isInteger(value)) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/** Fills in defaults; throws RangeError for a negative or non-integer limit. */
export function resolveReaderOptions(options: WbxmlReaderOptions = {}): ResolvedReaderOptions {
  return {
    maxDepth: limit(options.maxDepth, DEFAULT_MAX_DEPTH, 'maxDepth'),
    maxStringLength: limit(options.maxStringLength, DEFAULT_MAX_STRING_LENGTH, 'maxStringLength'),
    maxOpaqueLength: limit(options.maxOpaqueLength, DEFAULT_MAX_OPAQUE_LENGTH, 'maxOpaqueLength'),
    maxStringTableLength: limit(
      options.maxStringTableLength,
      DEFAULT_MAX_STRING_TABLE_LENGTH,
      'maxStringTableLength',
    ),
    maxTotalSize: limit(options.maxTotalSize, DEFAULT_MAX_TOTAL_SIZE, 'maxTotalSize'),
    defaultCharset: limit(options.defaultCharset, DEFAULT_CHARSET, 'defaultCharset'),
  };
}

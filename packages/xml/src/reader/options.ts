/** What to do with `&name;` when `name` is not one of the five predefined entities. */
export type UnknownEntityPolicy = 'error' | 'preserve';

/** Options of {@link XmlReader}. Every limit bounds memory or time on hostile input. */
export interface XmlReaderOptions {
  /** Deepest element nesting accepted (root = 1). Default {@link DEFAULT_MAX_DEPTH}. */
  readonly maxDepth?: number;
  /** Longest element, attribute, PI target or DOCTYPE name, in bytes. Default {@link DEFAULT_MAX_NAME_LENGTH}. */
  readonly maxNameLength?: number;
  /** Most attributes on one element, `xmlns` ones included. Default {@link DEFAULT_MAX_ATTRIBUTES}. */
  readonly maxAttributes?: number;
  /**
   * Longest single token in bytes: a run of text, a CDATA section, a comment,
   * a PI, a DOCTYPE, or a whole tag with its attributes. A token split across
   * chunks is buffered up to this size. Default {@link DEFAULT_MAX_TEXT_LENGTH}.
   */
  readonly maxTextLength?: number;
  /** Most input bytes accepted for one document (before any transcoding). Default {@link DEFAULT_MAX_TOTAL_SIZE}. */
  readonly maxTotalSize?: number;
  /** How many distinct names / namespace URIs are kept interned. Default {@link DEFAULT_MAX_INTERNED_STRINGS}. */
  readonly maxInternedStrings?: number;
  /** `'error'` (default): XmlError UNKNOWN_ENTITY; `'preserve'`: decoded text keeps `&name;` literally. */
  readonly unknownEntities?: UnknownEntityPolicy;
}

/** SyncML nests about 12 levels, DevInf inside Data about 8 more. */
export const DEFAULT_MAX_DEPTH = 256;
/** SyncML, DevInf and SIF names are under 40 bytes. */
export const DEFAULT_MAX_NAME_LENGTH = 256;
export const DEFAULT_MAX_ATTRIBUTES = 64;
/** Large-object items (photos in base64) can reach megabytes within one `<Data>`. */
export const DEFAULT_MAX_TEXT_LENGTH: number = 16 * 1024 * 1024;
export const DEFAULT_MAX_TOTAL_SIZE: number = 64 * 1024 * 1024;
export const DEFAULT_MAX_INTERNED_STRINGS = 1024;

/** The options with every default filled in. */
export interface ResolvedReaderOptions {
  readonly maxDepth: number;
  readonly maxNameLength: number;
  readonly maxAttributes: number;
  readonly maxTextLength: number;
  readonly maxTotalSize: number;
  readonly maxInternedStrings: number;
  readonly unknownEntities: UnknownEntityPolicy;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`XmlReader option ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

export function resolveReaderOptions(options: XmlReaderOptions | undefined): ResolvedReaderOptions {
  const o = options ?? {};
  const unknownEntities = o.unknownEntities ?? 'error';
  if (unknownEntities !== 'error' && unknownEntities !== 'preserve') {
    throw new RangeError(`XmlReader option unknownEntities must be 'error' or 'preserve'`);
  }
  return {
    maxDepth: positiveInteger('maxDepth', o.maxDepth, DEFAULT_MAX_DEPTH),
    maxNameLength: positiveInteger('maxNameLength', o.maxNameLength, DEFAULT_MAX_NAME_LENGTH),
    maxAttributes: positiveInteger('maxAttributes', o.maxAttributes, DEFAULT_MAX_ATTRIBUTES),
    maxTextLength: positiveInteger('maxTextLength', o.maxTextLength, DEFAULT_MAX_TEXT_LENGTH),
    maxTotalSize: positiveInteger('maxTotalSize', o.maxTotalSize, DEFAULT_MAX_TOTAL_SIZE),
    maxInternedStrings: positiveInteger(
      'maxInternedStrings',
      o.maxInternedStrings,
      DEFAULT_MAX_INTERNED_STRINGS,
    ),
    unknownEntities,
  };
}

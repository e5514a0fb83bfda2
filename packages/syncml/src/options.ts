/** Limits and switches of the parse functions. Every field is optional; defaults below. */
export interface ParseOptions {
  /** Largest message accepted, in bytes. Default {@link DEFAULT_MAX_MESSAGE_SIZE} (4 MiB). */
  maxMessageSize?: number | undefined;
  /** Deepest element nesting accepted. Default {@link DEFAULT_MAX_DEPTH} (32). */
  maxDepth?: number | undefined;
  /** Most commands in a message, nested ones (in Sync, Atomic, Sequence) included. Default {@link DEFAULT_MAX_COMMANDS} (20 000). */
  maxCommands?: number | undefined;
  /** Most Items (or MapItems) in one command. Default {@link DEFAULT_MAX_ITEMS_PER_COMMAND} (10 000). */
  maxItemsPerCommand?: number | undefined;
  /** Most warnings kept; one `TOO_MANY_WARNINGS` warning marks the cut. Default {@link DEFAULT_MAX_WARNINGS} (64). */
  maxWarnings?: number | undefined;
}

/** Default `maxMessageSize`: 4 MiB, above any MaxMsgSize seen from devices and servers. */
export const DEFAULT_MAX_MESSAGE_SIZE: number = 4 * 1024 * 1024;
/**
 * Default `maxDepth`. The deepest legitimate path is about 16 levels
 * (SyncML/SyncBody/Sync/Atomic/Sequence/Add/Item/Data/DevInf/DataStore/CTCap/Property/PropParam/ValEnum).
 */
export const DEFAULT_MAX_DEPTH = 32;
/** Default `maxCommands`: a 4 MiB message of minimal Delete commands has about this many. */
export const DEFAULT_MAX_COMMANDS = 20_000;
/** Default `maxItemsPerCommand`. */
export const DEFAULT_MAX_ITEMS_PER_COMMAND = 10_000;
/** Default `maxWarnings`. */
export const DEFAULT_MAX_WARNINGS = 64;

/** Parse options with every default filled in. */
export interface ResolvedParseOptions {
  readonly maxMessageSize: number;
  readonly maxDepth: number;
  readonly maxCommands: number;
  readonly maxItemsPerCommand: number;
  readonly maxWarnings: number;
}

const DEFAULT_PARSE_OPTIONS: ResolvedParseOptions = {
  maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE,
  maxDepth: DEFAULT_MAX_DEPTH,
  maxCommands: DEFAULT_MAX_COMMANDS,
  maxItemsPerCommand: DEFAULT_MAX_ITEMS_PER_COMMAND,
  maxWarnings: DEFAULT_MAX_WARNINGS,
};

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}

/** Fills in defaults; throws RangeError for a limit that is not a non-negative integer. */
export function resolveParseOptions(options: ParseOptions | undefined): ResolvedParseOptions {
  if (options === undefined) return DEFAULT_PARSE_OPTIONS;
  return {
    maxMessageSize: limit(options.maxMessageSize, DEFAULT_MAX_MESSAGE_SIZE, 'maxMessageSize'),
    maxDepth: limit(options.maxDepth, DEFAULT_MAX_DEPTH, 'maxDepth'),
    maxCommands: limit(options.maxCommands, DEFAULT_MAX_COMMANDS, 'maxCommands'),
    maxItemsPerCommand: limit(
      options.maxItemsPerCommand,
      DEFAULT_MAX_ITEMS_PER_COMMAND,
      'maxItemsPerCommand',
    ),
    maxWarnings: limit(options.maxWarnings, DEFAULT_MAX_WARNINGS, 'maxWarnings'),
  };
}

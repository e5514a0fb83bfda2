import type { VersitDialect } from './dialect.js';

/** Limits and tolerances of {@link parseVersit}. Every field is optional. */
export interface ParseVersitOptions {
  /** Largest input accepted, in bytes (UTF-8 bytes for string input). Default {@link DEFAULT_MAX_ITEM_BYTES}. */
  maxItemBytes?: number;
  /** Largest unfolded (logical) line, in bytes. Default {@link DEFAULT_MAX_LINE_BYTES}. */
  maxLineBytes?: number;
  /** Most properties in one input, all components together. Default {@link DEFAULT_MAX_PROPERTIES}. */
  maxProperties?: number;
  /** Deepest BEGIN/END nesting. Default {@link DEFAULT_MAX_DEPTH}. */
  maxDepth?: number;
  /** Force the dialect instead of detecting it from the first BEGIN and VERSION lines. */
  dialect?: VersitDialect;
  /**
   * Charset used when a UTF-8 value (declared or by default) holds bytes that
   * are not UTF-8: old devices send Latin-1 without saying so. `null` makes such
   * bytes an `INVALID_TEXT` error. Default {@link DEFAULT_FALLBACK_CHARSET}.
   */
  fallbackCharset?: string | null;
  /**
   * How a folded line of a legacy dialect (vCard 2.1, vCalendar 1.0, vNote) is
   * unfolded: `keep-whitespace` (the specifications: RFC 822 folding, the
   * leading space of the continuation stays) or `remove-whitespace` (devices
   * that fold the RFC 2425 way). Default `keep-whitespace`.
   */
  legacyUnfolding?: 'keep-whitespace' | 'remove-whitespace';
}

/** 4 MiB: far above any contact or event with a photo, bounded for a server. */
export const DEFAULT_MAX_ITEM_BYTES: number = 4 * 1024 * 1024;
/** 1 MiB: a base64 photo of about 750 kB fits on one logical line. */
export const DEFAULT_MAX_LINE_BYTES: number = 1024 * 1024;
/** 10 000 properties: a contact has tens, a calendar item with alarms and exceptions a few hundred. */
export const DEFAULT_MAX_PROPERTIES = 10_000;
/** 16 levels: VCALENDAR > VEVENT > VALARM needs 3. */
export const DEFAULT_MAX_DEPTH = 16;
/** windows-1252: a superset of ISO-8859-1 for every printable character. */
export const DEFAULT_FALLBACK_CHARSET = 'windows-1252';

export interface ResolvedParseOptions {
  readonly maxItemBytes: number;
  readonly maxLineBytes: number;
  readonly maxProperties: number;
  readonly maxDepth: number;
  readonly dialect: VersitDialect | undefined;
  readonly fallbackCharset: string | null;
  readonly legacyUnfolding: 'keep-whitespace' | 'remove-whitespace';
}

/** A limit must be a positive safe integer: anything else is a caller bug, not bad input. */
function limit(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`parseVersit option ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

export function resolveParseOptions(options: ParseVersitOptions | undefined): ResolvedParseOptions {
  return {
    maxItemBytes: limit('maxItemBytes', options?.maxItemBytes, DEFAULT_MAX_ITEM_BYTES),
    maxLineBytes: limit('maxLineBytes', options?.maxLineBytes, DEFAULT_MAX_LINE_BYTES),
    maxProperties: limit('maxProperties', options?.maxProperties, DEFAULT_MAX_PROPERTIES),
    maxDepth: limit('maxDepth', options?.maxDepth, DEFAULT_MAX_DEPTH),
    dialect: options?.dialect,
    fallbackCharset:
      options?.fallbackCharset === undefined ? DEFAULT_FALLBACK_CHARSET : options.fallbackCharset,
    legacyUnfolding: options?.legacyUnfolding ?? 'keep-whitespace',
  };
}

/** Options of {@link serializeVersit}. */
export interface SerializeVersitOptions {
  /** The dialect to write. Required: it decides folding, escaping and encodings. */
  dialect: VersitDialect;
  /** Longest output line in octets, line ending excluded. Default {@link DEFAULT_FOLD_WIDTH}. */
  foldWidth?: number;
  /**
   * How legacy dialects carry non-ASCII text: `quoted-printable` (with
   * `CHARSET=UTF-8`, the form every old phone reads) or `8bit` (raw UTF-8 with
   * `CHARSET=UTF-8`). Values with line breaks are always QUOTED-PRINTABLE in
   * legacy dialects. Default `quoted-printable`.
   */
  legacyTextEncoding?: 'quoted-printable' | '8bit';
  /**
   * Write TYPE parameter values bare (`TEL;HOME;VOICE:`) as vCard 2.1 phones
   * expect. Default true for vcard-2.1, false for every other dialect.
   */
  bareTypeParams?: boolean;
  /** Line terminator. Default `\r\n` as every specification requires. */
  lineEnding?: '\r\n' | '\n';
}

/** 75 octets: RFC 2425 / 5545 / 6350 line length without the CRLF. */
export const DEFAULT_FOLD_WIDTH = 75;

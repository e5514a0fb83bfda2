/** 4 MiB: far above any note, bounded for a server. Same default as @syncds/versit. */
export const DEFAULT_MAX_NOTE_BYTES: number = 4 * 1024 * 1024;
/** 1 000 SIF elements: a SIF-N note has about ten. */
export const DEFAULT_MAX_SIF_ELEMENTS = 1000;
/** windows-1252: what old devices send as "Latin-1" without saying so. */
export const DEFAULT_NOTE_FALLBACK_CHARSET = 'windows-1252';

/** Limits and tolerances of every note parser. Every field is optional. */
export interface NoteParseOptions {
  /** Largest item accepted, in bytes (UTF-8 bytes for string input). Default {@link DEFAULT_MAX_NOTE_BYTES}. */
  maxItemBytes?: number;
  /** Longest unfolded Versit line in bytes. Default: @syncds/versit's `DEFAULT_MAX_LINE_BYTES` (1 MiB). */
  maxLineBytes?: number;
  /** Most Versit properties in one item. Default: @syncds/versit's `DEFAULT_MAX_PROPERTIES` (10 000). */
  maxProperties?: number;
  /** Most elements in one SIF-N document. Default {@link DEFAULT_MAX_SIF_ELEMENTS}. */
  maxSifElements?: number;
  /**
   * Charset of a text/plain item when the content type names none
   * (`text/plain; charset=...` wins). Default `utf-8`.
   */
  charset?: string;
  /**
   * Charset used when UTF-8 text holds bytes that are not UTF-8 (old devices
   * send Latin-1 without saying so); `null` makes such bytes an `INVALID_TEXT`
   * error. Default {@link DEFAULT_NOTE_FALLBACK_CHARSET}.
   */
  fallbackCharset?: string | null;
}

/** Options of every note serializer. Every field is optional. */
export interface NoteSerializeOptions {
  /** Line break written inside text values. Default `\r\n` (Windows Mobile, Outlook and most phones). */
  lineBreak?: '\r\n' | '\n';
  /**
   * How vNote 1.1 carries non-ASCII text and line breaks: `quoted-printable`
   * (with `CHARSET=UTF-8`, what old phones read) or `8bit` (raw UTF-8).
   * Default `quoted-printable`.
   */
  legacyTextEncoding?: 'quoted-printable' | '8bit';
  /** Longest Versit output line in octets before folding. Default: @syncds/versit's `DEFAULT_FOLD_WIDTH` (75). */
  foldWidth?: number;
  /**
   * SIF-N: write every element, empty (`<Color/>`) when the note has no value,
   * so a Funambol client clears a field deleted elsewhere (to those clients a
   * missing element means "unchanged"; Horde's SIF-N output does the same).
   * Default true.
   */
  writeEmptyElements?: boolean;
}

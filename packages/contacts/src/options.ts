import {
  DEFAULT_FALLBACK_CHARSET,
  DEFAULT_MAX_ITEM_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_PROPERTIES,
} from '@syncds/versit';

/** Limits of the contact parsers. Every field is optional. */
export interface ContactParseOptions {
  /** Largest item, in bytes. Default {@link DEFAULT_CONTACT_MAX_ITEM_BYTES} (4 MiB). */
  maxItemBytes?: number;
  /** Largest unfolded vCard line (a photo is one line). Default @syncds/versit's 1 MiB. */
  maxLineBytes?: number;
  /** Most vCard properties / SIF-C elements in one item. Default {@link DEFAULT_CONTACT_MAX_FIELDS} (10 000). */
  maxFields?: number;
  /** Charset for undeclared non-UTF-8 vCard bytes; `null` rejects them. Default `windows-1252`. */
  fallbackCharset?: string | null;
}

export const DEFAULT_CONTACT_MAX_ITEM_BYTES: number = DEFAULT_MAX_ITEM_BYTES;
export const DEFAULT_CONTACT_MAX_LINE_BYTES: number = DEFAULT_MAX_LINE_BYTES;
export const DEFAULT_CONTACT_MAX_FIELDS: number = DEFAULT_MAX_PROPERTIES;
export const DEFAULT_CONTACT_FALLBACK_CHARSET: string = DEFAULT_FALLBACK_CHARSET;

/** Options of the vCard writer. */
export interface VCardWriteOptions {
  /**
   * How vCard 2.1 carries non-ASCII text: `quoted-printable` (with
   * CHARSET=UTF-8, what old phones read) or `8bit`. Default `quoted-printable`.
   */
  legacyTextEncoding?: 'quoted-printable' | '8bit';
  /** Line terminator. Default CRLF. */
  lineEnding?: '\r\n' | '\n';
}

/** Options of `toSifC`. */
export interface SifWriteOptions {
  /**
   * Write every element this package knows, empty (`<Tag/>`) when the contact
   * has no value, so a SIF client clears fields deleted elsewhere (a missing
   * element means "unchanged" to Funambol clients). Default true.
   */
  writeEmptyElements?: boolean;
}

/** Options of `serializeContact`. */
export interface ContactSerializeOptions extends VCardWriteOptions, SifWriteOptions {
  /** DevInf VerCT of the target (decides 2.1 vs 3.0 for a vCard content type). */
  version?: string;
}

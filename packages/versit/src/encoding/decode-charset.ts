import { DEFAULT_FALLBACK_CHARSET } from '../options.js';
import { decodeText } from '../parse/decode-value.js';

/**
 * Decodes bytes in a named charset (undefined: UTF-8) with the same rules as
 * property values: invalid UTF-8 is read in `fallbackCharset` (null: rejected
 * with `INVALID_TEXT`), an unknown charset throws `UNKNOWN_CHARSET` (415).
 * For text outside Versit syntax, such as a text/plain note.
 */
export function decodeCharset(
  bytes: Uint8Array,
  charset?: string,
  fallbackCharset: string | null = DEFAULT_FALLBACK_CHARSET,
): string {
  return decodeText(bytes, charset, fallbackCharset, { offset: 0, line: 1 });
}

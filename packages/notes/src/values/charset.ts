import { decodeCharset } from '@syncds/versit';
import { withNoteErrors } from '../versit/versit-error.js';

/**
 * Bytes to text in `charset` (`utf-8`, `iso-8859-2`, `windows-1250`...) with
 * the rules of @syncds/versit (which also repairs Node 20's windows-1252). A
 * leading BOM is dropped. Bytes that are not valid UTF-8 are re-read in
 * `fallbackCharset` when one is given.
 *
 * @throws {NoteCodecError} `UNKNOWN_CHARSET` (415), `INVALID_TEXT` (400).
 */
export function decodeText(bytes: Uint8Array, charset: string, fallbackCharset: string | null): string {
  return withNoteErrors(() => decodeCharset(bytes, charset, fallbackCharset)).replace(/^\uFEFF/, '');
}

import { NoteCodecError } from '../errors.js';

// WHATWG windows-1252 bytes 0x80-0x9F (five of them unassigned, kept as C1
// controls). Node 20's TextDecoder decodes the `windows-1252` label (and its
// aliases `latin1`, `iso-8859-1`, `ascii`) as ISO-8859-1, giving C1 controls
// for these bytes instead of `€`, `„`, `Š`...; they are remapped here.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decoderFor(charset: string, fatal: boolean): TextDecoder {
  try {
    return new TextDecoder(charset, { fatal });
  } catch (cause) {
    throw new NoteCodecError('UNKNOWN_CHARSET', `unknown charset "${charset}"`, { cause });
  }
}

function decodeWith(decoder: TextDecoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
}

/**
 * Bytes to text in `charset` (a WHATWG label: `utf-8`, `iso-8859-2`,
 * `windows-1250`...). A leading BOM is dropped. Bytes that are not valid in
 * a UTF-8 charset are re-read in `fallbackCharset` when one is given.
 *
 * @throws {NoteCodecError} `UNKNOWN_CHARSET` (415), `INVALID_TEXT` (400).
 */
export function decodeText(bytes: Uint8Array, charset: string, fallbackCharset: string | null): string {
  const decoder = decoderFor(charset, true);
  try {
    return decodeWith(decoder, bytes);
  } catch (cause) {
    if (decoder.encoding === 'utf-8' && fallbackCharset !== null) {
      return decodeWith(decoderFor(fallbackCharset, false), bytes);
    }
    throw new NoteCodecError('INVALID_TEXT', `item is not valid ${decoder.encoding} text`, { cause });
  }
}

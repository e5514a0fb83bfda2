/**
 * Charset decoding through the WHATWG `TextDecoder` (Node with full ICU,
 * browsers, Deno, Bun). Labels are the IANA names devices put in `CHARSET=`
 * (UTF-8, ISO-8859-x, Windows-125x, Shift_JIS, Big5...). WHATWG maps
 * ISO-8859-1 and US-ASCII to windows-1252, a superset for printable text.
 */

/** What the parser needs from a decoder. */
export interface CharsetDecoder {
  decode(bytes: Uint8Array): string;
}

/**
 * windows-1252 bytes 0x80-0x9F (WHATWG table). Node 20's `TextDecoder`
 * decodes the label as ISO-8859-1 and yields C1 controls there (experiment:
 * 0x80 -> U+0080 instead of U+20AC), so this layer decodes windows-1252, and
 * the labels WHATWG maps to it (ISO-8859-1, US-ASCII), itself.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const windows1252: CharsetDecoder = {
  decode(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      out += b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80]! : String.fromCharCode(b);
    }
    return out;
  },
};

const decoders = new Map<string, CharsetDecoder>();

/**
 * A decoder for `label`, or undefined when the runtime does not know the
 * charset. Known labels are cached; unknown ones are not, so the cache stays
 * bounded by the runtime's list of labels.
 */
export function charsetDecoder(label: string): CharsetDecoder | undefined {
  const key = label.trim().toLowerCase();
  const cached = decoders.get(key);
  if (cached) return cached;
  let decoder: CharsetDecoder;
  try {
    const native = new TextDecoder(key, { fatal: key === 'utf-8' || key === 'utf8' });
    decoder = native.encoding === 'windows-1252' ? windows1252 : native;
  } catch {
    return undefined;
  }
  decoders.set(key, decoder);
  return decoder;
}

/** True when the runtime can decode `label`. */
export function isKnownCharset(label: string): boolean {
  return charsetDecoder(label) !== undefined;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** Pure 7-bit bytes decode the same in every charset this layer meets. */
export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/** Short ASCII strings are faster built directly than through a decoder call. */
const ASCII_DIRECT_LIMIT = 64;

/**
 * Decodes bytes as strict UTF-8, or returns undefined when they are not valid
 * UTF-8. ASCII takes a direct path.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  if (bytes.length <= ASCII_DIRECT_LIMIT && isAscii(bytes)) return String.fromCharCode(...bytes);
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return undefined;
  }
}

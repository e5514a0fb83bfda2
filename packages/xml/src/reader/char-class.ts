/**
 * Byte classes for the tokenizer's hot loops. Bytes >= 0x80 are parts of
 * UTF-8 (or single-byte) characters and count as name characters: names are
 * checked for XML's ASCII rules only, not against the full Unicode tables.
 */
export const NAME_START = 1;
export const NAME_CHAR = 2;
export const WHITESPACE = 4;

function buildCharClass(): Uint8Array {
  const table = new Uint8Array(256);
  const mark = (from: number, to: number, bits: number): void => {
    for (let c = from; c <= to; c++) table[c] |= bits;
  };
  mark(0x41, 0x5a, NAME_START | NAME_CHAR); // A-Z
  mark(0x61, 0x7a, NAME_START | NAME_CHAR); // a-z
  mark(0x5f, 0x5f, NAME_START | NAME_CHAR); // _
  mark(0x3a, 0x3a, NAME_START | NAME_CHAR); // :
  mark(0x80, 0xff, NAME_START | NAME_CHAR);
  mark(0x30, 0x39, NAME_CHAR); // 0-9
  mark(0x2d, 0x2e, NAME_CHAR); // - .
  mark(0xb7, 0xb7, NAME_CHAR);
  table[0x20] = WHITESPACE;
  table[0x09] = WHITESPACE;
  table[0x0a] = WHITESPACE;
  table[0x0d] = WHITESPACE;
  return table;
}

export const CHAR_CLASS: Uint8Array = buildCharClass();

export const LT = 0x3c;
export const GT = 0x3e;
export const AMP = 0x26;
export const SLASH = 0x2f;
export const QUESTION = 0x3f;
export const BANG = 0x21;
export const EQUALS = 0x3d;
export const DQUOTE = 0x22;
export const SQUOTE = 0x27;
export const COLON = 0x3a;
export const DASH = 0x2d;
export const LBRACKET = 0x5b;
export const RBRACKET = 0x5d;
export const SEMICOLON = 0x3b;
export const HASH = 0x23;

/** True when every byte of [start, end) is XML whitespace (SP, TAB, LF, CR). */
export function isWhitespaceRange(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if ((CHAR_CLASS[buf[i]] & WHITESPACE) === 0) return false;
  }
  return true;
}

/** Index of the first non-whitespace byte in [start, end), or end. */
export function skipWhitespace(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && (CHAR_CLASS[buf[i]] & WHITESPACE) !== 0) i++;
  return i;
}

/** True when buf[at...] holds exactly the ASCII bytes of `word`. */
export function matchesAscii(buf: Uint8Array, at: number, end: number, word: string): boolean {
  if (end - at < word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if (buf[at + i] !== word.charCodeAt(i)) return false;
  }
  return true;
}

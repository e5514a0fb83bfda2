/**
 * Length of the well-formed UTF-8 sequence at bytes[i] that XML 1.0 can
 * carry (a `Char`), or 0 when the bytes there are not one: invalid UTF-8,
 * a surrogate, U+FFFE / U+FFFF, or a C0 control other than TAB, LF, CR.
 */
export function xmlCharLength(bytes: Uint8Array, i: number, end: number): number {
  const c = bytes[i];
  if (c < 0x80) return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d ? 1 : 0;
  if (c < 0xc2) return 0;
  if (c < 0xe0) return i + 1 < end && (bytes[i + 1] & 0xc0) === 0x80 ? 2 : 0;
  if (c < 0xf0) {
    if (i + 2 >= end) return 0;
    const c1 = bytes[i + 1];
    const c2 = bytes[i + 2];
    if ((c2 & 0xc0) !== 0x80) return 0;
    if (c === 0xe0 ? c1 < 0xa0 || c1 > 0xbf : c === 0xed ? c1 < 0x80 || c1 > 0x9f : (c1 & 0xc0) !== 0x80)
      return 0;
    // U+FFFE and U+FFFF are not XML characters.
    if (c === 0xef && c1 === 0xbf && (c2 === 0xbe || c2 === 0xbf)) return 0;
    return 3;
  }
  if (c > 0xf4 || i + 3 >= end) return 0;
  const c1 = bytes[i + 1];
  if (c === 0xf0 ? c1 < 0x90 || c1 > 0xbf : c === 0xf4 ? c1 < 0x80 || c1 > 0x8f : (c1 & 0xc0) !== 0x80)
    return 0;
  return (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80 ? 4 : 0;
}

/**
 * Index of the first byte in [start, end) that XML 1.0 cannot carry as
 * character data (see {@link xmlCharLength}), or -1 when all of it can. Use
 * it to decide before writing: escape the data some other way (base64...)
 * when this is not -1.
 */
export function findUnrepresentableByte(bytes: Uint8Array, start = 0, end: number = bytes.length): number {
  let i = start;
  while (i < end) {
    const c = bytes[i];
    if (c >= 0x20 && c < 0x80) {
      i++;
      continue;
    }
    const length = xmlCharLength(bytes, i, end);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** Index of the first UTF-16 unit of `text` XML 1.0 cannot carry, or -1. */
export function findUnrepresentableChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      return i;
    }
    if (c < 0xdc00) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c < 0xe000 || c === 0xfffe || c === 0xffff) return i;
  }
  return -1;
}

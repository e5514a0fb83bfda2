function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Decodes QUOTED-PRINTABLE bytes (RFC 2045 §6.7). Soft line breaks (`=` then
 * CRLF or LF) are removed. Malformed escapes (`=` not followed by two hex
 * digits) are kept literally, as every tolerant mail reader does, because
 * devices write a bare `=` more often than they mean harm.
 */
export function decodeQuotedPrintable(input: Uint8Array): Uint8Array {
  const n = input.length;
  const out = new Uint8Array(n);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const c = input[i]!;
    if (c !== 0x3d) {
      out[w++] = c;
      continue;
    }
    const a = i + 1 < n ? input[i + 1]! : -1;
    if (a === 0x0d && i + 2 < n && input[i + 2] === 0x0a) {
      i += 2;
      continue;
    }
    if (a === 0x0a) {
      i += 1;
      continue;
    }
    const hi = a < 0 ? -1 : hexValue(a);
    const lo = i + 2 < n ? hexValue(input[i + 2]!) : -1;
    if (hi >= 0 && lo >= 0) {
      out[w++] = (hi << 4) | lo;
      i += 2;
    } else if (a === -1) {
      // A lone `=` at the very end is a soft break with its line ending cut off.
    } else {
      out[w++] = c;
    }
  }
  return out.subarray(0, w);
}

const HEX = '0123456789ABCDEF';

function needsEscape(b: number): boolean {
  // Printable ASCII except `=` stays; space and tab stay too and are handled at line ends.
  return b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09);
}

/**
 * Encodes bytes as QUOTED-PRINTABLE with soft line breaks so that no output
 * line is longer than `width` characters (the `=` of a soft break included).
 * `firstLineUsed` is how many characters the first line already holds (the
 * property name and parameters). An escape triplet is never split, a soft break
 * never falls inside a multi-byte UTF-8 character, and space or tab before a
 * break or at the end is escaped so no reader strips it. Line breaks in the
 * data are encoded (`=0D=0A`); the result holds no hard line break. Returns the
 * encoded lines; the caller joins them with `=` + line ending.
 */
export function encodeQuotedPrintableLines(bytes: Uint8Array, width: number, firstLineUsed = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let room = Math.max(width - firstLineUsed, 4) - 1; // keep one column for the soft-break `=`
  let i = 0;
  while (i < bytes.length) {
    // One character's bytes move together: the lead byte and its continuation bytes.
    let end = i + 1;
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end++;
    let piece = '';
    for (let k = i; k < end; k++) {
      const b = bytes[k]!;
      const last = k === bytes.length - 1;
      if (needsEscape(b) || ((b === 0x20 || b === 0x09) && last)) piece += `=${HEX[b >> 4]}${HEX[b & 15]}`;
      else piece += String.fromCharCode(b);
    }
    if (line.length + piece.length > room && line.length > 0) {
      // A space or tab right before a soft break would be stripped by some
      // readers, and one at the start of the next line reads as folding in
      // vCard 2.1 / vCalendar 1.0: it moves to the next line escaped (=20, =09).
      const last = line.charCodeAt(line.length - 1);
      let carry = '';
      if (last === 0x20 || last === 0x09) {
        const escaped = last === 0x20 ? '=20' : '=09';
        if (line.length === 1) line = escaped;
        else {
          carry = escaped;
          line = line.slice(0, -1);
        }
      }
      lines.push(line);
      line = carry;
      room = width - 1;
    }
    line += piece;
    i = end;
  }
  lines.push(line);
  return lines;
}

/** Encodes bytes as one QUOTED-PRINTABLE string without soft line breaks. */
export function encodeQuotedPrintable(bytes: Uint8Array): string {
  return encodeQuotedPrintableLines(bytes, Number.MAX_SAFE_INTEGER).join('');
}

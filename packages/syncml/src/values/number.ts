/** Returned by {@link parseDecimal} for anything that is not a decimal number. */
export const NOT_A_NUMBER = -1;
/** Returned by {@link parseDecimal} for an empty (or all white space) value. */
export const EMPTY_NUMBER = -2;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Parses the unsigned decimal integer in `buf[start, end)`, white space around it allowed
 * (XML devices pretty-print). Returns the value, {@link EMPTY_NUMBER} when there are no
 * digits at all, or {@link NOT_A_NUMBER} for anything else: signs, fractions, other
 * characters, or a value above `Number.MAX_SAFE_INTEGER`.
 */
export function parseDecimal(buf: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isSpace(buf[s]!)) s++;
  while (e > s && isSpace(buf[e - 1]!)) e--;
  if (s === e) return EMPTY_NUMBER;
  // 15 digits always fit in a double exactly; longer values are checked at the end.
  if (e - s > 16) return NOT_A_NUMBER;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return NOT_A_NUMBER;
    v = v * 10 + d;
  }
  return v > Number.MAX_SAFE_INTEGER ? NOT_A_NUMBER : v;
}

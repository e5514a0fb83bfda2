/**
 * Whether a character code (or byte) may stand in a property, parameter or
 * group name: letters, digits and `-` (RFC 5545 §3.1 `iana-token` / `x-name`),
 * and `_`, which devices put in X- names.
 */
export function isNameChar(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2d ||
    c === 0x5f
  );
}

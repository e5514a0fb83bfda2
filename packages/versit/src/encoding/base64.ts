const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Sextet value per byte; -1 not in the alphabet, -2 whitespace (skipped). */
const SEXTET: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  // URL-safe letters: some SIF writers use them.
  table[0x2d] = 62;
  table[0x5f] = 63;
  for (const ws of [0x20, 0x09, 0x0d, 0x0a]) table[ws] = -2;
  return table;
})();

/** Standard base64 (RFC 4648 §4) with padding, no line breaks. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  const n = bytes.length;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
  }
  if (i < n) {
    const b1 = i + 1 < n ? bytes[i + 1]! : 0;
    const v = (bytes[i]! << 16) | (b1 << 8);
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]!;
    out += i + 1 < n ? `${ALPHABET[(v >> 6) & 63]!}=` : '==';
  }
  return out;
}

/**
 * Decodes base64 text or ASCII bytes. Whitespace and line breaks anywhere are
 * skipped (folded values keep them), padding is optional, the URL-safe letters
 * `-` `_` are accepted. Returns undefined at the first character outside the
 * alphabet or when the data ends in the middle of a byte (a single trailing
 * sextet), so the caller can raise its own typed error with its position.
 */
export function decodeBase64(input: string | Uint8Array): Uint8Array | undefined {
  const n = input.length;
  const out = new Uint8Array(Math.ceil((n * 3) / 4));
  let written = 0;
  let acc = 0;
  let bits = 0;
  let padding = false;
  for (let i = 0; i < n; i++) {
    const c = typeof input === 'string' ? input.charCodeAt(i) : input[i]!;
    if (c === 0x3d) {
      padding = true;
      continue;
    }
    const v = c < 256 ? SEXTET[c]! : -1;
    if (v === -2) continue;
    if (v < 0 || padding) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  if (bits >= 6) return undefined;
  return out.subarray(0, written);
}

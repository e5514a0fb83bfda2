/**
 * How content XML 1.0 cannot carry is written, reversibly. Each marker is an
 * element in this namespace standing where the WBXML content stood:
 *
 * - `<opaque xmlns="urn:syncds:wbxml-tools" encoding="base64">…</opaque>`: an
 *   OPAQUE whose bytes are not XML text (control bytes, invalid UTF-8, U+FFFE…);
 * - `<string xmlns="urn:syncds:wbxml-tools" encoding="base64">…</string>`: an
 *   inline or string-table string with such bytes;
 * - `<entity xmlns="urn:syncds:wbxml-tools" codepoint="1"/>`: an ENTITY naming
 *   a character XML cannot hold.
 *
 * The encoder turns each back into the same WBXML token and bytes.
 */
export const WBXML_TOOLS_NAMESPACE = 'urn:syncds:wbxml-tools';

export const MARKER_OPAQUE = 'opaque';
export const MARKER_STRING = 'string';
export const MARKER_ENTITY = 'entity';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/**
 * Strict RFC 4648 base64 (white space between groups allowed, padding
 * required); undefined for anything else.
 */
export function decodeBase64(text: Uint8Array): Uint8Array | undefined {
  const clean: number[] = [];
  for (const c of text) {
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    clean.push(c);
  }
  if (clean.length % 4 !== 0) return undefined;
  const padding = clean.length === 0 ? 0 : (clean.at(-1) === 0x3d ? 1 : 0) + (clean.at(-2) === 0x3d ? 1 : 0);
  const out = new Uint8Array((clean.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const last = i + 4 === clean.length;
    const a = VALUES[clean[i]!]!;
    const b = VALUES[clean[i + 1]!]!;
    const c = last && padding === 2 ? 0 : VALUES[clean[i + 2]!]!;
    const d = last && padding >= 1 ? 0 : VALUES[clean[i + 3]!]!;
    if (a < 0 || b < 0 || c < 0 || d < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

/** The two encodings of a SyncML message. */
export type Encoding = 'wbxml' | 'xml';

/**
 * Which encoding `bytes` are in, from their first bytes: a WBXML version byte (0x00-0x03)
 * means WBXML; `<`, a byte-order mark, or white space before `<` means XML (UTF-16 without
 * a BOM too: `00 3C` / `3C 00`). Null when neither fits. The HTTP Content-Type should agree;
 * this is for callers that do not trust it.
 */
export function detectEncoding(bytes: Uint8Array): Encoding | null {
  if (bytes.length === 0) return null;
  const b0 = bytes[0]!;
  if (b0 === 0x3c) return 'xml';
  if (b0 === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00) return 'xml'; // UTF-16BE, no BOM
  if (b0 <= 0x03) return 'wbxml';
  if (b0 === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'xml';
  if ((b0 === 0xfe && bytes[1] === 0xff) || (b0 === 0xff && bytes[1] === 0xfe)) return 'xml';
  if (b0 === 0x20 || b0 === 0x09 || b0 === 0x0a || b0 === 0x0d) {
    for (let i = 1; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (c === 0x3c) return 'xml';
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return null;
    }
  }
  return null;
}

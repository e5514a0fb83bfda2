import type { Person } from './sample-data.js';

/** A seeded generator of numbers in [0, 1) (mulberry32: small, and the same sequence on every platform). */
export function seeded(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Versit line ending. */
export const CRLF = '\r\n';
/** Content lines joined with CRLF, ending in one; empty strings (optional properties left out) dropped. */
export const lines = (...ls: readonly string[]): string => `${ls.filter((l) => l !== '').join(CRLF)}${CRLF}`;
/** Two-digit zero-padded number, for dates. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Escapes TEXT for vCard 3.0 / 4.0 and iCalendar: backslash, comma, semicolon, newline. */
export function escapeText(s: string): string {
  return s.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1 / RFC 6350 3.2), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/**
 * A property line with a QUOTED-PRINTABLE UTF-8 value, as vCard 2.1 / vNote writers produce it:
 * soft line breaks (`=` CRLF) keep every physical line, the property name on the first one
 * included, within 76 characters, and never split an escape triplet.
 */
export function quotedPrintableLine(head: string, text: string): string {
  const bytes = new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
  let out = head;
  let lineLength = head.length;
  for (const b of bytes) {
    const plain = (b >= 0x21 && b <= 0x7e && b !== 0x3d) || b === 0x20;
    const piece = plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    // Keep one column for the soft break's `=`.
    if (lineLength + piece.length > 75) {
      out += `=${CRLF}`;
      lineLength = 0;
    }
    out += piece;
    lineLength += piece.length;
  }
  return out;
}

/** A phone number in the person's country, digits from `next`. */
export function phone(p: Person, next: () => number): string {
  const digits = Array.from({ length: 9 }, () => Math.floor(next() * 10)).join('');
  return `${p.phoneCountry} ${digits.slice(0, 3)} ${digits.slice(3)}`;
}

/** An ASCII e-mail address made of the person's names (accents dropped). */
export function email(p: Person, domain: string): string {
  const ascii = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  return `${ascii(p.given) || 'user'}.${ascii(p.family) || 'name'}@${domain}`;
}

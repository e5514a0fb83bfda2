import { XmlError } from '../errors.js';
import { AMP, CHAR_CLASS, HASH, NAME_CHAR, NAME_START, SEMICOLON } from './char-class.js';
import type { UnknownEntityPolicy } from './options.js';

/** The five entities XML predefines; nothing else is ever expanded. */
const PREDEFINED: ReadonlyMap<string, number> = new Map([
  ['lt', 0x3c],
  ['gt', 0x3e],
  ['amp', 0x26],
  ['apos', 0x27],
  ['quot', 0x22],
]);

/** Longest entity name looked up; longer names are unknown by definition. */
const MAX_PREDEFINED_NAME = 4;

/** A reference's code point (or -1 for an unknown entity kept as written) and where it ends. */
export class ReferenceResult {
  codePoint = 0;
  end = 0;
}

/** XML 1.0 `Char`: what a character reference may name. */
export function isXmlChar(cp: number): boolean {
  return cp >= 0x20
    ? cp <= 0xd7ff || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
    : cp === 0x09 || cp === 0x0a || cp === 0x0d;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Reads the reference at `buf[amp]` (an `&`) that must end before `limit`;
 * `base` is the absolute offset of `buf[0]`, for errors.
 */
export function readReference(
  buf: Uint8Array,
  amp: number,
  limit: number,
  base: number,
  policy: UnknownEntityPolicy,
  out: ReferenceResult,
): void {
  let p = amp + 1;
  if (p < limit && buf[p] === HASH) {
    p++;
    let radix = 10;
    if (p < limit && buf[p] === 0x78 /* x */) {
      radix = 16;
      p++;
    }
    const digitsStart = p;
    let value = 0;
    while (p < limit && buf[p] !== SEMICOLON) {
      const digit = radix === 16 ? hexValue(buf[p]) : buf[p] - 0x30;
      if (digit < 0 || digit >= radix) {
        throw new XmlError('MALFORMED_REFERENCE', 'Bad digit in character reference', base + amp);
      }
      // Saturate instead of overflowing: any value this large is invalid anyway.
      if (value <= 0x10ffff) value = value * radix + digit;
      p++;
    }
    if (p >= limit || p === digitsStart) {
      throw new XmlError('MALFORMED_REFERENCE', 'Character reference without digits or ";"', base + amp);
    }
    if (!isXmlChar(value)) {
      throw new XmlError(
        'INVALID_CHARACTER_REFERENCE',
        `Character reference to U+${value > 0x10ffff ? '>10FFFF' : value.toString(16).toUpperCase()} which XML 1.0 does not allow`,
        base + amp,
      );
    }
    out.codePoint = value;
    out.end = p + 1;
    return;
  }
  const nameStart = p;
  if (p >= limit || (CHAR_CLASS[buf[p]] & NAME_START) === 0) {
    throw new XmlError('MALFORMED_REFERENCE', 'A bare "&" (write "&amp;")', base + amp);
  }
  p++;
  while (p < limit && (CHAR_CLASS[buf[p]] & NAME_CHAR) !== 0) p++;
  if (p >= limit || buf[p] !== SEMICOLON) {
    throw new XmlError('MALFORMED_REFERENCE', 'Entity reference without ";"', base + amp);
  }
  const nameLength = p - nameStart;
  let codePoint: number | undefined;
  if (nameLength <= MAX_PREDEFINED_NAME) {
    let name = '';
    for (let i = nameStart; i < p; i++) name += String.fromCharCode(buf[i]);
    codePoint = PREDEFINED.get(name);
  }
  if (codePoint === undefined) {
    if (policy === 'error') {
      throw new XmlError('UNKNOWN_ENTITY', 'Unknown entity (only lt, gt, amp, apos, quot exist)', base + amp);
    }
    codePoint = -1;
  }
  out.codePoint = codePoint;
  out.end = p + 1;
}

/** Checks every reference in [start, end); `first` is the index of the first `&`. */
export function validateReferences(
  buf: Uint8Array,
  first: number,
  end: number,
  base: number,
  policy: UnknownEntityPolicy,
  out: ReferenceResult,
): void {
  let amp = first;
  while (amp < end) {
    readReference(buf, amp, end, base, policy, out);
    amp = out.end;
    while (amp < end && buf[amp] !== AMP) amp++;
  }
}

import { NoteCodecError } from '../errors.js';

/** CRLF, lone CR and LF all become `\n`: the canonical line break. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Canonical `\n` line breaks to the target's. */
export function withLineBreak(text: string, lineBreak: '\r\n' | '\n'): string {
  return lineBreak === '\n' ? text : text.replace(/\n/g, lineBreak);
}

/** The first line of a text (without its line break). */
export function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

const utf8 = new TextEncoder();

/** UTF-8 size of the input, checked against the limit before any other work. */
export function checkItemSize(input: Uint8Array | string, maxItemBytes: number): void {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: short strings need no encoding.
  if (typeof input === 'string' && input.length * 3 <= maxItemBytes) return;
  const size = typeof input === 'string' ? utf8.encode(input).length : input.length;
  if (size > maxItemBytes) {
    throw new NoteCodecError('ITEM_TOO_LARGE', `item of ${size} bytes exceeds the limit of ${maxItemBytes}`, {
      offset: maxItemBytes,
    });
  }
}

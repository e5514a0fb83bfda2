/** UTF-8 length of one UTF-16 code point starting at `code`. */
function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line the RFC way (RFC 2425 §5.8.1, RFC 5545 §3.1, RFC
 * 6350 §3.2): no line longer than `width` octets, continuation lines start
 * with one space, a multi-byte UTF-8 character is never split. Returns the
 * physical lines.
 */
export function foldRfc(line: string, width: number): string[] {
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = width;
  for (let i = 0; i < line.length; ) {
    const code = line.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const size = utf8Length(code);
    if (octets + size > limit && i > start) {
      out.push(out.length === 0 ? line.slice(start, i) : ` ${line.slice(start, i)}`);
      start = i;
      octets = 0;
      limit = width - 1; // the leading space takes one octet
    }
    octets += size;
    i += units;
  }
  out.push(out.length === 0 ? line.slice(start) : ` ${line.slice(start)}`);
  return out;
}

/**
 * Folds a legacy (vCard 2.1, vCalendar 1.0) line the RFC 822 way: a break may
 * only go before an existing space or tab, which then starts the continuation
 * line, so unfolding restores the exact text. A stretch without whitespace
 * longer than the width stays on one line: the legacy specifications do not
 * require folding, and breaking elsewhere would change the value.
 */
export function foldAtWhitespace(line: string, width: number, valueStart: number): string[] {
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  let lastBlank = -1;
  let octetsAtBlank = 0;
  for (let i = 0; i < line.length; ) {
    const code = line.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    if ((code === 0x20 || code === 0x09) && i > start && i > valueStart) {
      lastBlank = i;
      octetsAtBlank = octets;
    }
    octets += utf8Length(code);
    if (octets > width && lastBlank > start) {
      out.push(line.slice(start, lastBlank));
      start = lastBlank;
      octets -= octetsAtBlank;
      lastBlank = -1;
    }
    i += units;
  }
  out.push(line.slice(start));
  return out;
}

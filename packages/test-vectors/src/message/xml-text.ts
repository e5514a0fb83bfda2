const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves the five XML entities and numeric character references; anything else stays as written. */
function resolveReferences(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const amp = text.indexOf('&', i);
    const semi = amp < 0 ? -1 : text.indexOf(';', amp);
    if (amp < 0 || semi < 0) return out + text.slice(i);
    const name = text.slice(amp + 1, semi);
    const code = /^#x[0-9a-f]{1,6}$/i.test(name)
      ? Number.parseInt(name.slice(2), 16)
      : /^#\d{1,7}$/.test(name)
        ? Number.parseInt(name.slice(1), 10)
        : undefined;
    const replacement =
      code !== undefined && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : Object.hasOwn(ENTITIES, name)
          ? ENTITIES[name]
          : undefined;
    out += text.slice(i, amp) + (replacement ?? text.slice(amp, semi + 1));
    i = semi + 1;
  }
}

/**
 * The character data of an element's content: CDATA sections verbatim, the
 * rest with references resolved. An unclosed CDATA section runs to the end.
 */
export function xmlText(content: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = content.indexOf('<![CDATA[', i);
    if (open < 0) return out + resolveReferences(content.slice(i));
    const close = content.indexOf(']]>', open + 9);
    if (close < 0) return out + resolveReferences(content.slice(i, open)) + content.slice(open + 9);
    out += resolveReferences(content.slice(i, open)) + content.slice(open + 9, close);
    i = close + 3;
  }
}

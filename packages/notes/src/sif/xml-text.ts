// XML 1.0 cannot carry C0 controls other than TAB, LF and CR, lone
// surrogates, or U+FFFE / U+FFFF, not even as character references. They are
// dropped from SIF output: no SIF reader could accept them.
function isXmlChar(code: number, text: string, i: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(i - 1);
    return previous >= 0xd800 && previous <= 0xdbff;
  }
  return code !== 0xfffe && code !== 0xffff;
}

function withoutNonXmlChars(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isXmlChar(text.charCodeAt(i), text, i)) {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Text content for XML: `&`, `<`, `>` escaped, characters XML cannot hold removed. */
export function escapeXmlText(text: string): string {
  return withoutNonXmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value for XML in double quotes. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;');
}

import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText } from './xml-text.js';

describe('escapeXmlText', () => {
  it('escapes markup characters', () => {
    expect(escapeXmlText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(escapeXmlAttribute('say "hi" & go')).toBe('say &quot;hi&quot; &amp; go');
  });
  it('keeps TAB, CR, LF and surrogate pairs', () => {
    expect(escapeXmlText('a\tb\r\nc 😀')).toBe('a\tb\r\nc 😀');
  });
  it('drops characters XML 1.0 cannot carry', () => {
    expect(escapeXmlText('a\u0000b\u000Bc\u001Fd\uFFFEe\uD800f\uDC00g')).toBe('abcdefg');
  });
});

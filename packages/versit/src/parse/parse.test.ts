import { describe, expect, it } from 'vitest';
import { VersitError } from '../errors.js';
import { findProperty, getParamValues } from '../model/lookup.js';
import type { VersitComponent, VersitProperty } from '../model/types.js';
import { parseVersit, parseVersitItem } from './parse.js';

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function only(input: string | Uint8Array, options?: Parameters<typeof parseVersit>[1]): VersitComponent {
  return parseVersitItem(input, options).component;
}

function prop(component: VersitComponent, name: string): VersitProperty {
  const found = findProperty(component, name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function caught(run: () => unknown): VersitError {
  try {
    run();
  } catch (error) {
    if (error instanceof VersitError) return error;
    throw error;
  }
  throw new Error('expected a VersitError');
}

describe('parseVersit: structure', () => {
  it('builds nested components with upper-cased names and keeps property order', () => {
    const doc = parseVersit(
      crlf(
        'begin:vcalendar',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'SUMMARY:Lunch',
        'BEGIN:VALARM',
        'TRIGGER:-PT15M',
        'END:VALARM',
        'END:VEVENT',
        'BEGIN:VTODO',
        'SUMMARY:Buy bread',
        'END:VTODO',
        'END:VCALENDAR',
      ),
    );
    expect(doc.dialect).toBe('icalendar-2.0');
    const [cal] = doc.components;
    expect(cal!.name).toBe('VCALENDAR');
    expect(cal!.properties.map((p) => p.name)).toEqual(['VERSION']);
    expect(cal!.components.map((c) => c.name)).toEqual(['VEVENT', 'VTODO']);
    expect(cal!.components[0]!.components[0]!.properties[0]).toMatchObject({
      name: 'TRIGGER',
      value: '-PT15M',
      line: 6,
    });
  });

  it('reads several top-level components', () => {
    const doc = parseVersit(
      crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:A', 'END:VCARD', 'BEGIN:VCARD', 'FN:B', 'END:VCARD'),
    );
    expect(doc.components.map((c) => c.properties.at(-1)!.value)).toEqual(['A', 'B']);
  });

  it('accepts bare LF, lone CR, blank lines and NUL padding', () => {
    const c = only('BEGIN:VCARD\nVERSION:2.1\r\rN:Doe;John\n\n\0\0\nEND:VCARD\n\0');
    expect(prop(c, 'N').value).toBe('Doe;John');
  });

  it('records group, upper-cased name and parameter names, keeps parameter value case', () => {
    const c = only(
      crlf('BEGIN:VCARD', 'VERSION:3.0', 'item1.tel;type=cell,Voice;x-Custom="a:b;c":+1 555', 'END:VCARD'),
    );
    expect(prop(c, 'TEL')).toEqual({
      group: 'item1',
      name: 'TEL',
      params: [
        { name: 'TYPE', values: ['cell', 'Voice'] },
        { name: 'X-CUSTOM', values: ['a:b;c'] },
      ],
      value: '+1 555',
      line: 3,
      offset: 26,
    });
  });

  it('turns vCard 2.1 bare parameters into the parameter they stand for', () => {
    const c = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'TEL;HOME;VOICE;PREF:123',
        'NOTE;QUOTED-PRINTABLE:a=3Db',
        'PHOTO;URL:http://x/y.jpg',
        'END:VCARD',
      ),
    );
    expect(prop(c, 'TEL').params).toEqual([
      { name: 'TYPE', values: ['HOME'] },
      { name: 'TYPE', values: ['VOICE'] },
      { name: 'TYPE', values: ['PREF'] },
    ]);
    expect(prop(c, 'NOTE')).toMatchObject({
      params: [{ name: 'ENCODING', values: ['QUOTED-PRINTABLE'] }],
      value: 'a=b',
    });
    expect(getParamValues(prop(c, 'PHOTO'), 'value')).toEqual(['URL']);
  });

  it('keeps the colons of the value and of a URL value', () => {
    const c = only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'URL:http://example.com:8080/a', 'END:VCARD'));
    expect(prop(c, 'URL').value).toBe('http://example.com:8080/a');
  });

  it('keeps escapes in the value for the caller', () => {
    const c = only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'N:Doe\\;x;John', 'NOTE:a\\nb\\, c', 'END:VCARD'));
    expect(prop(c, 'N').value).toBe('Doe\\;x;John');
    expect(prop(c, 'NOTE').value).toBe('a\\nb\\, c');
  });
});

describe('parseVersit: folding', () => {
  it('unfolds RFC folding in RFC dialects by dropping one space or tab', () => {
    const c = only(
      crlf('BEGIN:VCARD', 'VERSION:3.0', 'NOTE:This is a lo', ' ng note with', '\t tab', 'END:VCARD'),
    );
    expect(prop(c, 'NOTE').value).toBe('This is a long note with tab');
  });

  it('unfolds a header folded inside its parameters', () => {
    const c = only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'TEL;TY', ' PE=WORK:1', 'END:VCARD'));
    expect(prop(c, 'TEL')).toMatchObject({ params: [{ name: 'TYPE', values: ['WORK'] }], value: '1' });
  });

  it('keeps the folding whitespace in legacy dialects (RFC 822 unfolding), or drops it on request', () => {
    const text = crlf('BEGIN:VCARD', 'VERSION:2.1', 'NOTE:two', ' words', 'END:VCARD');
    expect(prop(only(text), 'NOTE').value).toBe('two words');
    expect(prop(only(text, { legacyUnfolding: 'remove-whitespace' }), 'NOTE').value).toBe('twowords');
  });

  it('does not split a multi-byte character when unfolding', () => {
    const c = only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Jürgen Gro', ' ß', 'END:VCARD'));
    expect(prop(c, 'FN').value).toBe('Jürgen Groß');
  });
});

describe('parseVersit: QUOTED-PRINTABLE', () => {
  it('decodes QP with CHARSET=UTF-8 as sent by the Sony Ericsson P900', () => {
    const c = only(
      crlf(
        'BEGIN:VCALENDAR',
        'VERSION:1.0',
        'BEGIN:VTODO',
        'DESCRIPTION;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Aumlaut:=20=C3=84',
        'END:VTODO',
        'END:VCALENDAR',
      ),
    );
    expect(prop(c.components[0]!, 'DESCRIPTION').value).toBe('Aumlaut: Ä');
  });

  it('joins soft line breaks, including a header-only first line', () => {
    const c = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=',
        'Erste Zeile=0D=0AZweite Zei=',
        'le mit =C3=',
        '=BC',
        'TEL:1',
        'END:VCARD',
      ),
    );
    expect(prop(c, 'NOTE').value).toBe('Erste Zeile\r\nZweite Zeile mit ü');
    expect(prop(c, 'TEL').value).toBe('1');
  });

  it('continues a QP value over lines a device broke without = and without whitespace', () => {
    const c = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'NOTE;ENCODING=QUOTED-PRINTABLE:first line',
        'second line',
        'TEL:1',
        'END:VCARD',
      ),
    );
    expect(prop(c, 'NOTE').value).toBe('first line\r\nsecond line');
  });

  it('decodes QP bytes in the declared charset', () => {
    const c = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg',
        'END:VCARD',
      ),
    );
    expect(prop(c, 'N').value).toBe('Müller;Jörg');
  });

  it('applies the charset to QP bytes of string input too', () => {
    const c = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=WINDOWS-1250;ENCODING=QUOTED-PRINTABLE:=8Aime=E8ek',
        'END:VCARD',
      ),
    );
    expect(prop(c, 'N').value).toBe('Šimeček');
  });
});

describe('parseVersit: charsets of raw bytes', () => {
  it('decodes 8-bit values in their CHARSET', () => {
    const c = only(
      latin1(
        crlf(
          'BEGIN:VCARD',
          'VERSION:2.1',
          'N;CHARSET=ISO-8859-1:M\xfcller;J\xf6rg',
          'FN;CHARSET=ISO-8859-7:\xc1\xe8\xde\xed\xe1',
          'END:VCARD',
        ),
      ),
    );
    expect(prop(c, 'N').value).toBe('Müller;Jörg');
    expect(prop(c, 'FN').value).toBe('Αθήνα');
  });

  it('decodes UTF-8 bytes by default and undeclared Latin-1 through the fallback', () => {
    const utf8 = new TextEncoder().encode(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Zoë Ångström', 'END:VCARD'));
    expect(prop(only(utf8), 'FN').value).toBe('Zoë Ångström');
    const undeclared = latin1(crlf('BEGIN:VCARD', 'VERSION:2.1', 'FN:Zo\xeb \x80', 'END:VCARD'));
    expect(prop(only(undeclared), 'FN').value).toBe('Zoë €');
    expect(caught(() => only(undeclared, { fallbackCharset: null }))).toMatchObject({
      code: 'INVALID_TEXT',
      status: 400,
      line: 3,
      offset: 26,
      property: 'FN',
    });
  });

  it('ignores CHARSET for non-QP values of string input (already text)', () => {
    const c = only(crlf('BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=ISO-8859-1:Müller', 'END:VCARD'));
    expect(prop(c, 'N').value).toBe('Müller');
  });
});

describe('parseVersit: binary values', () => {
  const jpegHead = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

  it('decodes a vCard 2.1 BASE64 photo with indented continuation lines and the closing blank line', () => {
    const c = only(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'PHOTO;ENCODING=BASE64;TYPE=JPEG:',
        '  /9j/4AAQ',
        '  SkZJRg==',
        '',
        'TEL:1',
        'END:VCARD',
      ),
    );
    expect(prop(c, 'PHOTO')).toMatchObject({ value: '', binary: jpegHead });
    expect(prop(c, 'TEL').value).toBe('1');
  });

  it('accepts base64 continuation lines without indentation', () => {
    const c = only(
      crlf('BEGIN:VCARD', 'VERSION:2.1', 'PHOTO;BASE64;JPEG:/9j/4AAQ', 'SkZJRg==', 'TEL:1', 'END:VCARD'),
    );
    expect(prop(c, 'PHOTO').binary).toEqual(jpegHead);
    expect(getParamValues(prop(c, 'PHOTO'), 'TYPE')).toEqual(['JPEG']);
  });

  it('decodes vCard 3.0 ENCODING=b', () => {
    const c = only(
      crlf('BEGIN:VCARD', 'VERSION:3.0', 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSk', ' ZJRg==', 'END:VCARD'),
    );
    expect(prop(c, 'PHOTO').binary).toEqual(jpegHead);
  });

  it('rejects broken base64 with status 400', () => {
    const error = caught(() =>
      only(crlf('BEGIN:VCARD', 'VERSION:3.0', 'PHOTO;ENCODING=b:/9j/4A*Q', 'END:VCARD')),
    );
    expect(error).toMatchObject({ code: 'INVALID_BASE64', status: 400, line: 3, property: 'PHOTO' });
  });
});

describe('parseVersit: bad input', () => {
  it('reports a fold that lost its whitespace', () => {
    const error = caught(() =>
      only(
        crlf(
          'BEGIN:VCARD',
          'VERSION:3.0',
          'NOTE:a long line that was',
          'folded without the space',
          'END:VCARD',
        ),
      ),
    );
    expect(error).toMatchObject({ code: 'BROKEN_FOLDING', status: 400, line: 4, offset: 53 });
  });

  it('reports a continuation line with nothing to continue', () => {
    expect(caught(() => only(' BEGIN:VCARD\r\nEND:VCARD\r\n'))).toMatchObject({
      code: 'BROKEN_FOLDING',
      line: 1,
    });
  });

  it('reports a first line that is not a content line', () => {
    expect(caught(() => only('hello world\r\n'))).toMatchObject({
      code: 'MALFORMED_LINE',
      status: 400,
      line: 1,
    });
    expect(caught(() => only(':value\r\n'))).toMatchObject({ code: 'MALFORMED_LINE' });
  });

  it('reports unterminated and mismatched components', () => {
    expect(caught(() => only(crlf('BEGIN:VCARD', 'VERSION:2.1', 'N:Doe')))).toMatchObject({
      code: 'UNTERMINATED_COMPONENT',
      status: 400,
      line: 1,
      offset: 0,
    });
    expect(caught(() => only(crlf('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VCALENDAR')))).toMatchObject({
      code: 'UNEXPECTED_END',
      line: 3,
    });
    expect(caught(() => only(crlf('END:VCARD')))).toMatchObject({ code: 'UNEXPECTED_END' });
  });

  it('reports properties outside a component and empty input', () => {
    expect(caught(() => only(crlf('N:Doe', 'BEGIN:VCARD', 'END:VCARD')))).toMatchObject({
      code: 'PROPERTY_OUTSIDE_COMPONENT',
      property: 'N',
    });
    expect(caught(() => only(''))).toMatchObject({ code: 'NO_COMPONENT', status: 400 });
    expect(caught(() => only('\r\n\r\n'))).toMatchObject({ code: 'NO_COMPONENT' });
  });

  it('rejects an item with two top-level components where one is expected', () => {
    const two = crlf('BEGIN:VCARD', 'END:VCARD', 'BEGIN:VCARD', 'END:VCARD');
    expect(caught(() => only(two))).toMatchObject({ code: 'MALFORMED_LINE', line: 3 });
  });

  it('rejects an unknown charset with 415, even on an ASCII value', () => {
    const error = caught(() =>
      only(crlf('BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=X-KLINGON:Doe', 'END:VCARD')),
    );
    expect(error).toMatchObject({ code: 'UNKNOWN_CHARSET', status: 415, line: 3, property: 'N' });
  });

  it('rejects an unknown transfer encoding with 415', () => {
    const error = caught(() =>
      only(crlf('BEGIN:VCARD', 'VERSION:2.1', 'N;ENCODING=X-UUENCODE:Doe', 'END:VCARD')),
    );
    expect(error).toMatchObject({ code: 'UNSUPPORTED_ENCODING', status: 415 });
  });

  it('enforces the item size limit before decoding', () => {
    const big = crlf('BEGIN:VCARD', `NOTE:${'x'.repeat(2000)}`, 'END:VCARD');
    expect(caught(() => only(big, { maxItemBytes: 1000 }))).toMatchObject({
      code: 'ITEM_TOO_LARGE',
      status: 413,
    });
    expect(caught(() => only(new TextEncoder().encode(big), { maxItemBytes: 1000 }))).toMatchObject({
      code: 'ITEM_TOO_LARGE',
    });
  });

  it('rejects a 10 MB photo line: by item size with the defaults, by line length when the item limit allows it', () => {
    const photo = `PHOTO;ENCODING=BASE64;TYPE=JPEG:${'A'.repeat(10 * 1024 * 1024)}`;
    const item = new TextEncoder().encode(crlf('BEGIN:VCARD', 'VERSION:2.1', photo, '', 'END:VCARD'));
    expect(caught(() => only(item))).toMatchObject({ code: 'ITEM_TOO_LARGE', status: 413 });
    expect(caught(() => only(item, { maxItemBytes: 16 * 1024 * 1024 }))).toMatchObject({
      code: 'LINE_TOO_LONG',
      status: 413,
      line: 3,
      offset: 26,
    });
  });

  it('counts folded pieces against the line limit', () => {
    const folded = crlf(
      'BEGIN:VCARD',
      'VERSION:3.0',
      'NOTE:start',
      ...Array.from({ length: 50 }, () => ` ${'y'.repeat(70)}`),
      'END:VCARD',
    );
    expect(caught(() => only(folded, { maxLineBytes: 1000 }))).toMatchObject({
      code: 'LINE_TOO_LONG',
      line: 3,
    });
    expect(prop(only(folded), 'NOTE').value).toHaveLength(5 + 50 * 70);
  });

  it('enforces the property count and depth limits', () => {
    const many = crlf('BEGIN:VCARD', ...Array.from({ length: 11 }, (_, i) => `X-P${i}:v`), 'END:VCARD');
    expect(caught(() => only(many, { maxProperties: 10 }))).toMatchObject({
      code: 'TOO_MANY_PROPERTIES',
      status: 413,
      property: 'X-P10',
    });
    const deep = `${'BEGIN:X\r\n'.repeat(5)}${'END:X\r\n'.repeat(5)}`;
    expect(parseVersit(deep, { maxDepth: 5 }).components).toHaveLength(1);
    expect(caught(() => parseVersit(deep, { maxDepth: 4 }))).toMatchObject({ code: 'TOO_DEEP', line: 5 });
  });

  it('handles 100 000 nested BEGIN lines without recursion (depth limit, no stack overflow)', () => {
    const deep = 'BEGIN:X\r\n'.repeat(100_000);
    expect(caught(() => parseVersit(deep))).toMatchObject({ code: 'TOO_DEEP' });
    expect(caught(() => parseVersit(deep, { maxDepth: 1_000_000 }))).toMatchObject({
      code: 'UNTERMINATED_COMPONENT',
    });
  });

  it('rejects nonsense limits as a caller error (RangeError), not as bad input', () => {
    expect(() => parseVersit('BEGIN:X\r\nEND:X\r\n', { maxDepth: 0 })).toThrow(RangeError);
    expect(() => parseVersit('BEGIN:X\r\nEND:X\r\n', { maxLineBytes: Number.NaN })).toThrow(RangeError);
  });

  it('only ever throws VersitError on mangled input', () => {
    const base = new TextEncoder().encode(
      crlf(
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=',
        '=C3=B6rg',
        'PHOTO;ENCODING=BASE64;TYPE=JPEG:',
        ' /9j/4AAQSkZJRg==',
        '',
        'item1.TEL;type=CELL:+1',
        'END:VCARD',
      ),
    );
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 2000; round++) {
      const copy = base.slice();
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      const cut = copy.subarray(0, Math.floor(random() * copy.length) + 1);
      for (const input of [copy, cut]) {
        try {
          parseVersit(input);
        } catch (error) {
          expect(error).toBeInstanceOf(VersitError);
        }
      }
    }
  });
});

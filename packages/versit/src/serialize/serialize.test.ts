import { describe, expect, it } from 'vitest';
import { isLegacyDialect } from '../dialect.js';
import { makeProperty } from '../model/lookup.js';
import type { VersitComponent } from '../model/types.js';
import { parseVersitItem } from '../parse/parse.js';
import { escapeText, joinStructured } from '../text/escape.js';
import { serializeVersit, serializeVersitProperty } from './serialize.js';

const enc = new TextEncoder();
const octets = (line: string) => enc.encode(line).length;

/** Strips line/offset so parsed properties compare with built ones. */
function shape(component: VersitComponent): unknown {
  return {
    name: component.name,
    properties: component.properties.map(({ line: _l, offset: _o, ...rest }) => rest),
    components: component.components.map(shape),
  };
}

describe('serializeVersitProperty: RFC dialects', () => {
  it('writes parameters, quoting values with separators', () => {
    const p = makeProperty(
      'tel',
      '+1 555',
      [
        { name: 'type', values: ['work', 'voice'] },
        { name: 'X-LABEL', values: ['a:b'] },
      ],
      'item1',
    );
    expect(serializeVersitProperty(p, { dialect: 'vcard-3.0' })).toBe(
      'item1.TEL;TYPE=work,voice;X-LABEL="a:b":+1 555\r\n',
    );
  });

  it('folds at 75 octets with a leading space, never splitting a UTF-8 character', () => {
    const text = `a${'ü'.repeat(100)}${'日本'.repeat(20)}`;
    const out = serializeVersitProperty(makeProperty('NOTE', text), { dialect: 'icalendar-2.0' });
    const lines = out.split('\r\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`NOTE:${text}`);
    // 'NOTE:a' + 34 × 'ü' = 74 octets; one more 'ü' would need 76, so the line stops at 74.
    expect(octets(lines[0]!)).toBe(74);
  });

  it('keeps a surrogate pair together', () => {
    const text = `${'a'.repeat(68)}😀😀`;
    const lines = serializeVersitProperty(makeProperty('NOTE', text), { dialect: 'vcard-3.0' }).split('\r\n');
    expect(lines[0]).toBe(`NOTE:${'a'.repeat(68)}`);
    expect(lines[1]).toBe(' 😀😀');
  });

  it('writes binary as ENCODING=b (vCard 3.0) or ENCODING=BASE64 (iCalendar), folded', () => {
    const bytes = new Uint8Array(100).map((_, i) => i);
    const v3 = serializeVersitProperty(
      { name: 'PHOTO', params: [{ name: 'TYPE', values: ['JPEG'] }], value: '', binary: bytes },
      { dialect: 'vcard-3.0' },
    );
    expect(v3.split('\r\n').map((l) => l.length)).toEqual([75, 75, 15, 0]);
    expect(
      v3
        .replaceAll('\r\n ', '')
        .startsWith(
          'PHOTO;TYPE=JPEG;ENCODING=b:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKiss',
        ),
    ).toBe(true);
    expect(v3.endsWith('\r\n')).toBe(true);
    expect(v3.endsWith('\r\n\r\n')).toBe(false);
    const ical = serializeVersitProperty(
      { name: 'ATTACH', params: [{ name: 'VALUE', values: ['BINARY'] }], value: '', binary: bytes },
      { dialect: 'icalendar-2.0' },
    );
    expect(ical.startsWith('ATTACH;VALUE=BINARY;ENCODING=BASE64:')).toBe(true);
  });

  it('drops incoming ENCODING and CHARSET parameters and escapes stray raw line breaks', () => {
    const p = makeProperty('NOTE', 'a\r\nb', [
      { name: 'ENCODING', values: ['QUOTED-PRINTABLE'] },
      { name: 'CHARSET', values: ['ISO-8859-1'] },
    ]);
    expect(serializeVersitProperty(p, { dialect: 'vcard-3.0' })).toBe('NOTE:a\\nb\r\n');
  });
});

describe('serializeVersitProperty: legacy dialects', () => {
  it('writes ASCII text raw and TYPE values bare for vCard 2.1', () => {
    const p = makeProperty('TEL', '123', [{ name: 'TYPE', values: ['HOME', 'VOICE'] }]);
    expect(serializeVersitProperty(p, { dialect: 'vcard-2.1' })).toBe('TEL;HOME;VOICE:123\r\n');
    expect(serializeVersitProperty(p, { dialect: 'vcard-2.1', bareTypeParams: false })).toBe(
      'TEL;TYPE=HOME;TYPE=VOICE:123\r\n',
    );
    const alarm = makeProperty('AALARM', '20061222T105000Z;;0;c:\\sound.mp3', [
      { name: 'TYPE', values: ['X-EPOCSOUND'] },
    ]);
    expect(serializeVersitProperty(alarm, { dialect: 'vcalendar-1.0' })).toBe(
      'AALARM;TYPE=X-EPOCSOUND:20061222T105000Z;;0;c:\\sound.mp3\r\n',
    );
  });

  it('writes non-ASCII text as QUOTED-PRINTABLE with CHARSET=UTF-8, like the P900', () => {
    const p = makeProperty('DESCRIPTION', 'uumlaut: ü');
    expect(serializeVersitProperty(p, { dialect: 'vcalendar-1.0' })).toBe(
      'DESCRIPTION;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:uumlaut: =C3=BC\r\n',
    );
  });

  it('writes line breaks as QP CRLF even for ASCII text, without a charset', () => {
    const p = makeProperty('NOTE', escapeText('one\ntwo', 'vcard-2.1'));
    expect(serializeVersitProperty(p, { dialect: 'vcard-2.1' })).toBe(
      'NOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo\r\n',
    );
  });

  it('writes 8-bit UTF-8 with CHARSET when asked', () => {
    const p = makeProperty('FN', 'Jörg');
    expect(serializeVersitProperty(p, { dialect: 'vcard-2.1', legacyTextEncoding: '8bit' })).toBe(
      'FN;CHARSET=UTF-8:Jörg\r\n',
    );
  });

  it('breaks long QP values with soft line breaks of at most 76 characters', () => {
    const text = 'Grüße '.repeat(40);
    const out = serializeVersitProperty(makeProperty('NOTE', text), { dialect: 'vcard-2.1' });
    const lines = out.split('\r\n').slice(0, -1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(75);
    for (const line of lines.slice(0, -1)) expect(line.endsWith('=')).toBe(true);
    const back = parseVersitItem(`BEGIN:VCARD\r\nVERSION:2.1\r\n${out}END:VCARD\r\n`).component
      .properties[1]!;
    expect(back.value).toBe(text);
  });

  it('folds long ASCII lines only before existing whitespace, and leaves an unbreakable run long', () => {
    const words = 'word '.repeat(30).trim();
    const out = serializeVersitProperty(makeProperty('NOTE', words), { dialect: 'vcard-2.1' });
    const lines = out.split('\r\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
    expect(lines.join('')).toBe(`NOTE:${words}`);
    const url = `http://example.com/${'x'.repeat(100)}`;
    expect(serializeVersitProperty(makeProperty('URL', url), { dialect: 'vcard-2.1' })).toBe(
      `URL:${url}\r\n`,
    );
  });

  it('writes BASE64 folded with indented lines and a closing blank line', () => {
    const bytes = new Uint8Array(120).map((_, i) => 255 - i);
    const out = serializeVersitProperty(
      { name: 'PHOTO', params: [{ name: 'TYPE', values: ['JPEG'] }], value: '', binary: bytes },
      { dialect: 'vcard-2.1' },
    );
    expect(out.startsWith('PHOTO;JPEG;ENCODING=BASE64:')).toBe(true);
    expect(out.endsWith('\r\n\r\n')).toBe(true);
    const back = parseVersitItem(`BEGIN:VCARD\r\nVERSION:2.1\r\n${out}TEL:1\r\nEND:VCARD\r\n`).component;
    expect(back.properties[1]!.binary).toEqual(bytes);
    expect(back.properties[2]!.value).toBe('1');
  });
});

describe('serializeVersit', () => {
  it('writes nested components with CRLF, or LF on request', () => {
    const event: VersitComponent = {
      name: 'VEVENT',
      properties: [makeProperty('SUMMARY', 'Lunch')],
      components: [{ name: 'valarm', properties: [makeProperty('TRIGGER', '-PT15M')], components: [] }],
    };
    const cal: VersitComponent = {
      name: 'VCALENDAR',
      properties: [makeProperty('VERSION', '2.0')],
      components: [event],
    };
    const text =
      'BEGIN:VCALENDAR|VERSION:2.0|BEGIN:VEVENT|SUMMARY:Lunch|BEGIN:VALARM|TRIGGER:-PT15M|END:VALARM|END:VEVENT|END:VCALENDAR|';
    expect(serializeVersit(cal, { dialect: 'icalendar-2.0' })).toBe(text.replaceAll('|', '\r\n'));
    expect(serializeVersit([cal], { dialect: 'icalendar-2.0', lineEnding: '\n' })).toBe(
      text.replaceAll('|', '\n'),
    );
  });

  it('walks 10 000 nested components without recursion', () => {
    let inner: VersitComponent = { name: 'X', properties: [], components: [] };
    for (let i = 0; i < 10_000; i++) inner = { name: 'X', properties: [], components: [inner] };
    const out = serializeVersit(inner, { dialect: 'icalendar-2.0' });
    expect(out.length).toBe(10_001 * ('BEGIN:X\r\n'.length + 'END:X\r\n'.length));
  });
});

describe('round trips: parse(serialize(x)) = x', () => {
  const tricky = [
    'plain',
    'with; semicolon, comma \\ backslash',
    'multi\nline\ntext',
    'Ünïcödé ✓ 日本語 😀',
    ' leading and trailing ',
    'x'.repeat(300),
    `${'long words '.repeat(30)}end`,
    'a=b=c',
  ];

  for (const dialect of ['vcard-2.1', 'vcard-3.0', 'vcalendar-1.0', 'icalendar-2.0', 'vnote-1.1'] as const) {
    it(`keeps every text value, group and parameter in ${dialect}`, () => {
      const root = dialect.startsWith('vcard') ? 'VCARD' : dialect === 'vnote-1.1' ? 'VNOTE' : 'VCALENDAR';
      const version = dialect.split('-')[1]!;
      const component: VersitComponent = {
        name: root,
        properties: [
          makeProperty('VERSION', version),
          ...tricky.map((text, i) =>
            makeProperty(
              `X-TEXT${i}`,
              escapeText(text, dialect),
              [{ name: 'X-P', values: [`v${i}`] }],
              i % 2 ? 'grp' : undefined,
            ),
          ),
          makeProperty('N', joinStructured(['Doe; Jr', 'John', '', 'Dr.', ''], dialect)),
          { name: 'X-BIN', params: [], value: '', binary: new Uint8Array(300).map((_, i) => (i * 7) & 255) },
        ],
        components: [],
      };
      const text = serializeVersit(component, { dialect });
      // RFC dialects fold everything at 75 octets; legacy ones leave only a run without whitespace longer.
      for (const line of text.split('\r\n')) {
        if (octets(line) > 75) expect(isLegacyDialect(dialect) && !/[ \t]/.test(line.slice(1))).toBe(true);
      }
      const parsed = parseVersitItem(text);
      expect(parsed.dialect).toBe(dialect);
      const again = parsed.component;
      const stripTransfer = (c: VersitComponent) => ({
        ...c,
        properties: c.properties.map((p) => ({
          ...p,
          params: p.params.filter((q) => q.name !== 'ENCODING' && q.name !== 'CHARSET'),
        })),
      });
      expect(shape(stripTransfer(again))).toEqual(shape(component));
      // Writing what was read gives the same text again.
      expect(serializeVersit(again, { dialect })).toBe(text);
    });
  }
});

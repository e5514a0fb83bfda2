import { describe, expect, it } from 'vitest';
import {
  escapeText,
  joinList,
  joinStructured,
  splitList,
  splitStructured,
  splitStructuredLists,
  unescapeText,
} from './escape.js';

describe('RFC dialects (vCard 3.0/4.0, iCalendar)', () => {
  it('unescapes \\, \\; \\\\ \\n \\N and keeps unknown escapes', () => {
    expect(unescapeText('a\\,b\\;c\\\\d\\ne\\Nf', 'vcard-3.0')).toBe('a,b;c\\d\ne\nf');
    expect(unescapeText('C:\\temp\\x', 'icalendar-2.0')).toBe('C:\\temp\\x');
    expect(unescapeText('trailing\\', 'vcard-3.0')).toBe('trailing\\');
  });

  it('escapes backslash, comma, semicolon and every line break form', () => {
    expect(escapeText('a,b;c\\d\r\ne\rf\ng', 'vcard-3.0')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
  });

  it('splits structured values at unescaped ; and lists at unescaped ,', () => {
    expect(splitStructured('Doe;John;Q.\\, Jr.;;', 'vcard-3.0')).toEqual(['Doe', 'John', 'Q., Jr.', '', '']);
    expect(splitStructuredLists(';;Main St 1,Floor 2;Town;;12345;DE', 'vcard-3.0')).toEqual([
      [''],
      [''],
      ['Main St 1', 'Floor 2'],
      ['Town'],
      [''],
      ['12345'],
      ['DE'],
    ]);
    expect(splitList('a\\,b,c', 'vcard-3.0')).toEqual(['a,b', 'c']);
    expect(splitList('', 'vcard-3.0')).toEqual([]);
    expect(splitStructured('a\\\\;b', 'vcard-3.0')).toEqual(['a\\', 'b']);
  });

  it('joins what it splits', () => {
    const parts = ['Doe;x', ['Main, 1', 'Floor\n2'], 'a\\b'];
    const joined = joinStructured(parts, 'vcard-3.0');
    expect(joined).toBe('Doe\\;x;Main\\, 1,Floor\\n2;a\\\\b');
    expect(splitStructuredLists(joined, 'vcard-3.0')).toEqual([['Doe;x'], ['Main, 1', 'Floor\n2'], ['a\\b']]);
    expect(joinList(['x,y', 'z'], 'icalendar-2.0')).toBe('x\\,y,z');
  });
});

describe('legacy dialects (vCard 2.1, vCalendar 1.0, vNote)', () => {
  it('keeps backslashes of Windows paths and turns CRLF into \\n', () => {
    const value = '20061222T105000Z;;0;c:\\system\\data\\themes\\sound\\Reminder\\Classical.mp3';
    expect(splitStructured(value, 'vcalendar-1.0')).toEqual([
      '20061222T105000Z',
      '',
      '0',
      'c:\\system\\data\\themes\\sound\\Reminder\\Classical.mp3',
    ]);
    expect(unescapeText('line1\r\nline2\rline3\\n', 'vcard-2.1')).toBe('line1\nline2\nline3\\n');
  });

  it('unescapes \\; and the \\, \\\\ that some phones write', () => {
    expect(unescapeText('a\\;b\\,c\\\\d', 'vcard-2.1')).toBe('a;b,c\\d');
  });

  it('escapes ; and only the backslashes a reader would misread; line breaks become CRLF', () => {
    expect(escapeText('a;b,c\\d\ne', 'vcard-2.1')).toBe('a\\;b,c\\d\r\ne');
    expect(escapeText('dir\\;x\\', 'vnote-1.1')).toBe('dir\\\\\\;x\\\\');
    for (const text of ['dir\\;x\\', 'a\\,b', 'c:\\new\\table', 'x\\\\y']) {
      expect(unescapeText(escapeText(text, 'vcard-2.1'), 'vcard-2.1')).toBe(text);
    }
  });

  it('never splits lists at commas inside structured components, but lists escape them', () => {
    expect(splitStructuredLists('Main St 1, Floor 2;Town', 'vcard-2.1')).toEqual([
      ['Main St 1, Floor 2'],
      ['Town'],
    ]);
    expect(joinList(['a,b', 'c'], 'vcard-2.1')).toBe('a\\,b,c');
    expect(splitList('a\\,b,c', 'vcard-2.1')).toEqual(['a,b', 'c']);
    expect(splitList('Business;Personal', 'vcalendar-1.0', ';')).toEqual(['Business', 'Personal']);
  });
});

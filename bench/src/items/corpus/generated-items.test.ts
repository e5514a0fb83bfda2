import { parseItem } from '@syncds/formats';
import { describe, expect, test } from 'vitest';
import { recordFormat } from '../check/round-trip.js';
import { ITEM_FORMATS } from '../item-formats.js';
import { GENERATED_FORMATS, GENERATED_ITEMS_PER_FORMAT, generatedItems } from './generated-items.js';
import { sniffItemFormat } from './sniff-format.js';

describe('generatedItems', () => {
  test('covers the formats the captures lack, and no other', () => {
    expect(GENERATED_FORMATS).toEqual([
      'vcard-3.0',
      'vcard-4.0',
      'icalendar-2.0',
      'sift',
      'plain',
      'vnote-1.1',
      'vjournal',
    ]);
    for (const format of ITEM_FORMATS) {
      expect(generatedItems(format).length, format).toBe(
        GENERATED_FORMATS.includes(format) ? GENERATED_ITEMS_PER_FORMAT : 0,
      );
    }
  });

  test('is the same on every call (seeded), and the items differ from each other', () => {
    for (const format of GENERATED_FORMATS) {
      const items = generatedItems(format);
      expect(generatedItems(format)).toEqual(items);
      expect(new Set(items.map((i) => i.text)).size, format).toBe(items.length);
    }
    expect(generatedItems('sift', 2)).toEqual(generatedItems('sift').slice(0, 2));
  });

  test('each item is of its format by its own bytes, and the codecs read it as that format', () => {
    for (const format of GENERATED_FORMATS) {
      for (const [i, item] of generatedItems(format).entries()) {
        const bytes = new TextEncoder().encode(item.text);
        expect(sniffItemFormat(item.contentType, bytes), `${format}#${i}`).toBe(format);
        expect(recordFormat(parseItem(bytes, item.contentType)), `${format}#${i}`).toBe(format);
      }
    }
  });

  test('Versit lines end in CRLF and stay within 75 octets; iCalendar events carry VTIMEZONE, RRULE and VALARM', () => {
    const encoder = new TextEncoder();
    for (const format of ['vcard-3.0', 'vcard-4.0', 'icalendar-2.0', 'vnote-1.1', 'vjournal'] as const) {
      for (const item of generatedItems(format)) {
        expect(item.text.endsWith('\r\n')).toBe(true);
        for (const line of item.text.slice(0, -2).split('\r\n')) {
          expect(encoder.encode(line).length, line).toBeLessThanOrEqual(76);
        }
      }
    }
    const events = generatedItems('icalendar-2.0').filter((i) => i.text.includes('BEGIN:VEVENT'));
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e.text).toMatch(/BEGIN:VTIMEZONE[\s\S]*BEGIN:VEVENT[\s\S]*\r\nRRULE:FREQ=[\s\S]*BEGIN:VALARM/);
      expect(e.text).toMatch(/\r\nDTSTART;TZID=(Europe\/Berlin|America\/New_York):2009/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  addMonths,
  civilFromDays,
  civilFromSeconds,
  daysFromCivil,
  daysInMonth,
  formatBasicLocal,
  formatDate,
  formatLocal,
  formatOffset,
  formatUtc,
  weekdayOfDays,
} from './civil.js';

describe('civil calendar arithmetic', () => {
  it('counts days from 1970-01-01 and back, across leap years and before 1970', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    expect(daysFromCivil(1601, 1, 1)).toBe(-134_774);
    for (const day of [-134_774, -1, 0, 59, 11_016, 11_017, 13_879, 2_932_896]) {
      const c = civilFromDays(day);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(day);
    }
    expect(civilFromDays(2_932_896)).toEqual({ year: 9999, month: 12, day: 31 });
  });

  it('names weekdays with 0 = Sunday', () => {
    expect(weekdayOfDays(daysFromCivil(2008, 3, 30))).toBe(0);
    expect(weekdayOfDays(daysFromCivil(2006, 12, 25))).toBe(1);
    expect(weekdayOfDays(daysFromCivil(1601, 1, 1))).toBe(1);
  });

  it('knows month lengths and adds months across years', () => {
    expect(daysInMonth(2008, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(addMonths(2008, 11, 3)).toEqual({ year: 2009, month: 2 });
    expect(addMonths(2008, 1, -1)).toEqual({ year: 2007, month: 12 });
  });

  it('formats canonical and basic forms and offsets', () => {
    const t = daysFromCivil(2008, 3, 30) * 86_400 + 2 * 3600 + 30 * 60 + 5;
    expect(formatLocal(t)).toBe('2008-03-30T02:30:05');
    expect(formatUtc(t)).toBe('2008-03-30T02:30:05Z');
    expect(formatBasicLocal(t)).toBe('20080330T023005');
    expect(formatDate(daysFromCivil(2008, 3, 30))).toBe('2008-03-30');
    expect(civilFromSeconds(-1)).toEqual({
      year: 1969,
      month: 12,
      day: 31,
      hour: 23,
      minute: 59,
      second: 59,
    });
    expect(formatOffset(3600)).toBe('+0100');
    expect(formatOffset(-16_200, ':')).toBe('-04:30');
    expect(formatOffset(0)).toBe('+0000');
  });
});

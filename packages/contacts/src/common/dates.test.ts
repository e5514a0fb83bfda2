import { describe, expect, it } from 'vitest';
import { parseCalendarDate, parseTimestamp, toBasicTimestamp } from './dates.js';

describe('parseCalendarDate', () => {
  it('reads extended, basic, date-time and year-less forms', () => {
    expect(parseCalendarDate('1970-01-31')).toBe('1970-01-31');
    expect(parseCalendarDate('19700131')).toBe('1970-01-31');
    expect(parseCalendarDate('1970-01-31T00:00:00Z')).toBe('1970-01-31');
    expect(parseCalendarDate('--0203')).toBe('--02-03');
    expect(parseCalendarDate('--02-29')).toBe('--02-29');
    expect(parseCalendarDate(' 2000-02-29 ')).toBe('2000-02-29');
  });

  it('rejects impossible dates', () => {
    for (const bad of [
      '1900-02-29',
      '1970-13-01',
      '1970-04-31',
      '1970-00-10',
      '31.01.1970',
      '',
      '1970-1-1',
    ]) {
      expect(parseCalendarDate(bad), bad).toBeUndefined();
    }
  });
});

describe('parseTimestamp', () => {
  it('reads UTC, offsets, floating times and dates', () => {
    expect(parseTimestamp('20070525T075943Z')).toBe('2007-05-25T07:59:43Z');
    expect(parseTimestamp('2007-05-25T07:59:43.123Z')).toBe('2007-05-25T07:59:43Z');
    expect(parseTimestamp('2007-05-25T00:30:00+01:00')).toBe('2007-05-24T23:30:00Z');
    expect(parseTimestamp('20070525T0759-0500')).toBe('2007-05-25T12:59:00Z');
    expect(parseTimestamp('20070525T075943')).toBe('2007-05-25T07:59:43');
    expect(parseTimestamp('2007-05-25')).toBe('2007-05-25');
    expect(toBasicTimestamp('2007-05-25T07:59:43Z')).toBe('20070525T075943Z');
  });

  it('rejects what is not a time stamp', () => {
    for (const bad of ['20070525T2500Z', '2007-02-30T00:00:00Z', 'yesterday', '20070525T07']) {
      expect(parseTimestamp(bad), bad).toBeUndefined();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { CalendarCodecError } from '../errors.js';
import { daysFromCivil } from './civil.js';
import { parseCanonicalDate, parseCanonicalLocal, parseWireDateTime } from './text.js';

const at = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): number =>
  daysFromCivil(y, m, d) * 86_400 + h * 3600 + mi * 60 + s;

describe('parseWireDateTime', () => {
  it('reads the forms devices send', () => {
    expect(parseWireDateTime('20061222T110000Z')).toEqual({
      seconds: at(2006, 12, 22, 11),
      dateOnly: false,
      utc: true,
      endOfDay: false,
    });
    expect(parseWireDateTime('20070101T235959')).toEqual({
      seconds: at(2007, 1, 1, 23, 59, 59),
      dateOnly: false,
      utc: false,
      endOfDay: false,
    });
    expect(parseWireDateTime('20070101')).toEqual({
      seconds: at(2007, 1, 1),
      dateOnly: true,
      utc: false,
      endOfDay: false,
    });
    expect(parseWireDateTime('2007-01-01')).toEqual({
      seconds: at(2007, 1, 1),
      dateOnly: true,
      utc: false,
      endOfDay: false,
    });
    expect(parseWireDateTime('2009-10-16T08:30:00Z').seconds).toBe(at(2009, 10, 16, 8, 30));
    expect(parseWireDateTime(' 20091016T0830Z ').seconds).toBe(at(2009, 10, 16, 8, 30));
    expect(parseWireDateTime('20091016T083000.250Z').seconds).toBe(at(2009, 10, 16, 8, 30));
    expect(parseWireDateTime('20091016T083000+0200')).toEqual({
      seconds: at(2009, 10, 16, 6, 30),
      dateOnly: false,
      utc: true,
      endOfDay: false,
    });
  });

  it('reads T240000 as midnight of the next day', () => {
    expect(parseWireDateTime('20061225T240000Z')).toEqual({
      seconds: at(2006, 12, 26),
      dateOnly: false,
      utc: true,
      endOfDay: true,
    });
  });

  it.each([
    ['20061332T110000Z', 'month out of range'],
    ['20070230', 'day out of range'],
    ['20070101T250000', 'time out of range'],
    ['20070101T246000', 'time out of range'],
    ['2007011', 'expected YYYYMMDD'],
    ['yesterday', 'expected YYYYMMDD'],
    ['20070101X120000', 'expected T'],
    ['20070101T120000ZZ', 'trailing characters'],
    ['00000101', 'year out of range'],
  ])('rejects %s (%s) with INVALID_DATE / 400', (text, why) => {
    try {
      parseWireDateTime(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarCodecError);
      expect((error as CalendarCodecError).code).toBe('INVALID_DATE');
      expect((error as CalendarCodecError).status).toBe(400);
      expect((error as CalendarCodecError).message).toContain(why);
    }
  });

  it('reads canonical strings strictly', () => {
    expect(parseCanonicalDate('2008-03-30')).toBe(daysFromCivil(2008, 3, 30));
    expect(parseCanonicalLocal('2008-03-30T02:30:00')).toBe(at(2008, 3, 30, 2, 30));
    expect(() => parseCanonicalDate('20080330')).toThrow(/canonical date/);
    expect(() => parseCanonicalLocal('2008-03-30T02:30:00Z')).toThrow(/canonical local/);
  });
});

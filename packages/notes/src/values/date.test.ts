import { describe, expect, it } from 'vitest';
import { formatBasicDate, isDateOnly, parseDateValue } from './date.js';

describe('parseDateValue', () => {
  it.each([
    ['20061014T090053Z', '2006-10-14T09:00:53Z'],
    ['20061014T090053', '2006-10-14T09:00:53'],
    ['20061014T0900', '2006-10-14T09:00:00'],
    ['20061014', '2006-10-14'],
    ['2006-10-14', '2006-10-14'],
    ['2006-10-14T09:00:53Z', '2006-10-14T09:00:53Z'],
    ['2006-10-14 09:00', '2006-10-14T09:00:00'],
    ['2006-10-14T09:00:53.250Z', '2006-10-14T09:00:53Z'],
    [' 20240229T235960Z ', '2024-02-29T23:59:60Z'],
  ])('%j -> %j', (input, expected) => {
    expect(parseDateValue(input)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2006-13-01',
    '20060230',
    '20230229',
    '19000229',
    '20061014T240000Z',
    '20061014T096000',
    '20061014T090061',
    '2006101',
    '20061014T09005',
    '2006-10-14T09:00:53+02:00',
  ])('rejects %j', (input) => {
    expect(parseDateValue(input)).toBeUndefined();
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseDateValue('20000229')).toBe('2000-02-29');
    expect(parseDateValue('21000229')).toBeUndefined();
  });
});

describe('formatBasicDate / isDateOnly', () => {
  it('writes the basic form', () => {
    expect(formatBasicDate('2006-10-14T09:00:53Z')).toBe('20061014T090053Z');
    expect(formatBasicDate('2006-10-14T09:00:53')).toBe('20061014T090053');
    expect(formatBasicDate('2006-10-14')).toBe('20061014');
  });
  it('tells dates from date-times', () => {
    expect(isDateOnly('2006-10-14')).toBe(true);
    expect(isDateOnly('2006-10-14T09:00:53')).toBe(false);
  });
});

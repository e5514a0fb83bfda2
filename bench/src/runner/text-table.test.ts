import { expect, test } from 'vitest';
import { formatFigure, formatMarkdownTable, formatRatio, formatTable } from './text-table.js';

test('figures keep three significant digits', () => {
  expect(formatFigure(1_234_567)).toBe('1,230,000');
  expect(formatFigure(12.345)).toBe('12.3');
  expect(formatFigure(0.012345)).toBe('0.0123');
  expect(formatFigure(999.6)).toBe('1,000');
  expect(formatFigure(0)).toBe('0');
  expect(formatFigure(null)).toBe('-');
  expect(formatFigure(Number.NaN)).toBe('-');
});

test('ratios', () => {
  expect(formatRatio(4.236)).toBe('4.24x');
  expect(formatRatio(12.34)).toBe('12.3x');
  expect(formatRatio(null)).toBe('-');
});

test('tables pad columns to the widest cell', () => {
  const t = formatTable(
    ['name', 'n'],
    [
      ['a', '1'],
      ['bbb', '22'],
    ],
    ['left', 'right'],
  );
  expect(t).toBe('name   n\n----  --\na      1\nbbb   22');
  const md = formatMarkdownTable(['name', 'n'], [['a', '1']], ['left', 'right']);
  expect(md).toBe('| name | n |\n| --- | ---: |\n| a | 1 |');
});

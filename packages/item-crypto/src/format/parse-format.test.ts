import { describe, expect, it } from 'vitest';
import { ItemCryptoError } from '../errors.js';
import { formatString, parseFormat } from './parse-format.js';

describe('parseFormat', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['chr', []],
    ['bin', []],
    ['b64', ['b64']],
    ['des;b64', ['des', 'b64']],
    ['DES;B64', ['des', 'b64']],
    [' des ; b64 ', ['des', 'b64']],
    ['des;b64;', ['des', 'b64']],
    ['b64;b64', ['b64', 'b64']],
    ['des', ['des']],
  ] as const)('%j -> %j', (input, expected) => {
    expect(parseFormat(input)).toEqual(expected);
  });

  it.each(['3des;b64', 'zip', 'chr;b64', 'des;;xx'])('rejects %j with 415', (input) => {
    let caught: unknown;
    try {
      parseFormat(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ItemCryptoError);
    expect(caught).toMatchObject({ code: 'UNKNOWN_TRANSFORMATION', status: 415 });
  });

  it('names the unknown token', () => {
    expect(() => parseFormat('des;aes')).toThrow(expect.objectContaining({ transformation: 'aes' }));
  });

  it('writes transformations back', () => {
    expect(formatString(['des', 'b64'])).toBe('des;b64');
    expect(formatString([])).toBeUndefined();
    expect(parseFormat(formatString(['des', 'b64']))).toEqual(['des', 'b64']);
  });
});

import { describe, expect, test } from 'vitest';
import { mergeUrlParams, parseUrlParams } from './url-params.js';

describe('parseUrlParams', () => {
  test('ampersand form with trailing commas, any case', () => {
    const p = parseUrlParams('/syncml/index.html?Sync=7,&FORMAT=SIF,&reset');
    expect(p.sync).toBe(7);
    expect(p.format).toBe('sif');
    expect(p.reset).toBe(true);
    expect(p.invalid).toEqual([]);
  });

  test("Funambol's # separators", () => {
    const p = parseUrlParams('http://host/syncml/?sync=2,#format=vob,#backup=nokia');
    expect(p.sync).toBe(2);
    expect(p.format).toBe('vob');
    expect(p.backup).toBe('nokia');
  });

  test('no query at all, or only after #', () => {
    expect(parseUrlParams('/syncml/').sync).toBeUndefined();
    expect(parseUrlParams('/syncml#SYNC=9').sync).toBe(9);
  });

  test('bad values are reported, not applied', () => {
    const p = parseUrlParams('/s?sync=12&format=pdf&x-custom=1');
    expect(p.sync).toBeUndefined();
    expect(p.format).toBeUndefined();
    expect(p.invalid).toEqual(['SYNC=12', 'FORMAT=pdf']);
    expect(p.unknown).toEqual({ 'X-CUSTOM': '1' });
  });

  test('BACKUP and PUSH without values, our sid ignored', () => {
    const p = parseUrlParams('/s?backup,&push&sid=abc');
    expect(p.backup).toBe('');
    expect(p.push).toBe('');
    expect(p.unknown).toEqual({});
  });

  test('later sources win parameter by parameter', () => {
    const merged = mergeUrlParams(parseUrlParams('/s?sync=3&format=get'), parseUrlParams('x?sync=5'));
    expect(merged.sync).toBe(5);
    expect(merged.format).toBe('get');
  });
});

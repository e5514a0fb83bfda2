import { describe, expect, it } from 'vitest';
import { VersitError } from '../errors.js';
import { isKnownCharset } from './charset.js';
import { decodeCharset } from './decode-charset.js';

describe('decodeCharset', () => {
  it('decodes UTF-8 by default', () => {
    expect(decodeCharset(new Uint8Array([0xc3, 0xbc, 0x62, 0x65, 0x72]))).toBe('über');
  });

  it('decodes ISO-8859-x and Windows-125x by label, case-insensitively', () => {
    expect(decodeCharset(new Uint8Array([0xfc]), 'ISO-8859-1')).toBe('ü');
    expect(decodeCharset(new Uint8Array([0xb9, 0xe6]), 'ISO-8859-2')).toBe('šć');
    expect(decodeCharset(new Uint8Array([0x9a, 0xe8]), 'Windows-1250')).toBe('šč');
    expect(decodeCharset(new Uint8Array([0xc6, 0xe8]), 'windows-1251')).toBe('Жи');
    expect(decodeCharset(new Uint8Array([0x80]), 'windows-1252')).toBe('€');
    expect(decodeCharset(new Uint8Array([0xa4]), 'iso-8859-15')).toBe('€');
    expect(decodeCharset(new Uint8Array([0x82, 0xa0]), 'Shift_JIS')).toBe('あ');
  });

  it('reads undeclared non-UTF-8 bytes in the fallback charset, or rejects them', () => {
    expect(decodeCharset(new Uint8Array([0x4b, 0xf6, 0x6c, 0x6e]))).toBe('Köln');
    expect(decodeCharset(new Uint8Array([0xf6]), 'UTF-8', 'iso-8859-2')).toBe('ö');
    const error = (() => {
      try {
        decodeCharset(new Uint8Array([0xf6]), undefined, null);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(VersitError);
    expect(error).toMatchObject({ code: 'INVALID_TEXT', status: 400 });
  });

  it('rejects an unknown charset with status 415', () => {
    expect(() => decodeCharset(new Uint8Array([0x41]), 'X-KLINGON')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CHARSET', status: 415 }),
    );
    expect(isKnownCharset('X-KLINGON')).toBe(false);
    expect(isKnownCharset('iso-8859-7')).toBe(true);
  });
});

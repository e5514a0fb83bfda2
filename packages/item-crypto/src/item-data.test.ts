import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveDesKey } from './codec/des.js';
import { ItemCryptoError } from './errors.js';
import { DEFAULT_MAX_INPUT_BYTES, decodeItemData, encodeItemData } from './item-data.js';
import { errorOf } from './test-util/errors.test-util.js';

const vectors = process.env.SYNCDS_VECTORS!;
const utf8 = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('des;b64 (syncml-facts §7.2 vector)', () => {
  it('encodes hello with password secret', () => {
    expect(utf8(encodeItemData('hello', 'des;b64', { password: 'secret' }))).toBe('sXfNYrXmu68=');
  });
  it('decodes it with the password or the stored key', () => {
    expect(utf8(decodeItemData('sXfNYrXmu68=', 'des;b64', { password: 'secret' }))).toBe('hello');
    expect(utf8(decodeItemData('sXfNYrXmu68=', 'des;b64', { desKey: deriveDesKey('secret') }))).toBe('hello');
    expect(utf8(decodeItemData('sXfNYrXmu68=', ['des', 'b64'], { password: 'secret' }))).toBe('hello');
  });
  it('prefers desKey over password', () => {
    const options = { password: 'wrong', desKey: deriveDesKey('secret') };
    expect(utf8(decodeItemData('sXfNYrXmu68=', 'des;b64', options))).toBe('hello');
  });
});

describe('round trips', () => {
  const sifNote =
    '<?xml version="1.0" encoding="UTF-8"?><note><Subject>Übersicht</Subject><Body>a\r\nb</Body></note>';
  it.each(['b64', 'des;b64', 'des', 'b64;b64', undefined, 'chr'])('%j', (format) => {
    const options = { password: 'syncmltest' };
    const wire = encodeItemData(sifNote, format, options);
    expect(utf8(decodeItemData(wire, format, options))).toBe(sifNote);
  });
  it('plain formats pass the bytes through', () => {
    expect(utf8(encodeItemData('BEGIN:VNOTE', undefined))).toBe('BEGIN:VNOTE');
    expect(utf8(decodeItemData('BEGIN:VNOTE', 'chr'))).toBe('BEGIN:VNOTE');
  });
});

describe('real capture: sync4j Pocket PC SIF-N item (Format b64)', () => {
  const xml = readFileSync(join(vectors, 'sessions/sync4j_pocketpc_notes/syncml_client_11.xml'), 'latin1');
  const data = xml.slice(xml.indexOf('<Data>PD94') + 6, xml.indexOf('</Data>', xml.indexOf('<Data>PD94')));
  it('decodes to the SIF-N document', () => {
    expect(utf8(decodeItemData(data, 'b64'))).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><note><Subject>client1</Subject>' +
        '<Body>client1\r\nÜbersicht\r\n</Body><Date>20061014T090053Z</Date></note>',
    );
  });
  it('re-encodes to the same wire text', () => {
    expect(utf8(encodeItemData(decodeItemData(data, 'b64'), 'b64'))).toBe(data);
  });
});

describe('errors', () => {
  it('unknown transformation -> 415', () => {
    expect(errorOf(() => decodeItemData('x', 'aes;b64'))).toMatchObject({
      code: 'UNKNOWN_TRANSFORMATION',
      status: 415,
      transformation: 'aes',
    });
  });
  it('des without a key -> 415 MISSING_KEY, in both directions', () => {
    expect(errorOf(() => decodeItemData('sXfNYrXmu68=', 'des;b64'))).toMatchObject({
      code: 'MISSING_KEY',
      status: 415,
    });
    expect(errorOf(() => encodeItemData('hello', 'des;b64'))).toMatchObject({ code: 'MISSING_KEY' });
  });
  it('bad base64 -> 400 with the offset in the item data', () => {
    expect(errorOf(() => decodeItemData('sXfN!rXmu68=', 'des;b64', { password: 'secret' }))).toMatchObject({
      code: 'BAD_BASE64',
      status: 400,
      offset: 4,
    });
  });
  it('wrong password -> 400 BAD_PADDING', () => {
    expect(errorOf(() => decodeItemData('sXfNYrXmu68=', 'des;b64', { password: 'wrong' }))).toMatchObject({
      code: 'BAD_PADDING',
      status: 400,
    });
  });
  it('b64 of a non-block length under des -> 400 BAD_CIPHERTEXT_LENGTH', () => {
    expect(errorOf(() => decodeItemData('aGVsbG8=', 'des;b64', { password: 'secret' }))).toMatchObject({
      code: 'BAD_CIPHERTEXT_LENGTH',
      offset: 5,
    });
  });
  it('oversized input -> 413, checked before any work', () => {
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(16 * 1024 * 1024);
    const error = errorOf(() => decodeItemData(new Uint8Array(11), 'b64', { maxInputBytes: 10 }));
    expect(error).toMatchObject({ code: 'ITEM_TOO_LARGE', status: 413, offset: 10 });
    expect(() => decodeItemData(new Uint8Array(DEFAULT_MAX_INPUT_BYTES + 1), 'aes')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TRANSFORMATION' }),
    );
    expect(() => encodeItemData(new Uint8Array(DEFAULT_MAX_INPUT_BYTES + 1), 'b64')).toThrow(
      expect.objectContaining({ code: 'ITEM_TOO_LARGE' }),
    );
  });
});

describe('bad input never escapes as anything but ItemCryptoError', () => {
  it('random data and formats (2 000 tries)', () => {
    let seed = 17;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const formats = ['b64', 'des;b64', 'des', 'b64;b64', 'bin', 'des;zip'];
    for (let round = 0; round < 2000; round++) {
      const data = Uint8Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256));
      try {
        decodeItemData(data, formats[Math.floor(next() * formats.length)], { password: 'pw' });
      } catch (error) {
        expect(error).toBeInstanceOf(ItemCryptoError);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../index.js';
import { vector } from '../test-util/vectors.test-util.js';

describe('detectEncoding', () => {
  it.each([
    [[0x02, 0x00, 0x00, 0x6a], 'wbxml'],
    [[0x03, 0xa4, 0x01, 0x6a], 'wbxml'],
    [[0x00, 0x01, 0x6a], 'wbxml'],
    [[0x3c, 0x3f], 'xml'],
    [[0xef, 0xbb, 0xbf, 0x3c], 'xml'],
    [[0xfe, 0xff, 0x00, 0x3c], 'xml'],
    [[0xff, 0xfe, 0x3c, 0x00], 'xml'],
    [[0x00, 0x3c, 0x00, 0x3f], 'xml'],
    [[0x0a, 0x20, 0x3c], 'xml'],
    [[0x20, 0x41], null],
    [[0x48, 0x54, 0x54, 0x50], null],
    [[0x04], null],
    [[], null],
  ])('%j -> %s', (b, expected) => {
    expect(detectEncoding(new Uint8Array(b))).toBe(expected);
  });
  it('tells the captures apart', () => {
    expect(detectEncoding(vector('wbxml/k500i_client_0.wbxml'))).toBe('wbxml');
    expect(detectEncoding(vector('wbxml/funambol/msg1.xml'))).toBe('xml');
    expect(detectEncoding(vector('sessions/P900_tasksandcalendar/syncml_client_10.xml'))).toBe('xml');
  });
});

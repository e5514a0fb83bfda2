import { XmlError } from '../errors.js';
import { DQUOTE, EQUALS, matchesAscii, SQUOTE, skipWhitespace } from './char-class.js';

/** What `<?xml ...?>` said. */
export interface XmlDeclaration {
  version: string;
  encoding: string | undefined;
  /** Absolute offset of the encoding name, for UNSUPPORTED_ENCODING. */
  encodingOffset: number;
  standalone: boolean | undefined;
}

function malformed(message: string, at: number, base: number): XmlError {
  return new XmlError('MALFORMED_DECLARATION', message, base + at);
}

function ascii(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]);
  return s;
}

/**
 * Reads `Eq` and a quoted value after a pseudo-attribute name; returns the
 * value's [start, end) as indices, or throws.
 */
function readValue(buf: Uint8Array, p: number, end: number, base: number, name: string): [number, number] {
  let i = skipWhitespace(buf, p, end);
  if (i >= end || buf[i] !== EQUALS) throw malformed(`Expected "=" after ${name}`, i, base);
  i = skipWhitespace(buf, i + 1, end);
  const q = buf[i];
  if (i >= end || (q !== DQUOTE && q !== SQUOTE)) throw malformed(`Expected a quoted ${name} value`, i, base);
  for (let j = i + 1; j < end; j++) if (buf[j] === q) return [i + 1, j];
  throw malformed(`Unterminated ${name} value`, i, base);
}

function isEncName(buf: Uint8Array, start: number, end: number): boolean {
  if (start >= end) return false;
  const first = buf[start] | 0x20;
  if (first < 0x61 || first > 0x7a) return false;
  for (let i = start + 1; i < end; i++) {
    const c = buf[i];
    const letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
    if (!letter && !(c >= 0x30 && c <= 0x39) && c !== 0x2e && c !== 0x5f && c !== 0x2d) return false;
  }
  return true;
}

/**
 * Parses the declaration buf[start, end): `start` at `<`, `end` just after `?>`.
 * Order and spelling are strict (version, then encoding, then standalone).
 */
export function parseXmlDeclaration(
  buf: Uint8Array,
  start: number,
  end: number,
  base: number,
): XmlDeclaration {
  const stop = end - 2; // the `?>`
  let p = start + 5; // after `<?xml`
  const result: XmlDeclaration = {
    version: '',
    encoding: undefined,
    encodingOffset: -1,
    standalone: undefined,
  };
  let seen = 0; // 1 version, 2 encoding, 3 standalone
  for (;;) {
    const ws = skipWhitespace(buf, p, stop);
    if (ws >= stop) break;
    if (ws === p) throw malformed('Expected whitespace in the XML declaration', p, base);
    p = ws;
    if (seen < 1 && matchesAscii(buf, p, stop, 'version')) {
      const [vs, ve] = readValue(buf, p + 7, stop, base, 'version');
      if (ve - vs < 3 || buf[vs] !== 0x31 || buf[vs + 1] !== 0x2e) {
        throw malformed('XML version must be 1.x', vs, base);
      }
      for (let i = vs + 2; i < ve; i++) {
        if (buf[i] < 0x30 || buf[i] > 0x39) throw malformed('XML version must be 1.x', i, base);
      }
      result.version = ascii(buf, vs, ve);
      seen = 1;
      p = ve + 1;
    } else if (seen === 1 && matchesAscii(buf, p, stop, 'encoding')) {
      const [vs, ve] = readValue(buf, p + 8, stop, base, 'encoding');
      if (!isEncName(buf, vs, ve)) throw malformed('Bad encoding name', vs, base);
      result.encoding = ascii(buf, vs, ve);
      result.encodingOffset = base + vs;
      seen = 2;
      p = ve + 1;
    } else if (seen >= 1 && seen < 3 && matchesAscii(buf, p, stop, 'standalone')) {
      const [vs, ve] = readValue(buf, p + 10, stop, base, 'standalone');
      const value = ascii(buf, vs, ve);
      if (value !== 'yes' && value !== 'no') throw malformed('standalone must be "yes" or "no"', vs, base);
      result.standalone = value === 'yes';
      seen = 3;
      p = ve + 1;
    } else {
      throw malformed(
        seen === 0 ? 'The XML declaration must start with version' : 'Unexpected text',
        p,
        base,
      );
    }
  }
  if (seen === 0) throw malformed('The XML declaration must give a version', p, base);
  return result;
}

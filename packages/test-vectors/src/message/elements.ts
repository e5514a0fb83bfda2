import { TestVectorsError } from '../errors.js';

/** Where one element stands in a message: `open` its `<`, content `start`..`end`, `next` after its end tag. */
export interface ElementSpan {
  open: number;
  start: number;
  end: number;
  next: number;
}

function isNameEnd(code: number): boolean {
  // '>', '/', or white space: `<Type>` and `<Type xmlns=...>` but not `<TypeX>`.
  return code === 0x3e || code === 0x2f || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * The first `<name>` element (attributes and `<name/>` allowed) that opens in
 * `xml[from, to)`. Elements of the same name are not nested in SyncML, so the
 * first `</name>` closes it.
 *
 * @throws {TestVectorsError} `MALFORMED_CAPTURE` when its tag or its end tag
 *   is missing before `to`.
 */
export function findElement(
  xml: string,
  name: string,
  from: number,
  to: number,
  path: string,
): ElementSpan | undefined {
  for (let at = from; ; ) {
    const open = xml.indexOf(`<${name}`, at);
    if (open < 0 || open >= to) return undefined;
    if (isNameEnd(xml.charCodeAt(open + name.length + 1))) {
      const gt = xml.indexOf('>', open);
      if (gt < 0 || gt >= to)
        throw new TestVectorsError('MALFORMED_CAPTURE', `<${name} is not closed`, path, open);
      if (xml[gt - 1] === '/') return { open, start: gt + 1, end: gt + 1, next: gt + 1 };
      const close = xml.indexOf(`</${name}>`, gt);
      if (close < 0 || close + name.length + 3 > to) {
        throw new TestVectorsError('MALFORMED_CAPTURE', `<${name}> has no </${name}>`, path, open);
      }
      return { open, start: gt + 1, end: close, next: close + name.length + 3 };
    }
    at = open + 1;
  }
}

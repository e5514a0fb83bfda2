// reader(writer(x)) = x: seeded random documents of every token form, written with the writer
// and read back, whole and in random pieces, give exactly the tokens that were written.
import { describe, expect, it } from 'vitest';
import { Charset, TokenKind } from './constants.js';
import { WbxmlReader } from './reader/reader.js';
import { randomCuts, seededRandom } from './testing.test-util.js';
import { WbxmlWriter } from './writer/writer.js';

/** What the reader must report, in order. */
type Expected =
  | { kind: 'start'; page: number; token: number; content: boolean; attrs: boolean }
  | { kind: 'literal'; name: string; content: boolean; attrs: boolean }
  | { kind: 'end'; page: number; token: number; implicit: boolean }
  | { kind: 'endLiteral'; name: string; implicit: boolean }
  | { kind: 'text'; text: string; table: boolean }
  | { kind: 'opaque'; hex: string }
  | { kind: 'entity'; value: number }
  | { kind: 'ext'; ext: number; text?: string; value?: number }
  | { kind: 'attr'; page: number; token: number }
  | { kind: 'attrLiteral'; name: string }
  | { kind: 'attrValue'; page: number; token: number }
  | { kind: 'attrEnd' }
  | { kind: 'pi' }
  | { kind: 'piEnd' };

const hexOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function randomText(random: () => number): string {
  const alphabet = ['a', 'Z', '0', ' ', '/', 'é', 'ß', 'Ω', '中', '𝄞', '\n', '<', '&'];
  const n = Math.floor(random() * (random() < 0.1 ? 200 : 16));
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

function generate(random: () => number, charset: number): { bytes: Uint8Array; expected: Expected[] } {
  const w = new WbxmlWriter({ initialCapacity: 16 });
  w.header({
    version: 1 + Math.floor(random() * 3),
    publicId: random() < 0.5 ? 0x1201 : '-//X//DTD Y//EN',
    charset,
  });
  const expected: Expected[] = [];
  const pick = (n: number) => Math.floor(random() * n);
  const tagToken = () => 0x05 + pick(0x3b);
  const attrToken = () => {
    const t = 0x05 + pick(0x7b - 5);
    return t >= 0x40 && t <= 0x44 ? t + 5 : t;
  };
  const valueToken = () => {
    const t = 0x85 + pick(0x7b - 5);
    return t >= 0xc0 && t <= 0xc4 ? t + 5 : t;
  };
  const valuePart = () => {
    switch (pick(6)) {
      case 0: {
        const t = randomText(random);
        w.text(t);
        expected.push({ kind: 'text', text: t, table: false });
        break;
      }
      case 1: {
        const t = randomText(random);
        w.tableText(t);
        expected.push({ kind: 'text', text: t, table: true });
        break;
      }
      case 2: {
        const v = pick(0x110000);
        w.entity(v);
        expected.push({ kind: 'entity', value: v });
        break;
      }
      case 3: {
        const b = new Uint8Array(pick(random() < 0.1 ? 400 : 10)).map(() => pick(256));
        w.opaque(b);
        expected.push({ kind: 'opaque', hex: hexOf(b) });
        break;
      }
      case 4: {
        const n = pick(3) as 0 | 1 | 2;
        const form = pick(3);
        if (form === 0) {
          w.extension(n);
          expected.push({ kind: 'ext', ext: 0xc0 + n });
        } else if (form === 1) {
          const t = randomText(random);
          w.extensionText(n, t);
          expected.push({ kind: 'ext', ext: 0x40 + n, text: t });
        } else {
          const v = pick(2 ** 32);
          w.extensionInteger(n, v);
          expected.push({ kind: 'ext', ext: 0x80 + n, value: v });
        }
        break;
      }
      default: {
        const page = pick(3);
        const token = valueToken();
        w.attributeValue(page, token);
        expected.push({ kind: 'attrValue', page, token });
      }
    }
  };
  const attributes = () => {
    const n = 1 + pick(3);
    for (let i = 0; i < n; i++) {
      if (random() < 0.2) {
        const name = `a${pick(5)}`;
        w.literalAttribute(name);
        expected.push({ kind: 'attrLiteral', name });
      } else {
        const page = pick(3);
        const token = attrToken();
        w.attribute(page, token);
        expected.push({ kind: 'attr', page, token });
      }
      const values = pick(3);
      for (let v = 0; v < values; v++) valuePart();
    }
    w.endAttributes();
    expected.push({ kind: 'attrEnd' });
  };
  const pi = () => {
    w.startProcessingInstruction();
    expected.push({ kind: 'pi' });
    const page = pick(2);
    const token = attrToken();
    w.attribute(page, token);
    expected.push({ kind: 'attr', page, token });
    if (random() < 0.5) valuePart();
    w.endProcessingInstruction();
    expected.push({ kind: 'piEnd' });
  };
  const element = (depth: number) => {
    const content = depth < 6 && random() < 0.7;
    const attrs = random() < 0.2;
    const literal = random() < 0.1;
    const page = pick(4);
    const token = tagToken();
    const name = `el${pick(4)}`;
    if (literal) {
      w.startLiteral(name, content, attrs);
      expected.push({ kind: 'literal', name, content, attrs });
    } else {
      w.startTag(page, token, content, attrs);
      expected.push({ kind: 'start', page, token, content, attrs });
    }
    if (attrs) attributes();
    if (content) {
      const children = pick(5);
      for (let i = 0; i < children; i++) {
        const r = random();
        if (r < 0.45) element(depth + 1);
        else if (r < 0.5) pi();
        else {
          // content parts (attribute-value tokens are not content)
          const kind = pick(5);
          if (kind === 0) {
            const t = randomText(random);
            w.text(t);
            expected.push({ kind: 'text', text: t, table: false });
          } else if (kind === 1) {
            const t = randomText(random);
            w.tableText(t);
            expected.push({ kind: 'text', text: t, table: true });
          } else if (kind === 2) {
            const v = pick(0x110000);
            w.entity(v);
            expected.push({ kind: 'entity', value: v });
          } else if (kind === 3) {
            const b = new Uint8Array(pick(20)).map(() => pick(256));
            w.opaque(b);
            expected.push({ kind: 'opaque', hex: hexOf(b) });
          } else {
            const v = pick(1000);
            w.extensionInteger(1, v);
            expected.push({ kind: 'ext', ext: 0x81, value: v });
          }
        }
      }
      w.endTag();
    }
    expected.push(
      literal
        ? { kind: 'endLiteral', name, implicit: !content }
        : { kind: 'end', page, token, implicit: !content },
    );
  };
  if (random() < 0.3) pi();
  element(0);
  if (random() < 0.3) pi();
  return { bytes: w.finish(), expected };
}

/** Reads a document (in pieces) into the {@link Expected} shape. */
function readBack(bytes: Uint8Array, cuts: number[]): Expected[] {
  const r = new WbxmlReader();
  const out: Expected[] = [];
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    r.write(bytes.subarray(from, to));
    from = to;
    if (to === bytes.length) r.end();
    for (let k = r.next(); k !== TokenKind.NEED_MORE && k !== TokenKind.END_OF_DOCUMENT; k = r.next()) {
      switch (k) {
        case TokenKind.HEADER:
          break;
        case TokenKind.START_TAG:
          out.push({
            kind: 'start',
            page: r.page,
            token: r.token,
            content: r.hasContent,
            attrs: r.hasAttributes,
          });
          break;
        case TokenKind.LITERAL:
        case TokenKind.LITERAL_A:
        case TokenKind.LITERAL_C:
        case TokenKind.LITERAL_AC:
          out.push({ kind: 'literal', name: r.text(), content: r.hasContent, attrs: r.hasAttributes });
          break;
        case TokenKind.END_TAG:
          out.push(
            r.literalIndex >= 0
              ? { kind: 'endLiteral', name: r.text(), implicit: !r.hasContent }
              : { kind: 'end', page: r.page, token: r.token, implicit: !r.hasContent },
          );
          break;
        case TokenKind.STR:
          out.push({ kind: 'text', text: r.text(), table: r.fromStringTable });
          break;
        case TokenKind.OPAQUE:
          out.push({ kind: 'opaque', hex: hexOf(r.bytes()) });
          break;
        case TokenKind.ENTITY:
          out.push({ kind: 'entity', value: r.value });
          break;
        case TokenKind.EXT: {
          const form = r.extToken & 0xc0;
          out.push(
            form === 0x40
              ? { kind: 'ext', ext: r.extToken, text: r.text() }
              : form === 0x80
                ? { kind: 'ext', ext: r.extToken, value: r.value }
                : { kind: 'ext', ext: r.extToken },
          );
          break;
        }
        case TokenKind.ATTR_START:
          out.push(
            r.literalIndex >= 0
              ? { kind: 'attrLiteral', name: r.text() }
              : { kind: 'attr', page: r.page, token: r.token },
          );
          break;
        case TokenKind.ATTR_VALUE:
          out.push({ kind: 'attrValue', page: r.page, token: r.token });
          break;
        case TokenKind.ATTR_END:
          out.push({ kind: 'attrEnd' });
          break;
        case TokenKind.PI:
          out.push({ kind: 'pi' });
          break;
        case TokenKind.PI_END:
          out.push({ kind: 'piEnd' });
          break;
      }
    }
  }
  return out;
}

describe('reader(writer(x)) = x', () => {
  for (const [label, charset] of [
    ['UTF-8', Charset.UTF_8],
    ['UTF-16BE', Charset.UTF_16BE],
    ['UTF-16LE', Charset.UTF_16LE],
  ] as const) {
    it(`${label}: 300 seeded documents, whole and in random pieces`, () => {
      const random = seededRandom(charset);
      let tokens = 0;
      for (let i = 0; i < 300; i++) {
        const { bytes, expected } = generate(random, charset);
        expect(readBack(bytes, [])).toEqual(expected);
        expect(readBack(bytes, randomCuts(bytes.length, 1 + Math.floor(random() * 20), random))).toEqual(
          expected,
        );
        tokens += expected.length;
      }
      expect(tokens).toBeGreaterThan(3000);
    });
  }
});

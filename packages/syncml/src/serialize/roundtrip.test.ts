// parse(serialize(ast)) equals ast, in both encodings and under every option, for every
// capture; encodedSize and encodedOverhead add up to the exact serialized length.
import { describe, expect, it } from 'vitest';
import {
  encodedOverhead,
  encodedSize,
  parseMessage,
  type SerializeOptions,
  serializeMessage,
} from '../index.js';
import {
  comparePayloadsByBytes,
  vector,
  wbxmlMessages,
  withDevInfTypes,
  xmlMessages,
} from '../test-util/vectors.test-util.js';

comparePayloadsByBytes();

const VARIANTS: SerializeOptions[] = [
  { encoding: 'wbxml' },
  { encoding: 'wbxml', publicId: 'numeric' },
  { encoding: 'wbxml', stringTable: true },
  { encoding: 'xml' },
  { encoding: 'xml', indent: 2, doctype: true },
  { encoding: 'xml', xmlData: 'cdata', xmlDeclaration: false },
];

function describeOptions(o: SerializeOptions): string {
  return JSON.stringify(o);
}

const files = [...wbxmlMessages(), ...xmlMessages()];

describe('round trip of every capture', () => {
  it.each(files)('%s', (file) => {
    const ast = parseMessage(vector(file)).message;
    for (const variant of VARIANTS) {
      const exact = { ...variant, devInfTypeFollowsEncoding: false };
      const bytes = serializeMessage(ast, exact);
      const back = parseMessage(bytes);
      expect(back.encoding, describeOptions(variant)).toBe(variant.encoding);
      expect(back.warnings, describeOptions(variant)).toEqual([]);
      expect(back.message, describeOptions(variant)).toEqual(ast);

      const matched = parseMessage(serializeMessage(ast, variant)).message;
      expect(matched, describeOptions(variant)).toEqual(withDevInfTypes(ast, variant.encoding));
    }
  });
});

describe('encodedSize + encodedOverhead = serialized length', () => {
  const options: SerializeOptions[] = VARIANTS.filter((o) => o.stringTable !== true);
  it.each(files)('%s', (file) => {
    const ast = parseMessage(vector(file)).message;
    for (const o of options) {
      const total = serializeMessage(ast, o).length;
      let sum = encodedOverhead(ast.header, ast.final, o);
      for (const c of ast.commands) sum += encodedSize(c, o);
      expect(sum, describeOptions(o)).toBe(total);
    }
  });

  it('measures each command as it sits in the message: dropping one shrinks the message by its size', () => {
    const ast = parseMessage(vector('wbxml/funambol/msg1.wbxml')).message;
    for (const o of [{ encoding: 'wbxml' }, { encoding: 'xml', indent: 1 }] as SerializeOptions[]) {
      const full = serializeMessage(ast, o).length;
      for (let i = 0; i < ast.commands.length; i++) {
        const without = { ...ast, commands: ast.commands.filter((_, k) => k !== i) };
        expect(full - serializeMessage(without, o).length).toBe(encodedSize(ast.commands[i]!, o));
      }
      const bare = { ...ast, commands: [], final: false };
      expect(serializeMessage(bare, o).length).toBe(encodedOverhead(ast.header, false, o));
    }
  });
});

// The hot functions of the fused decoder and of the value helpers use literal constants named
// in a comment, `/* STR_I */ 0x03`, and their switches literal case labels,
// `case /* L_VER_DTD */ 64:`: V8 compiles a switch over integer literals to one indexed jump
// (over imported constants to a chain of comparisons) and reads a module constant from its
// cell, with checks, at every use. This checks every such literal against the constant it names,
// and that no case label of those switches is left symbolic.
import { readFileSync } from 'node:fs';
import { GlobalToken, TAG_HAS_ATTRIBUTES, TAG_HAS_CONTENT } from '@syncds/wbxml';
import { describe, expect, it } from 'vitest';
import * as F from '../build/frames.js';
import * as I from '../values/intern.js';
import * as U from '../values/utf8.js';
import * as E from '../vocabulary/element-ids.js';
import * as D from './document.js';
import * as S from './scan.js';

const constants: Record<string, unknown> = {
  ...F,
  ...E,
  ...GlobalToken,
  TAG_HAS_ATTRIBUTES,
  TAG_HAS_CONTENT,
  NO_CHILD: D.NO_CHILD,
  SHORT_SCAN: S.SHORT_SCAN,
  INTERN_MAX_BYTES: I.INTERN_MAX_BYTES,
  INTERN_CACHE_SLOTS: I.INTERN_CACHE_SLOTS,
  SHORT_ASCII_MAX: U.SHORT_ASCII_MAX,
};

const NAMED_LITERAL = /\/\* ([A-Z][A-Z0-9_]*) \*\/ (0x[0-9a-fA-F]+|\d+)/g;

const FILES = [
  'fused/document.ts',
  'fused/scan.ts',
  'fused/leaf.ts',
  'fused/open.ts',
  'fused/close.ts',
  'values/intern.ts',
  'values/utf8.ts',
];
const SWITCH_FILES = ['fused/leaf.ts', 'fused/open.ts', 'fused/close.ts'];

const source = (file: string): string => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

describe('named literals', () => {
  it.each(FILES)('%s: every literal is the value of the constant it names', (file) => {
    const literals = [...source(file).matchAll(NAMED_LITERAL)];
    expect(literals.length).toBeGreaterThan(0);
    for (const [, name, value] of literals) {
      expect(constants[name!], `${file}: ${name}`).toBe(Number(value));
    }
  });

  it.each(SWITCH_FILES)('%s: every case label is a named literal', (file) => {
    const text = source(file);
    const labels = [...text.matchAll(/^\s*case \/\* \w+ \*\/ (0x[0-9a-fA-F]+|\d+):/gm)].length;
    expect(labels).toBeGreaterThan(5);
    expect([...text.matchAll(/^\s*case\b/gm)].length).toBe(labels);
  });

  it('sees a wrong literal', () => {
    const [, name, value] = NAMED_LITERAL.exec('x === /* L_VER_DTD */ 65')!;
    NAMED_LITERAL.lastIndex = 0;
    expect(constants[name!]).not.toBe(Number(value));
  });
});

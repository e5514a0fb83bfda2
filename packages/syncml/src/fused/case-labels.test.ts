// The fused decoder's switches use literal case labels (one indexed jump in V8, where imported
// constants give a chain of comparisons); each label names its constant in a comment. This
// checks every label against the constant it names, and that no label is left symbolic.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as F from '../build/frames.js';
import * as E from '../vocabulary/element-ids.js';

const FILES = ['leaf.ts', 'open.ts', 'close.ts'];
const constants: Record<string, unknown> = { ...F, ...E };

describe('literal case labels', () => {
  it.each(FILES)('%s: every label is the value of the constant it names', (file) => {
    const source = readFileSync(new URL(file, import.meta.url), 'utf8');
    const labels = [...source.matchAll(/case \/\* (\w+) \*\/ (\d+):/g)];
    expect(labels.length).toBeGreaterThan(5);
    for (const [, name, value] of labels) {
      expect(constants[name!], `${file}: ${name}`).toBe(Number(value));
    }
    // Every case label is of that form: none symbolic, none unnamed.
    const all = [...source.matchAll(/^\s*case\b/gm)].length;
    expect(all).toBe(labels.length);
  });

  it('sees a wrong label', () => {
    const wrong = 'case /* L_VER_DTD */ 65:';
    const [, name, value] = /case \/\* (\w+) \*\/ (\d+):/.exec(wrong)!;
    expect(constants[name!]).not.toBe(Number(value));
  });
});

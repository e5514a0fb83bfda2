import { describe, expect, it } from 'vitest';
import { NameTable } from './name-table.js';

const utf8 = new TextEncoder();

describe('NameTable', () => {
  const names = ['SyncML', 'SyncHdr', 'SyncBody', 'Add', 'Größe', 'Rx-Pref'];
  const table = new NameTable(names);

  it('maps every name to its index, from bytes inside a larger buffer', () => {
    expect(table.size).toBe(6);
    for (const [id, name] of names.entries()) {
      const buf = utf8.encode(`<${name}>`);
      expect(table.lookup(buf, 1, buf.length - 1)).toBe(id);
      expect(table.idOf(name)).toBe(id);
      expect(table.nameOf(id)).toBe(name);
    }
  });

  it('answers -1 for unknown names, prefixes and case variants', () => {
    for (const other of ['Sync', 'SyncMLx', 'syncml', '', 'Addd', 'Grosse']) {
      expect(table.idOf(other)).toBe(-1);
    }
    expect(table.nameOf(6)).toBeUndefined();
  });

  it('refuses a repeated name', () => {
    expect(() => new NameTable(['a', 'b', 'a'])).toThrow(RangeError);
  });

  it('holds many names', () => {
    const many = Array.from({ length: 500 }, (_, i) => `name${i}`);
    const big = new NameTable(many);
    expect(many.every((n, i) => big.idOf(n) === i)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { ReplayError } from '../errors.js';
import { DatabaseMap, normalizeDatabase } from './databases.js';

describe('normalizeDatabase', () => {
  it('compares names as the server does: case, ./ and trailing / ignored', () => {
    expect(normalizeDatabase('./Contacts/')).toBe('contacts');
    expect(normalizeDatabase(' card ')).toBe('card');
    expect(normalizeDatabase('c:\\Documents\\agenda')).toBe('c:\\documents\\agenda');
  });
});

describe('DatabaseMap', () => {
  it('renames mapped names and leaves the others', () => {
    const map = new DatabaseMap([
      ['./scard', 'Contacts'],
      ['scal', ' Calendar '],
    ]);
    expect(map.rename('scard')).toBe('Contacts');
    expect(map.rename('./SCAL')).toBe('Calendar');
    expect(map.rename('notes')).toBe('notes');
    expect(map.has('./scard/')).toBe(true);
    expect(map.size).toBe(2);
    expect(map.entries()).toEqual([
      ['scard', 'Contacts'],
      ['scal', 'Calendar'],
    ]);
  });

  it('parses REMOTE=FOLDER and refuses half entries', () => {
    expect(DatabaseMap.parseEntry('scard=Contacts')).toEqual(['scard', 'Contacts']);
    expect(DatabaseMap.parseEntry('a=b=c')).toEqual(['a', 'b=c']);
    for (const bad of ['scard', '=Contacts', 'scard=']) {
      expect(() => DatabaseMap.parseEntry(bad)).toThrow(ReplayError);
    }
    expect(() => new DatabaseMap([['./', 'Contacts']])).toThrow(/needs a name on both sides/);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_STORE_LIMITS } from '../options.js';
import { folderKey, nameOf, parentPathOf, parseFolderPath, remoteNameCandidates } from './folder-path.js';

const limits = DEFAULT_STORE_LIMITS;

describe('remoteNameCandidates (R13)', () => {
  it.each([
    ['Contacts', ['contacts']],
    ['./contacts', ['contacts']],
    ['CONTACTS/', ['contacts']],
    ['././Contacts//', ['contacts']],
    ['/Contacts', ['contacts']],
    ['Contacts/Work', ['contacts/work']],
    ['./Contacts//Work/', ['contacts/work']],
    ['Calendar', ['calendar', 'events']],
    ['./calendar/Work', ['calendar/work', 'events/work']],
    ['Events', ['events']],
    ['Mail', ['inbox']],
    ['./MAIL/Archive', ['inbox/archive']],
    ['Sent', ['sent']],
    ['', []],
    ['./', []],
    ['///', []],
  ])('%j -> %j', (name, expected) => {
    expect(remoteNameCandidates(name)).toEqual(expected);
  });

  it('compares in NFC: a decomposed é matches the composed one', () => {
    expect(remoteNameCandidates('Cafe\u0301')).toEqual([folderKey('Caf\u00e9')]);
  });
});

describe('parseFolderPath', () => {
  it('keeps the case in path and lower-cases the key', () => {
    expect(parseFolderPath('./Contacts/Work/', limits)).toEqual({
      path: 'Contacts/Work',
      key: 'contacts/work',
      segments: ['Contacts', 'Work'],
    });
  });

  it('ignores white space around the whole path', () => {
    expect(parseFolderPath('  Contacts/Work ', limits).path).toBe('Contacts/Work');
  });

  it('allows a folder named Calendar and sub-folders under inbox', () => {
    expect(parseFolderPath('Calendar', limits).key).toBe('calendar');
    expect(parseFolderPath('inbox/Mail', limits).key).toBe('inbox/mail');
  });

  it.each([
    ['', 'INVALID'],
    ['./', 'INVALID'],
    ['Contacts/../x', 'INVALID'],
    ['./.', 'INVALID'],
    ['a\u0007b', 'INVALID'],
    ['Contacts/ padded', 'INVALID'],
    ['Contacts/trailing /x', 'INVALID'],
    ['Mail', 'INVALID'],
    ['mail/Sub', 'INVALID'],
    ['x'.repeat(256), 'TOO_LARGE'],
    [Array.from({ length: 17 }, () => 'a').join('/'), 'TOO_LARGE'],
  ])('rejects %j with %s', (input, code) => {
    expect(() => parseFolderPath(input, limits)).toThrow(expect.objectContaining({ code, path: 'path' }));
  });
});

describe('path helpers', () => {
  it('split parent and name', () => {
    expect(parentPathOf('Contacts/Work/Team')).toBe('Contacts/Work');
    expect(parentPathOf('Contacts')).toBeNull();
    expect(nameOf('Contacts/Work/Team')).toBe('Team');
    expect(nameOf('Contacts')).toBe('Contacts');
  });
});

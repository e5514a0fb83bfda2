import { describe, expect, it } from 'vitest';
import { PHONE_KINDS, PLACE_KINDS } from '../model/contact.js';
import { phoneKindOf, phoneTypesFor, placeKindOf, placeTypesFor } from './type-mapping.js';

describe('TEL types', () => {
  for (const kind of PHONE_KINDS) {
    for (const preferred of [false, true]) {
      it(`reads back ${kind}${preferred ? ' (preferred)' : ''} from the types it writes`, () => {
        const expectedPreferred = preferred && kind !== 'company-main' && kind !== 'primary';
        const reading = phoneKindOf(new Set(phoneTypesFor(kind, preferred)), false);
        expect(reading).toEqual({ kind, preferred: expectedPreferred, extraTypes: [] });
      });
    }
  }

  it('keeps extra types and reads the PREF parameter of vCard 4.0', () => {
    expect(phoneKindOf(new Set(['CELL', 'VOICE', 'VIDEO', 'TEXT']), true)).toEqual({
      kind: 'cell',
      preferred: true,
      extraTypes: ['VIDEO', 'TEXT'],
    });
    expect(phoneTypesFor('cell', true, ['VIDEO', 'TEXT'])).toEqual(['CELL', 'PREF', 'VIDEO', 'TEXT']);
  });

  it('reads Evolution and Apple spellings', () => {
    expect(phoneKindOf(new Set(['X-EVOLUTION-ASSISTANT']), false).kind).toBe('assistant');
    expect(phoneKindOf(new Set(['IPHONE']), false)).toEqual({
      kind: 'cell',
      preferred: false,
      extraTypes: ['IPHONE'],
    });
    expect(phoneKindOf(new Set(['MAIN']), false)).toEqual({
      kind: 'company-main',
      preferred: false,
      extraTypes: ['MAIN'],
    });
    expect(phoneKindOf(new Set(), false).kind).toBe('other');
  });
});

describe('place types', () => {
  for (const kind of PLACE_KINDS) {
    it(`reads back ${kind} from the types it writes`, () => {
      expect(placeKindOf(new Set(placeTypesFor(kind, true)), false)).toEqual({
        kind,
        preferred: true,
        extraTypes: [],
      });
    });
  }

  it('keeps types the kind does not restore, drops INTERNET', () => {
    expect(placeKindOf(new Set(['INTERNET', 'HOME', 'WORK', 'X400']), false)).toEqual({
      kind: 'home',
      preferred: false,
      extraTypes: ['WORK', 'X400'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  CodePageError,
  DevInf10,
  DevInf11,
  DevInf12,
  registerVocabulary,
  SyncML10,
  SyncML11,
  SyncML12,
  type Vocabulary,
  VocabularyRegistry,
  validateVocabulary,
  vocabularyById,
  vocabularyByNamespace,
  vocabularyByPublicId,
} from './index.js';

/** A small made-up vocabulary in the shape other teams would register (ActiveSync-like). */
function sampleVocabulary(overrides: Partial<Vocabulary> = {}): Vocabulary {
  return {
    id: 'sample10',
    name: 'Sample 1.0',
    version: '1.0',
    rootElement: 'Root',
    publicId: {
      numeric: 0x7f01,
      fpi: '-//EXAMPLE//DTD Sample 1.0//EN',
      altFpis: ['-//EXAMPLE//DTD SAMPLE//EN'],
    },
    pages: [
      { page: 0, namespace: 'urn:sample', tags: { 5: 'Root', 6: 'Child' } },
      { page: 2, namespace: 'urn:sample:ext', tags: { 5: 'Extra', 63: 'Child' } },
    ],
    ...overrides,
  };
}

function codeOf(fn: () => unknown): { code: string; path: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CodePageError);
    const err = e as CodePageError;
    return { code: err.code, path: err.path };
  }
  throw new Error('expected a CodePageError');
}

describe('vocabularyByPublicId', () => {
  it('finds each built-in by its numeric public id (facts §2)', () => {
    expect(vocabularyByPublicId(0x0fd1)).toBe(SyncML10);
    expect(vocabularyByPublicId(0x0fd3)).toBe(SyncML11);
    expect(vocabularyByPublicId(0x1201)).toBe(SyncML12);
    expect(vocabularyByPublicId(0x0fd2)).toBe(DevInf10);
    expect(vocabularyByPublicId(0x0fd4)).toBe(DevInf11);
    expect(vocabularyByPublicId(0x1203)).toBe(DevInf12);
  });

  it('never matches 0 (string form) or 1 (unknown), nor MetInf 1.2 0x1202', () => {
    expect(vocabularyByPublicId(0)).toBeUndefined();
    expect(vocabularyByPublicId(1)).toBeUndefined();
    expect(vocabularyByPublicId(0x1202)).toBeUndefined();
  });

  it('compares FPIs case-insensitively with white space folded', () => {
    expect(vocabularyByPublicId('-//SYNCML//DTD SyncML 1.1//EN')).toBe(SyncML11);
    expect(vocabularyByPublicId('-//syncml//dtd syncml 1.1//en')).toBe(SyncML11);
    expect(vocabularyByPublicId('  -//SYNCML//DTD   SyncML\t1.2//EN ')).toBe(SyncML12);
    expect(vocabularyByPublicId('-//SYNCML//DTD DevInf 1.0//EN')).toBe(DevInf10);
  });

  it('accepts the alternative FPIs of the OMA DTD copies', () => {
    expect(vocabularyByPublicId('-//OMA//DTD SYNCML 1.1//EN')).toBe(SyncML11);
    expect(vocabularyByPublicId('-//OMA//DTD SYNCML-DEVINF 1.1//EN')).toBe(DevInf11);
    expect(vocabularyByPublicId('-//SYNCML//DTD SYNCML 1.2//EN')).toBe(SyncML12);
  });

  it('returns undefined for unknown identifiers', () => {
    expect(vocabularyByPublicId('-//SYNCML//DTD SyncML 1.3//EN')).toBeUndefined();
    expect(vocabularyByPublicId('')).toBeUndefined();
    expect(vocabularyByPublicId(0x0fd5)).toBeUndefined();
  });
});

describe('vocabularyByNamespace and vocabularyById', () => {
  it('maps each SYNCML:SYNCML1.x namespace to its version, case-insensitively', () => {
    expect(vocabularyByNamespace('SYNCML:SYNCML1.0')).toBe(SyncML10);
    expect(vocabularyByNamespace('syncml:syncml1.1')).toBe(SyncML11);
    expect(vocabularyByNamespace('SyncML:SyncML1.2')).toBe(SyncML12);
  });

  it('gives the newest DevInf for the unversioned syncml:devinf', () => {
    expect(vocabularyByNamespace('syncml:devinf')).toBe(DevInf12);
    expect(vocabularyByNamespace('SYNCML:DEVINF')).toBe(DevInf12);
  });

  it('does not treat a non-root page namespace as a document type', () => {
    expect(vocabularyByNamespace('syncml:metinf')).toBeUndefined();
    expect(vocabularyByNamespace('SYNCML:SYNCML1.3')).toBeUndefined();
  });

  it('finds vocabularies by id', () => {
    expect(vocabularyById('syncml12')).toBe(SyncML12);
    expect(vocabularyById('devinf11')).toBe(DevInf11);
    expect(vocabularyById('nope')).toBeUndefined();
  });

  it('freezes the built-ins so their cached indexes cannot go stale', () => {
    expect(Object.isFrozen(SyncML12)).toBe(true);
    expect(Object.isFrozen(SyncML12.pages[1]!.tags)).toBe(true);
    expect(() => {
      (SyncML12.pages[0]!.tags as Record<number, string>)[0x30] = 'Bogus';
    }).toThrow(TypeError);
  });
});

describe('VocabularyRegistry', () => {
  it('starts with the built-ins, in order', () => {
    expect(new VocabularyRegistry().list().map((v) => v.id)).toEqual([
      'syncml10',
      'syncml11',
      'syncml12',
      'devinf10',
      'devinf11',
      'devinf12',
    ]);
    expect(new VocabularyRegistry([]).list()).toEqual([]);
  });

  it('registers a caller vocabulary and finds it every way', () => {
    const registry = new VocabularyRegistry();
    const v = registry.register(sampleVocabulary());
    expect(registry.byId('sample10')).toBe(v);
    expect(registry.byPublicId(0x7f01)).toBe(v);
    expect(registry.byPublicId('-//example//dtd sample 1.0//en')).toBe(v);
    expect(registry.byPublicId('-//EXAMPLE//DTD SAMPLE//EN')).toBe(v);
    expect(registry.byNamespace('URN:SAMPLE')).toBe(v);
    expect(Object.isFrozen(v)).toBe(true);
    // the default registry is untouched
    expect(vocabularyById('sample10')).toBeUndefined();
  });

  it('accepts a vocabulary without a numeric public id', () => {
    const registry = new VocabularyRegistry([]);
    const base = sampleVocabulary();
    const v = registry.register({ ...base, publicId: { fpi: base.publicId.fpi, altFpis: [] } });
    expect(registry.byPublicId('-//EXAMPLE//DTD Sample 1.0//EN')).toBe(v);
  });

  it('rejects a clash of id, numeric public id or FPI unless replace is set', () => {
    const registry = new VocabularyRegistry();
    expect(codeOf(() => registry.register(sampleVocabulary({ id: 'syncml12' })))).toEqual({
      code: 'DUPLICATE_VOCABULARY',
      path: '',
    });
    expect(
      codeOf(() =>
        registry.register(
          sampleVocabulary({ publicId: { numeric: 0x1201, fpi: '-//EXAMPLE//DTD Other//EN', altFpis: [] } }),
        ),
      ).code,
    ).toBe('DUPLICATE_VOCABULARY');
    expect(
      codeOf(() =>
        registry.register(
          sampleVocabulary({
            publicId: { fpi: '-//EXAMPLE//DTD X//EN', altFpis: ['-//oma//dtd syncml 1.1//en'] },
          }),
        ),
      ).code,
    ).toBe('DUPLICATE_VOCABULARY');
    expect(registry.list()).toHaveLength(6);
  });

  it('replaces every clashing vocabulary when asked', () => {
    const registry = new VocabularyRegistry();
    const mine = sampleVocabulary({
      id: 'mysyncml',
      publicId: { numeric: 0x1201, fpi: '-//SYNCML//DTD SyncML 1.1//EN', altFpis: [] },
    });
    registry.register(mine, { replace: true });
    expect(registry.byPublicId(0x1201)).toBe(mine);
    expect(registry.byPublicId('-//SYNCML//DTD SyncML 1.1//EN')).toBe(mine);
    expect(registry.byId('syncml11')).toBeUndefined();
    expect(registry.byId('syncml12')).toBeUndefined();
    // nothing of the replaced ones stays behind
    expect(registry.byPublicId(0x0fd3)).toBeUndefined();
    expect(registry.byNamespace('SYNCML:SYNCML1.2')).toBeUndefined();
    expect(registry.list().map((v) => v.id)).toEqual([
      'syncml10',
      'devinf10',
      'devinf11',
      'devinf12',
      'mysyncml',
    ]);
  });

  it('registerVocabulary adds to the default registry', () => {
    const v = registerVocabulary(
      sampleVocabulary({ id: 'defaulttest', publicId: { fpi: '-//T//DTD T//EN', altFpis: [] } }),
    );
    expect(vocabularyByPublicId('-//t//dtd t//en')).toBe(v);
  });
});

describe('validateVocabulary', () => {
  const bad: [string, Vocabulary, string][] = [
    ['empty id', sampleVocabulary({ id: '' }), 'id'],
    [
      'page out of range',
      sampleVocabulary({ pages: [{ page: 256, namespace: 'x', tags: { 5: 'Root' } }] }),
      'pages[0].page',
    ],
    [
      'page twice',
      sampleVocabulary({
        pages: [
          { page: 0, namespace: 'x', tags: { 5: 'Root' } },
          { page: 0, namespace: 'y', tags: { 6: 'B' } },
        ],
      }),
      'pages[1].page',
    ],
    [
      'global token as tag',
      sampleVocabulary({ pages: [{ page: 0, namespace: 'x', tags: { 4: 'Root' } }] }),
      'pages[0].tags[4]',
    ],
    [
      'token above 0x3F',
      sampleVocabulary({ pages: [{ page: 0, namespace: 'x', tags: { 64: 'Root' } }] }),
      'pages[0].tags[64]',
    ],
    [
      'name twice on a page',
      sampleVocabulary({ pages: [{ page: 0, namespace: 'x', tags: { 5: 'Root', 6: 'Root' } }] }),
      'pages[0].tags[6]',
    ],
    ['root on no page', sampleVocabulary({ rootElement: 'Missing' }), 'rootElement'],
    ['no pages', sampleVocabulary({ pages: [] }), 'pages'],
    [
      'numeric 1 (unknown)',
      sampleVocabulary({ publicId: { numeric: 1, fpi: 'x', altFpis: [] } }),
      'publicId.numeric',
    ],
    [
      'empty alternative FPI',
      sampleVocabulary({ publicId: { fpi: 'x', altFpis: [''] } }),
      'publicId.altFpis[0]',
    ],
    [
      'empty namespace',
      sampleVocabulary({ pages: [{ page: 0, namespace: '', tags: { 5: 'Root' } }] }),
      'pages[0].namespace',
    ],
  ];
  it.each(bad)('%s', (_label, v, path) => {
    expect(codeOf(() => validateVocabulary(v))).toEqual({ code: 'INVALID_VOCABULARY', path });
    expect(codeOf(() => new VocabularyRegistry([]).register(v))).toEqual({
      code: 'INVALID_VOCABULARY',
      path,
    });
  });

  it('passes the built-ins and the sample', () => {
    for (const v of [SyncML10, SyncML11, SyncML12, DevInf10, DevInf11, DevInf12, sampleVocabulary()]) {
      expect(() => validateVocabulary(v)).not.toThrow();
    }
  });
});

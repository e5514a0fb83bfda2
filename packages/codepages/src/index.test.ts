// The public API is exactly what src/index.ts names; this list changes only on purpose.
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports these values and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CodePageError',
      'DevInf10',
      'DevInf11',
      'DevInf12',
      'DevInfTag',
      'MAX_PAGE',
      'MAX_TAG_TOKEN',
      'MIN_TAG_TOKEN',
      'MetInfTag',
      'SyncML10',
      'SyncML11',
      'SyncML12',
      'SyncMLTag',
      'TAG_IDS_PER_PAGE',
      'TagTable',
      'VocabularyRegistry',
      'builtinVocabularies',
      'defaultRegistry',
      'pageOfTagId',
      'registerVocabulary',
      'tagId',
      'tagIdOf',
      'tagName',
      'tagTable',
      'tokenOfTagId',
      'validateVocabulary',
      'vocabularyById',
      'vocabularyByNamespace',
      'vocabularyByPublicId',
    ]);
  });
});

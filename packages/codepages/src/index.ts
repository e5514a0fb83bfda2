export { type CodePageErrorCode, CodePageError } from './errors.js';
export { DevInfTag, MetInfTag, SyncMLTag } from './generated/tags.js';
export {
  builtinVocabularies,
  DevInf10,
  DevInf11,
  DevInf12,
  SyncML10,
  SyncML11,
  SyncML12,
} from './generated/vocabularies.js';
export {
  defaultRegistry,
  type RegisterOptions,
  registerVocabulary,
  VocabularyRegistry,
  vocabularyById,
  vocabularyByNamespace,
  vocabularyByPublicId,
} from './registry.js';
export {
  pageOfTagId,
  TAG_IDS_PER_PAGE,
  TagTable,
  tagId,
  tagIdOf,
  tagName,
  tagTable,
  tokenOfTagId,
} from './tag-table.js';
export {
  type CodePage,
  MAX_PAGE,
  MAX_TAG_TOKEN,
  MIN_TAG_TOKEN,
  type PublicId,
  type Vocabulary,
  validateVocabulary,
} from './vocabulary.js';

export {
  type ContentTypeRef,
  type CtCapInfo,
  chooseFormat,
  DEFAULT_CONTENT_TYPES,
  type DatastoreInfo,
  type FormatChoice,
  type FormatChoiceReason,
  type FormatChoiceRequest,
  otherFamily,
} from './choice/choose-format.js';
export { type ItemLimits, type ParseItemOptions, parseItem } from './codec/parse-item.js';
export { type SerializeItemOptions, serializeItem } from './codec/serialize-item.js';
export { contactNameKey, normalizePhone, normalizeText, sameItem, timeKey } from './compare/same-item.js';
export { FormatError, type FormatErrorCode, type ItemCodecError, isItemCodecError } from './errors.js';
export {
  type CtCapFieldsOptions,
  calendarItemOf,
  deviceFieldsOf,
  fieldsFromCtCap,
  mergeItem,
} from './merge/merge-item.js';
export type { CanonicalRecord } from './record/canonical-record.js';
export {
  CONTENT_TYPES,
  type ContentTypeEntry,
  contentTypeEntry,
  FORMAT_KINDS,
  type FormatFamily,
  familyOf,
  formatOf,
  type ItemFormat,
  type ItemKind,
  isWritable,
  kindsOf,
  mediaTypeOf,
} from './registry/content-types.js';
export { itemSummary, MAX_SUMMARY_LENGTH } from './summary/item-summary.js';

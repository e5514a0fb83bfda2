export { detectDialect } from './parse/detect.js';
export { dialectOf, isLegacyDialect, VERSIT_DIALECTS, type VersitDialect } from './dialect.js';
export { decodeBase64, encodeBase64 } from './encoding/base64.js';
export { isKnownCharset } from './encoding/charset.js';
export { decodeCharset } from './encoding/decode-charset.js';
export {
  decodeQuotedPrintable,
  encodeQuotedPrintable,
  encodeQuotedPrintableLines,
} from './encoding/quoted-printable.js';
export {
  VERSIT_ERROR_STATUS,
  VersitError,
  type VersitErrorCode,
  type VersitErrorPosition,
} from './errors.js';
export { findProperties, findProperty, getParamValues, hasParamValue, makeProperty } from './model/lookup.js';
export type { VersitComponent, VersitParam, VersitProperty } from './model/types.js';
export {
  DEFAULT_FALLBACK_CHARSET,
  DEFAULT_FOLD_WIDTH,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_ITEM_BYTES,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_PROPERTIES,
  type ParseVersitOptions,
  type SerializeVersitOptions,
} from './options.js';
export { parseVersit, parseVersitItem, type VersitDocument } from './parse/parse.js';
export { serializeVersit, serializeVersitProperty } from './serialize/serialize.js';
export {
  escapeText,
  joinList,
  joinStructured,
  splitEscaped,
  splitList,
  splitStructured,
  splitStructuredLists,
  unescapeText,
} from './text/escape.js';

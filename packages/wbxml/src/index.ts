export { charsetLabel } from './charset/charsets.js';
export { SHORT_STRING_THRESHOLD } from './charset/decode.js';
export { SHORT_ENCODE_THRESHOLD } from './charset/encode.js';
export {
  Charset,
  GlobalToken,
  PUBLIC_ID_UNKNOWN,
  TAG_HAS_ATTRIBUTES,
  TAG_HAS_CONTENT,
  TAG_IDENTITY_MASK,
  TokenKind,
  tokenKindName,
  WbxmlVersion,
} from './constants.js';
export { statusOf, WbxmlError, type WbxmlErrorCode } from './errors.js';
export { encodeMbUint32, MAX_MB_UINT32, mbUint32Length } from './mb-uint32.js';
export {
  DEFAULT_CHARSET,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_OPAQUE_LENGTH,
  DEFAULT_MAX_STRING_LENGTH,
  DEFAULT_MAX_STRING_TABLE_LENGTH,
  DEFAULT_MAX_TOTAL_SIZE,
  type ResolvedReaderOptions,
  type WbxmlReaderOptions,
} from './reader/options.js';
export { WbxmlReader } from './reader/reader.js';
export type { WbxmlToken } from './reader/token.js';
export { tokenize } from './reader/tokenize.js';
export {
  DEFAULT_INITIAL_CAPACITY,
  type WbxmlHeader,
  WbxmlWriter,
  type WbxmlWriterOptions,
} from './writer/writer.js';

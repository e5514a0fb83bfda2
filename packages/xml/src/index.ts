export type { XmlErrorCode, XmlErrorPosition } from './errors.js';
export { XML_ERROR_STATUS, XmlError } from './errors.js';
export { NameTable } from './names/name-table.js';
export { XML_NAMESPACE, XMLNS_NAMESPACE } from './reader/namespaces.js';
export type { UnknownEntityPolicy, XmlReaderOptions } from './reader/options.js';
export {
  DEFAULT_MAX_ATTRIBUTES,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_INTERNED_STRINGS,
  DEFAULT_MAX_NAME_LENGTH,
  DEFAULT_MAX_TEXT_LENGTH,
  DEFAULT_MAX_TOTAL_SIZE,
} from './reader/options.js';
export type { XmlTokenKind } from './reader/token-kind.js';
export { XML_TOKEN_NAMES, XmlToken } from './reader/token-kind.js';
export { AttributeField } from './reader/token-view.js';
export { XmlReader } from './reader/xml-reader.js';
export type { XmlWriterOptions } from './writer/options.js';
export { DEFAULT_MAX_OUTPUT_SIZE, DEFAULT_WRITER_CAPACITY } from './writer/options.js';
export { findUnrepresentableByte, findUnrepresentableChar } from './writer/utf8-check.js';
export { XmlWriter } from './writer/xml-writer.js';

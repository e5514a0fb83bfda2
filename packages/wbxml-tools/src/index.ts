export type { WhitespacePolicy } from './encode/tree-to-wbxml.js';
export { type WbxmlToolsErrorCode, WbxmlToolsError } from './errors.js';
export {
  DEFAULT_MAX_NESTING,
  DEFAULT_WBXML_VERSION,
  type WbxmlToXmlOptions,
  type XmlToWbxmlOptions,
} from './options.js';
export { WBXML_TOOLS_NAMESPACE } from './tree/markers.js';
export { wbxmlToXml } from './wbxml-to-xml.js';
export { xmlToWbxml } from './xml-to-wbxml.js';

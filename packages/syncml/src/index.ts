export type {
  DevInf,
  DataStore,
  ContentTypeRef,
  CTCap,
  CTCapProperty,
  CTCapParam,
  DSMem,
  FilterCap,
  Ext,
} from './model/devinf.js';
export type * from './model/message.js';
export { Payload } from './model/payload.js';
export {
  type ParseWarning,
  type ParseWarningCode,
  SyncMLError,
  type SyncMLErrorCode,
  type SyncMLErrorDetails,
  type SyncMLErrorStatus,
} from './errors.js';
export {
  DEFAULT_MAX_COMMANDS,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_ITEMS_PER_COMMAND,
  DEFAULT_MAX_MESSAGE_SIZE,
  DEFAULT_MAX_WARNINGS,
  type ParseOptions,
} from './options.js';
export { detectEncoding, type Encoding } from './parse/detect.js';
export {
  type DevInfParseResult,
  type ParseResult,
  parseDevInf,
  parseMessage,
  parseWbxmlMessage,
  parseXmlMessage,
} from './parse/parse.js';
export {
  encodedOverhead,
  encodedSize,
  type SerializeOptions,
  serializeDevInf,
  serializeMessage,
} from './serialize/serialize.js';
export type { PublicIdForm } from './serialize/wbxml-sink.js';
export type { XmlDataForm } from './serialize/xml-sink.js';

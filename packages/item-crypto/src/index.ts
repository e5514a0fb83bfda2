export { decodeBase64, encodeBase64 } from './codec/base64.js';
export { deriveDesKey, desDecrypt, desEncrypt } from './codec/des.js';
export {
  ItemCryptoError,
  type ItemCryptoErrorCode,
  type ItemCryptoErrorDetails,
  type ItemCryptoStatus,
} from './errors.js';
export { formatString, parseFormat, type Transformation } from './format/parse-format.js';
export {
  DEFAULT_MAX_INPUT_BYTES,
  decodeItemData,
  encodeItemData,
  type ItemCryptoOptions,
  type ItemFormat,
} from './item-data.js';

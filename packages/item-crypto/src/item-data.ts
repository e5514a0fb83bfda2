import { decodeBase64, encodeBase64 } from './codec/base64.js';
import { deriveDesKey, desDecrypt, desEncrypt } from './codec/des.js';
import { ItemCryptoError } from './errors.js';
import { parseFormat, type Transformation } from './format/parse-format.js';

/** Default for {@link ItemCryptoOptions.maxInputBytes}: 16 MiB. */
export const DEFAULT_MAX_INPUT_BYTES: number = 16 * 1024 * 1024;

/** Key material and limits for {@link decodeItemData} / {@link encodeItemData}. */
export interface ItemCryptoOptions {
  /** The account's SyncML password; the DES key is derived from it with {@link deriveDesKey}. */
  password?: string;
  /** The 8-byte DES key (from {@link deriveDesKey}); wins over `password`. */
  desKey?: Uint8Array;
  /** Largest item data accepted, in bytes (after UTF-8 encoding of a string). Default {@link DEFAULT_MAX_INPUT_BYTES}. */
  maxInputBytes?: number;
}

/** An item's `Meta/Format`: the raw string or already parsed transformations. */
export type ItemFormat = string | readonly Transformation[] | undefined;

const utf8 = new TextEncoder();

function toBytes(data: Uint8Array | string, options: ItemCryptoOptions): Uint8Array {
  const bytes = typeof data === 'string' ? utf8.encode(data) : data;
  const limit = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (bytes.length > limit) {
    throw new ItemCryptoError('ITEM_TOO_LARGE', `item data of ${bytes.length} bytes exceeds ${limit}`, {
      offset: limit,
    });
  }
  return bytes;
}

function steps(format: ItemFormat): readonly Transformation[] {
  return typeof format === 'string' || format === undefined ? parseFormat(format) : format;
}

function keyOf(options: ItemCryptoOptions): Uint8Array {
  if (options.desKey !== undefined) return options.desKey;
  if (options.password !== undefined) return deriveDesKey(options.password);
  throw new ItemCryptoError('MISSING_KEY', 'item format uses "des" but no password or DES key is known', {
    transformation: 'des',
  });
}

/**
 * Undoes an item's encoding: applies the inverse of each transformation of
 * `format`, right to left (`des;b64`: base64-decode, then DES-decrypt).
 * A string `data` (XML text) is taken as its UTF-8 bytes.
 *
 * @throws {ItemCryptoError} on an unknown transformation, a missing key,
 *   malformed base64, bad DES length or padding, or oversized input.
 */
export function decodeItemData(
  data: Uint8Array | string,
  format: ItemFormat,
  options: ItemCryptoOptions = {},
): Uint8Array {
  const transformations = steps(format);
  let bytes = toBytes(data, options);
  let key: Uint8Array | undefined;
  for (let i = transformations.length - 1; i >= 0; i--) {
    if (transformations[i] === 'b64') {
      bytes = decodeBase64(bytes);
    } else {
      key ??= keyOf(options);
      bytes = desDecrypt(bytes, key);
    }
  }
  return bytes;
}

/**
 * Encodes item data for sending: applies each transformation of `format`
 * left to right (`des;b64`: DES-encrypt, then base64). When the last step is
 * `b64` the result is ASCII, ready to be written as `<Data>` text.
 *
 * @throws {ItemCryptoError} on an unknown transformation, a missing key or oversized input.
 */
export function encodeItemData(
  data: Uint8Array | string,
  format: ItemFormat,
  options: ItemCryptoOptions = {},
): Uint8Array {
  const transformations = steps(format);
  let bytes = toBytes(data, options);
  let key: Uint8Array | undefined;
  for (const transformation of transformations) {
    if (transformation === 'b64') {
      bytes = encodeBase64(bytes);
    } else {
      key ??= keyOf(options);
      bytes = desEncrypt(bytes, key);
    }
  }
  return bytes;
}

import { decodeBase64 } from '../encoding/base64.js';
import { charsetDecoder, decodeUtf8Strict } from '../encoding/charset.js';
import { decodeQuotedPrintable } from '../encoding/quoted-printable.js';
import { VersitError, type VersitErrorPosition } from '../errors.js';
import type { VersitParam } from '../model/types.js';

/** The transfer encoding named by a property's ENCODING parameter. */
export type TransferEncoding = 'none' | 'quoted-printable' | 'base64';

/** The last value of parameter `name` (already upper-cased), or undefined. */
export function lastParamValue(params: ReadonlyArray<VersitParam>, name: string): string | undefined {
  for (let i = params.length - 1; i >= 0; i--) {
    const param = params[i]!;
    if (param.name === name && param.values.length > 0) return param.values[param.values.length - 1];
  }
  return undefined;
}

/**
 * The transfer encoding of a property, or undefined for an ENCODING value this
 * layer cannot decode. `8BIT` and `7BIT` mean the bytes are the text.
 */
export function transferEncodingOf(params: ReadonlyArray<VersitParam>): TransferEncoding | undefined {
  const encoding = lastParamValue(params, 'ENCODING')?.toUpperCase();
  if (encoding === undefined || encoding === '' || encoding === '8BIT' || encoding === '7BIT') return 'none';
  if (encoding === 'QUOTED-PRINTABLE' || encoding === 'QP') return 'quoted-printable';
  if (encoding === 'BASE64' || encoding === 'B') return 'base64';
  return undefined;
}

/**
 * Bytes to text in `charset` (undefined: UTF-8). UTF-8 that is not valid is
 * read in `fallbackCharset` (old devices send Latin-1 undeclared) or rejected.
 */
export function decodeText(
  bytes: Uint8Array,
  charset: string | undefined,
  fallbackCharset: string | null,
  position: VersitErrorPosition,
): string {
  const label = charset?.trim().toLowerCase();
  if (label === undefined || label === '' || label === 'utf-8' || label === 'utf8') {
    const text = decodeUtf8Strict(bytes);
    if (text !== undefined) return text;
    if (fallbackCharset !== null) {
      const fallback = charsetDecoder(fallbackCharset);
      if (fallback === undefined) {
        throw new VersitError('UNKNOWN_CHARSET', `Unknown fallback charset "${fallbackCharset}"`, position);
      }
      return fallback.decode(bytes);
    }
    throw new VersitError('INVALID_TEXT', 'The value is not valid UTF-8', position);
  }
  const decoder = charsetDecoder(label);
  if (decoder === undefined) {
    throw new VersitError('UNKNOWN_CHARSET', `Unknown charset "${charset}"`, position);
  }
  return decoder.decode(bytes);
}

/** A decoded value: text, or bytes for BASE64. */
export interface DecodedValue {
  text: string;
  binary: Uint8Array | undefined;
}

/**
 * Undoes the transfer encoding of a value and decodes its charset. Bytes that
 * came from a JavaScript string were produced as UTF-8 by this layer, so a
 * `CHARSET=` only applies to what QUOTED-PRINTABLE or BASE64 carried.
 */
export function decodeValue(
  raw: Uint8Array,
  params: ReadonlyArray<VersitParam>,
  fromString: boolean,
  fallbackCharset: string | null,
  position: VersitErrorPosition,
): DecodedValue {
  const transfer = transferEncodingOf(params);
  if (transfer === undefined) {
    throw new VersitError(
      'UNSUPPORTED_ENCODING',
      `Unsupported ENCODING "${lastParamValue(params, 'ENCODING')}"`,
      position,
    );
  }
  const charset = lastParamValue(params, 'CHARSET');
  if (charset !== undefined && charset.trim() !== '' && charsetDecoder(charset) === undefined) {
    throw new VersitError('UNKNOWN_CHARSET', `Unknown charset "${charset}"`, position);
  }
  if (transfer === 'base64') {
    const binary = decodeBase64(raw);
    if (binary === undefined)
      throw new VersitError('INVALID_BASE64', 'The BASE64 value is not valid base64', position);
    return { text: '', binary };
  }
  if (transfer === 'quoted-printable') {
    return {
      text: decodeText(decodeQuotedPrintable(raw), charset, fallbackCharset, position),
      binary: undefined,
    };
  }
  return {
    text: decodeText(raw, fromString ? undefined : charset, fallbackCharset, position),
    binary: undefined,
  };
}

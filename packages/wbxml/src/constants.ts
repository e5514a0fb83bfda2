/**
 * WBXML global tokens: the same value on every code page (WBXML 1.3 §7.1). A tag or attribute
 * byte whose low six bits are 0x00-0x04 is one of these.
 */
export const GlobalToken = {
  SWITCH_PAGE: 0x00,
  END: 0x01,
  ENTITY: 0x02,
  STR_I: 0x03,
  LITERAL: 0x04,
  EXT_I_0: 0x40,
  EXT_I_1: 0x41,
  EXT_I_2: 0x42,
  PI: 0x43,
  LITERAL_C: 0x44,
  EXT_T_0: 0x80,
  EXT_T_1: 0x81,
  EXT_T_2: 0x82,
  STR_T: 0x83,
  LITERAL_A: 0x84,
  EXT_0: 0xc0,
  EXT_1: 0xc1,
  EXT_2: 0xc2,
  OPAQUE: 0xc3,
  LITERAL_AC: 0xc4,
} as const;
/** One of the {@link GlobalToken} values. */
export type GlobalToken = (typeof GlobalToken)[keyof typeof GlobalToken];

/** Tag byte flag: the element has content (WBXML 1.3 §5.8.2). */
export const TAG_HAS_CONTENT = 0x40;
/** Tag byte flag: the element has attributes. */
export const TAG_HAS_ATTRIBUTES = 0x80;
/** Mask of the tag identity in a tag byte. */
export const TAG_IDENTITY_MASK = 0x3f;

/** The version byte: high nibble major - 1, low nibble minor. */
export const WbxmlVersion = {
  V1_0: 0x00,
  V1_1: 0x01,
  V1_2: 0x02,
  V1_3: 0x03,
} as const;
/** One of the {@link WbxmlVersion} values. */
export type WbxmlVersion = (typeof WbxmlVersion)[keyof typeof WbxmlVersion];

/** Public id value meaning "unknown or missing" (WBXML 1.3 §7.2). */
export const PUBLIC_ID_UNKNOWN = 0x01;

/** IANA MIBenum values of the charsets the codec decodes and encodes without help. */
export const Charset = {
  /** "Unknown": the transport says; the reader then uses its `defaultCharset`. */
  UNKNOWN: 0,
  US_ASCII: 3,
  ISO_8859_1: 4,
  UTF_8: 106,
  UTF_16BE: 1013,
  UTF_16LE: 1014,
  /** UTF-16 with an optional byte-order mark; big-endian without one (RFC 2781). */
  UTF_16: 1015,
} as const;

/**
 * What {@link WbxmlReader.next} returns: the kind of the token now described by the reader's
 * fields. `NEED_MORE` and `END_OF_DOCUMENT` describe the stream, not a token.
 */
export const TokenKind = {
  /** The input so far ends inside a token or between tokens: `write()` more (or `end()`). */
  NEED_MORE: 0,
  /** The document is complete and `end()` was called; every later call returns this again. */
  END_OF_DOCUMENT: 1,
  /** version, publicId / publicIdIndex, charset, string table. */
  HEADER: 2,
  /** A tag-coded element starts: page, token, hasAttributes, hasContent. */
  START_TAG: 3,
  /** An element ends: emitted for every element, also one written without content. */
  END_TAG: 4,
  /** STR_I or STR_T (see `stringTableIndex`): bytes in buf[bufStart, bufEnd). */
  STR: 5,
  /** OPAQUE: bytes in buf[bufStart, bufEnd). */
  OPAQUE: 6,
  /** ENTITY: the character code in `value`. */
  ENTITY: 7,
  /** One of the nine EXT forms (`extToken`): EXT_I string in buf[start, end), EXT_T integer in `value`. */
  EXT: 8,
  /** A processing instruction starts; its target and value follow as attribute tokens. */
  PI: 9,
  /** The END of a processing instruction. */
  PI_END: 10,
  /** An attribute starts: attribute-start code in `token` (page in `page`), or a literal name (`token` -1). */
  ATTR_START: 11,
  /** A tokenised attribute-value part (code 0x85-0xFF in `token`). */
  ATTR_VALUE: 12,
  /** The END of an element's attribute list. */
  ATTR_END: 13,
  /** A literal element without attributes or content: name in the string table. */
  LITERAL: 14,
  /** A literal element with attributes, without content. */
  LITERAL_A: 15,
  /** A literal element with content, without attributes. */
  LITERAL_C: 16,
  /** A literal element with attributes and content. */
  LITERAL_AC: 17,
} as const;
/** One of the {@link TokenKind} values. */
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

const kindNames: readonly string[] = Object.keys(TokenKind);

/** The name of a token kind, e.g. `START_TAG`, for logs and error messages. */
export function tokenKindName(kind: number): string {
  return kindNames[kind] ?? `UNKNOWN(${kind})`;
}

import { TokenKind, tokenKindName } from '../constants.js';
import type { WbxmlReader } from './reader.js';

/**
 * A plain-object copy of one token, for tools, tests and logs ({@link WbxmlReader.snapshot}).
 * Only the fields that mean something for the kind are present. `bytes` is a view into the
 * reader's buffers (no copy).
 */
export interface WbxmlToken {
  readonly kind: number;
  /** {@link tokenKindName} of `kind`. */
  readonly kindName: string;
  readonly offset: number;
  /** Offset just past the token's bytes ({@link WbxmlReader.endOffset}). */
  readonly endOffset: number;
  readonly depth: number;
  readonly page?: number;
  readonly token?: number;
  readonly hasAttributes?: boolean;
  readonly hasContent?: boolean;
  readonly literalIndex?: number;
  readonly stringTableIndex?: number;
  readonly value?: number;
  readonly extToken?: number;
  readonly bytes?: Uint8Array;
  // HEADER
  readonly version?: number;
  readonly publicId?: number;
  readonly publicIdIndex?: number;
  readonly charset?: number;
  readonly stringTable?: Uint8Array;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Builds the {@link WbxmlToken} of the reader's current token. */
export function snapshotToken(r: WbxmlReader): WbxmlToken {
  const kind = r.kind;
  const t: Mutable<WbxmlToken> = {
    kind,
    kindName: tokenKindName(kind),
    offset: r.offset,
    endOffset: r.endOffset,
    depth: r.depth,
  };
  switch (kind) {
    case TokenKind.HEADER:
      t.version = r.version;
      t.publicId = r.publicId;
      t.publicIdIndex = r.publicIdIndex;
      t.charset = r.charset;
      t.stringTable = r.stringTable;
      if (r.publicIdIndex >= 0) t.bytes = r.bytes();
      break;
    case TokenKind.START_TAG:
    case TokenKind.LITERAL:
    case TokenKind.LITERAL_A:
    case TokenKind.LITERAL_C:
    case TokenKind.LITERAL_AC:
      t.page = r.page;
      t.token = r.token;
      t.hasAttributes = r.hasAttributes;
      t.hasContent = r.hasContent;
      if (r.literalIndex >= 0) {
        t.literalIndex = r.literalIndex;
        t.bytes = r.bytes();
      }
      break;
    case TokenKind.END_TAG:
      t.page = r.page;
      t.token = r.token;
      t.hasContent = r.hasContent;
      if (r.literalIndex >= 0) {
        t.literalIndex = r.literalIndex;
        t.bytes = r.bytes();
      }
      break;
    case TokenKind.STR:
      t.page = r.page;
      t.stringTableIndex = r.stringTableIndex;
      t.bytes = r.bytes();
      break;
    case TokenKind.OPAQUE:
      t.page = r.page;
      t.bytes = r.bytes();
      break;
    case TokenKind.ENTITY:
      t.page = r.page;
      t.value = r.value;
      break;
    case TokenKind.EXT:
      t.page = r.page;
      t.extToken = r.extToken;
      if ((r.extToken & 0xc0) === 0x40) t.bytes = r.bytes();
      else if ((r.extToken & 0xc0) === 0x80) t.value = r.value;
      break;
    case TokenKind.ATTR_START:
      t.page = r.page;
      t.token = r.token;
      if (r.literalIndex >= 0) {
        t.literalIndex = r.literalIndex;
        t.bytes = r.bytes();
      }
      break;
    case TokenKind.ATTR_VALUE:
      t.page = r.page;
      t.token = r.token;
      break;
    default:
      // PI, PI_END, ATTR_END, NEED_MORE, END_OF_DOCUMENT: kind, offset and depth say it all.
      break;
  }
  return t;
}

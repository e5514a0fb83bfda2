import { charsetLabel, TokenKind, type WbxmlReader } from '@syncds/wbxml';
import type { TreeBuilder } from '../build/builder.js';
import { SyncMLError } from '../errors.js';
import { encodeUtf8 } from '../values/utf8.js';
import { DEVINF_NAMES, type ElementNames, SYNCML_NAMES } from '../vocabulary/element-names.js';
import { codecError } from './codec-error.js';
import { DEVINF_TOKENS, publicIdKind, SYNCML_TOKENS, type WbxmlDocument } from './wbxml-tokens.js';

export type { WbxmlDocument } from './wbxml-tokens.js';

/**
 * Drives the builder from a WbxmlReader: (page, token) pairs become element ids through a
 * small table, strings and OPAQUE go in as byte views (zero-copy), ENTITY as its UTF-8
 * bytes. Attributes, extensions and PIs mean nothing in SyncML and are passed over.
 */

const HEADER: number = TokenKind.HEADER;
const START_TAG: number = TokenKind.START_TAG;
const END_TAG: number = TokenKind.END_TAG;
const STR: number = TokenKind.STR;
const OPAQUE: number = TokenKind.OPAQUE;
const ENTITY: number = TokenKind.ENTITY;
const END_OF_DOCUMENT: number = TokenKind.END_OF_DOCUMENT;
const NEED_MORE: number = TokenKind.NEED_MORE;
const LITERAL: number = TokenKind.LITERAL;
const LITERAL_AC: number = TokenKind.LITERAL_AC;

const entityBytes = new Uint8Array(4);

// UTF-8 of a code point into `entityBytes`; invalid code points become U+FFFD.
function encodeCodePoint(cp: number): number {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  if (cp < 0x80) {
    entityBytes[0] = cp;
    return 1;
  }
  if (cp < 0x800) {
    entityBytes[0] = 0xc0 | (cp >> 6);
    entityBytes[1] = 0x80 | (cp & 0x3f);
    return 2;
  }
  if (cp < 0x10000) {
    entityBytes[0] = 0xe0 | (cp >> 12);
    entityBytes[1] = 0x80 | ((cp >> 6) & 0x3f);
    entityBytes[2] = 0x80 | (cp & 0x3f);
    return 3;
  }
  entityBytes[0] = 0xf0 | (cp >> 18);
  entityBytes[1] = 0x80 | ((cp >> 12) & 0x3f);
  entityBytes[2] = 0x80 | ((cp >> 6) & 0x3f);
  entityBytes[3] = 0x80 | (cp & 0x3f);
  return 4;
}

/**
 * Writes the whole document `input` to the (reset) reader `r` and feeds its elements to `b`. Offsets are
 * reported as `base + offset in input`. Reader errors become SyncMLError with the reader's
 * error as `cause`.
 */
export function feedWbxml(
  b: TreeBuilder,
  r: WbxmlReader,
  input: Uint8Array,
  doc: WbxmlDocument,
  base: number,
): void {
  try {
    r.write(input);
    r.end();
    run(b, r, input, doc, base);
  } catch (e) {
    throw codecError(b, e, base);
  }
}

function run(b: TreeBuilder, r: WbxmlReader, input: Uint8Array, doc: WbxmlDocument, base: number): void {
  const tokens = doc === 'syncml' ? SYNCML_TOKENS : DEVINF_TOKENS;
  const limit = tokens.length;
  let transcode = false;
  for (;;) {
    const kind = r.next();
    if (kind === START_TAG) {
      const key = r.page * 64 + r.token;
      const id = key < limit ? tokens[key]! : -1;
      if (id < 0) unknownToken(b, r, base);
      b.start(id, base + r.offset);
    } else if (kind === END_TAG) {
      b.end(base + r.offset);
    } else if (kind === OPAQUE) {
      // OPAQUE is raw bytes: item data, a nested WBXML document, or (Sony Ericsson) text.
      b.characters(r.buf, r.bufStart, r.bufEnd, r.buf === input, base + r.offset);
    } else if (kind === STR) {
      if (transcode) {
        const bytes = encodeUtf8(r.text());
        b.characters(bytes, 0, bytes.length, true, base + r.offset);
      } else {
        b.characters(r.buf, r.bufStart, r.bufEnd, r.buf === input, base + r.offset);
      }
    } else if (kind === ENTITY) {
      const n = encodeCodePoint(r.value);
      b.characters(entityBytes, 0, n, false, base + r.offset);
    } else if (kind === HEADER) {
      transcode = checkHeader(r, doc, base);
    } else if (kind >= LITERAL && kind <= LITERAL_AC) {
      literal(b, r, doc, base);
    } else if (kind === END_OF_DOCUMENT || kind === NEED_MORE) {
      return;
    }
    // EXT, PI and attribute tokens: SyncML defines none; they are passed over.
  }
}

// Returns true when strings need transcoding to UTF-8 (a charset other than UTF-8 / US-ASCII).
function checkHeader(r: WbxmlReader, doc: WbxmlDocument, base: number): boolean {
  const kind = publicIdKind(r.publicId, r.buf, r.bufStart, r.bufEnd);
  if (kind !== 'other' && kind !== doc) {
    const wanted = doc === 'syncml' ? 'a SyncML message' : 'a DevInf document';
    throw new SyncMLError('NOT_SYNCML', `the WBXML public id names a ${kind} document, not ${wanted}`, {
      offset: base + r.offset,
    });
  }
  const mib = r.effectiveCharset;
  if (mib === 106 || mib === 3) return false;
  if (charsetLabel(mib) === undefined) {
    throw new SyncMLError('UNSUPPORTED_CHARSET', `WBXML charset MIBenum ${mib} cannot be decoded`, {
      offset: base + r.offset,
    });
  }
  return true;
}

// A LITERAL element: its name is in the string table. Encoders fall back to it for tags they
// have no token for; a SyncML name is accepted as that element.
function literal(b: TreeBuilder, r: WbxmlReader, doc: WbxmlDocument, base: number): void {
  const names: ElementNames = doc === 'syncml' ? SYNCML_NAMES : DEVINF_NAMES;
  const at = names.table.lookup(r.buf, r.bufStart, r.bufEnd);
  if (at < 0) {
    if (b.skipping) {
      b.start(-1, base + r.offset);
      return;
    }
    b.fail(
      'UNKNOWN_ELEMENT',
      `literal element "${r.text()}" is not a SyncML, MetInf or DevInf element`,
      base + r.offset,
    );
  }
  b.start(names.ids[at]!, base + r.offset);
}

function unknownToken(b: TreeBuilder, r: WbxmlReader, base: number): never {
  const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
  return b.fail(
    'UNKNOWN_ELEMENT',
    `tag token ${hex(r.token)} on code page ${r.page} names no element`,
    base + r.offset,
  );
}

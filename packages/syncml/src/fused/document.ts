import { childCode, F_ITEM_DATA, F_META, FRAME_CODE_LIMIT } from '../build/frames.js';
import { newMeta } from '../build/objects.js';
import type { Item } from '../model/message.js';
import { isWhitespace } from '../values/utf8.js';
import { D_DEV_INF, isMetInfId } from '../vocabulary/element-ids.js';
import { DEVINF_TOKENS, publicIdKind, SYNCML_TOKENS, tableFpiKind } from '../parse/wbxml-tokens.js';
import { bail } from './bail.js';
import { CHECKED_ON_CLOSE, closeContainer } from './close.js';
import type { FusedDecoder } from './decoder.js';
import { assignLeaf, leafAllowed } from './leaf.js';
import { openContainer } from './open.js';
import { mbNext, readMb, stringEnd, tableStringEnd } from './scan.js';

// Constants in the hot functions below are literals named in a comment, `/* STR_I */ 0x03`:
// V8 (Node 20) reads a module constant from its cell, with a hole and a type check, at every
// use, where a literal is an immediate operand. `named-literals.test.ts` checks each against the
// constant it names. The WBXML tokens read here are SWITCH_PAGE, END, STR_I, STR_T, OPAQUE and
// tags without attributes; every other one hands the message over.

// Charsets read as they are (MIBenum): 0 means "unknown", which the generic path reads as
// UTF-8 (its readers' default); US-ASCII is a subset of UTF-8.
const CHARSET_UNKNOWN = 0;
const CHARSET_US_ASCII = 3;
const CHARSET_UTF_8 = 106;

/**
 * Reads the header of the document at `buf[start]`: its string table goes to the decoder;
 * returns where the body starts. Hands over when the public id names the other kind of
 * document (NOT_SYNCML) or the charset is not UTF-8 / US-ASCII.
 */
function readHeader(f: FusedDecoder, start: number, end: number, devinf: boolean): number {
  const buf = f.buf;
  if (start >= end) return bail();
  const version = buf[start]!;
  if (version > 3) return bail();
  const publicId = readMb(buf, start + 1, end);
  let pos = mbNext;
  let fpiIndex = -1;
  if (publicId === 0) {
    fpiIndex = readMb(buf, pos, end);
    pos = mbNext;
  }
  let charset = CHARSET_UNKNOWN;
  if (version !== 0) {
    charset = readMb(buf, pos, end);
    pos = mbNext;
  }
  const tableLength = readMb(buf, pos, end);
  pos = mbNext;
  if (tableLength > end - pos) return bail();
  const tableEnd = pos + tableLength;
  f.tableStart = pos;
  f.tableEnd = tableEnd;
  let kind: string;
  if (fpiIndex >= 0) {
    if (fpiIndex >= tableLength) return bail();
    kind = tableFpiKind(buf, pos + fpiIndex, tableEnd);
  } else {
    kind = publicIdKind(publicId, buf, 0, 0);
  }
  if (kind !== 'other' && kind !== (devinf ? 'devinf' : 'syncml')) return bail();
  if (charset !== CHARSET_UTF_8 && charset !== CHARSET_US_ASCII && charset !== CHARSET_UNKNOWN) return bail();
  return tableEnd;
}

/**
 * Reads the whole WBXML document `buf[start, end)` (a message, a standalone DevInf, or a
 * DevInf nested in the Data at frame `base`) into the AST; its root opens at frame base + 1.
 */
export function readDocument(
  f: FusedDecoder,
  start: number,
  end: number,
  devinf: boolean,
  base: number,
): void {
  const body = readHeader(f, start, end, devinf);
  readBody(f, body, end, devinf ? DEVINF_TOKENS : SYNCML_TOKENS, base);
}

// The text of the open element: one range of the message. Text in an element that holds only
// elements is ignored when it is white space (the generic path warns about any other).
function text(f: FusedDecoder, code: number, start: number, end: number): void {
  if (code >= /* LEAF_FIRST */ 64 || code === /* F_ITEM_DATA */ 32) {
    // A second piece (a string broken by an entity...) is joined by the generic path.
    if (f.hasText) bail();
    f.hasText = true;
    f.textStart = start;
    f.textEnd = end;
  } else if (start !== end && !isWhitespace(f.buf, start, end)) {
    bail();
  }
}

// The first element in an item's Data decides what it holds: MetInf elements turn the Data
// frame into a Meta frame over a new MetInfData (as `enterData` of the builder does).
function dataChild(f: FusedDecoder, id: number, d: number): number {
  if (f.hasText && !isWhitespace(f.buf, f.textStart, f.textEnd)) bail();
  if (id === D_DEV_INF || !isMetInfId(id)) return F_ITEM_DATA;
  const meta = newMeta();
  (f.objs[d] as Item).data = { kind: 'metinf', meta };
  f.codes[d] = F_META;
  f.objs[d] = meta;
  return F_META;
}

// The body: tags, END, strings, OPAQUE and page switches, until the root element closes.
function readBody(f: FusedDecoder, pos: number, end: number, tokens: Int16Array, base: number): void {
  const buf = f.buf;
  const codes = f.codes;
  const objs = f.objs;
  const children = tokens === SYNCML_TOKENS ? SYNCML_CHILDREN : DEVINF_CHILDREN;
  const checked = CHECKED_ON_CLOSE;
  const keys = tokens.length;
  const maxDepth = f.maxDepth;
  let d = base;
  let page = 0;
  for (;;) {
    if (pos >= end) bail(); // the input ends before the root element does
    let b = buf[pos]!;
    if (b === /* SWITCH_PAGE */ 0x00 && pos + 2 < end) {
      // A page switch comes before a tag: read both in one go.
      page = buf[pos + 1]!;
      pos += 2;
      b = buf[pos]!;
    }
    if ((b & 0x3f) >= 5) {
      // A tag: identity in the low 6 bits (0x05-0x3F), 0x40 = has content, 0x80 = has attributes.
      const key = page * 64 + (b & 0x3f);
      if (b >= /* TAG_HAS_ATTRIBUTES */ 0x80 || key >= keys || d >= maxDepth) bail();
      let parent = codes[d]!;
      if (parent === /* F_ITEM_DATA */ 32) parent = dataChild(f, tokens[key]!, d);
      const code = children[parent * keys + key]!;
      if (code === /* NO_CHILD */ 0xff) bail();
      pos++;
      if (code >= /* LEAF_FIRST */ 64) {
        // A leaf at frame d + 1: the usual ones, empty or <Leaf>STR_I END, are read in one go
        // without a frame of their own. A flat-CTCap value needs a property to attach to.
        if (
          code >= /* L_FLAT_PARAM_NAME */ 137 &&
          code <= /* L_FLAT_NO_TRUNCATE */ 143 &&
          !leafAllowed(f, code)
        )
          bail();
        if ((b & /* TAG_HAS_CONTENT */ 0x40) === 0) {
          assignLeaf(f, code, objs[d], d + 1, 0, 0);
          continue;
        }
        if (pos < end && buf[pos] === /* STR_I */ 0x03) {
          const start = pos + 1;
          const nul = stringEnd(f, start, end);
          pos = nul + 1;
          if (pos < end && buf[pos] === /* END */ 0x01) {
            assignLeaf(f, code, objs[d], d + 1, start, nul);
            pos++;
            continue;
          }
          f.hasText = true;
          f.textStart = start;
          f.textEnd = nul;
        } else {
          f.hasText = false;
        }
        d++;
        codes[d] = code;
        continue;
      }
      if ((b & /* TAG_HAS_CONTENT */ 0x40) !== 0 && d + 2 <= maxDepth && pos + 1 < end) {
        // Two frequent containers whose content is one piece, read in one go:
        // <Target|Source><LocURI>STR_I END END (page 0: LocURI is 0x17, with content 0x57),
        // and <Data>OPAQUE|STR_I END.
        const next = buf[pos]!;
        if (
          (code === /* F_LOC_REF */ 21 || code === /* F_TARGET */ 20) &&
          next === 0x57 &&
          page === 0 &&
          buf[pos + 1] === /* STR_I */ 0x03
        ) {
          const start = pos + 2;
          const nul = stringEnd(f, start, end);
          if (nul + 2 < end && buf[nul + 1] === /* END */ 0x01 && buf[nul + 2] === /* END */ 0x01) {
            const ref = openContainer(f, code, tokens[key]!, objs[d], parent, d + 1);
            assignLeaf(f, /* L_LOC_URI */ 88, ref, d + 2, start, nul);
            pos = nul + 3;
            continue;
          }
        } else if (
          code === /* F_ITEM_DATA */ 32 &&
          (next === /* OPAQUE */ 0xc3 || next === /* STR_I */ 0x03)
        ) {
          let start: number;
          let stop: number;
          let after: number;
          if (next === /* STR_I */ 0x03) {
            start = pos + 1;
            stop = stringEnd(f, start, end);
            after = stop + 1;
          } else {
            const length = readMb(buf, pos + 1, end);
            start = mbNext;
            if (length > end - start) bail();
            stop = start + length;
            after = stop;
          }
          if (after < end && buf[after] === /* END */ 0x01) {
            d++;
            codes[d] = code;
            objs[d] = openContainer(f, code, tokens[key]!, objs[d - 1], parent, d);
            f.hasText = true;
            f.textStart = start;
            f.textEnd = stop;
            closeContainer(f, code, objs[d], d);
            d--;
            pos = after + 1;
            continue;
          }
        }
      }
      d++;
      codes[d] = code;
      objs[d] = openContainer(f, code, tokens[key]!, objs[d - 1], parent, d);
      if (code === /* F_ITEM_DATA */ 32) f.hasText = false;
      if (b & /* TAG_HAS_CONTENT */ 0x40) continue;
      if (checked[code] !== 0) closeContainer(f, code, objs[d], d);
      d--;
      if (d === base) break;
      continue;
    }
    if (b === /* STR_I */ 0x03 || b === /* OPAQUE */ 0xc3 || b === /* STR_T */ 0x83) {
      if (d === base) bail();
      let start: number;
      let stop: number;
      if (b === /* STR_I */ 0x03) {
        start = pos + 1;
        stop = stringEnd(f, start, end);
        pos = stop + 1;
      } else if (b === /* OPAQUE */ 0xc3) {
        const length = readMb(buf, pos + 1, end);
        start = mbNext;
        if (length > end - start) bail();
        stop = start + length;
        pos = stop;
      } else {
        const index = readMb(buf, pos + 1, end);
        const tableStart = f.tableStart;
        if (index >= f.tableEnd - tableStart) bail();
        start = tableStart + index;
        stop = tableStringEnd(buf, start, f.tableEnd);
        pos = mbNext;
      }
      text(f, codes[d]!, start, stop);
      // Text is mostly all its element holds: its END is read right away.
      if (pos >= end || buf[pos] !== /* END */ 0x01) continue;
      b = /* END */ 0x01;
    }
    if (b === /* END */ 0x01) {
      if (d === base) bail();
      const code = codes[d]!;
      if (code < /* LEAF_FIRST */ 64) {
        if (checked[code] !== 0) closeContainer(f, code, objs[d], d);
      } else if (f.hasText) assignLeaf(f, code, objs[d - 1], d, f.textStart, f.textEnd);
      else assignLeaf(f, code, objs[d - 1], d, 0, 0);
      pos++;
      d--;
      if (d === base) break;
      continue;
    }
    if (b !== /* SWITCH_PAGE */ 0x00 || pos + 1 >= end) bail();
    page = buf[pos + 1]!;
    pos += 2;
  }
  // The root element closed: nothing may follow it.
  if (pos !== end) bail();
}

// Frame code of a child by (frame code of the parent, page * 64 + token), for each document:
// the token table and `childCode` in one step. NO_CHILD where the token names no element or
// the element has no place (leaves take no children).
export const NO_CHILD = 0xff;
function childTable(tokens: Int16Array): Uint8Array {
  const table = new Uint8Array(FRAME_CODE_LIMIT * tokens.length).fill(NO_CHILD);
  for (let parent = 0; parent < FRAME_CODE_LIMIT; parent++) {
    for (let key = 0; key < tokens.length; key++) {
      const id = tokens[key]!;
      const code = id < 0 ? -1 : childCode(parent, id);
      if (code >= 0) table[parent * tokens.length + key] = code;
    }
  }
  return table;
}
const SYNCML_CHILDREN = childTable(SYNCML_TOKENS);
const DEVINF_CHILDREN = childTable(DEVINF_TOKENS);

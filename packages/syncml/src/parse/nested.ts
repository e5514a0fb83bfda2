import type { WbxmlReader } from '@syncds/wbxml';
import type { XmlReader } from '@syncds/xml';
import type { NestedDocumentParser, NestedEncoding, TreeBuilder } from '../build/builder.js';
import { feedWbxml } from './wbxml-driver.js';
import { publicIdKind } from './wbxml-tokens.js';
import { feedXml } from './xml-driver.js';

// Reads a mb_u_int32 at buf[p]: its value and the position after it, or null when it runs
// past `end` or over 5 bytes.
function readMb(buf: Uint8Array, p: number, end: number): { value: number; next: number } | null {
  let value = 0;
  for (let i = 0; i < 5 && p < end; i++, p++) {
    const c = buf[p]!;
    value = value * 128 + (c & 0x7f);
    if (c < 0x80) return { value, next: p + 1 };
  }
  return null;
}

/**
 * What the WBXML header at `buf[start]` says about the document: 'devinf', 'syncml',
 * 'other' (unknown or no public id), or null when the bytes are no WBXML header at all.
 */
function wbxmlDocumentKind(buf: Uint8Array, start: number, end: number): string | null {
  const version = buf[start]!;
  if (version > 3) return null;
  const id = readMb(buf, start + 1, end);
  if (id === null) return null;
  if (id.value !== 0) return publicIdKind(id.value, buf, 0, 0);
  const index = readMb(buf, id.next, end);
  if (index === null) return null;
  let p = index.next;
  if (version !== 0) {
    const charset = readMb(buf, p, end);
    if (charset === null) return null;
    p = charset.next;
  }
  const length = readMb(buf, p, end);
  if (length === null) return null;
  const table = length.next;
  const tableEnd = table + length.value;
  if (tableEnd > end || index.value >= length.value) return null;
  let fpiEnd = table + index.value;
  while (fpiEnd < tableEnd && buf[fpiEnd] !== 0) fpiEnd++;
  return publicIdKind(0, buf, table + index.value, fpiEnd);
}

/** True when `buf[start, end)` starts, after white space or a BOM, with `<`. */
function looksLikeXml(buf: Uint8Array, start: number, end: number): boolean {
  let p = start;
  if (end - p >= 3 && buf[p] === 0xef && buf[p + 1] === 0xbb && buf[p + 2] === 0xbf) p += 3;
  while (p < end && (buf[p] === 0x20 || buf[p] === 0x0a || buf[p] === 0x0d || buf[p] === 0x09)) p++;
  return p < end && buf[p] === 0x3c;
}

/** The readers a nested DevInf document is fed from (separate from the message's: that one is mid-document). */
export interface NestedReaders {
  wbxml(): WbxmlReader;
  xml(): XmlReader;
}

/**
 * How the bytes of an item's Data hold a DevInf document, or null when they hold none:
 * - WBXML bytes (OPAQUE) whose header names DevInf 1.0-1.2 by number or FPI, or whose public
 *   id is unknown while the Meta Type says DevInf (the A780 and the Funambol captures);
 * - XML text (escaped or CDATA) when the Meta Type says DevInf.
 */
export function devInfEncoding(
  buf: Uint8Array,
  start: number,
  end: number,
  typedAsDevInf: boolean,
): NestedEncoding | null {
  if (end - start >= 4 && buf[start]! <= 3) {
    const kind = wbxmlDocumentKind(buf, start, end);
    if (kind === 'devinf' || (kind === 'other' && typedAsDevInf)) return 'wbxml';
    return null;
  }
  return typedAsDevInf && looksLikeXml(buf, start, end) ? 'xml' : null;
}

/**
 * The nested-document parser of the generic path: recognises a DevInf document with
 * {@link devInfEncoding} and feeds it to the builder from readers of its own.
 */
export function nestedDevInfParser(readers: NestedReaders): NestedDocumentParser {
  return {
    devInfEncoding,
    feedDevInf(
      b: TreeBuilder,
      encoding: NestedEncoding,
      buf: Uint8Array,
      start: number,
      end: number,
      base: number,
    ): void {
      const doc = buf.subarray(start, end);
      if (encoding === 'wbxml') {
        const r = readers.wbxml();
        try {
          feedWbxml(b, r, doc, 'devinf', base);
        } finally {
          r.reset();
        }
      } else {
        const r = readers.xml();
        try {
          feedXml(b, r, doc, base);
        } finally {
          r.reset();
        }
      }
    },
  };
}

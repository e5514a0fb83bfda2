import { type XmlReader, XmlToken } from '@syncds/xml';
import type { TreeBuilder } from '../build/builder.js';
import { DEVINF_NAMES, SYNCML_NAMES } from '../vocabulary/element-names.js';
import { codecError } from './codec-error.js';

/**
 * Drives the builder from an XmlReader. Element names map to ids by their bytes (no string
 * is made); the namespace only picks which table is asked first, because devices get it
 * wrong in every way: none at all (the Horde session captures), MetInf in any letter case
 * or not declared, DevInf inline without its own namespace. An element of any other
 * namespace is skipped with a warning.
 */

const START_TAG: number = XmlToken.START_TAG;
const END_TAG: number = XmlToken.END_TAG;
const TEXT: number = XmlToken.TEXT;
const CDATA: number = XmlToken.CDATA;
const END_OF_DOCUMENT: number = XmlToken.END_OF_DOCUMENT;
const NEED_MORE: number = XmlToken.NEED_MORE;

const NS_SYNCML = 0;
const NS_DEVINF = 1;
const NS_FOREIGN = 2;

// Namespace URI -> kind, for the few URIs a peer uses; bounded so hostile input cannot grow it.
const NAMESPACE_CACHE_LIMIT = 32;
const namespaceKinds = new Map<string, number>([['', NS_SYNCML]]);

function namespaceKind(uri: string): number {
  const known = namespaceKinds.get(uri);
  if (known !== undefined) return known;
  const lower = uri.trim().toLowerCase();
  // SyncML's namespace carries the version (SYNCML:SYNCML1.2); LS accepts any such prefix.
  const kind =
    lower.startsWith('syncml:syncml') || lower === 'syncml:metinf'
      ? NS_SYNCML
      : lower === 'syncml:devinf'
        ? NS_DEVINF
        : NS_FOREIGN;
  if (namespaceKinds.size < NAMESPACE_CACHE_LIMIT) namespaceKinds.set(uri, kind);
  return kind;
}

/**
 * Writes the whole document `input` to the (reset) reader `r` and feeds its elements to `b`. Offsets are
 * reported as `base + offset in input` (in the UTF-8 form of a UTF-16 document).
 */
export function feedXml(b: TreeBuilder, r: XmlReader, input: Uint8Array, base: number): void {
  try {
    r.write(input);
    r.end();
    run(b, r, input, base);
  } catch (e) {
    throw codecError(b, e, base);
  }
}

function run(b: TreeBuilder, r: XmlReader, input: Uint8Array, base: number): void {
  const syncml = SYNCML_NAMES;
  const devinf = DEVINF_NAMES;
  for (;;) {
    const kind = r.next();
    if (kind === START_TAG) {
      const offset = base + r.tokenOffset;
      if (b.skipping) {
        b.start(-1, offset);
        continue;
      }
      const ns = namespaceKind(r.namespaceUri);
      if (ns === NS_FOREIGN) {
        b.skipForeign(r.name(), offset);
        continue;
      }
      let id: number;
      if (ns === NS_DEVINF || b.inDevInf) {
        const at = r.lookupLocalName(devinf.table);
        if (at >= 0) id = devinf.ids[at]!;
        else {
          const at2 = r.lookupLocalName(syncml.table);
          id = at2 >= 0 ? syncml.ids[at2]! : -1;
        }
      } else {
        const at = r.lookupLocalName(syncml.table);
        if (at >= 0) id = syncml.ids[at]!;
        else {
          const at2 = r.lookupLocalName(devinf.table);
          id = at2 >= 0 ? devinf.ids[at2]! : -1;
        }
      }
      if (id < 0) {
        b.fail(
          'UNKNOWN_ELEMENT',
          `element ${r.name()} is not a SyncML, MetInf or DevInf element`,
          offset,
          b.depth,
          r.name(),
        );
      }
      b.start(id, offset);
    } else if (kind === END_TAG) {
      b.end(base + r.tokenOffset);
    } else if (kind === TEXT || kind === CDATA) {
      if (!r.hasReferences && r.encoding === 'utf-8') {
        b.characters(r.buffer, r.textStart, r.textEnd, r.buffer === input, base + r.tokenOffset);
      } else {
        // References expanded or the text transcoded to UTF-8: a fresh array, owned from here on.
        const bytes = r.textBytes();
        b.characters(bytes, 0, bytes.length, true, base + r.tokenOffset);
      }
    } else if (kind === END_OF_DOCUMENT || kind === NEED_MORE) {
      return;
    }
    // XML declaration, DOCTYPE, comments and PIs carry nothing for the AST.
  }
}

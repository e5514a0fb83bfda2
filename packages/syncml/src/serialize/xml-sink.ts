import { SyncMLError } from '../errors.js';
import type { DevInf } from '../model/devinf.js';
import type { Payload } from '../model/payload.js';
import {
  D_DEV_INF,
  D_MAX_SIZE,
  DEVINF_BASE,
  ELEMENT_ID_LIMIT,
  METINF_FIRST,
  SYNC_ML,
} from '../vocabulary/element-ids.js';
import { elementName } from '../vocabulary/element-names.js';
import { ByteSink } from './byte-sink.js';
import type { ElementSink } from './sink.js';
import { writeDevInf } from './write-devinf.js';

/**
 * Writes XML (UTF-8). Each element changing vocabulary declares its default namespace:
 * the SyncML root `xmlns="SYNCML:SYNCML1.x"`, the first MetInf element under a SyncML one
 * `xmlns="syncml:metinf"`, the DevInf root `xmlns="syncml:devinf"`. Text is escaped (`&`,
 * `<`, `>`, and CR as `&#13;`, which a conforming parser would otherwise turn into LF);
 * bytes XML cannot carry (C0 controls but TAB/LF/CR, invalid UTF-8) are refused.
 */

/** How item data (and other bytes) are written in XML. */
export type XmlDataForm = 'escape' | 'cdata';

const NS_NONE = 0;
const NS_SYNCML = 1;
const NS_METINF = 2;
const NS_DEVINF = 3;

const encoder = new TextEncoder();
const openTags: Uint8Array[] = [];
const closeTags: Uint8Array[] = [];
for (let id = 0; id < ELEMENT_ID_LIMIT; id++) {
  const name = elementName(id);
  openTags.push(encoder.encode(`<${name}`));
  closeTags.push(encoder.encode(`</${name}>`));
}
const OPEN_SIZE = encoder.encode('<Size');
const CLOSE_SIZE = encoder.encode('</Size>');
const XMLNS_METINF = encoder.encode(' xmlns="syncml:metinf"');
const XMLNS_DEVINF = encoder.encode(' xmlns="syncml:devinf"');
const CDATA_OPEN = encoder.encode('<![CDATA[');
const CDATA_CLOSE = encoder.encode(']]>');
const CDATA_SPLIT = encoder.encode(']]]]><![CDATA[>');
const AMP = encoder.encode('&amp;');
const LT = encoder.encode('&lt;');
const GT = encoder.encode('&gt;');
const CR = encoder.encode('&#13;');

// What escaping a byte of text needs: nothing, an entity (& < > CR), a UTF-8 check, or
// refusal (C0 controls but TAB, LF, CR: XML 1.0 cannot carry them at all).
const PLAIN = 0;
const ESCAPE = 1;
const NON_ASCII = 2;
const FORBIDDEN = 3;
const BYTE_CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  BYTE_CLASS[c] =
    c >= 0x80
      ? NON_ASCII
      : c === 0x26 || c === 0x3c || c === 0x3e || c === 0x0d
        ? ESCAPE
        : c < 0x20 && c !== 0x09 && c !== 0x0a
          ? FORBIDDEN
          : PLAIN;
}

function kindOf(id: number): number {
  return id >= DEVINF_BASE ? NS_DEVINF : id >= METINF_FIRST ? NS_METINF : NS_SYNCML;
}

function unrepresentable(id: number, what: string): never {
  throw new SyncMLError('CANNOT_SERIALIZE', `${elementName(id)} holds ${what}, which XML cannot carry`, {
    path: elementName(id),
  });
}

export class XmlSink extends ByteSink implements ElementSink {
  readonly encoding = 'xml' as const;
  readonly #indent: string;
  readonly #dataForm: XmlDataForm;
  /** ` xmlns="SYNCML:SYNCML1.x"` for the root. */
  readonly #syncmlNamespace: Uint8Array;
  /** Namespace kind of each open element (index = depth, 0 = document). */
  #kinds: number[] = [NS_NONE];
  #depth = 0;
  /** Nothing written yet on the element level: no line break before the first element. */
  #first = true;
  /** DevInf version in force (it names token 0x1C Size or MaxSize). */
  #devInfVersion = '1.2';

  constructor(
    counting: boolean,
    syncmlNamespace: string,
    indent: string,
    dataForm: XmlDataForm,
    buf?: Uint8Array,
  ) {
    super(counting, buf);
    this.#indent = indent;
    this.#dataForm = dataForm;
    this.#syncmlNamespace = encoder.encode(` xmlns="${syncmlNamespace}"`);
  }

  /** `<?xml version="1.0" encoding="UTF-8"?>`, then the DOCTYPE when `doctype` is given. */
  prolog(
    declaration: boolean,
    doctype: { root: string; publicId: string; systemId: string } | undefined,
  ): void {
    if (declaration) {
      this.ascii('<?xml version="1.0" encoding="UTF-8"?>');
      this.#first = false;
    }
    if (doctype !== undefined) {
      this.#line();
      this.ascii(`<!DOCTYPE ${doctype.root} PUBLIC "${doctype.publicId}" "${doctype.systemId}">`);
      this.#first = false;
    }
  }

  #line(): void {
    if (this.#indent === '') return;
    if (this.#first) {
      this.#first = false;
      return;
    }
    this.byte(0x0a);
    for (let i = 0; i < this.#depth; i++) this.ascii(this.#indent);
  }

  #open(id: number): void {
    this.#line();
    const maxSize = id === D_MAX_SIZE && this.#devInfVersion !== '1.2';
    this.raw(maxSize ? OPEN_SIZE : openTags[id]!);
    const kind = kindOf(id);
    const parent = this.#kinds[this.#depth]!;
    if (kind !== parent) {
      if (id === SYNC_ML) this.raw(this.#syncmlNamespace);
      else if (kind === NS_METINF) this.raw(XMLNS_METINF);
      else if (id === D_DEV_INF) this.raw(XMLNS_DEVINF);
    }
    this.#kinds[this.#depth + 1] = kind;
  }

  #close(id: number): void {
    this.raw(id === D_MAX_SIZE && this.#devInfVersion !== '1.2' ? CLOSE_SIZE : closeTags[id]!);
  }

  start(id: number): void {
    this.#open(id);
    this.byte(0x3e);
    this.#depth++;
  }

  end(id: number): void {
    this.#depth--;
    this.#line();
    this.#close(id);
  }

  empty(id: number): void {
    this.#open(id);
    this.ascii('/>');
  }

  string(id: number, value: string): void {
    if (value.length === 0) {
      this.empty(id);
      return;
    }
    this.#open(id);
    this.byte(0x3e);
    this.#escapeString(id, value);
    this.#close(id);
  }

  number(id: number, value: number): void {
    this.#open(id);
    this.byte(0x3e);
    this.digits(value);
    this.#close(id);
  }

  bytes(id: number, value: Payload): void {
    if (value.end === value.start) {
      this.empty(id);
      return;
    }
    this.#open(id);
    this.byte(0x3e);
    if (this.#dataForm === 'cdata') this.#cdata(id, value.buf, value.start, value.end);
    else this.#escapeBytes(id, value.buf, value.start, value.end);
    this.#close(id);
  }

  devInf(id: number, devinf: DevInf): void {
    const version = this.#devInfVersion;
    this.#devInfVersion = devinf.verDTD;
    this.start(id);
    writeDevInf(this, devinf);
    this.end(id);
    this.#devInfVersion = version;
  }

  /** Places the sink inside SyncBody, for measuring one command as it sits in a message. */
  enterBody(): void {
    this.#kinds = [NS_NONE, NS_SYNCML, NS_SYNCML];
    this.#depth = 2;
    this.#first = false;
  }

  /** A standalone DevInf document's root. */
  devInfDocument(devinf: DevInf): void {
    this.#devInfVersion = devinf.verDTD;
    writeDevInf(this, devinf);
  }

  #escapeString(id: number, s: string): void {
    const n = s.length;
    let run = 0; // start of the pending run of plain characters
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x3f) continue; // '>' is 0x3E: everything above needs no escape
      let esc: Uint8Array | undefined;
      if (c === 0x26) esc = AMP;
      else if (c === 0x3c) esc = LT;
      else if (c === 0x3e) esc = GT;
      else if (c === 0x0d) esc = CR;
      else if (c < 0x20 && c !== 0x09 && c !== 0x0a)
        unrepresentable(id, `control character U+${c.toString(16).padStart(4, '0')}`);
      if (esc === undefined) continue;
      this.#plain(s, run, i);
      this.raw(esc);
      run = i + 1;
    }
    this.#plain(s, run, n);
  }

  // s[from, to) as UTF-8: ASCII directly, the rest through the encoder.
  #plain(s: string, from: number, to: number): void {
    if (from === to) return;
    const part = from === 0 && to === s.length ? s : s.slice(from, to);
    let ascii = true;
    for (let i = 0; i < part.length; i++) {
      if (part.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) this.ascii(part);
    else {
      const bytes = encoder.encode(part);
      this.raw(bytes);
    }
  }

  #escapeBytes(id: number, b: Uint8Array, start: number, end: number): void {
    let run = start;
    let i = start;
    while (i < end) {
      // Plain bytes in one tight loop; the rest is rare.
      while (i < end && BYTE_CLASS[b[i]!] === PLAIN) i++;
      if (i === end) break;
      const c = b[i]!;
      const kind = BYTE_CLASS[c]!;
      if (kind === NON_ASCII) {
        i = validUtf8At(b, i, end, id);
        continue;
      }
      if (kind === FORBIDDEN) unrepresentable(id, `byte 0x${c.toString(16).padStart(2, '0')}`);
      this.copy(b, run, i);
      this.raw(c === 0x26 ? AMP : c === 0x3c ? LT : c === 0x3e ? GT : CR);
      i++;
      run = i;
    }
    this.copy(b, run, end);
  }

  // CDATA keeps the bytes as they are (CR included: SyncML devices want vCard CR LF raw;
  // a conforming XML parser would report it as LF). `]]>` is split across two sections.
  #cdata(id: number, b: Uint8Array, start: number, end: number): void {
    this.raw(CDATA_OPEN);
    let run = start;
    let i = start;
    while (i < end) {
      const c = b[i]!;
      if (c >= 0x80) {
        i = validUtf8At(b, i, end, id);
        continue;
      }
      if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)
        unrepresentable(id, `byte 0x${c.toString(16).padStart(2, '0')}`);
      if (c === 0x5d && i + 2 < end && b[i + 1] === 0x5d && b[i + 2] === 0x3e) {
        this.copy(b, run, i);
        this.raw(CDATA_SPLIT);
        i += 3;
        run = i;
        continue;
      }
      i++;
    }
    this.copy(b, run, end);
    this.raw(CDATA_CLOSE);
  }
}

/**
 * Checks the UTF-8 sequence starting at `b[i]` (a byte >= 0x80) and returns the index after
 * it; throws CANNOT_SERIALIZE for an invalid, overlong, surrogate or out-of-range sequence
 * and for U+FFFE / U+FFFF, none of which XML can carry.
 */
function validUtf8At(b: Uint8Array, i: number, end: number, id: number): number {
  const c = b[i]!;
  let n: number;
  let cp: number;
  if (c >= 0xc2 && c <= 0xdf) {
    n = 1;
    cp = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 2;
    cp = c & 0x0f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 3;
    cp = c & 0x07;
  } else {
    return unrepresentable(id, `bytes that are not UTF-8 (0x${c.toString(16)} at ${i})`);
  }
  for (let k = 1; k <= n; k++) {
    const d = b[i + k];
    if (i + k >= end || d === undefined || (d & 0xc0) !== 0x80) {
      return unrepresentable(id, `bytes that are not UTF-8 (truncated sequence at ${i})`);
    }
    cp = (cp << 6) | (d & 0x3f);
  }
  if (
    (n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff)) ||
    (n === 3 && (cp < 0x10000 || cp > 0x10ffff))
  ) {
    return unrepresentable(id, `bytes that are not UTF-8 (bad sequence at ${i})`);
  }
  return i + n + 1;
}

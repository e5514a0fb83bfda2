import {
  DevInf10,
  DevInf11,
  DevInf12,
  SyncML10,
  SyncML11,
  SyncML12,
  type Vocabulary,
} from '@syncds/codepages';
import { GlobalToken, mbUint32Length, TAG_HAS_CONTENT } from '@syncds/wbxml';
import type { DevInf } from '../model/devinf.js';
import type { Payload } from '../model/payload.js';
import { utf8Length, writeUtf8 } from '../values/utf8.js';
import { DEVINF_BASE, M_NEXT_NONCE, METINF_FIRST } from '../vocabulary/element-ids.js';
import { ByteSink } from './byte-sink.js';
import type { ElementSink } from './sink.js';
import { writeDevInf } from './write-devinf.js';

/**
 * Writes WBXML 1.2 tokens. Code pages: MetInf elements (page 1) switch the page when they
 * start, and a SyncML element whose content left page 1 switches back to page 0 before its
 * END. So every element begins and ends on page 0 and its bytes do not depend on what came
 * before it: the size of a command is the same wherever it stands, as `encodedSize` promises.
 * (END is page-independent; the switch costs the 2 bytes a lazy writer spends before the next
 * page-0 tag, which always follows but at the end of the document.)
 */

const SWITCH_PAGE: number = GlobalToken.SWITCH_PAGE;
const END: number = GlobalToken.END;
const STR_I: number = GlobalToken.STR_I;
const STR_T: number = GlobalToken.STR_T;
const OPAQUE: number = GlobalToken.OPAQUE;
const CONTENT: number = TAG_HAS_CONTENT;

/** WBXML version written: 1.2, what SyncML devices and servers use. */
export const WBXML_VERSION = 0x02;
/** Charset written: UTF-8 (MIBenum 106). */
export const WBXML_UTF8 = 0x6a;
/** Room reserved in front of a nested document for OPAQUE and its length. */
const OPAQUE_RESERVE = 6;

/** How the public id appears in the header. */
export type PublicIdForm = 'string' | 'numeric';

const SYNCML_VOCABULARIES: Record<string, Vocabulary> = { '1.0': SyncML10, '1.1': SyncML11, '1.2': SyncML12 };

/** The SyncML vocabulary of a VerDTD (1.2 for anything else). */
export function syncmlVocabulary(version: string): Vocabulary {
  return SYNCML_VOCABULARIES[version] ?? SyncML12;
}

/** The DevInf vocabulary of a DevInf VerDTD (1.2 for anything else). */
export function devinfVocabulary(version: string): Vocabulary {
  return version === '1.0' ? DevInf10 : version === '1.1' ? DevInf11 : DevInf12;
}

function pageOf(id: number): number {
  return id >= DEVINF_BASE ? 0 : id >= METINF_FIRST ? 1 : 0;
}

function tokenOf(id: number): number {
  return id & 0x3f;
}

function writeMbAt(buf: Uint8Array, at: number, n: number, len: number): void {
  let v = n;
  for (let i = len - 1; i >= 0; i--) {
    buf[at + i] = (v & 0x7f) | (i === len - 1 ? 0 : 0x80);
    v = Math.floor(v / 128);
  }
}

export class WbxmlSink extends ByteSink implements ElementSink {
  readonly encoding = 'wbxml' as const;
  readonly publicIdForm: PublicIdForm;
  /** Strings to reference from the string table (STR_T), by their offset in it. */
  table: Map<string, number> | null;
  page = 0;

  constructor(
    counting: boolean,
    publicIdForm: PublicIdForm,
    table: Map<string, number> | null,
    buf?: Uint8Array,
  ) {
    super(counting, buf);
    this.publicIdForm = publicIdForm;
    this.table = table;
  }

  /**
   * The document header: version 1.2, the public id (numeric, or the FPI at offset 0 of the
   * string table), UTF-8, then the string table (`extra` strings after the FPI, each with its
   * NUL terminator).
   */
  header(vocabulary: Vocabulary, extra: readonly string[]): void {
    this.byte(WBXML_VERSION);
    const numeric = vocabulary.publicId.numeric;
    if (this.publicIdForm === 'numeric' && numeric !== undefined) {
      this.mb(numeric);
      this.byte(WBXML_UTF8);
      this.#table(extra, '');
    } else {
      this.byte(0); // public id in the string table...
      this.byte(0); // ...at offset 0
      this.byte(WBXML_UTF8);
      this.#table(extra, vocabulary.publicId.fpi);
    }
  }

  #table(extra: readonly string[], fpi: string): void {
    let length = fpi === '' ? 0 : fpi.length + 1;
    for (const s of extra) length += utf8Length(s) + 1;
    this.mb(length);
    if (fpi !== '') {
      this.ascii(fpi);
      this.byte(0);
    }
    for (const s of extra) {
      this.#utf8(s);
      this.byte(0);
    }
  }

  #utf8(s: string): void {
    if (this.counting) {
      this.pos += utf8Length(s);
      return;
    }
    this.ensure(s.length * 3);
    this.pos = writeUtf8(s, this.buf, this.pos);
  }

  #tag(id: number, content: number): void {
    const page = pageOf(id);
    if (page !== this.page) {
      this.byte(SWITCH_PAGE);
      this.byte(page);
      this.page = page;
    }
    this.byte(tokenOf(id) | content);
  }

  start(id: number): void {
    this.#tag(id, CONTENT);
  }

  end(id: number): void {
    if (this.page !== 0 && pageOf(id) === 0) {
      this.byte(SWITCH_PAGE);
      this.byte(0);
      this.page = 0;
    }
    this.byte(END);
  }

  empty(id: number): void {
    this.#tag(id, 0);
  }

  string(id: number, value: string): void {
    if (value.length === 0) {
      this.#tag(id, 0);
      return;
    }
    this.#tag(id, CONTENT);
    const at = this.table === null ? undefined : this.table.get(value);
    if (at !== undefined) {
      this.byte(STR_T);
      this.mb(at);
    } else if (value.includes('\u0000')) {
      // STR_I ends at NUL; such a string can only travel as OPAQUE.
      this.byte(OPAQUE);
      this.mb(utf8Length(value));
      this.#utf8(value);
    } else {
      this.byte(STR_I);
      this.#utf8(value);
      this.byte(0);
    }
    this.end(id);
  }

  number(id: number, value: number): void {
    this.#tag(id, CONTENT);
    this.byte(STR_I);
    this.digits(value);
    this.byte(0);
    this.end(id);
  }

  bytes(id: number, value: Payload): void {
    const n = value.end - value.start;
    if (n === 0) {
      this.#tag(id, 0);
      return;
    }
    this.#tag(id, CONTENT);
    if (id === M_NEXT_NONCE && isPrintableAscii(value.buf, value.start, value.end)) {
      // A nonce in OPAQUE means its raw bytes (libwbxml shows them base64-encoded); one that
      // is text (the b64 form every server sends) goes as a string.
      this.byte(STR_I);
      this.copy(value.buf, value.start, value.end);
      this.byte(0);
      this.end(id);
      return;
    }
    this.byte(OPAQUE);
    this.mb(n);
    this.copy(value.buf, value.start, value.end);
    this.end(id);
  }

  /** Data holding a whole WBXML DevInf document (own header, own public id) in OPAQUE. */
  devInf(id: number, devinf: DevInf): void {
    this.#tag(id, CONTENT);
    const page = this.page;
    const table = this.table;
    this.page = 0;
    this.table = null;
    const at = this.pos;
    if (this.counting) {
      this.writeDevInfDocument(devinf);
      const size = this.pos - at;
      this.pos += 1 + mbUint32Length(size);
    } else {
      this.ensure(OPAQUE_RESERVE);
      this.pos += OPAQUE_RESERVE;
      this.writeDevInfDocument(devinf);
      const size = this.pos - at - OPAQUE_RESERVE;
      const len = mbUint32Length(size);
      this.buf[at] = OPAQUE;
      writeMbAt(this.buf, at + 1, size, len);
      const gap = OPAQUE_RESERVE - 1 - len;
      if (gap > 0) {
        this.buf.copyWithin(at + 1 + len, at + OPAQUE_RESERVE, this.pos);
        this.pos -= gap;
      }
    }
    this.page = page;
    this.table = table;
    this.end(id);
  }

  /** A complete DevInf document: header (public id of its VerDTD) and the DevInf element. */
  writeDevInfDocument(devinf: DevInf): void {
    this.header(devinfVocabulary(devinf.verDTD), []);
    writeDevInf(this, devinf);
  }
}

function isPrintableAscii(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

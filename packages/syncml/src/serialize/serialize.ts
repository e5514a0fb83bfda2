import { SyncMLError } from '../errors.js';
import type { DevInf } from '../model/devinf.js';
import type { Command, SyncHeader, SyncMLMessage } from '../model/message.js';
import type { Payload } from '../model/payload.js';
import { utf8Length } from '../values/utf8.js';
import type { ElementSink } from './sink.js';
import { devinfVocabulary, type PublicIdForm, syncmlVocabulary, WbxmlSink } from './wbxml-sink.js';
import { type WriteOptions, writeCommand, writeMessage } from './write-message.js';
import { type XmlDataForm, XmlSink } from './xml-sink.js';

/** How a message (or DevInf) is serialized. Only `encoding` is required. */
export interface SerializeOptions {
  encoding: 'wbxml' | 'xml';
  /**
   * WBXML: the public id as the FPI in the string table (`'string'`, default: what Sony
   * Ericsson, Nokia and Horde write; Horde notes the OMA test suite rejected the numeric
   * form) or as the registered number (`'numeric'`, e.g. 0x1201 for SyncML 1.2).
   */
  publicId?: PublicIdForm | undefined;
  /**
   * WBXML: put strings that occur more than once (3 bytes or longer) in the string table
   * and reference them (STR_T). Default false. `encodedSize` ignores it.
   */
  stringTable?: boolean | undefined;
  /** XML: start with `<?xml version="1.0" encoding="UTF-8"?>`. Default true. */
  xmlDeclaration?: boolean | undefined;
  /** XML: write the DOCTYPE with the version's FPI and DTD URL. Default false. */
  doctype?: boolean | undefined;
  /** XML: indent nested elements by this many spaces (or this string). Default: no indentation. */
  indent?: number | string | undefined;
  /**
   * XML: item data and other bytes as escaped text (`'escape'`, default; CR as `&#13;`) or
   * in CDATA sections (`'cdata'`; CR stays a raw byte, as devices expect in vCards).
   */
  xmlData?: XmlDataForm | undefined;
  /**
   * Write the Meta Type of an item holding a DevInf (and of its command) as
   * `application/vnd.syncml-devinf+wbxml` or `+xml` to match the encoding, when it names
   * DevInf at all. Default true.
   */
  devInfTypeFollowsEncoding?: boolean | undefined;
}

interface ResolvedSerializeOptions extends WriteOptions {
  readonly encoding: 'wbxml' | 'xml';
  readonly publicId: PublicIdForm;
  readonly stringTable: boolean;
  readonly xmlDeclaration: boolean;
  readonly doctype: boolean;
  readonly indent: string;
  readonly xmlData: XmlDataForm;
}

function resolve(options: SerializeOptions): ResolvedSerializeOptions {
  if (
    options === null ||
    typeof options !== 'object' ||
    (options.encoding !== 'wbxml' && options.encoding !== 'xml')
  ) {
    throw new TypeError("serialize options need encoding 'wbxml' or 'xml'");
  }
  const indent = options.indent ?? '';
  return {
    encoding: options.encoding,
    publicId: options.publicId ?? 'string',
    stringTable: options.stringTable ?? false,
    xmlDeclaration: options.xmlDeclaration ?? true,
    doctype: options.doctype ?? false,
    indent: typeof indent === 'number' ? ' '.repeat(Math.max(0, Math.min(16, indent))) : indent,
    xmlData: options.xmlData ?? 'escape',
    devInfTypeFollowsEncoding: options.devInfTypeFollowsEncoding ?? true,
  };
}

function checkVersion(header: SyncHeader): void {
  const v = header?.version;
  if (v !== '1.0' && v !== '1.1' && v !== '1.2') {
    throw new SyncMLError('CANNOT_SERIALIZE', `header version ${JSON.stringify(v)} is not 1.0, 1.1 or 1.2`, {
      path: 'SyncML/SyncHdr/VerDTD',
    });
  }
}

// One output buffer reused from call to call (serialization is synchronous); the result is
// copied out of it. Grown buffers above this size are not kept.
const SCRATCH_KEEP_LIMIT = 1024 * 1024;
let scratch: Uint8Array = new Uint8Array(16 * 1024);

function finish(sink: WbxmlSink | XmlSink): Uint8Array {
  const out = sink.result();
  if (sink.buf !== scratch && sink.buf.length <= SCRATCH_KEEP_LIMIT) scratch = sink.buf;
  return out;
}

function xmlSink(counting: boolean, header: SyncHeader | undefined, o: ResolvedSerializeOptions): XmlSink {
  const namespace = header === undefined ? '' : (syncmlVocabulary(header.version).pages[0]?.namespace ?? '');
  return new XmlSink(counting, namespace, o.indent, o.xmlData, counting ? undefined : scratch);
}

/**
 * Serializes a message. WBXML: version 1.2, UTF-8, SyncML and MetInf code pages of the
 * header's version, a DevInf as a nested WBXML document in OPAQUE. XML: UTF-8, namespaces on
 * the SyncML root, on MetInf and on DevInf. Throws {@link SyncMLError} `CANNOT_SERIALIZE`
 * for values the encoding cannot carry.
 */
export function serializeMessage(message: SyncMLMessage, options: SerializeOptions): Uint8Array {
  const o = resolve(options);
  checkVersion(message.header);
  const vocabulary = syncmlVocabulary(message.header.version);
  if (o.encoding === 'wbxml') {
    const table = o.stringTable
      ? stringTableOf(message, o, o.publicId === 'string' ? vocabulary.publicId.fpi : '')
      : null;
    const sink = new WbxmlSink(false, o.publicId, table?.offsets ?? null, scratch);
    sink.header(vocabulary, table?.strings ?? []);
    writeMessage(sink, message, o);
    return finish(sink);
  }
  const sink = xmlSink(false, message.header, o);
  sink.prolog(o.xmlDeclaration, o.doctype ? doctypeOf('SyncML', vocabulary) : undefined);
  writeMessage(sink, message, o);
  return finish(sink);
}

/** Serializes a standalone DevInf document (public id / DOCTYPE of its VerDTD). */
export function serializeDevInf(devinf: DevInf, options: SerializeOptions): Uint8Array {
  const o = resolve(options);
  if (o.encoding === 'wbxml') {
    const sink = new WbxmlSink(false, o.publicId, null, scratch);
    sink.writeDevInfDocument(devinf);
    return finish(sink);
  }
  const sink = xmlSink(false, undefined, o);
  sink.prolog(o.xmlDeclaration, o.doctype ? doctypeOf('DevInf', devinfVocabulary(devinf.verDTD)) : undefined);
  sink.devInfDocument(devinf);
  return finish(sink);
}

function doctypeOf(
  root: string,
  v: { publicId: { fpi: string }; systemId?: string },
): {
  root: string;
  publicId: string;
  systemId: string;
} {
  return { root, publicId: v.publicId.fpi, systemId: v.systemId ?? '' };
}

/**
 * The exact number of bytes `command` adds to a message serialized with `options` (as a
 * child of SyncBody, indentation included). With {@link encodedOverhead} of the header, a
 * message's size is the overhead plus the sum over its commands: what an engine needs to
 * fill a reply up to the client's MaxMsgSize. `stringTable` is ignored (sizes assume inline
 * strings, which is what to serialize with when splitting by size).
 */
export function encodedSize(command: Command, options: SerializeOptions): number {
  const o = resolve(options);
  let sink: WbxmlSink | XmlSink;
  if (o.encoding === 'wbxml') sink = new WbxmlSink(true, o.publicId, null);
  else {
    sink = new XmlSink(true, '', o.indent, o.xmlData);
    sink.enterBody();
  }
  writeCommand(sink, command, o);
  return sink.pos;
}

/**
 * The bytes of a message with `header` and no command: WBXML header, SyncML, SyncHdr,
 * SyncBody, `<Final/>` when `final` (XML: declaration and DOCTYPE as the options say).
 */
export function encodedOverhead(header: SyncHeader, final: boolean, options: SerializeOptions): number {
  const o = resolve(options);
  checkVersion(header);
  const vocabulary = syncmlVocabulary(header.version);
  const empty: SyncMLMessage = { header, commands: [], final };
  if (o.encoding === 'wbxml') {
    const sink = new WbxmlSink(true, o.publicId, null);
    sink.header(vocabulary, []);
    writeMessage(sink, empty, o);
    return sink.pos;
  }
  const sink = xmlSink(true, header, o);
  sink.prolog(o.xmlDeclaration, o.doctype ? doctypeOf('SyncML', vocabulary) : undefined);
  writeMessage(sink, empty, o);
  return sink.pos;
}

/** Counts how often each string value is written (DevInf documents keep their own). */
class StringCounter implements ElementSink {
  readonly encoding = 'wbxml' as const;
  readonly counts = new Map<string, number>();
  start(): void {}
  end(): void {}
  empty(): void {}
  number(): void {}
  bytes(_id: number, _value: Payload): void {}
  devInf(): void {}
  string(_id: number, value: string): void {
    if (value.length < 3) return;
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }
}

/** The string table: the FPI first (when written as a string), then the repeated strings. */
function stringTableOf(
  message: SyncMLMessage,
  o: ResolvedSerializeOptions,
  fpi: string,
): { strings: string[]; offsets: Map<string, number> } {
  const counter = new StringCounter();
  writeMessage(counter, message, o);
  const strings: string[] = [];
  const offsets = new Map<string, number>();
  let at = fpi === '' ? 0 : fpi.length + 1;
  for (const [s, n] of counter.counts) {
    if (n < 2 || s.includes('\u0000')) continue;
    strings.push(s);
    offsets.set(s, at);
    at += utf8Length(s) + 1;
  }
  return { strings, offsets };
}

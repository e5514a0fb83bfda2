import { WbxmlReader } from '@syncds/wbxml';
import { XmlReader } from '@syncds/xml';
import { NO_WARNINGS, TreeBuilder } from '../build/builder.js';
import { type ParseWarning, SyncMLError } from '../errors.js';
import { FusedDecoder } from '../fused/decoder.js';
import type { DevInf } from '../model/devinf.js';
import type { SyncMLMessage } from '../model/message.js';
import { type ParseOptions, type ResolvedParseOptions, resolveParseOptions } from '../options.js';
import { detectEncoding, type Encoding } from './detect.js';
import { nestedDevInfParser } from './nested.js';
import { feedWbxml } from './wbxml-driver.js';
import { feedXml } from './xml-driver.js';

/** What {@link parseMessage} returns. */
export interface ParseResult {
  message: SyncMLMessage;
  /** The encoding the message came in (reply in the same one). */
  encoding: Encoding;
  /** Tolerated oddities: skipped elements, defaulted DevInf fields... (a shared empty list for a clean message). */
  warnings: readonly ParseWarning[];
}

/** What {@link parseDevInf} returns. */
export interface DevInfParseResult {
  devinf: DevInf;
  encoding: Encoding;
  warnings: readonly ParseWarning[];
}

/**
 * One builder and its readers, reused from parse to parse (parsing is synchronous, so one set
 * serves every call with the same options). Nested DevInf documents get readers of their own:
 * the message's reader is mid-document when they are met.
 */
class Parsers {
  readonly options: ResolvedParseOptions;
  readonly builder: TreeBuilder = new TreeBuilder();
  #wbxml: WbxmlReader | undefined;
  #xml: XmlReader | undefined;
  #nestedWbxml: WbxmlReader | undefined;
  #nestedXml: XmlReader | undefined;
  readonly nested: ReturnType<typeof nestedDevInfParser>;

  constructor(options: ResolvedParseOptions) {
    this.options = options;
    this.nested = nestedDevInfParser({
      wbxml: () => {
        if (this.#nestedWbxml === undefined) this.#nestedWbxml = this.#newWbxml();
        return this.#nestedWbxml;
      },
      xml: () => {
        if (this.#nestedXml === undefined) this.#nestedXml = this.#newXml();
        return this.#nestedXml;
      },
    });
  }

  wbxml(): WbxmlReader {
    if (this.#wbxml === undefined) this.#wbxml = this.#newWbxml();
    return this.#wbxml;
  }

  xml(): XmlReader {
    if (this.#xml === undefined) this.#xml = this.#newXml();
    return this.#xml;
  }

  // The readers get one level more than the builder, so the builder's check, which names
  // the element path, is the one that fires.
  #newWbxml(): WbxmlReader {
    const o = this.options;
    return new WbxmlReader({
      maxDepth: o.maxDepth + 1,
      maxTotalSize: o.maxMessageSize,
      maxStringLength: o.maxMessageSize,
      maxOpaqueLength: o.maxMessageSize,
      maxStringTableLength: o.maxMessageSize,
    });
  }

  #newXml(): XmlReader {
    const o = this.options;
    return new XmlReader({
      maxDepth: o.maxDepth + 1,
      maxTotalSize: Math.max(1, o.maxMessageSize),
      maxTextLength: Math.max(1, o.maxMessageSize),
    });
  }
}

let cached: Parsers | undefined;

// The fast path for WBXML; it hands a message it does not read itself to the generic one.
const fused = new FusedDecoder();

function sameLimits(a: ResolvedParseOptions, b: ResolvedParseOptions): boolean {
  return (
    a === b ||
    (a.maxMessageSize === b.maxMessageSize &&
      a.maxDepth === b.maxDepth &&
      a.maxCommands === b.maxCommands &&
      a.maxItemsPerCommand === b.maxItemsPerCommand &&
      a.maxWarnings === b.maxWarnings)
  );
}

// Callers pass the same limits call after call (a server's configuration): the readers made
// for them are kept, whether the options object is the same or only equal.
function parsersFor(options: ResolvedParseOptions): Parsers {
  if (cached === undefined || !sameLimits(cached.options, options)) cached = new Parsers(options);
  return cached;
}

function prepare(bytes: Uint8Array, options: ParseOptions | undefined): ResolvedParseOptions {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('the message must be a Uint8Array');
  const o = resolveParseOptions(options);
  if (bytes.length > o.maxMessageSize) {
    throw new SyncMLError(
      'MESSAGE_TOO_LARGE',
      `message of ${bytes.length} bytes is over maxMessageSize (${o.maxMessageSize})`,
      {
        offset: o.maxMessageSize,
      },
    );
  }
  return o;
}

function encodingOf(bytes: Uint8Array): Encoding {
  const encoding = detectEncoding(bytes);
  if (encoding === null) {
    const first = bytes.length === 0 ? 'no bytes' : `first byte 0x${bytes[0]!.toString(16).padStart(2, '0')}`;
    throw new SyncMLError('UNKNOWN_ENCODING', `neither WBXML nor XML (${first})`, { offset: 0 });
  }
  return encoding;
}

/**
 * Parses a SyncML 1.0-1.2 message, WBXML or XML (told apart by {@link detectEncoding}).
 * Payloads (item Data, Cred Data, NextNonce) are views into `bytes` where possible: keep
 * `bytes` unchanged while the message is in use. Throws {@link SyncMLError} only.
 */
export function parseMessage(bytes: Uint8Array, options?: ParseOptions): ParseResult {
  const o = prepare(bytes, options);
  return encodingOf(bytes) === 'wbxml' ? parseWbxml(bytes, o) : parseWith(bytes, o, 'xml');
}

/** {@link parseMessage} for a message known to be WBXML. */
export function parseWbxmlMessage(bytes: Uint8Array, options?: ParseOptions): ParseResult {
  return parseWbxml(bytes, prepare(bytes, options));
}

// The fused decoder first; the generic path for what it hands over (and for the exact
// warnings and errors).
function parseWbxml(bytes: Uint8Array, o: ResolvedParseOptions): ParseResult {
  const message = fused.decodeMessage(bytes, o);
  if (message !== null) return { message, encoding: 'wbxml', warnings: NO_WARNINGS };
  return parseWith(bytes, o, 'wbxml');
}

/** {@link parseMessage} for a message known to be XML. */
export function parseXmlMessage(bytes: Uint8Array, options?: ParseOptions): ParseResult {
  return parseWith(bytes, prepare(bytes, options), 'xml');
}

/** The generic path: a reader (WBXML or XML) drives the TreeBuilder. */
export function parseWith(bytes: Uint8Array, o: ResolvedParseOptions, encoding: Encoding): ParseResult {
  const p = parsersFor(o);
  const b = p.builder;
  b.reset(o, false, p.nested, encoding === 'xml');
  const r = encoding === 'wbxml' ? p.wbxml() : p.xml();
  try {
    if (encoding === 'wbxml') feedWbxml(b, r as WbxmlReader, bytes, 'syncml', 0);
    else feedXml(b, r as XmlReader, bytes, 0);
    const message = b.message;
    if (message === undefined)
      throw new SyncMLError('NOT_SYNCML', 'the document has no SyncML element', { offset: 0 });
    return { message, encoding, warnings: b.warnings };
  } finally {
    r.reset();
    b.release();
  }
}

/**
 * Parses a standalone DevInf 1.0-1.2 document (WBXML or XML), e.g. one stored from an
 * earlier session. Throws {@link SyncMLError} only.
 */
export function parseDevInf(bytes: Uint8Array, options?: ParseOptions): DevInfParseResult {
  const o = prepare(bytes, options);
  const encoding = encodingOf(bytes);
  if (encoding === 'wbxml') {
    const devinf = fused.decodeDevInf(bytes, o);
    if (devinf !== null) return { devinf, encoding, warnings: NO_WARNINGS };
  }
  return parseDevInfWith(bytes, o, encoding);
}

/** The generic path of {@link parseDevInf}. */
export function parseDevInfWith(
  bytes: Uint8Array,
  o: ResolvedParseOptions,
  encoding: Encoding,
): DevInfParseResult {
  const p = parsersFor(o);
  const b = p.builder;
  b.reset(o, true, null, encoding === 'xml');
  const r = encoding === 'wbxml' ? p.wbxml() : p.xml();
  try {
    if (encoding === 'wbxml') feedWbxml(b, r as WbxmlReader, bytes, 'devinf', 0);
    else feedXml(b, r as XmlReader, bytes, 0);
    const devinf = b.devinf;
    if (devinf === undefined)
      throw new SyncMLError('NOT_SYNCML', 'the document has no DevInf element', { offset: 0 });
    return { devinf, encoding, warnings: b.warnings };
  } finally {
    r.reset();
    b.release();
  }
}

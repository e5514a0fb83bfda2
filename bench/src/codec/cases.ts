import {
  type DevInf,
  parseDevInf,
  parseWbxmlMessage,
  parseXmlMessage,
  type SerializeOptions,
  type SyncMLMessage,
  serializeDevInf,
  serializeMessage,
} from '@syncds/syncml';
import { TokenKind, WbxmlReader } from '@syncds/wbxml';
import type { BenchCase, PreparedCase } from '../runner/bench-case.js';
import { BASELINE_PAIRS } from './baseline.js';
import { checkSameAst, checkThat, devInfTypeFollowsEncoding, sameBytes } from './check.js';
import type { CorpusFile } from './corpus.js';

/** The codec paths measured, in report order. */
export const CODEC_GROUPS = [
  'wbxml-tokens',
  'wbxml-to-ast',
  'xml-to-ast',
  'ast-to-wbxml',
  'ast-to-xml',
] as const;
/** One of {@link CODEC_GROUPS}. */
export type CodecGroup = (typeof CODEC_GROUPS)[number];

/** What each group measures, for `--list` and the README. */
export const CODEC_GROUP_DESCRIPTIONS: Readonly<Record<CodecGroup, string>> = {
  'wbxml-tokens': 'WbxmlReader: reset, write, end, then next() until END_OF_DOCUMENT (no AST)',
  'wbxml-to-ast': 'parseWbxmlMessage (parseDevInf for a DevInf document): WBXML bytes to the SyncML AST',
  'xml-to-ast': "parseXmlMessage on the capture's XML twin: XML bytes to the SyncML AST",
  'ast-to-wbxml':
    'serializeMessage(ast, {encoding: "wbxml"}) of the AST decoded from the WBXML (no string table)',
  'ast-to-xml': 'serializeMessage(ast, {encoding: "xml"}) of the AST decoded from the WBXML',
};

const TO_WBXML: SerializeOptions = { encoding: 'wbxml' };
const TO_XML: SerializeOptions = { encoding: 'xml' };

/** A codec case: which capture it reads, and where libwbxml's figures for it come from. */
export interface CodecCase extends BenchCase {
  readonly group: CodecGroup;
  /** {@link CorpusFile.id} of the capture. */
  readonly corpusId: string;
  /** The WBXML file libwbxml is timed on for comparison; null when the group has no counterpart. */
  readonly baselineFile: string | null;
}

/** Every case of the codec suite for `corpus`: five groups, files in corpus order inside each. */
export function codecCases(corpus: readonly CorpusFile[]): CodecCase[] {
  const cases: CodecCase[] = [];
  for (const group of CODEC_GROUPS) {
    for (const file of corpus) {
      if (group === 'xml-to-ast' && file.xml === null) continue;
      cases.push(codecCase(group, file));
    }
  }
  return cases;
}

function codecCase(group: CodecGroup, file: CorpusFile): CodecCase {
  const name = `${group}/${file.id}`;
  const path = group === 'xml-to-ast' ? file.xmlPath! : file.wbxmlPath;
  const prepare = (): PreparedCase => {
    switch (group) {
      case 'wbxml-tokens':
        return prepareTokens(name, file);
      case 'wbxml-to-ast':
        return prepareWbxmlToAst(name, file);
      case 'xml-to-ast':
        return prepareXmlToAst(name, file);
      case 'ast-to-wbxml':
        return prepareSerialize(name, file, TO_WBXML);
      case 'ast-to-xml':
        return prepareSerialize(name, file, TO_XML);
    }
  };
  const baselineFile = BASELINE_PAIRS[group].length > 0 ? file.wbxmlPath : null;
  return { name, group, file: path, corpusId: file.id, baselineFile, prepare };
}

// --- WBXML -> tokens ------------------------------------------------------------------------

/** Token count and an order-sensitive checksum of kinds and offsets, from a fresh reader. */
function tokenDigest(bytes: Uint8Array): { count: number; digest: number } {
  return readTokens(WbxmlReader.from(bytes));
}

function readTokens(reader: WbxmlReader): { count: number; digest: number } {
  let count = 0;
  let digest = 0;
  for (let kind = reader.next(); kind !== TokenKind.END_OF_DOCUMENT; kind = reader.next()) {
    count++;
    digest = (Math.imul(digest, 31) + kind * 65_599 + reader.offset) | 0;
  }
  return { count, digest };
}

function prepareTokens(name: string, file: CorpusFile): PreparedCase {
  const bytes = file.wbxml;
  const expected = tokenDigest(bytes);
  checkThat(expected.count > 1, name, `only ${expected.count} token(s)`);
  // The timed loop reuses one reader (reset between messages), as the parser does; it must
  // give the tokens a fresh reader gives, every time.
  const reader = new WbxmlReader();
  let count = 0;
  const run = (): void => {
    reader.reset();
    reader.write(bytes);
    reader.end();
    let n = 0;
    while (reader.next() !== TokenKind.END_OF_DOCUMENT) n++;
    count = n;
  };
  for (let i = 0; i < 2; i++) {
    reader.reset();
    reader.write(bytes);
    reader.end();
    const again = readTokens(reader);
    checkThat(
      again.count === expected.count && again.digest === expected.digest,
      name,
      `a reused reader gave ${again.count} tokens (digest ${again.digest}), a fresh one ${expected.count} (digest ${expected.digest})`,
    );
  }
  return {
    bytes: bytes.length,
    run,
    verifyAfter: () =>
      checkThat(
        count === expected.count,
        name,
        `token count changed while timed: ${count}, not ${expected.count}`,
      ),
    facts: { tokens: expected.count },
  };
}

// --- WBXML / XML -> AST ---------------------------------------------------------------------

type Ast = SyncMLMessage | DevInf;

interface Decoded {
  readonly ast: Ast;
  readonly warnings: number;
}

function decodeWbxml(file: CorpusFile): Decoded {
  if (file.isDevInf) {
    const r = parseDevInf(file.wbxml);
    return { ast: r.devinf, warnings: r.warnings.length };
  }
  const r = parseWbxmlMessage(file.wbxml);
  return { ast: r.message, warnings: r.warnings.length };
}

function decodeXml(bytes: Uint8Array, isDevInf: boolean): Decoded {
  if (isDevInf) {
    const r = parseDevInf(bytes);
    return { ast: r.devinf, warnings: r.warnings.length };
  }
  const r = parseXmlMessage(bytes);
  return { ast: r.message, warnings: r.warnings.length };
}

/**
 * The AST of the capture, checked: decoding twice gives the same AST (the parser reuses its
 * builder and readers), and, for the decoder cases (`withTwin`), where the corpus has the XML
 * twin the XML decodes to the same AST. The encoder cases check their own round trip instead.
 */
function checkedWbxmlAst(name: string, file: CorpusFile, withTwin: boolean): Decoded & { twin: boolean } {
  const first = decodeWbxml(file);
  checkSameAst(decodeWbxml(file).ast, first.ast, name, 'a second decode differs');
  if (withTwin && file.xml !== null) {
    const twin = decodeXml(file.xml, file.isDevInf);
    checkSameAst(
      first.ast,
      twin.ast,
      name,
      `the AST of ${file.wbxmlPath} differs from that of ${file.xmlPath}`,
    );
  }
  return { ...first, twin: withTwin && file.xml !== null };
}

function prepareWbxmlToAst(name: string, file: CorpusFile): PreparedCase {
  const reference = checkedWbxmlAst(name, file, true);
  let last: Ast | undefined;
  const bytes = file.wbxml;
  const run = file.isDevInf
    ? (): void => {
        last = parseDevInf(bytes).devinf;
      }
    : (): void => {
        last = parseWbxmlMessage(bytes).message;
      };
  return {
    bytes: bytes.length,
    run,
    verifyAfter: () => checkSameAst(last, reference.ast, name, 'the AST changed while timed'),
    facts: { warnings: reference.warnings, xmlTwinAgrees: reference.twin },
  };
}

function prepareXmlToAst(name: string, file: CorpusFile): PreparedCase {
  const reference = checkedWbxmlAst(name, file, true);
  const xml = file.xml!;
  const decoded = decodeXml(xml, file.isDevInf);
  let last: Ast | undefined;
  const run = file.isDevInf
    ? (): void => {
        last = parseDevInf(xml).devinf;
      }
    : (): void => {
        last = parseXmlMessage(xml).message;
      };
  return {
    bytes: xml.length,
    run,
    verifyAfter: () => checkSameAst(last, reference.ast, name, 'the AST changed while timed'),
    facts: { warnings: decoded.warnings, wbxmlTwinAgrees: true },
  };
}

// --- AST -> WBXML / XML ---------------------------------------------------------------------

function prepareSerialize(name: string, file: CorpusFile, options: SerializeOptions): PreparedCase {
  const { ast } = checkedWbxmlAst(name, file, false);
  const serialize = file.isDevInf
    ? (): Uint8Array => serializeDevInf(ast as DevInf, options)
    : (): Uint8Array => serializeMessage(ast as SyncMLMessage, options);
  const output = serialize();
  checkThat(sameBytes(serialize(), output), name, 'serializing twice gave different bytes');
  // Re-parsing what we wrote must give back the AST we started from.
  const reparsed =
    options.encoding === 'wbxml' ? decodeWbxml({ ...file, wbxml: output }) : decodeXml(output, file.isDevInf);
  checkSameAst(
    reparsed.ast,
    ast,
    name,
    `re-parsing the ${options.encoding.toUpperCase()} output differs`,
    devInfTypeFollowsEncoding,
  );
  let last: Uint8Array = output;
  return {
    bytes: output.length,
    run: () => {
      last = serialize();
    },
    verifyAfter: () => checkThat(sameBytes(last, output), name, 'the output changed while timed'),
    facts: { outputBytes: output.length, reparseWarnings: reparsed.warnings },
  };
}

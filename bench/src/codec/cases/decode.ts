import {
  type DevInf,
  parseDevInf,
  parseWbxmlMessage,
  parseXmlMessage,
  type SyncMLMessage,
} from '@syncds/syncml';
import type { PreparedCase } from '../../runner/bench-case.js';
import { checkSameAst } from '../check.js';
import type { CorpusFile } from '../corpus.js';

/** What the parsers give: a message, or a standalone DevInf. */
export type Ast = SyncMLMessage | DevInf;

/** A decoded capture and how many warnings the parser gave. */
export interface Decoded {
  readonly ast: Ast;
  readonly warnings: number;
}

/** Decodes the capture's WBXML (`parseDevInf` for a DevInf document). */
export function decodeWbxml(file: CorpusFile): Decoded {
  if (file.isDevInf) {
    const r = parseDevInf(file.wbxml);
    return { ast: r.devinf, warnings: r.warnings.length };
  }
  const r = parseWbxmlMessage(file.wbxml);
  return { ast: r.message, warnings: r.warnings.length };
}

/** Decodes XML bytes (`parseDevInf` for a DevInf document). */
export function decodeXml(bytes: Uint8Array, isDevInf: boolean): Decoded {
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
export function checkedWbxmlAst(
  name: string,
  file: CorpusFile,
  withTwin: boolean,
): Decoded & { twin: boolean } {
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

/** `wbxml-to-ast`: `parseWbxmlMessage` (`parseDevInf`) on the capture. */
export function prepareWbxmlToAst(name: string, file: CorpusFile): PreparedCase {
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

/** `xml-to-ast`: `parseXmlMessage` (`parseDevInf`) on the capture's XML twin. */
export function prepareXmlToAst(name: string, file: CorpusFile): PreparedCase {
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

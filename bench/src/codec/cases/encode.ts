import {
  type DevInf,
  type SerializeOptions,
  type SyncMLMessage,
  serializeDevInf,
  serializeMessage,
} from '@syncds/syncml';
import type { PreparedCase } from '../../runner/bench-case.js';
import { checkSameAst, checkThat, devInfTypeFollowsEncoding, sameBytes } from '../check.js';
import type { CorpusFile } from '../corpus.js';
import { checkedWbxmlAst, decodeWbxml, decodeXml } from './decode.js';

/**
 * `ast-to-wbxml` / `ast-to-xml`: serializing the AST decoded from the capture's WBXML. Checked:
 * two serializations are byte-identical and re-parsing the output gives the AST back.
 */
export function prepareSerialize(name: string, file: CorpusFile, options: SerializeOptions): PreparedCase {
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

import type { SerializeOptions } from '@syncds/syncml';
import type { BenchCase, PreparedCase } from '../../runner/bench-case.js';
import { BASELINE_PAIRS } from '../baseline.js';
import type { CorpusFile } from '../corpus.js';
import { prepareWbxmlToAst, prepareXmlToAst } from './decode.js';
import { prepareSerialize } from './encode.js';
import { CODEC_GROUPS, type CodecGroup } from './groups.js';
import { prepareTokens } from './tokens.js';

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

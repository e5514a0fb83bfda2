import { chooseVocabulary } from './encode/choose-vocabulary.js';
import { writeWbxmlTree } from './encode/tree-to-wbxml.js';
import { readXmlTree } from './encode/xml-to-tree.js';
import { WbxmlToolsError } from './errors.js';
import {
  DEFAULT_WBXML_VERSION,
  maxNestingOf,
  registryOf,
  resolveVocabulary,
  type XmlToWbxmlOptions,
} from './options.js';

const POLICIES = ['ignorable', 'trim', 'preserve'];

/**
 * Transcodes one XML document to WBXML (UTF-8 strings), choosing the code
 * pages from the DOCTYPE public id, else the root element and its namespace
 * (and its VerDTD when several versions fit). Throws {@link WbxmlToolsError}.
 */
export function xmlToWbxml(bytes: Uint8Array, options?: XmlToWbxmlOptions): Uint8Array {
  const registry = registryOf(options);
  const version = options?.version ?? DEFAULT_WBXML_VERSION;
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new WbxmlToolsError('UNSUPPORTED_OPTION', `WBXML version byte must be 0..3, got ${version}`, 0);
  }
  const whitespace = options?.whitespace ?? 'ignorable';
  if (!POLICIES.includes(whitespace)) {
    throw new WbxmlToolsError('UNSUPPORTED_OPTION', `whitespace must be one of ${POLICIES.join(', ')}`, 0);
  }
  const forced = resolveVocabulary(options?.vocabulary, registry);
  const tree = readXmlTree(bytes, options?.xml);
  const vocabulary = forced ?? chooseVocabulary(tree.root, tree.publicId, registry);
  return writeWbxmlTree(tree.root, vocabulary, {
    registry,
    version,
    publicIdForm: options?.publicId ?? 'numeric',
    stringTable: options?.stringTable ?? false,
    whitespace,
    cdataAsOpaque: options?.cdataAsOpaque ?? true,
    nestDocuments: options?.nestDocuments ?? true,
    rewriteDevInfType: options?.rewriteDevInfType ?? true,
    maxNesting: maxNestingOf(options?.maxNesting),
  });
}

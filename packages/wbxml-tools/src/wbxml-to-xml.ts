import { writeXmlTree } from './decode/tree-to-xml.js';
import { readWbxmlTree } from './decode/wbxml-to-tree.js';
import { maxNestingOf, registryOf, resolveVocabulary, type WbxmlToXmlOptions } from './options.js';

/**
 * Transcodes one WBXML document to XML (UTF-8), choosing the code pages from
 * the header's public id (numeric or FPI in the string table). Throws
 * {@link WbxmlToolsError}.
 */
export function wbxmlToXml(bytes: Uint8Array, options?: WbxmlToXmlOptions): Uint8Array {
  const registry = registryOf(options);
  const document = readWbxmlTree(bytes, {
    registry,
    vocabulary: resolveVocabulary(options?.vocabulary, registry),
    readerOptions: options?.wbxml,
    inlineNestedDocuments: options?.inlineNestedDocuments ?? true,
    rewriteDevInfType: options?.rewriteDevInfType ?? true,
    maxNesting: maxNestingOf(options?.maxNesting),
  });
  return writeXmlTree(document, {
    indent: options?.indent,
    xmlDeclaration: options?.xmlDeclaration ?? true,
    doctype: options?.doctype ?? true,
    escapeCarriageReturn: options?.escapeCarriageReturn ?? false,
  });
}

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

/** What each group measures, printed by `--list`. */
export const CODEC_GROUP_DESCRIPTIONS: Readonly<Record<CodecGroup, string>> = {
  'wbxml-tokens': 'WbxmlReader: reset, write, end, then next() until END_OF_DOCUMENT (no AST)',
  'wbxml-to-ast': 'parseWbxmlMessage (parseDevInf for a DevInf document): WBXML bytes to the SyncML AST',
  'xml-to-ast': "parseXmlMessage on the capture's XML twin: XML bytes to the SyncML AST",
  'ast-to-wbxml':
    'serializeMessage(ast, {encoding: "wbxml"}) of the AST decoded from the WBXML (no string table)',
  'ast-to-xml': 'serializeMessage(ast, {encoding: "xml"}) of the AST decoded from the WBXML',
};

/**
 * What {@link XmlReader.next} returns. NEED_MORE and END_OF_DOCUMENT are
 * outcomes, the others are tokens whose fields are read off the reader.
 */
export const XmlToken = {
  /** The input so far is consumed: `write()` the next chunk or `end()`. */
  NEED_MORE: 0,
  /** `end()` was called and the document is complete and well-formed. */
  END_OF_DOCUMENT: 1,
  /** `<?xml version=... encoding=... standalone=...?>`: xmlVersion, declaredEncoding, standalone. */
  XML_DECLARATION: 2,
  /** `<?target data?>`: name range = target, text range = data. */
  PROCESSING_INSTRUCTION: 3,
  /** `<!DOCTYPE name PUBLIC "..." "...">`: name, publicId*, systemId* ranges. */
  DOCTYPE: 4,
  /** `<!--text-->`: text range = the comment's inside. */
  COMMENT: 5,
  /** Start tag: name range, namespaceUri, attribute table, selfClosing. */
  START_TAG: 6,
  /** End tag, also synthesized right after a self-closing START_TAG. */
  END_TAG: 7,
  /** Character data: raw text range, hasReferences. */
  TEXT: 8,
  /** `<![CDATA[...]]>`: text range = the inside. */
  CDATA: 9,
} as const;

export type XmlTokenKind = (typeof XmlToken)[keyof typeof XmlToken];

/** Human names of the kinds, for messages and debugging. */
export const XML_TOKEN_NAMES: readonly string[] = [
  'NEED_MORE',
  'END_OF_DOCUMENT',
  'XML_DECLARATION',
  'PROCESSING_INSTRUCTION',
  'DOCTYPE',
  'COMMENT',
  'START_TAG',
  'END_TAG',
  'TEXT',
  'CDATA',
];

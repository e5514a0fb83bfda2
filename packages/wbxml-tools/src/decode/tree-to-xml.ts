import { XmlWriter } from '@syncds/xml';
import { MARKER_ENTITY, MARKER_OPAQUE, MARKER_STRING, WBXML_TOOLS_NAMESPACE } from '../tree/markers.js';
import type { ContentNode, DocumentNode, ElementNode } from '../tree/nodes.js';

/** How the XML is laid out. */
export interface XmlLayout {
  readonly indent: number | string | undefined;
  readonly xmlDeclaration: boolean;
  readonly doctype: boolean;
  readonly escapeCarriageReturn: boolean;
}

/** XML 1.0 `Char` (what a character, or a reference to one, may be). */
function isXmlChar(cp: number): boolean {
  return cp >= 0x20
    ? cp <= 0xd7ff || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
    : cp === 0x09 || cp === 0x0a || cp === 0x0d;
}

interface Frame {
  readonly element: ElementNode;
  /** Default namespace in force inside the element. */
  readonly namespace: string;
  next: number;
}

/**
 * Writes a document tree as XML. Each element whose namespace differs from
 * the one in force gets an `xmlns` (so MetInf elements carry
 * `xmlns="syncml:metinf"` and an inlined DevInf `xmlns="syncml:devinf"`).
 * Text and OPAQUE that are valid XML text are written as (escaped) text;
 * anything else becomes a marker element (see markers.ts). No recursion: the
 * element stack is explicit.
 */
export function writeXmlTree(document: DocumentNode, layout: XmlLayout): Uint8Array {
  const writer = new XmlWriter({
    ...(layout.indent === undefined ? {} : { indent: layout.indent }),
    escapeCarriageReturn: layout.escapeCarriageReturn,
  });
  if (layout.xmlDeclaration) writer.declaration();
  const { vocabulary, root } = document;
  if (layout.doctype && vocabulary.systemId !== undefined) {
    writer.doctype(root.name, vocabulary.publicId.fpi, vocabulary.systemId);
  }
  const stack: Frame[] = [];
  const open = (element: ElementNode, inherited: string): void => {
    writer.startElement(element.name);
    if (element.namespace !== inherited) writer.attribute('xmlns', element.namespace);
    for (const [name, value] of element.attributes) writer.attribute(name, value);
    stack.push({ element, namespace: element.namespace, next: 0 });
  };
  open(root, '');
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const node = frame.element.children[frame.next++];
    if (node === undefined) {
      writer.endElement();
      stack.pop();
      continue;
    }
    if (node.type === 'element') open(node, frame.namespace);
    else if (node.type === 'document') open(node.root, frame.namespace);
    else writeContent(writer, node);
  }
  return writer.finish();
}

function writeContent(writer: XmlWriter, node: Exclude<ContentNode, ElementNode | DocumentNode>): void {
  if (node.type === 'entity') {
    if (isXmlChar(node.codePoint)) {
      writer.text(String.fromCodePoint(node.codePoint));
    } else {
      writer
        .startElement(MARKER_ENTITY)
        .attribute('xmlns', WBXML_TOOLS_NAMESPACE)
        .attribute('codepoint', String(node.codePoint))
        .endElement();
    }
    return;
  }
  if (writer.tryTextBytes(node.bytes)) return;
  writer
    .startElement(node.type === 'opaque' ? MARKER_OPAQUE : MARKER_STRING)
    .attribute('xmlns', WBXML_TOOLS_NAMESPACE)
    .attribute('encoding', 'base64')
    .base64(node.bytes)
    .endElement();
}

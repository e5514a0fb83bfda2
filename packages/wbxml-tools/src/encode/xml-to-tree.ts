import { XmlReader, type XmlReaderOptions, XmlToken } from '@syncds/xml';
import { isCodecError, wrapCodecError } from '../errors.js';
import { type ElementNode, element, NO_ATTRIBUTES } from '../tree/nodes.js';

/** An XML document as a tree, with what its prolog said. */
export interface XmlTree {
  readonly root: ElementNode;
  /** The DOCTYPE public id, when there is one. */
  readonly publicId: string | undefined;
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

/**
 * Reads XML into a tree: elements (local name + namespace URI), attributes
 * other than namespace declarations, text (references expanded, as UTF-8
 * bytes) and CDATA. Comments and PIs are dropped.
 */
export function readXmlTree(bytes: Uint8Array, options: XmlReaderOptions | undefined): XmlTree {
  let publicId: string | undefined;
  const stack: ElementNode[] = [];
  let root: ElementNode | undefined;
  try {
    const reader = XmlReader.from(bytes, options);
    for (let kind = reader.next(); kind !== XmlToken.END_OF_DOCUMENT; kind = reader.next()) {
      switch (kind) {
        case XmlToken.DOCTYPE:
          publicId = reader.publicId();
          break;
        case XmlToken.START_TAG: {
          let attributes = NO_ATTRIBUTES;
          for (let i = 0; i < reader.attributeCount; i++) {
            if (reader.attributeNamespaceUri(i) === XMLNS_URI) continue;
            if (attributes === NO_ATTRIBUTES) attributes = [];
            (attributes as [string, string][]).push([reader.attributeName(i), reader.attributeValue(i)]);
          }
          const node = element(reader.localName(), reader.namespaceUri, reader.tokenOffset, attributes);
          const parent = stack.at(-1);
          if (parent === undefined) root = node;
          else parent.children.push(node);
          stack.push(node);
          break;
        }
        case XmlToken.END_TAG:
          stack.pop();
          break;
        case XmlToken.TEXT:
        case XmlToken.CDATA:
          stack.at(-1)!.children.push({
            type: 'text',
            bytes: reader.textBytes(),
            cdata: kind === XmlToken.CDATA,
            offset: reader.tokenOffset,
          });
          break;
        default:
          break; // declaration, comments, PIs
      }
    }
  } catch (error) {
    if (isCodecError(error)) throw wrapCodecError(error, 0);
    throw error;
  }
  return { root: root!, publicId };
}

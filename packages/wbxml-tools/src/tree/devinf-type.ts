import type { ElementNode, TextNode } from './nodes.js';

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

export const METINF_NAMESPACE = 'syncml:metinf';
export const DEVINF_XML_TYPE = 'application/vnd.syncml-devinf+xml';
export const DEVINF_WBXML_TYPE = 'application/vnd.syncml-devinf+wbxml';

/**
 * A SyncML message names the form of its DevInf in MetInf `Type`
 * (`application/vnd.syncml-devinf+wbxml` or `+xml`). When the message changes
 * form, so do the DevInf documents it carries and asks for: the XML form
 * holds them inline, the WBXML form nested in OPAQUE. This rewrites the text
 * of a MetInf `Type` element (`namespace` is its code page's) from `from` to
 * `to`, compared case-insensitively with surrounding white space ignored, as
 * libwbxml does in both directions. Returns whether it did.
 */
export function rewriteDevInfType(type: ElementNode, namespace: string, from: string, to: string): boolean {
  if (type.name !== 'Type' || namespace.toLowerCase() !== METINF_NAMESPACE) return false;
  const texts = type.children.filter((n): n is TextNode => n.type === 'text');
  if (texts.length === 0 || texts.length !== type.children.length) return false;
  const value = texts.map((t) => decoder.decode(t.bytes)).join('');
  if (value.trim().toLowerCase() !== from) return false;
  const first = texts[0]!;
  type.children.length = 0;
  type.children.push({ type: 'text', bytes: utf8.encode(to), cdata: false, offset: first.offset });
  return true;
}

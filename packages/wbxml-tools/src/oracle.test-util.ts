import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XmlReader, XmlToken } from '@syncds/xml';

/**
 * An XML document reduced to what the comparisons look at: element local
 * names, namespace URIs, attributes, and the text directly inside each
 * element (text and CDATA concatenated).
 */
export interface Tree {
  name: string;
  ns: string;
  attributes: [string, string][];
  text: string;
  children: Tree[];
}

/** How two documents are made comparable; each step is documented in the README. */
export interface Normalization {
  /** Trim the text of every element (xml2wbxml strips blanks). */
  trim?: boolean;
  /** CR LF and lone CR -> LF (an XML parser's line-end normalization, done by xml2wbxml's expat). */
  lineEnds?: boolean;
  /** Lower-case namespace URIs (SyncML peers vary their case). */
  foldNamespaceCase?: boolean;
  /**
   * Read `application/vnd.syncml-devinf+wbxml` and `+xml` as one value: the
   * DevInf Type names the form the message has, which changes with it.
   */
  devInfTypeForm?: boolean;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/**
 * Parses with @syncds/xml. Whitespace-only text of an element that holds
 * elements is dropped (indentation, either side may add it).
 */
export function parseTree(bytes: Uint8Array, n: Normalization = {}): Tree {
  const reader = XmlReader.from(bytes);
  const stack: Tree[] = [];
  let root: Tree | undefined;
  for (let k = reader.next(); k !== XmlToken.END_OF_DOCUMENT; k = reader.next()) {
    if (k === XmlToken.START_TAG) {
      const attributes: [string, string][] = [];
      for (let i = 0; i < reader.attributeCount; i++) {
        if (reader.attributeNamespaceUri(i) !== XMLNS)
          attributes.push([reader.attributeName(i), reader.attributeValue(i)]);
      }
      const ns = n.foldNamespaceCase ? reader.namespaceUri.toLowerCase() : reader.namespaceUri;
      const node: Tree = { name: reader.localName(), ns, attributes, text: '', children: [] };
      if (stack.length > 0) stack.at(-1)!.children.push(node);
      else root = node;
      stack.push(node);
    } else if (k === XmlToken.END_TAG) {
      const node = stack.pop()!;
      if (node.children.length > 0 && node.text.trim() === '') node.text = '';
      if (n.lineEnds) node.text = node.text.replace(/\r\n?/g, '\n');
      if (n.trim) node.text = node.text.trim();
      if (n.devInfTypeForm && /^application\/vnd\.syncml-devinf\+(wbxml|xml)$/i.test(node.text.trim())) {
        node.text = 'application/vnd.syncml-devinf+(w)bxml';
      }
    } else if (k === XmlToken.TEXT || k === XmlToken.CDATA) {
      stack.at(-1)!.text += reader.text();
    }
  }
  return root!;
}

/** Drops namespaces the reference document does not state (`reference` with '' keeps `other` unchecked). */
export function alignNamespaces(reference: Tree, other: Tree): void {
  const pending: [Tree, Tree][] = [[reference, other]];
  while (pending.length > 0) {
    const [a, b] = pending.pop()!;
    if (a.ns === '') b.ns = '';
    for (let i = 0; i < Math.min(a.children.length, b.children.length); i++)
      pending.push([a.children[i]!, b.children[i]!]);
  }
}

function run(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
}

/** libwbxml's wbxml2xml on bytes: compact (it adds no white space), keeping white space it decodes (-k). */
export function libwbxmlDecode(wbxml: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'wbxml-oracle-'));
  try {
    writeFileSync(join(dir, 'in.wbxml'), wbxml);
    run('/usr/bin/wbxml2xml', ['-m', '0', '-k', '-o', join(dir, 'out.xml'), join(dir, 'in.wbxml')]);
    return new Uint8Array(readFileSync(join(dir, 'out.xml')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** libwbxml's xml2wbxml on bytes (its defaults: string table, WBXML 1.3, blanks stripped). */
export function libwbxmlEncode(xml: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'wbxml-oracle-'));
  try {
    writeFileSync(join(dir, 'in.xml'), xml);
    run('/usr/bin/xml2wbxml', ['-o', join(dir, 'out.wbxml'), join(dir, 'in.xml')]);
    return new Uint8Array(readFileSync(join(dir, 'out.wbxml')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

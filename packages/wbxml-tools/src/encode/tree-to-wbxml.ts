import { type TagTable, tagTable, type Vocabulary, type VocabularyRegistry } from '@syncds/codepages';
import { Charset, WbxmlWriter } from '@syncds/wbxml';
import { WbxmlToolsError } from '../errors.js';
import { DEVINF_WBXML_TYPE, DEVINF_XML_TYPE, rewriteDevInfType } from '../tree/devinf-type.js';
import {
  decodeBase64,
  MARKER_ENTITY,
  MARKER_OPAQUE,
  MARKER_STRING,
  WBXML_TOOLS_NAMESPACE,
} from '../tree/markers.js';
import type { ContentNode, ElementNode, TextNode } from '../tree/nodes.js';
import { chooseVocabulary, rootCandidates } from './choose-vocabulary.js';

/**
 * What to do with white space in XML text: `ignorable` drops whitespace-only
 * text in elements that hold elements; `trim` also trims every other text
 * (not CDATA), as xml2wbxml does by default; `preserve` keeps everything.
 */
export type WhitespacePolicy = 'ignorable' | 'trim' | 'preserve';

/** Everything the WBXML writing needs besides the tree. */
export interface WbxmlEncodeSettings {
  readonly registry: VocabularyRegistry;
  readonly version: number;
  readonly publicIdForm: 'numeric' | 'string';
  readonly stringTable: boolean;
  readonly whitespace: WhitespacePolicy;
  readonly cdataAsOpaque: boolean;
  readonly nestDocuments: boolean;
  readonly rewriteDevInfType: boolean;
  readonly maxNesting: number;
}

const decoder = new TextDecoder();

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function trimBytes(bytes: Uint8Array): Uint8Array {
  let s = 0;
  let e = bytes.length;
  while (s < e && isSpace(bytes[s]!)) s++;
  while (e > s && isSpace(bytes[e - 1]!)) e--;
  return bytes.subarray(s, e);
}

/** How an element is written: a tag (page * 64 + token), a nested document, or a marker. */
const NESTED = -2;
const MARKER = -3;

/**
 * Writes an XML tree as one WBXML document of `vocabulary`. An element of
 * another vocabulary's root (DevInf inside `<Data>`) becomes a nested WBXML
 * document in an OPAQUE; marker elements become the token they stand for.
 */
export function writeWbxmlTree(
  root: ElementNode,
  vocabulary: Vocabulary,
  settings: WbxmlEncodeSettings,
  nesting = 0,
): Uint8Array {
  return new TreeWriter(vocabulary, settings, nesting).write(root);
}

interface Frame {
  readonly content: ContentNode[];
  next: number;
}

class TreeWriter {
  private readonly vocabulary: Vocabulary;
  private readonly table: TagTable;
  private readonly settings: WbxmlEncodeSettings;
  private readonly nesting: number;
  private readonly writer = new WbxmlWriter();
  /** Element -> how it is written (tag id, NESTED, MARKER), decided in the planning pass. */
  private readonly plan = new Map<ElementNode, number>();
  /** Filtered content of each element. */
  private readonly contents = new Map<ElementNode, ContentNode[]>();
  /** Text values seen more than once (for the string table). */
  private readonly repeated = new Set<string>();
  /** Root element names of the registry's vocabularies: a cheap test before looking for a nested document. */
  private readonly rootNames: Set<string>;

  constructor(vocabulary: Vocabulary, settings: WbxmlEncodeSettings, nesting: number) {
    this.vocabulary = vocabulary;
    this.table = tagTable(vocabulary);
    this.settings = settings;
    this.nesting = nesting;
    this.rootNames = new Set(settings.registry.list().map((v) => v.rootElement));
  }

  write(root: ElementNode): Uint8Array {
    this.planTree(root);
    const { publicId } = this.vocabulary;
    this.writer.header({
      version: this.settings.version,
      publicId:
        this.settings.publicIdForm === 'string' || publicId.numeric === undefined
          ? publicId.fpi
          : publicId.numeric,
      charset: Charset.UTF_8,
    });
    const stack: Frame[] = [];
    this.open(root, stack);
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const node = frame.content[frame.next++];
      if (node === undefined) {
        stack.pop();
        this.writer.endTag();
        continue;
      }
      switch (node.type) {
        case 'element':
          this.open(node, stack);
          break;
        case 'text':
          this.text(node);
          break;
        case 'opaque':
          this.writer.opaque(node.bytes);
          break;
        case 'entity':
          this.writer.entity(node.codePoint);
          break;
        case 'document':
          // Trees read from XML hold elements only; a nested document is planned from its root element.
          this.open(node.root, stack);
          break;
      }
    }
    return this.writer.finish();
  }

  /**
   * One pass over the tree before writing: decides each element's token (or
   * that it nests another document), filters white space, rewrites DevInf
   * Types (see devinf-type.ts), counts repeated strings.
   */
  private planTree(root: ElementNode): void {
    const counts = new Map<string, number>();
    const pending: ElementNode[] = [root];
    while (pending.length > 0) {
      const element = pending.pop()!;
      const how = this.classify(element, element === root);
      this.plan.set(element, how);
      if (how === NESTED || how === MARKER) continue;
      if (this.settings.rewriteDevInfType && this.settings.nestDocuments) {
        rewriteDevInfType(
          element,
          this.table.namespaceOf((how / 64) | 0) ?? '',
          DEVINF_XML_TYPE,
          DEVINF_WBXML_TYPE,
        );
      }
      const content = this.filter(element);
      this.contents.set(element, content);
      for (let i = content.length - 1; i >= 0; i--) {
        const node = content[i]!;
        if (node.type === 'element') pending.push(node);
        else if (
          node.type === 'text' &&
          this.settings.stringTable &&
          !(node.cdata && this.settings.cdataAsOpaque)
        ) {
          const value = decoder.decode(node.bytes);
          counts.set(value, (counts.get(value) ?? 0) + 1);
        }
      }
    }
    for (const [value, count] of counts) if (count > 1 && !value.includes('\0')) this.repeated.add(value);
  }

  /** The root is always this vocabulary's element, whatever its namespace says. */
  private classify(element: ElementNode, isRoot: boolean): number {
    if (element.namespace === WBXML_TOOLS_NAMESPACE) return MARKER;
    const table = this.table;
    if (element.namespace !== '') {
      const page = table.pageOf(element.namespace);
      const id = page < 0 ? -1 : table.id(element.name, page);
      if (id >= 0) return id;
    }
    if (!isRoot && this.settings.nestDocuments && this.rootNames.has(element.name)) {
      const candidates = rootCandidates(element, this.settings.registry);
      if (candidates.length > 0 && !candidates.includes(this.vocabulary)) return NESTED;
    }
    const id = table.id(element.name);
    if (id >= 0) return id;
    const ns = element.namespace === '' ? '' : ` (namespace "${element.namespace}")`;
    throw new WbxmlToolsError(
      'UNKNOWN_ELEMENT',
      `${this.vocabulary.name} has no element <${element.name}>${ns}`,
      element.offset,
    );
  }

  private filter(element: ElementNode): ContentNode[] {
    const policy = this.settings.whitespace;
    const children = element.children;
    if (policy === 'preserve') return children;
    let holdsElements = false;
    let texts = false;
    for (const node of children) {
      if (node.type === 'element' || node.type === 'document') holdsElements = true;
      else if (node.type === 'text' && !node.cdata) texts = true;
    }
    // Nothing to drop or trim: the children as they are.
    if (!texts || (policy === 'ignorable' && !holdsElements)) return children;
    const out: ContentNode[] = [];
    for (const node of element.children) {
      if (node.type !== 'text' || node.cdata) {
        out.push(node);
        continue;
      }
      const trimmed = trimBytes(node.bytes);
      if (trimmed.length === 0 && holdsElements) continue;
      if (policy === 'trim') {
        if (trimmed.length > 0) out.push({ ...node, bytes: trimmed });
        continue;
      }
      out.push(node);
    }
    return out;
  }

  private open(element: ElementNode, stack: Frame[]): void {
    const how = this.plan.get(element)!;
    if (how === NESTED) {
      this.nest(element);
      return;
    }
    if (how === MARKER) {
      this.marker(element);
      return;
    }
    const content = this.contents.get(element)!;
    const hasAttributes = element.attributes.length > 0;
    const page = (how / 64) | 0;
    const token = how & 63;
    this.writer.startTag(page, token, content.length > 0, hasAttributes);
    if (hasAttributes) {
      for (const [name, value] of element.attributes) {
        this.writer.literalAttribute(name);
        if (value.length > 0) this.writer.text(value);
      }
      this.writer.endAttributes();
    }
    if (content.length > 0) stack.push({ content, next: 0 });
  }

  private text(node: TextNode): void {
    const bytes = node.bytes;
    if (bytes.length === 0) return;
    // STR_I ends at NUL, so NUL-bearing text (and CDATA, as xml2wbxml does) goes as OPAQUE.
    if ((node.cdata && this.settings.cdataAsOpaque) || bytes.includes(0)) {
      this.writer.opaque(bytes);
      return;
    }
    if (this.repeated.size > 0) {
      const value = decoder.decode(bytes);
      if (this.repeated.has(value)) {
        this.writer.tableText(value);
        return;
      }
    }
    this.writer.textBytes(bytes);
  }

  private nest(element: ElementNode): void {
    if (this.nesting + 1 > this.settings.maxNesting) {
      throw new WbxmlToolsError(
        'NESTING_LIMIT',
        `Documents nested deeper than ${this.settings.maxNesting}`,
        element.offset,
      );
    }
    const vocabulary = chooseVocabulary(element, undefined, this.settings.registry);
    this.writer.opaque(writeWbxmlTree(element, vocabulary, this.settings, this.nesting + 1));
  }

  private marker(element: ElementNode): void {
    const invalid = (why: string) =>
      new WbxmlToolsError(
        'INVALID_MARKER',
        `<${element.name} xmlns="${WBXML_TOOLS_NAMESPACE}">: ${why}`,
        element.offset,
      );
    const attributes = new Map(element.attributes);
    if (element.name === MARKER_ENTITY) {
      const text = attributes.get('codepoint') ?? '';
      const codePoint = /^[0-9]{1,7}$/.test(text) ? Number(text) : -1;
      if (codePoint < 0 || codePoint > 0x10ffff) throw invalid('codepoint must be a number 0..1114111');
      if (element.children.length > 0) throw invalid('must be empty');
      this.writer.entity(codePoint);
      return;
    }
    if (element.name !== MARKER_OPAQUE && element.name !== MARKER_STRING) throw invalid('unknown marker');
    if (attributes.get('encoding') !== 'base64') throw invalid('encoding must be "base64"');
    const parts: Uint8Array[] = [];
    for (const child of element.children) {
      if (child.type !== 'text') throw invalid('must hold base64 text only');
      parts.push(child.bytes);
    }
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    const bytes = decodeBase64(joined);
    if (bytes === undefined) throw invalid('bad base64');
    if (element.name === MARKER_OPAQUE) {
      this.writer.opaque(bytes);
    } else {
      if (bytes.includes(0)) throw invalid('a string cannot hold a NUL byte');
      this.writer.textBytes(bytes);
    }
  }
}

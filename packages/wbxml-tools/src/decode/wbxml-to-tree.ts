import { type TagTable, tagTable, type Vocabulary, type VocabularyRegistry } from '@syncds/codepages';
import { TokenKind, WbxmlReader, type WbxmlReaderOptions } from '@syncds/wbxml';
import { isCodecError, WbxmlToolsError, wrapCodecError } from '../errors.js';
import { DEVINF_WBXML_TYPE, DEVINF_XML_TYPE, rewriteDevInfType } from '../tree/devinf-type.js';
import {
  type ContentNode,
  type DocumentNode,
  type ElementNode,
  element,
  NO_ATTRIBUTES,
} from '../tree/nodes.js';

const UTF8_MIB = 106;
const utf8 = new TextEncoder();

/** Everything the WBXML reading needs besides the bytes. */
export interface WbxmlDecodeSettings {
  readonly registry: VocabularyRegistry;
  /** Forced vocabulary of the outer document (undefined: from the header). */
  readonly vocabulary: Vocabulary | undefined;
  readonly readerOptions: WbxmlReaderOptions | undefined;
  readonly inlineNestedDocuments: boolean;
  readonly rewriteDevInfType: boolean;
  readonly maxNesting: number;
}

/**
 * Reads a whole WBXML document into a tree. `base` is the absolute offset of
 * `bytes[0]` in the outermost input (for errors in nested documents);
 * `nesting` counts enclosing documents.
 */
export function readWbxmlTree(
  bytes: Uint8Array,
  settings: WbxmlDecodeSettings,
  base = 0,
  nesting = 0,
): DocumentNode {
  try {
    const reader = WbxmlReader.from(bytes, settings.readerOptions);
    return new TreeBuilder(reader, settings, base, nesting).build();
  } catch (error) {
    if (isCodecError(error)) throw wrapCodecError(error, base);
    throw error;
  }
}

class TreeBuilder {
  private readonly reader: WbxmlReader;
  private readonly settings: WbxmlDecodeSettings;
  private readonly base: number;
  private readonly nesting: number;
  private table!: TagTable;
  private utf8Text = true;

  constructor(reader: WbxmlReader, settings: WbxmlDecodeSettings, base: number, nesting: number) {
    this.reader = reader;
    this.settings = settings;
    this.base = base;
    this.nesting = nesting;
  }

  build(): DocumentNode {
    const r = this.reader;
    r.next(); // HEADER (the reader throws on anything else)
    const vocabulary = this.chooseVocabulary();
    this.table = tagTable(vocabulary);
    this.utf8Text = r.effectiveCharset === UTF8_MIB;
    const stack: ElementNode[] = [];
    let root: ElementNode | undefined;
    for (let kind = r.next(); kind !== TokenKind.END_OF_DOCUMENT; kind = r.next()) {
      const parent = stack.at(-1);
      switch (kind) {
        case TokenKind.START_TAG:
        case TokenKind.LITERAL:
        case TokenKind.LITERAL_A:
        case TokenKind.LITERAL_C:
        case TokenKind.LITERAL_AC: {
          const offset = this.at();
          const attributes = r.hasAttributes ? undefined : NO_ATTRIBUTES;
          const [name, namespace] = kind === TokenKind.START_TAG ? this.tagName() : this.literalName(parent);
          const node = element(name, namespace, offset, attributes ?? this.readAttributes());
          if (parent === undefined) root = node;
          else parent.children.push(node);
          stack.push(node);
          break;
        }
        case TokenKind.END_TAG: {
          const done = stack.pop()!;
          if (this.settings.inlineNestedDocuments) {
            this.inlineNested(done);
            if (this.settings.rewriteDevInfType)
              rewriteDevInfType(done, done.namespace, DEVINF_WBXML_TYPE, DEVINF_XML_TYPE);
          }
          break;
        }
        case TokenKind.STR:
          parent!.children.push({ type: 'text', bytes: this.textBytes(), cdata: false, offset: this.at() });
          break;
        case TokenKind.OPAQUE:
          parent!.children.push({
            type: 'opaque',
            bytes: r.bytes(),
            offset: this.base + r.endOffset - r.bufEnd + r.bufStart,
          });
          break;
        case TokenKind.ENTITY:
          parent!.children.push({ type: 'entity', codePoint: r.value, offset: this.at() });
          break;
        case TokenKind.EXT:
          throw this.error('UNSUPPORTED_TOKEN', `Extension token 0x${hex(r.extToken)} has no XML form`);
        default:
          // PI (targets are attribute tokens, which these vocabularies don't define).
          throw this.error('UNSUPPORTED_TOKEN', 'Processing instructions are not supported');
      }
    }
    return { type: 'document', vocabulary, root: root!, offset: this.base };
  }

  private at(): number {
    return this.base + this.reader.offset;
  }

  private error(
    code: 'UNKNOWN_PAGE' | 'UNKNOWN_TAG' | 'UNKNOWN_ATTRIBUTE' | 'UNSUPPORTED_TOKEN',
    message: string,
  ) {
    return new WbxmlToolsError(code, message, this.at());
  }

  private chooseVocabulary(): Vocabulary {
    const r = this.reader;
    if (this.nesting === 0 && this.settings.vocabulary !== undefined) return this.settings.vocabulary;
    const fpi = r.publicIdText();
    const found =
      fpi !== undefined
        ? this.settings.registry.byPublicId(fpi)
        : this.settings.registry.byPublicId(r.publicId);
    if (found === undefined) {
      const what = fpi !== undefined ? `"${fpi}"` : `0x${r.publicId.toString(16).toUpperCase()}`;
      throw new WbxmlToolsError(
        'UNKNOWN_PUBLIC_ID',
        `Public id ${what} names no known vocabulary`,
        this.base + 1,
      );
    }
    return found;
  }

  private tagName(): [string, string] {
    const r = this.reader;
    const name = this.table.name(r.page, r.token);
    if (name === undefined) {
      const vocabulary = this.table.vocabulary.name;
      if (this.table.namespaceOf(r.page) === undefined) {
        throw this.error('UNKNOWN_PAGE', `${vocabulary} has no code page ${r.page}`);
      }
      throw this.error('UNKNOWN_TAG', `${vocabulary} has no tag 0x${hex(r.token)} on code page ${r.page}`);
    }
    return [name, this.table.namespaceOf(r.page)!];
  }

  private literalName(parent: ElementNode | undefined): [string, string] {
    return [this.reader.text(), parent?.namespace ?? this.table.namespaceOf(0) ?? ''];
  }

  private textBytes(): Uint8Array {
    return this.utf8Text ? this.reader.bytes() : utf8.encode(this.reader.text());
  }

  /** Attribute list of the element just started: literal names only, values from strings, entities, opaque. */
  private readAttributes(): [string, string][] {
    const r = this.reader;
    const attributes: [string, string][] = [];
    for (let kind = r.next(); kind !== TokenKind.ATTR_END; kind = r.next()) {
      switch (kind) {
        case TokenKind.ATTR_START:
          if (r.literalIndex < 0) {
            throw this.error(
              'UNKNOWN_ATTRIBUTE',
              `Attribute token 0x${hex(r.token)} (no attribute code pages)`,
            );
          }
          attributes.push([r.text(), '']);
          continue;
        case TokenKind.STR:
          attributes.at(-1)![1] += r.text();
          continue;
        case TokenKind.ENTITY:
          attributes.at(-1)![1] += String.fromCodePoint(r.value);
          continue;
        case TokenKind.OPAQUE:
          attributes.at(-1)![1] += new TextDecoder().decode(r.bytes());
          continue;
        case TokenKind.ATTR_VALUE:
          throw this.error(
            'UNKNOWN_ATTRIBUTE',
            `Attribute value token 0x${hex(r.token)} (no attribute code pages)`,
          );
        default:
          throw this.error('UNSUPPORTED_TOKEN', 'Unexpected token in an attribute list');
      }
    }
    return attributes;
  }

  /**
   * An element whose only content is an OPAQUE holding a whole WBXML document
   * of a known vocabulary (DevInf in `<Data>`) gets that document inline.
   */
  private inlineNested(node: ElementNode): void {
    const only = node.children.length === 1 ? node.children[0]! : undefined;
    if (only?.type !== 'opaque' || only.bytes.length < 4 || only.bytes[0]! > 3) return;
    if (this.nesting + 1 > this.settings.maxNesting) return;
    let nested: DocumentNode;
    try {
      nested = readWbxmlTree(only.bytes, this.settings, only.offset, this.nesting + 1);
    } catch (error) {
      // Not a document after all (or a damaged one): the bytes stay OPAQUE.
      if (error instanceof WbxmlToolsError) return;
      throw error;
    }
    node.children[0] = nested satisfies ContentNode;
  }
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

import { defaultRegistry, type Vocabulary, type VocabularyRegistry } from '@syncds/codepages';
import type { WbxmlReaderOptions } from '@syncds/wbxml';
import type { XmlReaderOptions } from '@syncds/xml';
import type { WhitespacePolicy } from './encode/tree-to-wbxml.js';
import { WbxmlToolsError } from './errors.js';

/** Options of {@link wbxmlToXml}. */
export interface WbxmlToXmlOptions {
  /** Pretty-print: spaces per level or the indent string. Default: none (compact). */
  readonly indent?: number | string;
  /** Write `<?xml version="1.0" encoding="UTF-8"?>`. Default true. */
  readonly xmlDeclaration?: boolean;
  /** Write `<!DOCTYPE root PUBLIC "fpi" "system id">` from the vocabulary. Default true. */
  readonly doctype?: boolean;
  /** Write a document carried whole in an OPAQUE (DevInf in `<Data>`) inline as XML. Default true. */
  readonly inlineNestedDocuments?: boolean;
  /** With a DevInf inlined, change its Meta Type `application/vnd.syncml-devinf+wbxml` to `+xml`. Default true. */
  readonly rewriteDevInfType?: boolean;
  /** Write CR as `&#13;` (survives XML line-end normalization). Default false: raw, as devices expect. */
  readonly escapeCarriageReturn?: boolean;
  /** Use this vocabulary (id such as `syncml12`, or the object) whatever the header's public id says. */
  readonly vocabulary?: string | Vocabulary;
  /** Where public ids and vocabulary ids are looked up. Default: @syncds/codepages' default registry. */
  readonly registry?: VocabularyRegistry;
  /** Limits of the WBXML reader (depth, string, opaque and total sizes). */
  readonly wbxml?: WbxmlReaderOptions;
  /** Nested documents are inlined down to this depth; deeper ones stay OPAQUE. Default {@link DEFAULT_MAX_NESTING}. */
  readonly maxNesting?: number;
}

/** Options of {@link xmlToWbxml}. */
export interface XmlToWbxmlOptions {
  /** WBXML version byte (`WbxmlVersion`: 0x00 1.0 ... 0x03 1.3). Default 0x02, WBXML 1.2, what SyncML devices send. */
  readonly version?: number;
  /** `numeric` (default): the vocabulary's well-known id; `string`: the FPI in the string table. */
  readonly publicId?: 'numeric' | 'string';
  /** Put text that occurs more than once in the string table (STR_T). Default false. */
  readonly stringTable?: boolean;
  /** White space in text: `ignorable` (default), `trim` (as xml2wbxml) or `preserve`. */
  readonly whitespace?: WhitespacePolicy;
  /** Write CDATA sections as OPAQUE, as xml2wbxml does. Default true; false: inline strings. */
  readonly cdataAsOpaque?: boolean;
  /** Write an element of another vocabulary's root (DevInf in `<Data>`) as a nested WBXML document in OPAQUE. Default true. */
  readonly nestDocuments?: boolean;
  /** With a DevInf nested, change its Meta Type `application/vnd.syncml-devinf+xml` to `+wbxml`. Default true. */
  readonly rewriteDevInfType?: boolean;
  /** Use this vocabulary (id or object) instead of the one the DOCTYPE, namespace or root element name. */
  readonly vocabulary?: string | Vocabulary;
  /** Where public ids, namespaces and vocabulary ids are looked up. Default: the default registry. */
  readonly registry?: VocabularyRegistry;
  /** Limits of the XML reader. */
  readonly xml?: XmlReaderOptions;
  /** Documents nested at most this deep (NESTING_LIMIT beyond). Default {@link DEFAULT_MAX_NESTING}. */
  readonly maxNesting?: number;
}

/** A SyncML message nests one DevInf; a little room beyond, no unbounded recursion. */
export const DEFAULT_MAX_NESTING = 4;
/** WBXML 1.2. */
export const DEFAULT_WBXML_VERSION = 0x02;

export function resolveVocabulary(
  vocabulary: string | Vocabulary | undefined,
  registry: VocabularyRegistry,
): Vocabulary | undefined {
  if (vocabulary === undefined || typeof vocabulary !== 'string') return vocabulary;
  const found = registry.byId(vocabulary);
  if (found === undefined) {
    const known = registry
      .list()
      .map((v) => v.id)
      .join(', ');
    throw new WbxmlToolsError(
      'UNSUPPORTED_OPTION',
      `Unknown vocabulary "${vocabulary}" (known: ${known})`,
      0,
    );
  }
  return found;
}

export function registryOf(
  options: { readonly registry?: VocabularyRegistry } | undefined,
): VocabularyRegistry {
  return options?.registry ?? defaultRegistry;
}

export function maxNestingOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_NESTING;
  if (!Number.isInteger(value) || value < 0) {
    throw new WbxmlToolsError(
      'UNSUPPORTED_OPTION',
      `maxNesting must be a non-negative integer, got ${value}`,
      0,
    );
  }
  return value;
}

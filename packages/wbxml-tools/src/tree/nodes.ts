import type { Vocabulary } from '@syncds/codepages';

/**
 * The generic document tree both directions go through: elements, text,
 * OPAQUE, entities, and documents nested in OPAQUE. No SyncML semantics:
 * names are a vocabulary's element names, namespaces its pages' namespaces.
 */
export type ContentNode = ElementNode | TextNode | OpaqueNode | EntityNode | DocumentNode;

export interface ElementNode {
  readonly type: 'element';
  /** Local name (the vocabulary's element name). */
  readonly name: string;
  /** Namespace URI: the code page's namespace, or the XML element's ('' for none). */
  readonly namespace: string;
  /** Attributes other than namespace declarations, in document order. */
  readonly attributes: readonly (readonly [name: string, value: string])[];
  readonly children: ContentNode[];
  /** Absolute byte offset of the element in the input, for errors. */
  readonly offset: number;
}

/** Character data as UTF-8 bytes. */
export interface TextNode {
  readonly type: 'text';
  bytes: Uint8Array;
  /** From an XML CDATA section (the encoder may write it as OPAQUE). */
  readonly cdata: boolean;
  readonly offset: number;
}

export interface OpaqueNode {
  readonly type: 'opaque';
  readonly bytes: Uint8Array;
  readonly offset: number;
}

/** A WBXML ENTITY: one character by code point. */
export interface EntityNode {
  readonly type: 'entity';
  readonly codePoint: number;
  readonly offset: number;
}

/** A whole document: the message itself, or one carried in OPAQUE (DevInf inside `<Data>`). */
export interface DocumentNode {
  readonly type: 'document';
  readonly vocabulary: Vocabulary;
  readonly root: ElementNode;
  readonly offset: number;
}

/** Shared by every element without attributes (most of them). */
export const NO_ATTRIBUTES: readonly (readonly [string, string])[] = Object.freeze([]);

export function element(
  name: string,
  namespace: string,
  offset: number,
  attributes: readonly (readonly [string, string])[] = NO_ATTRIBUTES,
): ElementNode {
  return { type: 'element', name, namespace, attributes, children: [], offset };
}

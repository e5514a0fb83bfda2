import type { Vocabulary, VocabularyRegistry } from '@syncds/codepages';
import { WbxmlToolsError } from '../errors.js';
import type { ElementNode, TextNode } from '../tree/nodes.js';

const decoder = new TextDecoder();

/** The namespace of the page that holds a vocabulary's root element. */
export function rootNamespaceOf(vocabulary: Vocabulary): string | undefined {
  let best: { page: number; namespace: string } | undefined;
  for (const page of vocabulary.pages) {
    if (
      Object.values(page.tags).includes(vocabulary.rootElement) &&
      (best === undefined || page.page < best.page)
    ) {
      best = page;
    }
  }
  return best?.namespace;
}

/** Text of the first `VerDTD` element in document order (SyncML and DevInf both carry one). */
function declaredVersion(root: ElementNode): string | undefined {
  // Breadth first: SyncHdr/VerDTD is found before a DevInf's deep in the body.
  const pending: ElementNode[] = [root];
  for (let next = 0; next < pending.length; next++) {
    const node = pending[next]!;
    if (node.name === 'VerDTD') {
      const texts = node.children.filter((n): n is TextNode => n.type === 'text');
      return texts
        .map((t) => decoder.decode(t.bytes))
        .join('')
        .trim();
    }
    for (const child of node.children) if (child.type === 'element') pending.push(child);
  }
  return undefined;
}

/**
 * The vocabularies an element could be the root of: same root element name,
 * and the same root namespace (case-insensitive) when the element has one.
 */
export function rootCandidates(element: ElementNode, registry: VocabularyRegistry): Vocabulary[] {
  const namespace = element.namespace.toLowerCase();
  return registry
    .list()
    .filter(
      (v) =>
        v.rootElement === element.name &&
        (namespace === '' || rootNamespaceOf(v)?.toLowerCase() === namespace),
    );
}

/**
 * Picks the vocabulary of an XML document (or of a document nested in one):
 * the DOCTYPE public id when known, else the root element and its namespace;
 * when several versions share those (DevInf's namespace has no version, and
 * Funambol writes SyncML without any namespace) the first `VerDTD` decides,
 * else the version registered last.
 */
export function chooseVocabulary(
  root: ElementNode,
  publicId: string | undefined,
  registry: VocabularyRegistry,
): Vocabulary {
  if (publicId !== undefined) {
    const byPublicId = registry.byPublicId(publicId);
    if (byPublicId !== undefined) return byPublicId;
  }
  const candidates = rootCandidates(root, registry);
  if (candidates.length === 0) {
    const ns = root.namespace === '' ? '' : ` in namespace "${root.namespace}"`;
    throw new WbxmlToolsError(
      'UNKNOWN_DOCUMENT_TYPE',
      `No known vocabulary has the root element <${root.name}>${ns}`,
      root.offset,
    );
  }
  if (candidates.length === 1) return candidates[0]!;
  const version = declaredVersion(root);
  return candidates.find((v) => v.version === version) ?? candidates.at(-1)!;
}

import {
  freezeVocabulary,
  MAX_TAG_TOKEN,
  MIN_TAG_TOKEN,
  type Vocabulary,
  validateVocabulary,
} from './vocabulary.js';

/** Tokens per code page in an element id: id = page * TAG_IDS_PER_PAGE + token. */
export const TAG_IDS_PER_PAGE = 64;

/** The element id of a (page, token) pair: one small integer per element of a vocabulary. */
export function tagIdOf(page: number, token: number): number {
  return page * TAG_IDS_PER_PAGE + token;
}

/** The code page of an element id. */
export function pageOfTagId(id: number): number {
  return (id / TAG_IDS_PER_PAGE) | 0;
}

/** The tag identity (0x05..0x3F) of an element id. */
export function tokenOfTagId(id: number): number {
  return id & (TAG_IDS_PER_PAGE - 1);
}

function namespaceKey(namespace: string): string {
  return namespace.trim().toLowerCase();
}

/**
 * Constant-time lookups between element names and (page, token) for one vocabulary.
 * Get one with {@link tagTable}; it is built once per vocabulary object and shared.
 */
export class TagTable {
  readonly vocabulary: Vocabulary;
  /** Element name by id (page * 64 + token); holes for unassigned ids. */
  readonly #names: (string | undefined)[];
  /** Name to id on the lowest page that defines the name. */
  readonly #ids = new Map<string, number>();
  /** Per page: name to id. */
  readonly #idsByPage = new Map<number, Map<string, number>>();
  /** Lower-cased namespace to the lowest page that uses it. */
  readonly #pagesByNamespace = new Map<string, number>();
  readonly #namespaces = new Map<number, string>();

  constructor(vocabulary: Vocabulary) {
    this.vocabulary = vocabulary;
    let maxPage = 0;
    for (const p of vocabulary.pages) if (p.page > maxPage) maxPage = p.page;
    this.#names = new Array<string | undefined>((maxPage + 1) * TAG_IDS_PER_PAGE).fill(undefined);
    const pages = [...vocabulary.pages].sort((a, b) => a.page - b.page);
    for (const p of pages) {
      const byName = new Map<string, number>();
      this.#idsByPage.set(p.page, byName);
      this.#namespaces.set(p.page, p.namespace);
      const key = namespaceKey(p.namespace);
      if (!this.#pagesByNamespace.has(key)) this.#pagesByNamespace.set(key, p.page);
      for (const [tokenKey, name] of Object.entries(p.tags)) {
        const id = tagIdOf(p.page, Number(tokenKey));
        this.#names[id] = name;
        byName.set(name, id);
        if (!this.#ids.has(name)) this.#ids.set(name, id);
      }
    }
  }

  /** Element name of a tag identity on a page, or undefined when unassigned. */
  name(page: number, token: number): string | undefined {
    if (token < MIN_TAG_TOKEN || token > MAX_TAG_TOKEN) return undefined;
    return this.#names[page * TAG_IDS_PER_PAGE + token];
  }

  /** Element name of an element id (page * 64 + token), or undefined. */
  nameById(id: number): string | undefined {
    return this.#names[id];
  }

  /**
   * Element id (page * 64 + token) of a name, or -1 when the vocabulary has no such element.
   * Without `page`, the lowest page that defines the name wins (names are unique across
   * pages in the SyncML family).
   */
  id(name: string, page?: number): number {
    if (page === undefined) return this.#ids.get(name) ?? -1;
    return this.#idsByPage.get(page)?.get(name) ?? -1;
  }

  /** Page whose namespace is `namespace` (compared case-insensitively), or -1. */
  pageOf(namespace: string): number {
    return this.#pagesByNamespace.get(namespaceKey(namespace)) ?? -1;
  }

  /** Namespace of a page, or undefined when the vocabulary has no such page. */
  namespaceOf(page: number): string | undefined {
    return this.#namespaces.get(page);
  }
}

const tables = new WeakMap<Vocabulary, TagTable>();

/**
 * The shared {@link TagTable} of a vocabulary. The first call validates the vocabulary
 * (throws `CodePageError` `INVALID_VOCABULARY`) and freezes it, so the table cannot go stale.
 */
export function tagTable(vocabulary: Vocabulary): TagTable {
  let table = tables.get(vocabulary);
  if (table === undefined) {
    if (!Object.isFrozen(vocabulary)) {
      validateVocabulary(vocabulary);
      freezeVocabulary(vocabulary);
    }
    table = new TagTable(vocabulary);
    tables.set(vocabulary, table);
  }
  return table;
}

/** Element name for (page, token) in a vocabulary, or undefined. */
export function tagName(vocabulary: Vocabulary, page: number, token: number): string | undefined {
  return tagTable(vocabulary).name(page, token);
}

/** Element id (page * 64 + token) of a name in a vocabulary, or -1. See {@link TagTable.id}. */
export function tagId(vocabulary: Vocabulary, name: string, page?: number): number {
  return tagTable(vocabulary).id(name, page);
}

import { CodePageError } from './errors.js';
import { builtinVocabularies } from './generated/vocabularies.js';
import { freezeVocabulary, type Vocabulary, validateVocabulary } from './vocabulary.js';

/** Options of {@link VocabularyRegistry.register}. */
export interface RegisterOptions {
  /**
   * Replace registered vocabularies that share the id, numeric public id or an FPI with the
   * new one. Default false: such a clash throws `DUPLICATE_VOCABULARY`.
   */
  readonly replace?: boolean;
}

/** FPIs compare case-insensitively, with runs of white space folded (SGML public-id normalisation). */
function fpiKey(fpi: string): string {
  return fpi.trim().replace(/\s+/g, ' ').toLowerCase();
}

function namespaceKey(namespace: string): string {
  return namespace.trim().toLowerCase();
}

function fpiKeys(v: Vocabulary): string[] {
  return [v.publicId.fpi, ...v.publicId.altFpis].map(fpiKey);
}

/** The namespace of the page that holds the root element: it identifies the document type in XML. */
function rootNamespace(v: Vocabulary): string | undefined {
  let best: { page: number; namespace: string } | undefined;
  for (const p of v.pages) {
    if (Object.values(p.tags).includes(v.rootElement) && (best === undefined || p.page < best.page)) best = p;
  }
  return best?.namespace;
}

/**
 * A set of vocabularies with lookups by id, public id and namespace. The module keeps a
 * default registry holding the built-in SyncML and DevInf vocabularies (see
 * {@link vocabularyByPublicId}); make your own to keep private vocabularies apart.
 */
export class VocabularyRegistry {
  #list: Vocabulary[] = [];
  readonly #byId = new Map<string, Vocabulary>();
  readonly #byNumeric = new Map<number, Vocabulary>();
  readonly #byFpi = new Map<string, Vocabulary>();
  readonly #byNamespace = new Map<string, Vocabulary>();

  /** Starts with `vocabularies` registered in order (default: the built-in ones). */
  constructor(vocabularies: readonly Vocabulary[] = builtinVocabularies) {
    for (const v of vocabularies) this.register(v);
  }

  /**
   * Validates, freezes and adds a vocabulary; returns it. Throws `CodePageError`:
   * `INVALID_VOCABULARY` when malformed, `DUPLICATE_VOCABULARY` when its id, numeric public id
   * or an FPI is taken (unless `replace`). Vocabularies may share a namespace (DevInf's is
   * unversioned); the one registered last answers {@link byNamespace}.
   */
  register(vocabulary: Vocabulary, options: RegisterOptions = {}): Vocabulary {
    if (!Object.isFrozen(vocabulary)) validateVocabulary(vocabulary);
    const keys = fpiKeys(vocabulary);
    const numeric = vocabulary.publicId.numeric;
    const clashes = this.#list.filter(
      (v) =>
        v === vocabulary ||
        v.id === vocabulary.id ||
        (numeric !== undefined && v.publicId.numeric === numeric) ||
        fpiKeys(v).some((k) => keys.includes(k)),
    );
    if (clashes.length > 0 && options.replace !== true) {
      throw new CodePageError(
        'DUPLICATE_VOCABULARY',
        '',
        `vocabulary ${vocabulary.id} clashes with registered ${clashes.map((v) => v.id).join(', ')} (id or public id)`,
      );
    }
    freezeVocabulary(vocabulary);
    this.#list = this.#list.filter((v) => !clashes.includes(v));
    this.#list.push(vocabulary);
    this.#reindex();
    return vocabulary;
  }

  #reindex(): void {
    this.#byId.clear();
    this.#byNumeric.clear();
    this.#byFpi.clear();
    this.#byNamespace.clear();
    for (const v of this.#list) {
      this.#byId.set(v.id, v);
      if (v.publicId.numeric !== undefined) this.#byNumeric.set(v.publicId.numeric, v);
      for (const key of fpiKeys(v)) this.#byFpi.set(key, v);
      const ns = rootNamespace(v);
      if (ns !== undefined) this.#byNamespace.set(namespaceKey(ns), v);
    }
  }

  /** The vocabulary with this id (e.g. `syncml12`), or undefined. */
  byId(id: string): Vocabulary | undefined {
    return this.#byId.get(id);
  }

  /**
   * The vocabulary with this WBXML public id: a number (e.g. 0x1201) or an FPI string, compared
   * case-insensitively with white space folded, alternative FPIs included. Undefined when unknown
   * (0 and 1, "unknown" in WBXML, never match).
   */
  byPublicId(publicId: number | string): Vocabulary | undefined {
    if (typeof publicId === 'number') return this.#byNumeric.get(publicId);
    return this.#byFpi.get(publicId.toLowerCase()) ?? this.#byFpi.get(fpiKey(publicId));
  }

  /**
   * The vocabulary whose root element lives in this XML namespace (case-insensitive), e.g.
   * `SYNCML:SYNCML1.1` gives SyncML 1.1. `syncml:devinf` carries no version, so it gives the
   * DevInf vocabulary registered last (DevInf 1.2 among the built-ins); pick a version with
   * {@link byId} or {@link byPublicId} when the document says which.
   */
  byNamespace(namespace: string): Vocabulary | undefined {
    return this.#byNamespace.get(namespaceKey(namespace));
  }

  /** Every registered vocabulary, in registration order. */
  list(): readonly Vocabulary[] {
    return [...this.#list];
  }
}

/** The registry the module-level lookup functions use; starts with the built-in vocabularies. */
export const defaultRegistry: VocabularyRegistry = new VocabularyRegistry();

/** {@link VocabularyRegistry.register} on the {@link defaultRegistry}. */
export function registerVocabulary(vocabulary: Vocabulary, options?: RegisterOptions): Vocabulary {
  return defaultRegistry.register(vocabulary, options);
}

/** {@link VocabularyRegistry.byPublicId} on the {@link defaultRegistry}. */
export function vocabularyByPublicId(publicId: number | string): Vocabulary | undefined {
  return defaultRegistry.byPublicId(publicId);
}

/** {@link VocabularyRegistry.byNamespace} on the {@link defaultRegistry}. */
export function vocabularyByNamespace(namespace: string): Vocabulary | undefined {
  return defaultRegistry.byNamespace(namespace);
}

/** {@link VocabularyRegistry.byId} on the {@link defaultRegistry}. */
export function vocabularyById(id: string): Vocabulary | undefined {
  return defaultRegistry.byId(id);
}

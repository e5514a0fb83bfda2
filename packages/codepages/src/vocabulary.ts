import { CodePageError } from './errors.js';

/** How a document type is identified in a WBXML header and an XML DOCTYPE. */
export interface PublicId {
  /** WBXML well-known public id (e.g. 0x1201 for SyncML 1.2); absent when none is assigned. */
  readonly numeric?: number;
  /** Formal public identifier, e.g. `-//SYNCML//DTD SyncML 1.2//EN`. */
  readonly fpi: string;
  /** Other spellings seen in the field or in OMA DTD copies; matched like `fpi`. */
  readonly altFpis: readonly string[];
}

/** One WBXML code page: its XML namespace and tag tokens. */
export interface CodePage {
  /** Page number, 0..255 (SWITCH_PAGE operand). */
  readonly page: number;
  /** XML namespace of the page's elements, e.g. `SYNCML:SYNCML1.2` or `syncml:metinf`. */
  readonly namespace: string;
  /** Tag identity (0x05..0x3F, the tag byte without the 0x40/0x80 flags) to element name. */
  readonly tags: Readonly<Record<number, string>>;
}

/** A document type (a "language" in libwbxml terms): its identifiers and code pages. */
export interface Vocabulary {
  /** Short stable key, e.g. `syncml12`, `devinf11`. */
  readonly id: string;
  /** Human-readable name, e.g. `SyncML 1.2`. */
  readonly name: string;
  /** Version of the document type, e.g. `1.2`, when it has one. */
  readonly version?: string;
  /** Name of the root element, e.g. `SyncML`. */
  readonly rootElement: string;
  readonly publicId: PublicId;
  /** DOCTYPE system id (DTD URL) written in XML form. */
  readonly systemId?: string;
  /** Code pages, each page number at most once. */
  readonly pages: readonly CodePage[];
}

/** Lowest tag identity of a code page; 0x00-0x04 are the WBXML global tokens. */
export const MIN_TAG_TOKEN = 0x05;
/** Highest tag identity (the low six bits of a tag byte). */
export const MAX_TAG_TOKEN = 0x3f;
/** Highest code page number (SWITCH_PAGE takes one byte). */
export const MAX_PAGE = 255;

function invalid(path: string, message: string): never {
  throw new CodePageError('INVALID_VOCABULARY', path, message);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Checks that `value` is a well-formed {@link Vocabulary}: pages 0..255 each once, tokens 0x05..0x3F,
 * non-empty names unique within a page, the root element present. Throws {@link CodePageError}
 * (`INVALID_VOCABULARY`, with the property path) on the first problem.
 */
export function validateVocabulary(value: Vocabulary): void {
  const v = value as unknown as Record<string, unknown>;
  if (typeof v !== 'object' || v === null) invalid('', 'a vocabulary must be an object');
  if (!isNonEmptyString(v.id)) invalid('id', 'must be a non-empty string');
  if (!isNonEmptyString(v.name)) invalid('name', 'must be a non-empty string');
  if (v.version !== undefined && !isNonEmptyString(v.version))
    invalid('version', 'must be a non-empty string');
  if (!isNonEmptyString(v.rootElement)) invalid('rootElement', 'must be a non-empty string');
  if (v.systemId !== undefined && typeof v.systemId !== 'string') invalid('systemId', 'must be a string');
  const publicId = v.publicId as Record<string, unknown> | undefined;
  if (typeof publicId !== 'object' || publicId === null) invalid('publicId', 'must be an object');
  if (publicId.numeric !== undefined) {
    const n = publicId.numeric;
    // 0 introduces a string-table reference and 1 means "unknown": neither can identify a vocabulary.
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 2 || n > 0xffffffff) {
      invalid('publicId.numeric', 'must be an integer in 2..0xFFFFFFFF');
    }
  }
  if (!isNonEmptyString(publicId.fpi)) invalid('publicId.fpi', 'must be a non-empty string');
  if (!Array.isArray(publicId.altFpis)) invalid('publicId.altFpis', 'must be an array');
  publicId.altFpis.forEach((fpi: unknown, i: number) => {
    if (!isNonEmptyString(fpi)) invalid(`publicId.altFpis[${i}]`, 'must be a non-empty string');
  });
  if (!Array.isArray(v.pages) || v.pages.length === 0) invalid('pages', 'must be a non-empty array');
  const pageNumbers = new Set<number>();
  let hasRoot = false;
  (v.pages as unknown[]).forEach((p, i) => {
    const path = `pages[${i}]`;
    const page = p as Record<string, unknown>;
    if (typeof page !== 'object' || page === null) invalid(path, 'must be an object');
    const n = page.page;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_PAGE)
      invalid(`${path}.page`, 'must be 0..255');
    if (pageNumbers.has(n)) invalid(`${path}.page`, `page ${n} appears twice`);
    pageNumbers.add(n);
    if (!isNonEmptyString(page.namespace)) invalid(`${path}.namespace`, 'must be a non-empty string');
    const tags = page.tags;
    if (typeof tags !== 'object' || tags === null) invalid(`${path}.tags`, 'must be an object');
    const names = new Set<string>();
    for (const [key, name] of Object.entries(tags)) {
      const token = Number(key);
      const tagPath = `${path}.tags[${key}]`;
      if (!Number.isInteger(token) || token < MIN_TAG_TOKEN || token > MAX_TAG_TOKEN) {
        invalid(tagPath, 'token must be 0x05..0x3F');
      }
      if (!isNonEmptyString(name)) invalid(tagPath, 'element name must be a non-empty string');
      if (names.has(name)) invalid(tagPath, `element ${name} appears twice on page ${n}`);
      names.add(name);
      if (name === v.rootElement) hasRoot = true;
    }
  });
  if (!hasRoot) invalid('rootElement', `${String(v.rootElement)} is on no page`);
}

/** Freezes a validated vocabulary and everything in it, so cached indexes stay true. */
export function freezeVocabulary(v: Vocabulary): Vocabulary {
  for (const page of v.pages) {
    Object.freeze(page.tags);
    Object.freeze(page);
  }
  Object.freeze(v.pages);
  Object.freeze(v.publicId.altFpis);
  Object.freeze(v.publicId);
  return Object.freeze(v);
}

/**
 * The fused decoder's way out. It is thrown wherever the message needs the generic path:
 * anything the fused decoder does not read itself (attributes, literals, entities,
 * extensions, processing instructions, charsets other than UTF-8 / US-ASCII, an element whose
 * text comes in several pieces, nesting deeper than {@link FUSED_MAX_DEPTH}), and every case
 * the generic path reports, a warning or an error, so that codes, paths, offsets and warnings
 * stay exactly the generic path's own. A symbol, thrown and caught by identity: no stack
 * trace is captured.
 */
export const BAIL: unique symbol = Symbol('syncml.fused.bail');

/** Hands the message over to the generic path. */
export function bail(): never {
  throw BAIL;
}

/**
 * Deepest element nesting the fused decoder reads (its frame stack is this deep). Legitimate
 * messages nest about 16 levels; a deeper one goes the generic way, where `maxDepth` applies.
 */
export const FUSED_MAX_DEPTH = 40;

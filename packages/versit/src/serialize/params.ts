import type { VersitParam } from '../model/types.js';

/** Characters that force quoting of a parameter value in RFC dialects. */
const NEEDS_QUOTES = /[;:,]/;

/** Control characters and `"` cannot appear inside a quoted parameter value. */
function sanitizeRfc(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return value.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, ' ').replace(/"/g, "'");
}

function sanitizeLegacy(value: string): string {
  // Legacy dialects have no quoting: separators and line breaks are dropped.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  return value.replace(/[\x00-\x08\x0a-\x1f\x7f;:]/g, ' ');
}

/**
 * Writes parameters. RFC dialects: `;NAME=v1,v2`, values quoted when they
 * hold `;` `:` or `,`. Legacy dialects: one `;NAME=v` per value (vCard 2.1 has
 * no value lists), TYPE values bare (`;HOME;VOICE`) when `bareType` is set.
 */
export function writeParams(params: ReadonlyArray<VersitParam>, legacy: boolean, bareType: boolean): string {
  let out = '';
  for (const param of params) {
    const name = param.name.toUpperCase();
    if (legacy) {
      for (const raw of param.values) {
        const value = sanitizeLegacy(raw);
        if (bareType && name === 'TYPE' && value !== '') out += `;${value}`;
        else out += `;${name}=${value}`;
      }
      if (param.values.length === 0) out += `;${name}`;
      continue;
    }
    const values = param.values.map((raw) => {
      const value = sanitizeRfc(raw);
      return NEEDS_QUOTES.test(value) ? `"${value}"` : value;
    });
    out += values.length === 0 ? `;${name}` : `;${name}=${values.join(',')}`;
  }
  return out;
}

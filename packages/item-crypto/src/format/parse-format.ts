import { ItemCryptoError } from '../errors.js';

/** One reversible step of Funambol's item encoding. */
export type Transformation = 'b64' | 'des';

// Meta/Format values that describe the data but transform nothing: `chr` is
// the SyncML default (character data), `bin` raw bytes (WBXML opaque).
const IDENTITY_FORMATS: ReadonlySet<string> = new Set(['', 'chr', 'bin']);

/**
 * Parses an item's `Meta/Format` into the transformations it names, in the
 * order the sender applied them (`des;b64` -> `['des', 'b64']`). Tokens are
 * separated by `;`, case-insensitive, surrounding blanks ignored. `undefined`,
 * `''`, `chr` and `bin` mean "no transformation".
 *
 * @throws {ItemCryptoError} `UNKNOWN_TRANSFORMATION` (415) for any other token.
 */
export function parseFormat(format: string | undefined): Transformation[] {
  if (format === undefined) return [];
  const steps: Transformation[] = [];
  const tokens = format.split(';');
  for (const raw of tokens) {
    const token = raw.trim().toLowerCase();
    if (token === 'b64' || token === 'des') {
      steps.push(token);
    } else if (IDENTITY_FORMATS.has(token) && tokens.length === 1) {
      // `chr` / `bin` alone: plain data.
    } else if (token === '' && tokens.length > 1) {
      // A trailing or doubled separator (`des;b64;`): nothing to apply.
    } else {
      throw new ItemCryptoError('UNKNOWN_TRANSFORMATION', `unsupported item format "${format}": "${raw}"`, {
        transformation: raw.trim(),
      });
    }
  }
  return steps;
}

/** Writes transformations back as a `Meta/Format` value (`['des','b64']` -> `des;b64`); `undefined` for none. */
export function formatString(transformations: readonly Transformation[]): string | undefined {
  return transformations.length === 0 ? undefined : transformations.join(';');
}

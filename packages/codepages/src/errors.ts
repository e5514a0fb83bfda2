/** Stable codes of {@link CodePageError}. */
export type CodePageErrorCode =
  /** A vocabulary object is malformed (bad page number, token out of range, duplicate name, ...). */
  | 'INVALID_VOCABULARY'
  /** A vocabulary with the same id or public id is already registered (pass `{ replace: true }`). */
  | 'DUPLICATE_VOCABULARY';

/**
 * Thrown when a vocabulary cannot be registered. `path` names the offending property,
 * e.g. `pages[1].tags[0x05]`. Lookups never throw: an unknown id, public id or name
 * gives `undefined` (or -1 for numeric results).
 */
export class CodePageError extends Error {
  override readonly name = 'CodePageError';
  readonly code: CodePageErrorCode;
  /** Property path inside the vocabulary object, '' for the object itself. */
  readonly path: string;

  constructor(code: CodePageErrorCode, path: string, message: string) {
    super(path === '' ? message : `${path}: ${message}`);
    this.code = code;
    this.path = path;
  }
}

/** What went wrong reading a capture. */
export type TestVectorsErrorCode =
  /** `SYNCDS_VECTORS` is not set: the tests were not started through vitest.shared.ts. */
  | 'NO_VECTORS'
  /** A capture is cut short where an element or a Versit object should close. */
  | 'MALFORMED_CAPTURE';

/** An error reading the shared captures, with the file and the character offset it concerns. */
export class TestVectorsError extends Error {
  override readonly name = 'TestVectorsError';
  readonly code: TestVectorsErrorCode;
  /** The capture, relative to the vectors folder ('' when there is none). */
  readonly path: string;
  /** Character offset in the capture's text, -1 when the error is about no place in it. */
  readonly offset: number;

  constructor(code: TestVectorsErrorCode, message: string, path: string, offset = -1) {
    super(offset >= 0 ? `${path}@${offset}: ${message}` : path === '' ? message : `${path}: ${message}`);
    this.code = code;
    this.path = path;
    this.offset = offset;
  }
}

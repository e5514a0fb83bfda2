import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestVectorsError } from './errors.js';

/**
 * The shared captures folder: `SYNCDS_VECTORS`, which vitest.shared.ts sets
 * to `../shared/vectors` beside the repository.
 *
 * @throws {TestVectorsError} `NO_VECTORS` when the variable is unset or empty
 *   (a relative path would silently read from the working directory).
 */
export function vectorsDir(): string {
  const dir = process.env.SYNCDS_VECTORS;
  if (dir === undefined || dir === '') {
    throw new TestVectorsError(
      'NO_VECTORS',
      'SYNCDS_VECTORS is not set: run the tests through vitest (vitest.shared.ts sets it)',
      '',
    );
  }
  return dir;
}

/** Absolute path of a capture given relative to the vectors folder (`sessions/P900_tasksandcalendar`). */
export function vectorPath(relativePath: string): string {
  return join(vectorsDir(), relativePath);
}

/** A capture's text, read as UTF-8. */
export function readVectorText(relativePath: string): string {
  return readFileSync(vectorPath(relativePath), 'utf8');
}

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BenchError } from './errors.js';

/**
 * Writes `value` as indented JSON to `path`, through `<path>.tmp.json` and a rename, so a
 * reader never sees half a file. Throws BenchError WRITE_FAILED.
 */
export function writeResultsFile(path: string, value: unknown): void {
  const tmp = `${path.replace(/\.json$/, '')}.tmp.json`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
    renameSync(tmp, path);
  } catch (e) {
    throw new BenchError('WRITE_FAILED', `cannot write ${path}: ${(e as Error).message}`, path, { cause: e });
  }
}

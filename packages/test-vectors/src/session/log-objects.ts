import { posix } from 'node:path';
import { TestVectorsError } from '../errors.js';
import { readVectorText } from '../vectors-dir.js';

/** One Versit object logged in a session's data.txt. */
export interface LoggedObject {
  /** `session/data.txt#n`, for test names. */
  source: string;
  /** From its `BEGIN:` line to its `END:` line, lines and line ends as in the log, no final line end. */
  text: string;
}

/**
 * The Versit objects of a log's text: each top-level `BEGIN:` line to the
 * `END:` line that closes it (nested components counted). Lines outside an
 * object ("input received from client") are skipped. `file` is the log's
 * path relative to the vectors folder.
 *
 * @throws {TestVectorsError} `MALFORMED_CAPTURE` when the log ends inside an object.
 */
export function parseLogObjects(log: string, file: string): LoggedObject[] {
  const folderAndName = file.split('/').slice(-2).join('/');
  const objects: LoggedObject[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < log.length; ) {
    const lineEnd = log.indexOf('\n', at);
    const next = lineEnd < 0 ? log.length : lineEnd + 1;
    if (log.startsWith('BEGIN:', at)) {
      if (depth === 0) start = at;
      depth++;
    } else if (depth > 0 && log.startsWith('END:', at) && --depth === 0) {
      objects.push({
        source: `${folderAndName}#${objects.length}`,
        text: log.slice(start, lineEnd < 0 ? log.length : lineEnd),
      });
    }
    at = next;
  }
  if (depth > 0)
    throw new TestVectorsError('MALFORMED_CAPTURE', 'the log ends inside a Versit object', file, start);
  return objects;
}

/** The Versit objects logged in `sessions/<session>/data.txt`. */
export function sessionLogObjects(session: string): LoggedObject[] {
  const file = posix.join('sessions', session, 'data.txt');
  return parseLogObjects(readVectorText(file), file);
}

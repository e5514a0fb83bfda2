import { TokenKind, WbxmlReader } from '@syncds/wbxml';
import type { PreparedCase } from '../../runner/bench-case.js';
import { checkThat } from '../check.js';
import type { CorpusFile } from '../corpus.js';

/** Token count and an order-sensitive checksum of kinds and offsets, from a fresh reader. */
function tokenDigest(bytes: Uint8Array): { count: number; digest: number } {
  return readTokens(WbxmlReader.from(bytes));
}

function readTokens(reader: WbxmlReader): { count: number; digest: number } {
  let count = 0;
  let digest = 0;
  for (let kind = reader.next(); kind !== TokenKind.END_OF_DOCUMENT; kind = reader.next()) {
    count++;
    digest = (Math.imul(digest, 31) + kind * 65_599 + reader.offset) | 0;
  }
  return { count, digest };
}

/**
 * `wbxml-tokens`: a full `next()` loop over the capture with one reused reader. Checked: the
 * reused reader gives a fresh reader's tokens (count and digest), twice.
 */
export function prepareTokens(name: string, file: CorpusFile): PreparedCase {
  const bytes = file.wbxml;
  const expected = tokenDigest(bytes);
  checkThat(expected.count > 1, name, `only ${expected.count} token(s)`);
  // The timed loop reuses one reader (reset between messages), as the parser does; it must
  // give the tokens a fresh reader gives, every time.
  const reader = new WbxmlReader();
  let count = 0;
  const run = (): void => {
    reader.reset();
    reader.write(bytes);
    reader.end();
    let n = 0;
    while (reader.next() !== TokenKind.END_OF_DOCUMENT) n++;
    count = n;
  };
  for (let i = 0; i < 2; i++) {
    reader.reset();
    reader.write(bytes);
    reader.end();
    const again = readTokens(reader);
    checkThat(
      again.count === expected.count && again.digest === expected.digest,
      name,
      `a reused reader gave ${again.count} tokens (digest ${again.digest}), a fresh one ${expected.count} (digest ${expected.digest})`,
    );
  }
  return {
    bytes: bytes.length,
    run,
    verifyAfter: () =>
      checkThat(
        count === expected.count,
        name,
        `token count changed while timed: ${count}, not ${expected.count}`,
      ),
    facts: { tokens: expected.count },
  };
}

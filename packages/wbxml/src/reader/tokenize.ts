import { TokenKind } from '../constants.js';
import type { WbxmlReaderOptions } from './options.js';
import { WbxmlReader } from './reader.js';
import type { WbxmlToken } from './token.js';

/**
 * Tokenizes one whole message into snapshot objects (HEADER first, no NEED_MORE, no
 * END_OF_DOCUMENT). Convenient for tools and tests; the streaming {@link WbxmlReader} is the
 * allocation-free way. Throws WbxmlError like the reader.
 */
export function tokenize(bytes: Uint8Array, options?: WbxmlReaderOptions): WbxmlToken[] {
  const reader = WbxmlReader.from(bytes, options);
  const tokens: WbxmlToken[] = [];
  for (let kind = reader.next(); kind !== TokenKind.END_OF_DOCUMENT; kind = reader.next()) {
    tokens.push(reader.snapshot());
  }
  return tokens;
}

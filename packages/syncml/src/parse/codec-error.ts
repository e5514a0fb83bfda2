import { WbxmlError } from '@syncds/wbxml';
import { XmlError } from '@syncds/xml';
import type { TreeBuilder } from '../build/builder.js';
import { SyncMLError, type SyncMLErrorCode } from '../errors.js';

/**
 * A tokenizer error as a SyncMLError: the codec's own error is the `cause`; limits map to
 * the matching SyncML code (depth, size, charset), everything else is malformed input.
 * SyncMLErrors pass through unchanged.
 */
export function codecError(b: TreeBuilder, e: unknown, base: number): unknown {
  if (e instanceof SyncMLError) return e;
  let code: SyncMLErrorCode;
  let offset: number;
  if (e instanceof WbxmlError) {
    offset = e.offset;
    code =
      e.code === 'DEPTH_LIMIT'
        ? 'TOO_DEEP'
        : e.code === 'LENGTH_LIMIT'
          ? 'MESSAGE_TOO_LARGE'
          : e.code === 'UNSUPPORTED_CHARSET'
            ? 'UNSUPPORTED_CHARSET'
            : 'MALFORMED_WBXML';
  } else if (e instanceof XmlError) {
    offset = e.offset;
    code =
      e.code === 'DEPTH_LIMIT'
        ? 'TOO_DEEP'
        : e.code === 'DOCUMENT_TOO_LARGE' || e.code === 'TOKEN_TOO_LONG'
          ? 'MESSAGE_TOO_LARGE'
          : e.code === 'UNSUPPORTED_ENCODING' || e.code === 'INVALID_ENCODING'
            ? 'UNSUPPORTED_CHARSET'
            : 'MALFORMED_XML';
  } else {
    return e;
  }
  const at = base + Math.max(0, offset);
  return new SyncMLError(code, e.message, { path: b.path(b.depth), offset: at, cause: e });
}

// The public API is exactly what src/index.ts names; this list changes only on purpose.
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports these values and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'Charset',
      'DEFAULT_CHARSET',
      'DEFAULT_INITIAL_CAPACITY',
      'DEFAULT_MAX_DEPTH',
      'DEFAULT_MAX_OPAQUE_LENGTH',
      'DEFAULT_MAX_STRING_LENGTH',
      'DEFAULT_MAX_STRING_TABLE_LENGTH',
      'DEFAULT_MAX_TOTAL_SIZE',
      'GlobalToken',
      'MAX_MB_UINT32',
      'PUBLIC_ID_UNKNOWN',
      'SHORT_ENCODE_THRESHOLD',
      'SHORT_STRING_THRESHOLD',
      'TAG_HAS_ATTRIBUTES',
      'TAG_HAS_CONTENT',
      'TAG_IDENTITY_MASK',
      'TokenKind',
      'WbxmlError',
      'WbxmlReader',
      'WbxmlVersion',
      'WbxmlWriter',
      'charsetLabel',
      'encodeMbUint32',
      'mbUint32Length',
      'statusOf',
      'tokenKindName',
      'tokenize',
    ]);
  });

  it('documents its defaults as the values in force', () => {
    expect(new api.WbxmlReader().options).toEqual({
      maxDepth: 256,
      maxStringLength: 8 * 1024 * 1024,
      maxOpaqueLength: 8 * 1024 * 1024,
      maxStringTableLength: 1024 * 1024,
      maxTotalSize: 16 * 1024 * 1024,
      defaultCharset: 106,
    });
    expect(api.tokenKindName(api.TokenKind.LITERAL_AC)).toBe('LITERAL_AC');
    expect(api.tokenKindName(99)).toBe('UNKNOWN(99)');
    expect(api.statusOf('LENGTH_LIMIT')).toBe(413);
    expect(api.GlobalToken.OPAQUE).toBe(0xc3);
  });
});

import { describe, expect, it } from 'vitest';
import { XmlError } from '../errors.js';
import { collectTokens } from './collect-tokens.test-util.js';
import type { XmlReaderOptions } from './options.js';
import { XmlToken } from './token-kind.js';
import { XmlReader } from './xml-reader.js';

const utf8 = new TextEncoder();

type Case = [input: string | Uint8Array, code: string, offset: number, options?: XmlReaderOptions];

const cases: Case[] = [
  // document structure
  ['', 'NO_ROOT_ELEMENT', 0],
  ['  \n', 'NO_ROOT_ELEMENT', 3],
  ['<!-- only -->', 'NO_ROOT_ELEMENT', 13],
  ['<a>', 'UNCLOSED_ELEMENT', 3],
  ['<a>x', 'UNCLOSED_ELEMENT', 4],
  ['<a><b></a>', 'MISMATCHED_END_TAG', 6],
  ['<a></a></b>', 'UNEXPECTED_END_TAG', 7],
  ['</a>', 'UNEXPECTED_END_TAG', 0],
  ['<a/><b/>', 'MULTIPLE_ROOT_ELEMENTS', 4],
  ['x<a/>', 'TEXT_OUTSIDE_ROOT', 0],
  ['<a/> \n x', 'TEXT_OUTSIDE_ROOT', 7],
  ['<![CDATA[x]]><a/>', 'CDATA_OUTSIDE_ROOT', 0],
  // names and tags
  ['<1a/>', 'INVALID_NAME', 1],
  ['<a:b:c/>', 'INVALID_NAME', 4],
  ['<:a/>', 'INVALID_NAME', 1],
  ['<a:/>', 'INVALID_NAME', 1],
  ['<a></ a>', 'INVALID_NAME', 5],
  ['<a -b="1"/>', 'INVALID_NAME', 3],
  ['<a <b/>', 'INVALID_NAME', 3],
  ['<a b/>', 'MALFORMED_TAG', 4],
  ['<a b=c/>', 'MALFORMED_TAG', 5],
  ['<a b="1"c="2"/>', 'MALFORMED_TAG', 8],
  ['<a b="1" / >', 'MALFORMED_TAG', 10],
  ['<a></a x>', 'MALFORMED_TAG', 7],
  ['<a b="<"/>', 'LT_IN_ATTRIBUTE_VALUE', 6],
  ["<a b='x<'/>", 'LT_IN_ATTRIBUTE_VALUE', 7],
  ['<a b="1" b="2"/>', 'DUPLICATE_ATTRIBUTE', 9],
  // references
  ['<a>&</a>', 'MALFORMED_REFERENCE', 3],
  ['<a>x & y</a>', 'MALFORMED_REFERENCE', 5],
  ['<a>&amp</a>', 'MALFORMED_REFERENCE', 3],
  ['<a>&#12a;</a>', 'MALFORMED_REFERENCE', 3],
  ['<a>&#;</a>', 'MALFORMED_REFERENCE', 3],
  ['<a b="&x"/>', 'MALFORMED_REFERENCE', 6],
  ['<a>&foo;</a>', 'UNKNOWN_ENTITY', 3],
  ['<a b="ok &nbsp;"/>', 'UNKNOWN_ENTITY', 9],
  ['<a>&#0;</a>', 'INVALID_CHARACTER_REFERENCE', 3],
  ['<a>&#x1F;</a>', 'INVALID_CHARACTER_REFERENCE', 3],
  ['<a>&#xD800;</a>', 'INVALID_CHARACTER_REFERENCE', 3],
  ['<a>&#xFFFE;</a>', 'INVALID_CHARACTER_REFERENCE', 3],
  ['<a>&#x110000;</a>', 'INVALID_CHARACTER_REFERENCE', 3],
  ['<a>&#99999999999999999999;</a>', 'INVALID_CHARACTER_REFERENCE', 3],
  ['<a>x]]>y</a>', 'CDATA_END_IN_TEXT', 4],
  // comments, PIs, declaration, DOCTYPE, other markup
  ['<a><!-- a -- b --></a>', 'MALFORMED_COMMENT', 10],
  ['<a><!---></a>', 'UNEXPECTED_END', 3],
  ['<a><?pi?x?></a>', 'MALFORMED_PI', 7],
  ['<a><?pi,x?></a>', 'MALFORMED_PI', 7],
  ['<a><?XmL x?></a>', 'MALFORMED_PI', 5],
  ['<a><? x?></a>', 'INVALID_NAME', 5],
  ['<a/><?xml version="1.0"?>', 'MISPLACED_DECLARATION', 4],
  [' <?xml version="1.0"?><a/>', 'MISPLACED_DECLARATION', 1],
  ['<?xml version="2.0"?><a/>', 'MALFORMED_DECLARATION', 15],
  ['<?xml encoding="UTF-8"?><a/>', 'MALFORMED_DECLARATION', 6],
  ['<?xml?><a/>', 'MALFORMED_DECLARATION', 5],
  ['<?xml version="1.0"standalone="no"?><a/>', 'MALFORMED_DECLARATION', 19],
  ['<?xml version="1.0" standalone="maybe"?><a/>', 'MALFORMED_DECLARATION', 32],
  ['<?xml version="1.0" standalone="no" encoding="UTF-8"?><a/>', 'MALFORMED_DECLARATION', 36],
  ['<?xml version="1.0" encoding="8bit"?><a/>', 'MALFORMED_DECLARATION', 30],
  ['<!DOCTYPE>', 'MALFORMED_DOCTYPE', 9],
  ['<!DOCTYPE a PUBLIC "x">', 'MALFORMED_DOCTYPE', 22],
  ['<!DOCTYPE a SYSTEM x><a/>', 'MALFORMED_DOCTYPE', 19],
  ['<!DOCTYPE a [ ] x><a/>', 'MALFORMED_DOCTYPE', 16],
  ['<!DOCTYPE a FOO><a/>', 'MALFORMED_DOCTYPE', 12],
  ['<a/><!DOCTYPE a>', 'MISPLACED_DOCTYPE', 4],
  ['<!DOCTYPE a><!DOCTYPE a><a/>', 'MISPLACED_DOCTYPE', 12],
  ['<a><!x></a>', 'MALFORMED_MARKUP', 3],
  ['<a><![CDAT[x]]></a>', 'MALFORMED_MARKUP', 3],
  ['<a><!-x--></a>', 'MALFORMED_MARKUP', 3],
  // namespaces
  ['<p:a/>', 'UNBOUND_PREFIX', 1],
  ['<a p:b="1"/>', 'UNBOUND_PREFIX', 3],
  ['<a xmlns:p="urn:p"/><!-- -->', 'NO_ROOT_ELEMENT', -1], // placeholder replaced below
  ['<a xmlns:xml="urn:x"/>', 'RESERVED_NAMESPACE', 3],
  ['<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>', 'RESERVED_NAMESPACE', 3],
  ['<a xmlns="http://www.w3.org/2000/xmlns/"/>', 'RESERVED_NAMESPACE', 3],
  ['<a xmlns:xmlns="urn:x"/>', 'RESERVED_NAMESPACE', 3],
  ['<xmlns:a/>', 'RESERVED_NAMESPACE', 1],
  ['<a xmlns:p=""/>', 'MALFORMED_TAG', 3],
  // truncation
  ['<a', 'UNEXPECTED_END', 0],
  ['<', 'UNEXPECTED_END', 0],
  ['<a b="1', 'UNEXPECTED_END', 0],
  ['<a></a', 'UNEXPECTED_END', 3],
  ['<a><![CDATA[x]]', 'UNEXPECTED_END', 3],
  ['<?xml version="1.0"', 'UNEXPECTED_END', 0],
  ['<!DOCTYPE a [ <!ENTITY x "]>"> ', 'UNEXPECTED_END', 0],
  // limits
  ['<a><b><c/></b></a>', 'DEPTH_LIMIT', 6, { maxDepth: 2 }],
  ['<abcd/>', 'NAME_TOO_LONG', 1, { maxNameLength: 3 }],
  ['<a bcde="1"/>', 'NAME_TOO_LONG', 3, { maxNameLength: 3 }],
  ['<a><?abcd?></a>', 'NAME_TOO_LONG', 5, { maxNameLength: 3 }],
  ['<a b="1" c="2" d="3"/>', 'TOO_MANY_ATTRIBUTES', 15, { maxAttributes: 2 }],
  ['<a>01234567890</a>', 'TOKEN_TOO_LONG', 3, { maxTextLength: 10 }],
  ['<a b="1234567"/>', 'TOKEN_TOO_LONG', 0, { maxTextLength: 10 }],
  ['<a><!--567890--></a>', 'TOKEN_TOO_LONG', 3, { maxTextLength: 10 }],
  ['<a><![CDATA[x]]></a>', 'TOKEN_TOO_LONG', 3, { maxTextLength: 10 }],
  ['<a>0123456789</a>', 'DOCUMENT_TOO_LARGE', 10, { maxTotalSize: 10 }],
  // encoding
  ['<?xml version="1.0" encoding="x-klingon"?><a/>', 'UNSUPPORTED_ENCODING', 30],
  [Uint8Array.of(0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00, 0x00, 0xd8, 0x3e, 0x00), 'INVALID_ENCODING', 6],
];

// One namespace case that must pass, not fail: prefixes go out of scope.
cases.splice(
  cases.findIndex((c) => c[2] === -1),
  1,
  ['<a><b xmlns:p="urn:p"/><p:c/></a>', 'UNBOUND_PREFIX', 24],
);

function firstError(chunks: Uint8Array[], options?: XmlReaderOptions) {
  const tokens = collectTokens(chunks, options);
  return tokens.at(-1)!;
}

describe('malformed input: XmlError with a stable code and the absolute offset', () => {
  it.each(cases)('%j -> %s at %d', (input, code, offset, options) => {
    const bytes = typeof input === 'string' ? utf8.encode(input) : input;
    const error = firstError([bytes], options);
    expect({ kind: error.kind, offset: error.offset }).toEqual({ kind: `ERROR ${code}`, offset });
    // The same error, at the same offset, whatever the chunking.
    const byteByByte = firstError(
      Array.from(bytes, (b) => Uint8Array.of(b)),
      options,
    );
    expect({ kind: byteByByte.kind, offset: byteByByte.offset }).toEqual({ kind: `ERROR ${code}`, offset });
  });

  it('limits hold exactly at their value', () => {
    expect(firstError([utf8.encode('<a>0123456789</a>')], { maxTextLength: 10 }).kind).toBe('END_TAG');
    expect(firstError([utf8.encode('<a><b/></a>')], { maxDepth: 2 }).kind).toBe('END_TAG');
    expect(firstError([utf8.encode('<abc d="1" e="2"/>')], { maxNameLength: 3, maxAttributes: 2 }).kind).toBe(
      'END_TAG',
    );
    expect(firstError([utf8.encode('<a>012345</a>')], { maxTotalSize: 13 }).kind).toBe('END_TAG');
  });

  it('carries the SyncML status, the code, and line/column for a whole document', () => {
    const reader = XmlReader.from(utf8.encode('<a>\n  <b></c>\n</a>'));
    let error: unknown;
    try {
      while (reader.next() !== XmlToken.END_OF_DOCUMENT);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlError);
    const e = error as XmlError;
    expect([e.code, e.offset, e.status, e.line, e.column]).toEqual(['MISMATCHED_END_TAG', 9, 400, 2, 6]);
    expect(e.message).toBe('End tag does not match <b> at byte 9 (line 2, column 6)');
    expect(new XmlReader({ maxDepth: 1 }).write.length).toBe(1);
  });

  it('limit errors map to 413, encoding to 415', () => {
    const deep = collectTokens([utf8.encode('<a><a/></a>')], { maxDepth: 1 });
    expect(deep.at(-1)!.kind).toBe('ERROR DEPTH_LIMIT');
    expect(new XmlError('DEPTH_LIMIT', 'x', 0).status).toBe(413);
    expect(new XmlError('UNSUPPORTED_ENCODING', 'x', 0).status).toBe(415);
  });

  it("unknownEntities: 'preserve' keeps unknown entities as written", () => {
    const tokens = collectTokens([utf8.encode('<a b="x&nbsp;y">&copy; &amp;</a>')], {
      unknownEntities: 'preserve',
    });
    expect(tokens[0]!.attributes).toEqual([['b', 'x&nbsp;y']]);
    expect(tokens[1]!.text).toBe('&copy; &');
  });
});

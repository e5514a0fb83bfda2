import { Payload } from '@syncds/syncml';
import { expect, test } from 'vitest';
import { firstAstDifference } from './ast-diff.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

test('equal trees, payloads compared by bytes wherever they point', () => {
  const wire = bytes('xxBEGIN:VCARDyy');
  const a = { header: { msgID: '1', respURI: undefined }, commands: [{ data: new Payload(wire, 2, 13) }] };
  const b = { header: { msgID: '1' }, commands: [{ data: Payload.fromText('BEGIN:VCARD') }] };
  expect(firstAstDifference(a, b)).toBeNull();
});

test('names the first difference by path', () => {
  expect(firstAstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe('$.a.b[1]: 2 vs 3');
  expect(firstAstDifference({ a: [1] }, { a: [1, 2] })).toBe('$.a: 1 entries vs 2');
  expect(firstAstDifference({ f: 'b64' }, { f: '\n b64\n' })).toBe('$.f: "b64" vs "\\n b64\\n"');
  expect(firstAstDifference({ x: 1 }, {})).toBe('$.x: 1 vs nothing');
  expect(firstAstDifference({ d: Payload.fromText('abc') }, { d: Payload.fromText('abd') })).toBe(
    '$.d: payload "abc" (3 bytes) vs payload "abd" (3 bytes)',
  );
  expect(firstAstDifference({ d: Payload.fromText('abc') }, { d: 'abc' })).toBe(
    '$.d: payload "abc" (3 bytes) vs "abc"',
  );
  expect(firstAstDifference([{}], {})).toBe('$: an array of 1 vs an object');
});

test('long values are clipped in the description', () => {
  const long = 'v'.repeat(200);
  const d = firstAstDifference({ s: long }, { s: 'w' });
  expect(d).toBe(`$.s: "${'v'.repeat(59)}... vs "w"`);
});

test('an equivalence accepts documented rewrites of strings only', () => {
  const sameIgnoringCase = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  expect(firstAstDifference({ t: 'A' }, { t: 'a' }, sameIgnoringCase)).toBeNull();
  expect(firstAstDifference({ t: 'A' }, { t: 'b' }, sameIgnoringCase)).toBe('$.t: "A" vs "b"');
});

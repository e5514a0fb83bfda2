import { BenchError } from '../runner/errors.js';
import { firstAstDifference, type StringEquivalence } from './ast-diff.js';

/** Throws BenchError CHECK_FAILED for case `name` unless `condition` holds. */
export function checkThat(condition: boolean, name: string, message: string): asserts condition {
  if (!condition) throw new BenchError('CHECK_FAILED', message, name);
}

/** Throws BenchError CHECK_FAILED when two ASTs differ, naming the first difference. */
export function checkSameAst(
  actual: unknown,
  expected: unknown,
  name: string,
  what: string,
  equivalent?: StringEquivalence,
): void {
  const difference = firstAstDifference(actual, expected, equivalent);
  if (difference !== null) throw new BenchError('CHECK_FAILED', `${what}: ${difference}`, name);
}

/** Byte-for-byte equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const DEVINF_TYPE = /^application\/vnd\.syncml-devinf\+(?:wbxml|xml)$/;

/**
 * The serializers write the Meta Type of a DevInf item to match the encoding
 * (`devInfTypeFollowsEncoding`, on by default): `...devinf+wbxml` and `...devinf+xml` then
 * name the same content.
 */
export const devInfTypeFollowsEncoding: StringEquivalence = (a, b) =>
  DEVINF_TYPE.test(a) && DEVINF_TYPE.test(b);

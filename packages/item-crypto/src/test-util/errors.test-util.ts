import { ItemCryptoError } from '../errors.js';

/** The ItemCryptoError `run` throws; any other error is rethrown, and throwing nothing fails. */
export function errorOf(run: () => unknown): ItemCryptoError {
  try {
    run();
  } catch (error) {
    if (error instanceof ItemCryptoError) return error;
    throw error;
  }
  throw new Error('expected an ItemCryptoError');
}

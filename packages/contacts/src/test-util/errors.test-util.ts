import { ContactCodecError } from '../errors.js';

/** The ContactCodecError `run` throws; any other error is rethrown, and throwing nothing fails. */
export function caught(run: () => unknown): ContactCodecError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContactCodecError) return error;
    throw error;
  }
  throw new Error('expected a ContactCodecError');
}

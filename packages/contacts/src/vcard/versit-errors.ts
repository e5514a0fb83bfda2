import { VersitError } from '@syncds/versit';
import { ContactCodecError } from '../errors.js';

/** Runs a versit call and turns its errors into ContactCodecError with the same code, status and position. */
export function withVersitErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof VersitError) {
      const location: { offset: number; line: number; property?: string } = {
        offset: error.offset,
        line: error.line,
      };
      if (error.property !== undefined) location.property = error.property;
      throw new ContactCodecError(error.code, error.status, `Bad vCard: ${error.detail}`, location, {
        cause: error,
      });
    }
    throw error;
  }
}

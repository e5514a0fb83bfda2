import { expect } from 'vitest';
import { CalendarCodecError } from '../errors.js';

/** The CalendarCodecError `fn` throws; the test fails when it throws nothing or another error. */
export function rejects(fn: () => unknown): CalendarCodecError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarCodecError);
    return error as CalendarCodecError;
  }
  throw new Error('expected a CalendarCodecError');
}

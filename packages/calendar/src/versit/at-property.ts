import type { VersitProperty } from '@syncds/versit';
import { CalendarCodecError } from '../errors.js';

/** Runs `fn`, adding the property's position to a `CalendarCodecError` it throws. */
export function atProperty<T>(property: VersitProperty, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CalendarCodecError) {
      throw error.withLocation({ line: property.line, offset: property.offset, property: property.name });
    }
    throw error;
  }
}

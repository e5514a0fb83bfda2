import { escapeText, unescapeText } from '@syncds/versit';
import type { CalendarDialect } from './read-context.js';

/** A text value as read (escapes removed, line breaks as `\n`). */
export function unescapeFor(value: string, dialect: CalendarDialect): string {
  return unescapeText(value, dialect);
}

/** A text value escaped for writing. */
export function escapeFor(text: string, dialect: CalendarDialect): string {
  return escapeText(text, dialect);
}

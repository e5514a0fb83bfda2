import { splitEscaped, unescapeText, type VersitDialect, type VersitProperty } from '@syncds/versit';
import { NoteCodecError } from '../errors.js';
import { parseDateValue } from '../values/date.js';
import { normalizeLineBreaks } from '../values/text.js';

function where(property: VersitProperty): { property: string; line?: number; offset?: number } {
  const location: { property: string; line?: number; offset?: number } = { property: property.name };
  if (property.line !== undefined) location.line = property.line;
  if (property.offset !== undefined) location.offset = property.offset;
  return location;
}

/** A text value unescaped, line breaks as `\n`; undefined when blank. */
export function readText(property: VersitProperty, dialect: VersitDialect): string | undefined {
  const text = normalizeLineBreaks(unescapeText(property.value, dialect));
  return text.trim() === '' ? undefined : text;
}

/** A one-token value (`CLASS`, `STATUS`) trimmed and upper-cased; undefined when blank. */
export function readToken(property: VersitProperty, dialect: VersitDialect): string | undefined {
  const token = unescapeText(property.value, dialect).trim().toUpperCase();
  return token === '' ? undefined : token;
}

/**
 * Category names: split at unescaped `,` and, in legacy dialects, `;` too
 * (vCalendar 1.0 lists use `;`, Outlook writes `a, b`); trimmed, blanks dropped.
 */
export function readCategories(property: VersitProperty, dialect: VersitDialect, legacy: boolean): string[] {
  const items: string[] = [];
  for (const part of legacy ? splitEscaped(property.value, ';') : [property.value]) {
    for (const item of splitEscaped(part, ',')) {
      const name = unescapeText(item, dialect).trim();
      if (name !== '') items.push(name);
    }
  }
  return items;
}

/**
 * A date or date-time value as the canonical ISO string; undefined when blank.
 *
 * @throws {NoteCodecError} `INVALID_DATE` (400) naming the property and line.
 */
export function readDate(property: VersitProperty): string | undefined {
  const text = property.value.trim();
  if (text === '') return undefined;
  const value = parseDateValue(text);
  if (value === undefined) {
    throw new NoteCodecError(
      'INVALID_DATE',
      `${property.name} is not a date: "${text.slice(0, 40)}"`,
      where(property),
    );
  }
  return value;
}

/**
 * A whole number; undefined when blank.
 *
 * @throws {NoteCodecError} `INVALID_NUMBER` (400).
 */
export function readInteger(text: string, property: VersitProperty): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^[-+]?\d{1,9}$/.test(trimmed)) {
    throw new NoteCodecError(
      'INVALID_NUMBER',
      `${property.name} holds "${trimmed.slice(0, 40)}" where a whole number belongs`,
      where(property),
    );
  }
  return Number(trimmed);
}

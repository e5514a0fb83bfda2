import { isLegacyDialect, type VersitDialect } from '../dialect.js';

/*
 * Escaping differs by dialect:
 * - RFC dialects (vCard 3.0/4.0, iCalendar 2.0): `\\` `\,` `\;` and `\n`/`\N`
 *   (newline). Values never hold a raw line break.
 * - Legacy dialects (vCard 2.1, vCalendar 1.0, vNote 1.1): only `;` is
 *   special (`\;`); line breaks are real CRLFs carried by QUOTED-PRINTABLE, and
 *   a backslash is an ordinary character (Windows paths such as
 *   `c:\system\data` arrive unescaped). Readers also accept `\\` and `\,`,
 *   which some phones write; writers escape a backslash only where it would
 *   otherwise be read as an escape.
 */

const BACKSLASH = 0x5c;

function unescapeRfc(value: string): string {
  if (value.indexOf('\\') < 0) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== '\\' || i + 1 >= value.length) {
      out += c;
      continue;
    }
    const next = value[i + 1]!;
    i++;
    if (next === 'n' || next === 'N') out += '\n';
    else if (next === '\\' || next === ',' || next === ';' || next === ':' || next === '"') out += next;
    else out += `\\${next}`; // unknown escape: kept as written
  }
  return out;
}

function unescapeLegacy(value: string): string {
  let text = value;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('\\') < 0) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\\' && (next === ';' || next === ',' || next === '\\')) {
      out += next;
      i++;
    } else out += c;
  }
  return out;
}

/** Reads a text value: removes the dialect's escapes; line breaks become `\n`. */
export function unescapeText(value: string, dialect: VersitDialect): string {
  return isLegacyDialect(dialect) ? unescapeLegacy(value) : unescapeRfc(value);
}

/**
 * Writes a text value: adds the dialect's escapes. Line breaks (`\r\n`, `\r`,
 * `\n`) become `\n` escapes in RFC dialects and CRLF in legacy ones (the
 * serializer then carries them as QUOTED-PRINTABLE).
 */
export function escapeText(text: string, dialect: VersitDialect): string {
  if (isLegacyDialect(dialect)) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === ';') out += '\\;';
      else if (c === '\\') {
        const next = text[i + 1];
        // Escape only where a reader would take it for an escape.
        out += next === undefined || next === ';' || next === ',' || next === '\\' ? '\\\\' : '\\';
      } else if (c === '\r') {
        out += '\r\n';
        if (text[i + 1] === '\n') i++;
      } else if (c === '\n') out += '\r\n';
      else out += c;
    }
    return out;
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') out += '\\\\';
    else if (c === ',') out += '\\,';
    else if (c === ';') out += '\\;';
    else if (c === '\r') {
      out += '\\n';
      if (text[i + 1] === '\n') i++;
    } else if (c === '\n') out += '\\n';
    else out += c;
  }
  return out;
}

/**
 * Splits at every `separator` not escaped by a backslash, without unescaping
 * the parts. `\\` is an escaped backslash, so `a\\;b` splits after `\\`.
 */
export function splitEscaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
      continue;
    }
    if (value[i] === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/**
 * Reads a structured value (`N`, `ADR`, `ORG`, vCalendar `AALARM`...): the
 * components separated by unescaped `;`, each unescaped.
 */
export function splitStructured(value: string, dialect: VersitDialect): string[] {
  return splitEscaped(value, ';').map((part) => unescapeText(part, dialect));
}

/**
 * Reads a structured value whose components may be lists (vCard 3.0/4.0
 * `ADR` street lines, `N` additional names): `;` between components, `,`
 * between list items. In legacy dialects a comma is an ordinary character, so
 * each component is a one-item list.
 */
export function splitStructuredLists(value: string, dialect: VersitDialect): string[][] {
  const legacy = isLegacyDialect(dialect);
  return splitEscaped(value, ';').map((part) =>
    legacy
      ? [unescapeText(part, dialect)]
      : splitEscaped(part, ',').map((item) => unescapeText(item, dialect)),
  );
}

/**
 * Reads a list value (`CATEGORIES`, `NICKNAME`, `EXDATE`...): items separated
 * by unescaped `separator` (`,` by default; vCalendar 1.0 CATEGORIES and
 * EXDATE use `;`), each unescaped. An empty value is an empty list.
 */
export function splitList(value: string, dialect: VersitDialect, separator: ';' | ',' = ','): string[] {
  if (value === '') return [];
  return splitEscaped(value, separator).map((item) => unescapeText(item, dialect));
}

/** Writes a structured value: components escaped, lists joined with `,`, components with `;`. */
export function joinStructured(
  parts: ReadonlyArray<string | ReadonlyArray<string>>,
  dialect: VersitDialect,
): string {
  return parts
    .map((part) => (typeof part === 'string' ? escapeText(part, dialect) : joinList(part, dialect, ',')))
    .join(';');
}

/**
 * Writes a list value. In legacy dialects a `,` inside an item cannot be
 * escaped portably; it is written `\,`, which the readers of this package
 * (and most phones) take as a comma.
 */
export function joinList(
  items: ReadonlyArray<string>,
  dialect: VersitDialect,
  separator: ';' | ',' = ',',
): string {
  const legacy = isLegacyDialect(dialect);
  return items
    .map((item) => {
      const escaped = escapeText(item, dialect);
      return legacy && separator === ',' ? escaped.replace(/,/g, '\\,') : escaped;
    })
    .join(separator);
}

import type { VersitComponent, VersitDialect, VersitProperty } from '@syncds/versit';
import type { Note } from '../model/note.js';
import { componentExtension, propertyExtension } from './extensions.js';
import { readCategories, readDate, readText, readToken } from './read-values.js';

/**
 * Reads one property into the note. False when the model cannot take the
 * value as it stands: the property is then kept as an extension instead.
 */
export type PropertyReader = (note: Note, property: VersitProperty) => boolean;

/** How one Versit dialect maps the properties of its item component onto a note. */
export interface ItemDialect {
  dialect: VersitDialect;
  /** Reader by property name (upper-case). CATEGORIES is read by {@link readItemProperties} itself. */
  readers: ReadonlyMap<string, PropertyReader>;
  /** Whether CATEGORIES lists may be split at `;` as well as `,` (vCalendar 1.0-era dialects). */
  legacyCategories: boolean;
  /** Names neither read nor kept: properties the writer always writes itself. */
  dropped: ReadonlySet<string>;
}

/** A text property into a string field (blank values leave the field unset). */
export function textReader(field: 'subject' | 'body' | 'folder', dialect: VersitDialect): PropertyReader {
  return (note, property) => {
    const text = readText(property, dialect);
    if (text !== undefined) note[field] = text;
    return true;
  };
}

/** A one-token property (trimmed, upper-cased) into a string field. */
export function tokenReader(field: 'classification' | 'status', dialect: VersitDialect): PropertyReader {
  return (note, property) => {
    const token = readToken(property, dialect);
    if (token !== undefined) note[field] = token;
    return true;
  };
}

/** A date or date-time property into a timestamp field. */
export function dateReader(field: 'created' | 'modified'): PropertyReader {
  return (note, property) => {
    const date = readDate(property);
    if (date !== undefined) note[field] = date;
    return true;
  };
}

/** UID taken as written (trimmed): it is an identifier, not escaped text. */
export const readUid: PropertyReader = (note, property) => {
  const uid = property.value.trim();
  if (uid !== '') note.uid = uid;
  return true;
};

/**
 * Reads the properties and nested components of an item component (VNOTE,
 * VJOURNAL) into the note. The first property of each known name is read;
 * repeated ones, unknown ones and values the model cannot take are kept as
 * item-scope extensions, as are nested components. Repeated CATEGORIES add
 * up (RFC 5545 allows several).
 */
export function readItemProperties(note: Note, component: VersitComponent, item: ItemDialect): void {
  const seen = new Set<string>();
  for (const property of component.properties) {
    if (property.name === 'CATEGORIES') {
      const categories = [
        ...(note.categories ?? []),
        ...readCategories(property, item.dialect, item.legacyCategories),
      ];
      if (categories.length > 0) note.categories = categories;
      continue;
    }
    const first = !seen.has(property.name);
    seen.add(property.name);
    const reader = first ? item.readers.get(property.name) : undefined;
    if (reader?.(note, property)) continue;
    if (!item.dropped.has(property.name))
      note.extensions.push(propertyExtension(property, item.dialect, 'item'));
  }
  for (const nested of component.components)
    note.extensions.push(componentExtension(nested, item.dialect, 'item'));
}

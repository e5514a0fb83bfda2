import {
  escapeText,
  joinList,
  parseVersitItem,
  serializeVersit,
  splitEscaped,
  type VersitComponent,
  type VersitProperty,
} from '@syncds/versit';
import { NoteCodecError } from '../errors.js';
import type { Note, NoteExtension } from '../model/note.js';
import { DEFAULT_MAX_NOTE_BYTES, type NoteParseOptions, type NoteSerializeOptions } from '../options.js';
import { formatBasicDate } from '../values/date.js';
import { checkItemSize } from '../values/text.js';
import {
  componentExtension,
  extensionComponent,
  extensionProperty,
  propertyExtension,
} from './extensions.js';
import { readCategories, readDate, readInteger, readText, readToken } from './read-values.js';
import { withNoteErrors } from './versit-error.js';

const DIALECT = 'vnote-1.1';

/** Funambol's `X-FUNAMBOL-COLOR` names, indexed by Outlook's note colour number. */
export const VNOTE_COLOR_NAMES: readonly string[] = ['BLUE', 'GREEN', 'PINK', 'YELLOW', 'WHITE'];

/** Parser options handed to @syncds/versit. */
export function versitOptions(options: NoteParseOptions): {
  maxItemBytes: number;
  maxLineBytes?: number;
  maxProperties?: number;
  fallbackCharset?: string | null;
} {
  const out: {
    maxItemBytes: number;
    maxLineBytes?: number;
    maxProperties?: number;
    fallbackCharset?: string | null;
  } = {
    maxItemBytes: options.maxItemBytes ?? DEFAULT_MAX_NOTE_BYTES,
  };
  if (options.maxLineBytes !== undefined) out.maxLineBytes = options.maxLineBytes;
  if (options.maxProperties !== undefined) out.maxProperties = options.maxProperties;
  if (options.fallbackCharset !== undefined) out.fallbackCharset = options.fallbackCharset;
  return out;
}

function readPosition(note: Note, property: VersitProperty): void {
  const [top, left, height, width] = splitEscaped(property.value, ';');
  const numbers = { top, left, height, width };
  for (const [field, text] of Object.entries(numbers) as Array<[keyof typeof numbers, string | undefined]>) {
    const value = text === undefined ? undefined : readInteger(text, property);
    if (value !== undefined) note[field] = value;
  }
}

/**
 * A vNote 1.1 item (`text/x-vnote`) as a note. Properties the model does not
 * know (`X-IRMC-LUID`, `PRODID`...) and repeated ones are kept as extensions.
 *
 * @throws {NoteCodecError} a Versit syntax, charset or limit error (with its
 *   position), `WRONG_OBJECT` when the item is not a VNOTE, `INVALID_DATE`,
 *   `INVALID_NUMBER`.
 */
export function parseVNote(input: Uint8Array | string, options: NoteParseOptions = {}): Note {
  checkItemSize(input, options.maxItemBytes ?? DEFAULT_MAX_NOTE_BYTES);
  const { component } = withNoteErrors(() => parseVersitItem(input, versitOptions(options)));
  if (component.name !== 'VNOTE') {
    throw new NoteCodecError('WRONG_OBJECT', `a vNote item holds BEGIN:VNOTE, not BEGIN:${component.name}`, {
      ...(component.line === undefined ? {} : { line: component.line }),
      ...(component.offset === undefined ? {} : { offset: component.offset }),
    });
  }
  const note: Note = { extensions: [], origin: 'vnote-1.1' };
  const seen = new Set<string>();
  for (const property of component.properties) {
    if (property.name === 'CATEGORIES') {
      // Repeated CATEGORIES properties add up (RFC 5545 allows several).
      const categories = [...(note.categories ?? []), ...readCategories(property, DIALECT, true)];
      if (categories.length > 0) note.categories = categories;
      continue;
    }
    const first = !seen.has(property.name);
    seen.add(property.name);
    if (first && readKnown(note, property)) continue;
    if (property.name !== 'VERSION') note.extensions.push(propertyExtension(property, DIALECT, 'item'));
  }
  for (const nested of component.components)
    note.extensions.push(componentExtension(nested, DIALECT, 'item'));
  return note;
}

/** Reads a property the model knows; false for one it does not. */
function readKnown(note: Note, property: VersitProperty): boolean {
  switch (property.name) {
    case 'SUMMARY': {
      const text = readText(property, DIALECT);
      if (text !== undefined) note.subject = text;
      return true;
    }
    case 'BODY': {
      const text = readText(property, DIALECT);
      if (text !== undefined) note.body = text;
      return true;
    }

    case 'CLASS': {
      const token = readToken(property, DIALECT);
      if (token !== undefined) note.classification = token;
      return true;
    }
    case 'DCREATED': {
      const date = readDate(property);
      if (date !== undefined) note.created = date;
      return true;
    }
    case 'LAST-MODIFIED': {
      const date = readDate(property);
      if (date !== undefined) note.modified = date;
      return true;
    }
    case 'UID': {
      const uid = property.value.trim();
      if (uid !== '') note.uid = uid;
      return true;
    }
    case 'X-FUNAMBOL-FOLDER': {
      const folder = readText(property, DIALECT);
      if (folder !== undefined) note.folder = folder;
      return true;
    }
    case 'X-FUNAMBOL-COLOR': {
      const name = property.value.trim().toUpperCase();
      const index = VNOTE_COLOR_NAMES.indexOf(name);
      if (index >= 0) note.color = index;
      else if (/^\d$/.test(name)) note.color = Number(name);
      // An unknown colour name stays an extension rather than being guessed.
      return index >= 0 || /^\d$/.test(name) || name === '';
    }
    case 'X-FUNAMBOL-POSITION':
      readPosition(note, property);
      return true;
    default:
      return false;
  }
}

function property(name: string, value: string): VersitProperty {
  return { name, params: [], value };
}

/** The VNOTE component of a note (without serializing it). */
export function vNoteComponent(note: Note): VersitComponent {
  const properties: VersitProperty[] = [property('VERSION', '1.1')];
  if (note.uid !== undefined) properties.push(property('UID', note.uid));
  if (note.subject !== undefined) properties.push(property('SUMMARY', escapeText(note.subject, DIALECT)));
  if (note.body !== undefined) properties.push(property('BODY', escapeText(note.body, DIALECT)));
  if (note.categories !== undefined)
    properties.push(property('CATEGORIES', joinList(note.categories, DIALECT, ',')));
  if (note.classification !== undefined) properties.push(property('CLASS', note.classification));
  if (note.created !== undefined) properties.push(property('DCREATED', formatBasicDate(note.created)));
  if (note.modified !== undefined) properties.push(property('LAST-MODIFIED', formatBasicDate(note.modified)));
  if (note.folder !== undefined)
    properties.push(property('X-FUNAMBOL-FOLDER', escapeText(note.folder, DIALECT)));
  if (note.color !== undefined) {
    properties.push(property('X-FUNAMBOL-COLOR', VNOTE_COLOR_NAMES[note.color] ?? String(note.color)));
  }
  const position = [note.top, note.left, note.height, note.width];
  if (position.some((n) => n !== undefined)) {
    properties.push(
      property('X-FUNAMBOL-POSITION', position.map((n) => (n === undefined ? '' : String(n))).join(';')),
    );
  }
  const components: VersitComponent[] = [];
  for (const extension of note.extensions as NoteExtension[]) {
    if (extension.family !== 'versit' || extension.scope !== 'item') continue;
    if ('component' in extension)
      components.push(extensionComponent(extension.component, extension.dialect, DIALECT));
    else properties.push(extensionProperty(extension, extension.dialect, DIALECT));
  }
  return { name: 'VNOTE', properties, components };
}

/**
 * A note as a vNote 1.1 item: VERSION, UID, SUMMARY, BODY, CATEGORIES
 * (comma-separated), CLASS, DCREATED, LAST-MODIFIED, Funambol's
 * X-FUNAMBOL-FOLDER / -COLOR / -POSITION (when the note has them), then the
 * kept Versit extensions. Non-ASCII text and line breaks travel as
 * QUOTED-PRINTABLE with CHARSET=UTF-8 unless `legacyTextEncoding` is `8bit`;
 * lines end with CRLF.
 */
export function toVNote(note: Note, options: NoteSerializeOptions = {}): string {
  return serializeVersit(vNoteComponent(note), {
    dialect: DIALECT,
    ...(options.legacyTextEncoding === undefined ? {} : { legacyTextEncoding: options.legacyTextEncoding }),
    ...(options.foldWidth === undefined ? {} : { foldWidth: options.foldWidth }),
  });
}

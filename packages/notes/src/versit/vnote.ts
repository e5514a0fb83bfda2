import {
  escapeText,
  joinList,
  serializeVersit,
  splitEscaped,
  type VersitComponent,
  type VersitProperty,
} from '@syncds/versit';
import { NoteCodecError } from '../errors.js';
import type { Note, NoteExtension } from '../model/note.js';
import type { NoteParseOptions, NoteSerializeOptions } from '../options.js';
import { formatBasicDate } from '../values/date.js';
import { extensionComponent, extensionProperty } from './extensions.js';
import {
  dateReader,
  type ItemDialect,
  type PropertyReader,
  readItemProperties,
  readUid,
  textReader,
  tokenReader,
} from './item-properties.js';
import { componentLocation, parseNoteItem } from './parse-item.js';
import { readInteger } from './read-values.js';

const DIALECT = 'vnote-1.1';

/** Funambol's `X-FUNAMBOL-COLOR` names, indexed by Outlook's note colour number. */
export const VNOTE_COLOR_NAMES: readonly string[] = ['BLUE', 'GREEN', 'PINK', 'YELLOW', 'WHITE'];

function readPosition(note: Note, property: VersitProperty): boolean {
  const [top, left, height, width] = splitEscaped(property.value, ';');
  const numbers = { top, left, height, width };
  for (const [field, text] of Object.entries(numbers) as Array<[keyof typeof numbers, string | undefined]>) {
    const value = text === undefined ? undefined : readInteger(text, property);
    if (value !== undefined) note[field] = value;
  }
  return true;
}

function readColor(note: Note, property: VersitProperty): boolean {
  const name = property.value.trim().toUpperCase();
  const index = VNOTE_COLOR_NAMES.indexOf(name);
  if (index >= 0) note.color = index;
  else if (/^\d$/.test(name)) note.color = Number(name);
  // An unknown colour name stays an extension rather than being guessed.
  return index >= 0 || /^\d$/.test(name) || name === '';
}

/** How a VNOTE maps onto a note. VERSION is dropped: the writer always writes its own. */
export const VNOTE_ITEM: ItemDialect = {
  dialect: DIALECT,
  readers: new Map<string, PropertyReader>([
    ['SUMMARY', textReader('subject', DIALECT)],
    ['BODY', textReader('body', DIALECT)],
    ['CLASS', tokenReader('classification', DIALECT)],
    ['DCREATED', dateReader('created')],
    ['LAST-MODIFIED', dateReader('modified')],
    ['UID', readUid],
    ['X-FUNAMBOL-FOLDER', textReader('folder', DIALECT)],
    ['X-FUNAMBOL-COLOR', readColor],
    ['X-FUNAMBOL-POSITION', readPosition],
  ]),
  legacyCategories: true,
  dropped: new Set(['VERSION']),
};

/**
 * A vNote 1.1 item (`text/x-vnote`) as a note. Properties the model does not
 * know (`X-IRMC-LUID`, `PRODID`...) and repeated ones are kept as extensions.
 *
 * @throws {NoteCodecError} a Versit syntax, charset or limit error (with its
 *   position), `WRONG_OBJECT` when the item is not a VNOTE, `INVALID_DATE`,
 *   `INVALID_NUMBER`.
 */
export function parseVNote(input: Uint8Array | string, options: NoteParseOptions = {}): Note {
  const { component } = parseNoteItem(input, options);
  if (component.name !== 'VNOTE') {
    throw new NoteCodecError(
      'WRONG_OBJECT',
      `a vNote item holds BEGIN:VNOTE, not BEGIN:${component.name}`,
      componentLocation(component),
    );
  }
  const note: Note = { extensions: [], origin: 'vnote-1.1' };
  readItemProperties(note, component, VNOTE_ITEM);
  return note;
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

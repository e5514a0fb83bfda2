import { decodeBase64 } from '@syncds/versit';
import { XmlError, type XmlErrorCode, XmlReader, XmlToken } from '@syncds/xml';
import { NoteCodecError, type NoteCodecErrorCode } from '../errors.js';
import type { Note, SifElement } from '../model/note.js';
import { DEFAULT_MAX_NOTE_BYTES, DEFAULT_MAX_SIF_ELEMENTS, type NoteParseOptions } from '../options.js';
import { parseDateValue } from '../values/date.js';
import { checkItemSize, normalizeLineBreaks } from '../values/text.js';

/** Deepest element nesting read in a SIF-N document (note > field > unknown children). */
const MAX_SIF_DEPTH = 16;

const CODE_BY_XML_CODE: Partial<Record<XmlErrorCode, NoteCodecErrorCode>> = {
  DOCUMENT_TOO_LARGE: 'ITEM_TOO_LARGE',
  TOKEN_TOO_LONG: 'LINE_TOO_LONG',
  DEPTH_LIMIT: 'TOO_MANY_FIELDS',
  TOO_MANY_ATTRIBUTES: 'TOO_MANY_FIELDS',
  UNSUPPORTED_ENCODING: 'UNKNOWN_CHARSET',
  INVALID_ENCODING: 'INVALID_TEXT',
};

const utf8 = new TextEncoder();

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
}

function firstNonBlank(bytes: Uint8Array): number {
  let i = 0;
  // A UTF-8 BOM counts as blank here.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && isBlank(bytes[i]!)) i++;
  return i;
}

/**
 * The XML of a SIF item: as given, or base64-decoded when the item is SIF in
 * Funambol's b64 packaging that reached the codec still encoded (a client
 * that did not declare `Meta/Format b64`).
 */
function sifBytes(bytes: Uint8Array): Uint8Array {
  const start = firstNonBlank(bytes);
  if (bytes[start] === 0x3c) return bytes;
  const decoded = decodeBase64(bytes);
  if (decoded !== undefined && decoded[firstNonBlank(decoded)] === 0x3c) return decoded;
  throw new NoteCodecError('MALFORMED_ITEM', 'a SIF-N item is an XML document (or its base64)', {
    offset: start,
  });
}

/**
 * A string is already text: it is handed to the XML reader as UTF-8, so an
 * XML declaration naming another encoding (`ISO-8859-1`) is rewritten to say
 * UTF-8, or the reader would decode the bytes a second time.
 */
function asUtf8Declared(text: string): string {
  const start = text.search(/\S/);
  if (start < 0 || !text.startsWith('<?xml', start)) return text;
  const end = text.indexOf('?>', start);
  if (end < 0) return text;
  const declaration = text.slice(start, end).replace(/encoding\s*=\s*(["'])[^"']*\1/, 'encoding="UTF-8"');
  return text.slice(0, start) + declaration + text.slice(end);
}

interface OpenElement {
  element: SifElement;
}

/** Reads the children of the root element as plain SIF elements (explicit stack). */
function readFields(
  bytes: Uint8Array,
  maxElements: number,
  maxBytes: number,
): { root: string; fields: SifElement[] } {
  // The whole item is at hand: written and ended at once, so next() never
  // asks for more (NEED_MORE only guards the loop).
  const reader = new XmlReader({ maxDepth: MAX_SIF_DEPTH, maxTotalSize: maxBytes });
  reader.write(bytes);
  reader.end();
  const stack: OpenElement[] = [];
  const fields: SifElement[] = [];
  let root: string | undefined;
  let elements = 0;
  for (
    let token = reader.next();
    token !== XmlToken.END_OF_DOCUMENT && token !== XmlToken.NEED_MORE;
    token = reader.next()
  ) {
    if (token === XmlToken.START_TAG) {
      if (++elements > maxElements) {
        throw new NoteCodecError('TOO_MANY_FIELDS', `more than ${maxElements} SIF elements`, {
          offset: reader.tokenOffset,
        });
      }
      if (root === undefined) {
        root = reader.localName();
        continue;
      }
      const attributes: [string, string][] = [];
      for (let i = 0; i < reader.attributeCount; i++)
        attributes.push([reader.attributeName(i), reader.attributeValue(i)]);
      const element: SifElement = { name: reader.name(), attributes, text: '', children: [] };
      const parent = stack[stack.length - 1];
      if (parent === undefined) fields.push(element);
      else parent.element.children.push(element);
      stack.push({ element });
    } else if (token === XmlToken.END_TAG) {
      stack.pop();
    } else if (token === XmlToken.TEXT || token === XmlToken.CDATA) {
      const open = stack[stack.length - 1];
      if (open !== undefined) open.element.text += reader.text();
    }
  }
  return { root: root ?? '', fields };
}

function readNumber(element: SifElement): number | undefined {
  const text = element.text.trim();
  if (text === '') return undefined;
  if (!/^[-+]?\d{1,9}$/.test(text)) {
    throw new NoteCodecError(
      'INVALID_NUMBER',
      `<${element.name}> holds "${text.slice(0, 40)}" where a whole number belongs`,
      { element: element.name },
    );
  }
  return Number(text);
}

type NumberField = 'color' | 'height' | 'width' | 'top' | 'left';
const NUMBER_FIELDS: Readonly<Record<string, NumberField>> = {
  color: 'color',
  height: 'height',
  width: 'width',
  top: 'top',
  left: 'left',
};

/** Reads a field the model knows; false for one it does not. */
function readKnown(note: Note, element: SifElement): boolean {
  const key = element.name.toLowerCase();
  const text = normalizeLineBreaks(element.text);
  switch (key) {
    case 'subject':
      if (text.trim() !== '') note.subject = text;
      return true;
    case 'body':
      if (text.trim() !== '') note.body = text;
      return true;
    case 'categories': {
      const categories = text
        .split(/[,;]/)
        .map((c) => c.trim())
        .filter((c) => c !== '');
      if (categories.length > 0) note.categories = categories;
      return true;
    }
    case 'folder':
      if (text.trim() !== '') note.folder = text;
      return true;
    case 'date': {
      if (text.trim() === '') return true;
      const date = parseDateValue(text);
      if (date === undefined) {
        throw new NoteCodecError(
          'INVALID_DATE',
          `<${element.name}> is not a date: "${text.trim().slice(0, 40)}"`,
          {
            element: element.name,
          },
        );
      }
      note.modified = date;
      return true;
    }
    default: {
      const field = NUMBER_FIELDS[key];
      if (field === undefined) return false;
      const value = readNumber(element);
      if (value !== undefined) note[field] = value;
      return true;
    }
  }
}

/**
 * A SIF-N document (`text/x-s4j-sifn`, root `<note>`) as a note. Element
 * names are matched without regard to case; an empty element is an absent
 * field; `Categories` splits at `,` (and `;`); `Date` is the modification
 * time. Unknown and repeated elements are kept as SIF extensions with their
 * attributes and children. Base64-packaged input is unpacked first.
 *
 * @throws {NoteCodecError} `MALFORMED_ITEM` (XML errors keep the
 *   {@link XmlError} as cause, with its offset), `WRONG_OBJECT` for another
 *   root, `INVALID_DATE`, `INVALID_NUMBER`, `ITEM_TOO_LARGE`,
 *   `TOO_MANY_FIELDS`.
 */
export function parseSifN(input: Uint8Array | string, options: NoteParseOptions = {}): Note {
  const maxBytes = options.maxItemBytes ?? DEFAULT_MAX_NOTE_BYTES;
  checkItemSize(input, maxBytes);
  const bytes = sifBytes(typeof input === 'string' ? utf8.encode(asUtf8Declared(input)) : input);
  let parsed: { root: string; fields: SifElement[] };
  try {
    parsed = readFields(bytes, options.maxSifElements ?? DEFAULT_MAX_SIF_ELEMENTS, maxBytes);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    const location: { offset: number; line?: number; cause: unknown } = {
      offset: error.offset,
      cause: error,
    };
    if (error.line !== undefined) location.line = error.line;
    throw new NoteCodecError(CODE_BY_XML_CODE[error.code] ?? 'MALFORMED_ITEM', error.message, location);
  }
  if (parsed.root.toLowerCase() !== 'note') {
    throw new NoteCodecError('WRONG_OBJECT', `a SIF-N item has the root <note>, not <${parsed.root}>`, {
      element: parsed.root,
    });
  }
  const note: Note = { extensions: [], origin: 'sifn' };
  const seen = new Set<string>();
  // SIFVersion is not kept: the writer always states the version it speaks.
  for (const element of parsed.fields) {
    const key = element.name.toLowerCase();
    if (key === 'sifversion') continue;
    const first = !seen.has(key);
    seen.add(key);
    if (!(first && readKnown(note, element))) note.extensions.push({ family: 'sif', element });
  }
  return note;
}

import type { Note, SifElement } from '../model/note.js';
import type { NoteSerializeOptions } from '../options.js';
import { formatBasicDate } from '../values/date.js';
import { withLineBreak } from '../values/text.js';
import { escapeXmlAttribute, escapeXmlText } from './xml-text.js';

/** The SIF version this package writes (Funambol's current one). */
export const SIF_VERSION = '1.1';

function element(name: string, text: string): string {
  return `<${name}>${escapeXmlText(text)}</${name}>`;
}

function writeElement(e: SifElement): string {
  const attributes = e.attributes.map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`).join('');
  const content = escapeXmlText(e.text) + e.children.map(writeElement).join('');
  return content === '' ? `<${e.name}${attributes}/>` : `<${e.name}${attributes}>${content}</${e.name}>`;
}

/**
 * A note as a SIF-N document (`text/x-s4j-sifn`), UTF-8, without base64:
 * the item encoding (`Meta/Format b64`) is the transport's business.
 * Elements in Funambol's order: SIFVersion, Subject, Body, Date, Categories,
 * Folder, Color, Height, Width, Top, Left, then kept SIF extensions. Absent
 * fields are written empty (`<Color/>`) unless `writeEmptyElements` is
 * false; line breaks in text are written as `lineBreak` (default CRLF, what
 * Windows clients send).
 */
export function toSifN(note: Note, options: NoteSerializeOptions = {}): string {
  const lineBreak = options.lineBreak ?? '\r\n';
  const writeEmpty = options.writeEmptyElements ?? true;
  // A kept element of the same name stands in for the empty one.
  const kept = new Set(
    note.extensions.flatMap((e) => (e.family === 'sif' ? [e.element.name.toLowerCase()] : [])),
  );
  let out = `<?xml version="1.0" encoding="UTF-8"?><note>${element('SIFVersion', SIF_VERSION)}`;
  const field = (name: string, value: string | number | undefined): void => {
    if (value !== undefined) out += element(name, typeof value === 'number' ? String(value) : value);
    else if (writeEmpty && !kept.has(name.toLowerCase())) out += `<${name}/>`;
  };
  field('Subject', note.subject === undefined ? undefined : withLineBreak(note.subject, lineBreak));
  field('Body', note.body === undefined ? undefined : withLineBreak(note.body, lineBreak));
  field('Date', note.modified === undefined ? undefined : formatBasicDate(note.modified));
  field('Categories', note.categories?.join(', '));
  field('Folder', note.folder);
  field('Color', note.color);
  field('Height', note.height);
  field('Width', note.width);
  field('Top', note.top);
  field('Left', note.left);
  for (const extension of note.extensions)
    if (extension.family === 'sif') out += writeElement(extension.element);
  return `${out}</note>`;
}

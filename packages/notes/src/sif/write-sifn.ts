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
 * fields are left out; line breaks in text are written as `lineBreak`
 * (default CRLF, what Windows clients send).
 */
export function toSifN(note: Note, options: NoteSerializeOptions = {}): string {
  const lineBreak = options.lineBreak ?? '\r\n';
  const text = (value: string): string => withLineBreak(value, lineBreak);
  let out = `<?xml version="1.0" encoding="UTF-8"?><note>${element('SIFVersion', SIF_VERSION)}`;
  if (note.subject !== undefined) out += element('Subject', text(note.subject));
  if (note.body !== undefined) out += element('Body', text(note.body));
  if (note.modified !== undefined) out += element('Date', formatBasicDate(note.modified));
  if (note.categories !== undefined) out += element('Categories', note.categories.join(', '));
  if (note.folder !== undefined) out += element('Folder', note.folder);
  if (note.color !== undefined) out += element('Color', String(note.color));
  if (note.height !== undefined) out += element('Height', String(note.height));
  if (note.width !== undefined) out += element('Width', String(note.width));
  if (note.top !== undefined) out += element('Top', String(note.top));
  if (note.left !== undefined) out += element('Left', String(note.left));
  for (const extension of note.extensions)
    if (extension.family === 'sif') out += writeElement(extension.element);
  return `${out}</note>`;
}

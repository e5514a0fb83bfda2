import { decodeBase64 } from '@syncds/versit';
import { XmlError, XmlReader, XmlToken } from '@syncds/xml';
import { CalendarCodecError } from '../errors.js';

/** One element of a SIF document. SIF is flat: a root, text children, a few lists. */
export interface SifElement {
  name: string;
  attributes: Record<string, string>;
  children: SifElement[];
  /** Concatenated text content (CDATA included). */
  text: string;
  /** Byte offset of the start tag. */
  offset: number;
  /** `appointment/Exceptions/ExcludeDate`. */
  path: string;
}

/** Limits of {@link readSifTree}. */
export interface SifTreeLimits {
  maxItemBytes: number;
  /** Most elements in the document. */
  maxElements: number;
}

// SIF nests four levels at most (appointment/Attendees/Attendee/AttendeeName).
const MAX_SIF_DEPTH = 16;

const encoder = new TextEncoder();

/**
 * The bytes of a SIF item. Items travel base64-encoded (`<Format>b64</Format>`);
 * input that does not start with `<` but is valid base64 is decoded first.
 */
export function sifBytes(input: Uint8Array | string, maxItemBytes: number): Uint8Array {
  const size = input.length;
  if (size > maxItemBytes * 2) throw tooLarge(size, maxItemBytes);
  let bytes = typeof input === 'string' ? encoder.encode(input) : input;
  let i = 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  const startsWithMarkup =
    bytes[i] === 0x3c ||
    (bytes[i] === 0xef && bytes[i + 1] === 0xbb) ||
    bytes[i] === 0xfe ||
    bytes[i] === 0xff;
  if (!startsWithMarkup && bytes.length > i) {
    const decoded = decodeBase64(bytes.subarray(i));
    if (decoded === undefined)
      throw new CalendarCodecError('INVALID_XML', 'the SIF item is neither XML nor base64', { offset: i });
    bytes = decoded;
  }
  if (bytes.length > maxItemBytes) throw tooLarge(bytes.length, maxItemBytes);
  return bytes;
}

function tooLarge(size: number, max: number): CalendarCodecError {
  return new CalendarCodecError('LIMIT_EXCEEDED', `the SIF item has ${size} bytes, more than ${max}`, {
    offset: 0,
  });
}

/** Reads a SIF document into a small element tree (bounded by the limits). */
export function readSifTree(bytes: Uint8Array, limits: SifTreeLimits): SifElement {
  // The whole item is at hand: written and ended at once, so next() never
  // asks for more (NEED_MORE only guards the loop).
  const reader = new XmlReader({
    maxDepth: MAX_SIF_DEPTH,
    maxTotalSize: Math.max(1, limits.maxItemBytes),
    maxTextLength: Math.max(1, limits.maxItemBytes),
  });
  const stack: SifElement[] = [];
  let root: SifElement | undefined;
  let count = 0;
  try {
    reader.write(bytes);
    reader.end();
    for (;;) {
      const kind = reader.next();
      if (kind === XmlToken.END_OF_DOCUMENT || kind === XmlToken.NEED_MORE) break;
      if (kind === XmlToken.START_TAG) {
        if (++count > limits.maxElements) {
          throw new CalendarCodecError('LIMIT_EXCEEDED', `more than ${limits.maxElements} SIF elements`, {
            offset: reader.tokenOffset,
          });
        }
        const name = reader.localName();
        const attributes: Record<string, string> = {};
        for (let a = 0; a < reader.attributeCount; a++) {
          if (reader.attributeNamespaceUri(a) === '')
            attributes[reader.attributeLocalName(a)] = reader.attributeValue(a);
        }
        const parent = stack[stack.length - 1];
        const element: SifElement = {
          name,
          attributes,
          children: [],
          text: '',
          offset: reader.tokenOffset,
          path: parent ? `${parent.path}/${name}` : name,
        };
        if (parent) parent.children.push(element);
        else root = element;
        stack.push(element);
      } else if (kind === XmlToken.END_TAG) {
        stack.pop();
      } else if (kind === XmlToken.TEXT || kind === XmlToken.CDATA) {
        const current = stack[stack.length - 1];
        if (current) current.text += reader.text();
      }
    }
  } catch (error) {
    if (error instanceof XmlError) {
      const code =
        error.status === 413 ? 'LIMIT_EXCEEDED' : error.status === 415 ? 'UNKNOWN_CHARSET' : 'INVALID_XML';
      throw new CalendarCodecError(code, `SIF: ${error.message}`, { offset: error.offset, cause: error });
    }
    throw error;
  }
  if (!root) throw new CalendarCodecError('INVALID_XML', 'SIF: no root element', { offset: 0 });
  return root;
}

/** Escapes text for an XML element. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;');
}

/** Writes an element (and its children) back as markup. */
export function elementXml(e: {
  name: string;
  attributes?: Record<string, string> | undefined;
  text?: string | undefined;
  xml?: string | undefined;
}): string {
  const attrs = Object.entries(e.attributes ?? {})
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  const inner = e.xml ?? escapeXml(e.text ?? '');
  return inner === '' ? `<${e.name}${attrs}/>` : `<${e.name}${attrs}>${inner}</${e.name}>`;
}

/** The inner markup of an element with children. */
export function innerXml(e: SifElement): string {
  if (e.children.length === 0) return escapeXml(e.text);
  // Inter-element whitespace carries nothing in SIF; only the children are kept.
  return e.children
    .map((c) =>
      elementXml(c.children.length > 0 ? { name: c.name, attributes: c.attributes, xml: innerXml(c) } : c),
    )
    .join('');
}

import { readVectorText } from '../vectors-dir.js';
import { type ElementSpan, findElement } from './elements.js';
import { xmlText } from './xml-text.js';

/** One item of an Add or Replace command in a captured SyncML message (XML form). */
export interface CapturedItem {
  /** `folder/file#n`: the message's folder and file name and the item's place among its items, for test names. */
  source: string;
  /** The message, relative to the vectors folder. */
  file: string;
  command: 'Add' | 'Replace';
  /** Meta Type of the item, else of its command (SyncML: the item's Meta overrides); '' when neither has one. */
  type: string;
  /** Meta Format of the item, else of its command; '' when neither has one. */
  format: string;
  /** The item is one chunk of a large object (it carries MoreData): not a whole item on its own. */
  moreData: boolean;
  /** The Data text: CDATA sections verbatim, references resolved. */
  text: string;
  /** The item's bytes: `text` base64-decoded when `format` is `b64`, else its UTF-8. */
  bytes: Uint8Array;
  /** `bytes` read as UTF-8 (a byte order mark kept): the document of a b64 item, else `text` itself. */
  decoded: string;
}

// ignoreBOM keeps a leading U+FEFF: tests see the item exactly as it was sent.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const COMMANDS = ['Add', 'Replace'] as const;

/** The next Add or Replace command at or after `from`, in document order. */
function nextCommand(
  xml: string,
  from: number,
  path: string,
): { name: 'Add' | 'Replace'; span: ElementSpan } | undefined {
  let next: { name: 'Add' | 'Replace'; span: ElementSpan } | undefined;
  for (const name of COMMANDS) {
    const span = findElement(xml, name, from, next?.span.open ?? xml.length, path);
    if (span !== undefined) next = { name, span };
  }
  return next;
}

/** Text content of the first `name` element in `within`, trimmed; undefined when there is none. */
function childText(
  xml: string,
  name: string,
  within: ElementSpan | undefined,
  path: string,
): string | undefined {
  if (within === undefined) return undefined;
  const span = findElement(xml, name, within.start, within.end, path);
  return span === undefined ? undefined : xmlText(xml.slice(span.start, span.end)).trim();
}

/**
 * The items of the Add and Replace commands of one message's XML text, in
 * document order. Items without Data (a delete-like Replace of nothing) are
 * left out. `file` is the message's path relative to the vectors folder.
 *
 * @throws {TestVectorsError} `MALFORMED_CAPTURE` where an element is cut short.
 */
export function parseMessageItems(xml: string, file: string): CapturedItem[] {
  const folderAndName = file.split('/').slice(-2).join('/');
  const items: CapturedItem[] = [];
  for (
    let command = nextCommand(xml, 0, file);
    command;
    command = nextCommand(xml, command.span.next, file)
  ) {
    const { start, end } = command.span;
    const firstItem = findElement(xml, 'Item', start, end, file);
    const commandMeta = findElement(xml, 'Meta', start, firstItem?.open ?? end, file);
    for (let item = firstItem; item; item = findElement(xml, 'Item', item.next, end, file)) {
      const data = findElement(xml, 'Data', item.start, item.end, file);
      if (data === undefined) continue;
      const itemMeta = findElement(xml, 'Meta', item.start, data.open, file);
      const type = childText(xml, 'Type', itemMeta, file) ?? childText(xml, 'Type', commandMeta, file) ?? '';
      const format =
        childText(xml, 'Format', itemMeta, file) ?? childText(xml, 'Format', commandMeta, file) ?? '';
      const text = xmlText(xml.slice(data.start, data.end));
      const b64 = format === 'b64';
      const bytes = b64 ? new Uint8Array(Buffer.from(text, 'base64')) : new TextEncoder().encode(text);
      items.push({
        source: `${folderAndName}#${items.length}`,
        file,
        command: command.name,
        type,
        format,
        moreData: findElement(xml, 'MoreData', data.next, item.end, file) !== undefined,
        text,
        bytes,
        decoded: b64 ? utf8.decode(bytes) : text,
      });
    }
  }
  return items;
}

/** The items of the Add and Replace commands of one captured XML message (path relative to the vectors folder). */
export function messageItems(file: string): CapturedItem[] {
  return parseMessageItems(readVectorText(file), file);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Real captures, from vitest.shared.ts. */
export const vectors: string = process.env.SYNCDS_VECTORS!;

/** One item of an Add or Replace command of a recorded session. */
export interface SessionItem {
  file: string;
  command: 'Add' | 'Replace';
  type: string;
  format: string | undefined;
  /** The `<Data>` text, XML entities resolved. */
  data: string;
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

function between(text: string, open: string, close: string, from: number): [string, number] | undefined {
  const start = text.indexOf(open, from);
  if (start < 0) return undefined;
  const end = text.indexOf(close, start + open.length);
  if (end < 0) return undefined;
  return [text.slice(start + open.length, end), end + close.length];
}

/** The inner text of the first `<name ...>` element in `xml` (attributes such as xmlns allowed). */
function elementText(xml: string, name: string): string | undefined {
  const start = xml.indexOf(`<${name}`);
  if (start < 0) return undefined;
  const gt = xml.indexOf('>', start);
  const end = xml.indexOf(`</${name}>`, gt);
  return end < 0 ? undefined : xml.slice(gt + 1, end);
}

/** Every item inside Add/Replace commands of the session's client (or server) messages, in file order. */
export function sessionItems(session: string, side: 'client' | 'server'): SessionItem[] {
  const dir = join(vectors, 'sessions', session);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`syncml_${side}_`) && f.endsWith('.xml'))
    .sort();
  const items: SessionItem[] = [];
  for (const file of files) {
    const xml = readFileSync(join(dir, file), 'utf8');
    for (const command of ['Add', 'Replace'] as const) {
      for (let at = 0, found = between(xml, `<${command}>`, `</${command}>`, at); found; ) {
        const [body, next] = found;
        const type = elementText(body, 'Type') ?? '';
        for (let i = 0, item = between(body, '<Item>', '</Item>', i); item; ) {
          const [itemBody, itemEnd] = item;
          const data = elementText(itemBody, 'Data');
          const format = elementText(itemBody, 'Format') ?? elementText(body, 'Format');
          if (data !== undefined) items.push({ file, command, type, format, data: unescapeXml(data) });
          i = itemEnd;
          item = between(body, '<Item>', '</Item>', i);
        }
        at = next;
        found = between(xml, `<${command}>`, `</${command}>`, at);
      }
    }
  }
  return items;
}

/** The bytes of an item: base64-decoded when its Format says b64. */
export function itemBytes(item: SessionItem): Uint8Array {
  return item.format === 'b64'
    ? new Uint8Array(Buffer.from(item.data, 'base64'))
    : new TextEncoder().encode(item.data);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vectors } from './devinf.test-util.js';

/** One item of an Add or Replace command of a capture. */
export interface CapturedItem {
  /** Capture file, relative to the vectors folder. */
  file: string;
  type: string;
  format: string | undefined;
  /** The item bytes: `<Data>` text with XML entities resolved, base64-decoded when the Format says b64. */
  bytes: Uint8Array;
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** Inner text of the first `<name ...>` element of `xml`, CDATA markers removed. */
function elementText(xml: string, name: string): string | undefined {
  const start = xml.search(new RegExp(`<${name}[\\s>]`));
  if (start < 0) return undefined;
  const gt = xml.indexOf('>', start);
  const end = xml.indexOf(`</${name}>`, gt);
  if (end < 0) return undefined;
  const inner = xml.slice(gt + 1, end);
  return inner.startsWith('<![CDATA[') ? inner.slice(9, inner.lastIndexOf(']]>')) : unescapeXml(inner);
}

function sections(xml: string, name: string): string[] {
  const out: string[] = [];
  for (let at = xml.indexOf(`<${name}>`); at >= 0; at = xml.indexOf(`<${name}>`, at + 1)) {
    const end = xml.indexOf(`</${name}>`, at);
    if (end < 0) break;
    out.push(xml.slice(at + name.length + 2, end));
  }
  return out;
}

/** Items of the Add/Replace commands of one XML message. */
export function messageItems(file: string): CapturedItem[] {
  const xml = readFileSync(join(vectors, file), 'utf8');
  const items: CapturedItem[] = [];
  for (const command of [...sections(xml, 'Add'), ...sections(xml, 'Replace')]) {
    const type = elementText(command, 'Type') ?? '';
    for (const item of sections(command, 'Item')) {
      const data = elementText(item, 'Data');
      // A chunk of a large object is not an item on its own.
      if (data === undefined || item.includes('<MoreData')) continue;
      const format = elementText(item, 'Format') ?? elementText(command, 'Format');
      const bytes =
        format === 'b64' ? new Uint8Array(Buffer.from(data, 'base64')) : new TextEncoder().encode(data);
      items.push({ file, type, format, bytes });
    }
  }
  return items;
}

/** Items of every client (or server) message of a recorded session, in file order. */
export function sessionItems(session: string, side: 'client' | 'server'): CapturedItem[] {
  const dir = join('sessions', session);
  return readdirSync(join(vectors, dir))
    .filter((f) => f.startsWith(`syncml_${side}_`) && f.endsWith('.xml'))
    .sort()
    .flatMap((f) => messageItems(join(dir, f)));
}

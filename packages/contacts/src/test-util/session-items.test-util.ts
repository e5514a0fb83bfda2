import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `<Data>` payload of a captured SyncML message with the item's Meta. */
export interface SessionItem {
  /** `session/file#n`, for test names. */
  source: string;
  /** Meta/Type of the item or its command, '' when none. */
  type: string;
  /** Meta/Format of the item or its command, '' when none. */
  format: string;
  /** The Data text, XML escapes and CDATA resolved. */
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const amp = text.indexOf('&', i);
    const semi = amp < 0 ? -1 : text.indexOf(';', amp);
    if (amp < 0 || semi < 0) return out + text.slice(i);
    const name = text.slice(amp + 1, semi);
    let replacement: string | undefined = ENTITIES[name];
    if (name.startsWith('#x')) replacement = String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    else if (name.startsWith('#')) replacement = String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    out += text.slice(i, amp) + (replacement ?? text.slice(amp, semi + 1));
    i = semi + 1;
  }
}

function elementText(body: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = body.indexOf('<![CDATA[', i);
    if (open < 0) return out + unescapeXml(body.slice(i));
    const close = body.indexOf(']]>', open);
    out += unescapeXml(body.slice(i, open)) + body.slice(open + 9, close);
    i = close + 3;
  }
}

/** Text of the last `<tag ...>text</tag>` before `end` and after `start`, '' when none. */
function lastElementText(xml: string, tag: string, start: number, end: number): string {
  const open = xml.lastIndexOf(`<${tag}`, end);
  if (open < start) return '';
  const gt = xml.indexOf('>', open);
  const close = xml.indexOf(`</${tag}>`, gt);
  if (close < 0 || close > end) return '';
  return elementText(xml.slice(gt + 1, close)).trim();
}

/**
 * The items of the Add and Replace commands of every client and server
 * message of one recorded session, in file order.
 */
export function sessionItems(session: string): SessionItem[] {
  const dir = join(process.env.SYNCDS_VECTORS ?? '', 'sessions', session);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .flatMap((file) => fileItems(join('sessions', session, file)));
}

/** The items of the Add and Replace commands of one vectors file (path relative to SYNCDS_VECTORS). */
export function fileItems(relativePath: string): SessionItem[] {
  const items: SessionItem[] = [];
  const file = relativePath.split('/').slice(-2).join('/');
  const xml = readFileSync(join(process.env.SYNCDS_VECTORS ?? '', relativePath), 'utf8');
  let at = 0;
  let n = 0;
  for (;;) {
    const add = xml.indexOf('<Add>', at);
    const replace = xml.indexOf('<Replace>', at);
    const open = add < 0 ? replace : replace < 0 ? add : Math.min(add, replace);
    if (open < 0) break;
    const tag = open === add ? 'Add' : 'Replace';
    const close = xml.indexOf(`</${tag}>`, open);
    let itemAt = open;
    for (;;) {
      const dataOpen = xml.indexOf('<Data>', itemAt);
      if (dataOpen < 0 || dataOpen > close) break;
      const dataClose = xml.indexOf('</Data>', dataOpen);
      items.push({
        source: `${file}#${n++}`,
        type: lastElementText(xml, 'Type', open, dataOpen),
        format: lastElementText(xml, 'Format', open, dataOpen),
        text: elementText(xml.slice(dataOpen + 6, dataClose)),
      });
      itemAt = dataClose + 7;
    }
    at = close + tag.length + 3;
  }
  return items;
}

/** The item's bytes: base64-decoded when its Meta/Format is b64. */
export function itemBytes(item: SessionItem): Uint8Array {
  return item.format === 'b64'
    ? new Uint8Array(Buffer.from(item.text, 'base64'))
    : new TextEncoder().encode(item.text);
}

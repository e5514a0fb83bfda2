import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One item of an Add or Replace command in a recorded SyncML session. */
export interface CapturedItem {
  /** `session/file#n`, for test names. */
  source: string;
  /** Meta Type of the item (or of its command). */
  contentType: string;
  /** The item data: XML escapes and CDATA resolved, base64 (`Format b64`) decoded. */
  data: string;
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

/** Text of the first `<name ...>...</name>` in `xml` (attributes such as xmlns allowed), or undefined. */
function firstElement(xml: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    const open = xml.indexOf(`<${name}`, at);
    if (open < 0) return undefined;
    const after = xml[open + name.length + 1];
    if (after === '>' || after === ' ') {
      const start = xml.indexOf('>', open) + 1;
      const end = xml.indexOf(`</${name}>`, start);
      return end < 0 ? undefined : xml.slice(start, end);
    }
    at = open + 1;
  }
}

/** Every `<name>...</name>` block (no attributes on the tag). */
function blocks(xml: string, name: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const open = xml.indexOf(`<${name}>`, at);
    if (open < 0) return out;
    const close = xml.indexOf(`</${name}>`, open);
    out.push(xml.slice(open + name.length + 2, close));
    at = close + name.length + 3;
  }
}

/** Items of every Add and Replace in one session's messages (`client`, `server` or both), in file order. */
export function sessionItems(session: string, side: 'client' | 'server' | 'both' = 'both'): CapturedItem[] {
  const dir = join(process.env.SYNCDS_VECTORS ?? '', 'sessions', session);
  const prefix = side === 'both' ? 'syncml_' : `syncml_${side}_`;
  const items: CapturedItem[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.xml'))
    .sort()) {
    const xml = readFileSync(join(dir, file), 'utf8');
    let n = 0;
    for (const command of [...blocks(xml, 'Add'), ...blocks(xml, 'Replace')]) {
      const commandMeta = firstElement(command.slice(0, command.indexOf('<Item>')), 'Meta') ?? '';
      for (const item of blocks(command, 'Item')) {
        const data = firstElement(item, 'Data');
        if (data === undefined) continue;
        const meta = firstElement(item, 'Meta') ?? '';
        const type = firstElement(meta, 'Type') ?? firstElement(commandMeta, 'Type') ?? '';
        const format = firstElement(meta, 'Format') ?? firstElement(commandMeta, 'Format');
        const text = elementText(data);
        items.push({
          source: `${session}/${file}#${n++}`,
          contentType: type.trim(),
          data: format?.trim() === 'b64' ? Buffer.from(text, 'base64').toString('utf8') : text,
        });
      }
    }
  }
  return items;
}

/** The Versit objects of a session's data.txt (`BEGIN:VCALENDAR` to `END:VCALENDAR`). */
export function dataTxtItems(session: string): CapturedItem[] {
  const text = readFileSync(join(process.env.SYNCDS_VECTORS ?? '', 'sessions', session, 'data.txt'), 'utf8');
  const out: CapturedItem[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('BEGIN:VCALENDAR', at);
    if (open < 0) return out;
    const close = text.indexOf('END:VCALENDAR', open) + 'END:VCALENDAR'.length;
    out.push({
      source: `${session}/data.txt#${out.length}`,
      contentType: 'text/x-vcalendar',
      data: text.slice(open, close),
    });
    at = close;
  }
}

/** A Versit object from lines (CRLF-joined, with a final CRLF). */
export function lines(...content: string[]): string {
  return `${content.join('\r\n')}\r\n`;
}

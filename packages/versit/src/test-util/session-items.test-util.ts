import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One `<Data>` payload of a captured SyncML message. */
export interface SessionItem {
  /** `session/file#n` for test names. */
  source: string;
  /** The Data text with CDATA and XML escapes resolved. */
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves the five XML entities and numeric character references. */
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

/** Text of an element body: CDATA sections kept verbatim, the rest unescaped. */
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

/** Every `<Data>` of every message of one recorded session, in file order. */
export function sessionDataItems(session: string): SessionItem[] {
  const dir = join(process.env.SYNCDS_VECTORS ?? '', 'sessions', session);
  const items: SessionItem[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()) {
    const xml = readFileSync(join(dir, file), 'utf8');
    let at = 0;
    let n = 0;
    for (;;) {
      const open = xml.indexOf('<Data>', at);
      if (open < 0) break;
      const close = xml.indexOf('</Data>', open);
      items.push({ source: `${session}/${file}#${n++}`, text: elementText(xml.slice(open + 6, close)) });
      at = close + 7;
    }
  }
  return items;
}

/** The Versit objects (`BEGIN:` ... `END:`) inside the Data elements of one session. */
export function sessionVersitItems(session: string): SessionItem[] {
  return sessionDataItems(session).filter((item) => item.text.trimStart().startsWith('BEGIN:'));
}

/**
 * The Versit objects logged in a session's `data.txt` (between descriptive
 * lines such as "input received from client"): each top-level BEGIN to its END.
 */
export function sessionLogVersitItems(session: string): SessionItem[] {
  const text = readFileSync(join(process.env.SYNCDS_VECTORS ?? '', 'sessions', session, 'data.txt'), 'utf8');
  const items: SessionItem[] = [];
  let depth = 0;
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (depth === 0 && !line.startsWith('BEGIN:')) continue;
    current.push(line);
    if (line.startsWith('BEGIN:')) depth++;
    else if (line.startsWith('END:') && --depth === 0) {
      items.push({ source: `${session}/data.txt#${items.length}`, text: `${current.join('\r\n')}\r\n` });
      current = [];
    }
  }
  return items;
}

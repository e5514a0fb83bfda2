import type { VersitParam } from '../model/types.js';
import { isNameChar } from './name-char.js';

/** The part of a content line before the value separator `:`. */
export interface ContentLineHeader {
  group: string | undefined;
  /** Upper-cased property name. */
  name: string;
  params: VersitParam[];
}

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT']);
const BARE_VALUE_TYPES = new Set(['INLINE', 'URL', 'CONTENT-ID', 'CID']);

/**
 * vCard 2.1 and vCalendar 1.0 allow a parameter value without its name
 * (`TEL;HOME;VOICE:`, `NOTE;QUOTED-PRINTABLE:`); the value says which name it
 * stands for.
 */
export function bareParamName(value: string): string {
  const upper = value.toUpperCase();
  if (BARE_ENCODINGS.has(upper)) return 'ENCODING';
  if (BARE_VALUE_TYPES.has(upper)) return 'VALUE';
  return 'TYPE';
}

/** Splits at `separator` outside double quotes. */
function splitUnquoted(text: string, separator: string): string[] {
  const parts: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === separator && !inQuotes) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) return trimmed.slice(1, -1);
  return trimmed;
}

/**
 * Parses `[group.]NAME[;param...]` (the colon already cut off). Returns
 * undefined when the name is not a valid token, so the caller can report the
 * line with its position.
 */
export function parseHeader(text: string): ContentLineHeader | undefined {
  let i = 0;
  let segmentStart = 0;
  const segments: string[] = [];
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isNameChar(c)) continue;
    if (c === 0x2e) {
      if (i === segmentStart) return undefined;
      segments.push(text.slice(segmentStart, i));
      segmentStart = i + 1;
      continue;
    }
    if (c === 0x3b) break;
    return undefined;
  }
  if (i === segmentStart) return undefined;
  const name = text.slice(segmentStart, i).toUpperCase();
  const group = segments.length > 0 ? segments.join('.') : undefined;
  const params: VersitParam[] = [];
  if (i < text.length) {
    for (const raw of splitUnquoted(text.slice(i + 1), ';')) {
      const param = parseParam(raw);
      if (param) params.push(param);
    }
  }
  return { group, name, params };
}

function parseParam(raw: string): VersitParam | undefined {
  let eq = -1;
  let inQuotes = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '=' && !inQuotes) {
      eq = i;
      break;
    }
  }
  if (eq < 0) {
    const value = unquote(raw);
    if (value === '') return undefined;
    return { name: bareParamName(value), values: [value] };
  }
  const name = raw.slice(0, eq).trim().toUpperCase();
  if (name === '') return undefined;
  return { name, values: splitUnquoted(raw.slice(eq + 1), ',').map(unquote) };
}

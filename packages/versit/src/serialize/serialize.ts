import { isLegacyDialect, type VersitDialect } from '../dialect.js';
import { encodeBase64 } from '../encoding/base64.js';
import { encodeQuotedPrintableLines } from '../encoding/quoted-printable.js';
import type { VersitComponent, VersitParam, VersitProperty } from '../model/types.js';
import { DEFAULT_FOLD_WIDTH, type SerializeVersitOptions } from '../options.js';
import { foldAtWhitespace, foldRfc } from './fold.js';
import { writeParams } from './params.js';

const encoder = new TextEncoder();

interface ResolvedSerializeOptions {
  dialect: VersitDialect;
  legacy: boolean;
  width: number;
  textEncoding: 'quoted-printable' | '8bit';
  bareType: boolean;
  eol: string;
}

function resolve(options: SerializeVersitOptions): ResolvedSerializeOptions {
  return {
    dialect: options.dialect,
    legacy: isLegacyDialect(options.dialect),
    // Below 8 octets a line cannot hold a QUOTED-PRINTABLE triplet plus a soft break.
    width: Math.max(8, options.foldWidth ?? DEFAULT_FOLD_WIDTH),
    textEncoding: options.legacyTextEncoding ?? 'quoted-printable',
    bareType: options.bareTypeParams ?? options.dialect === 'vcard-2.1',
    eol: options.lineEnding ?? '\r\n',
  };
}

/** The ENCODING value for binary data per dialect. */
function base64Token(dialect: VersitDialect): string {
  return dialect === 'vcard-3.0' || dialect === 'vcard-4.0' ? 'b' : 'BASE64';
}

/** True when text holds anything outside printable ASCII plus tab. */
function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) return true;
  return false;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: line breaks and controls decide the encoding
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * Writes one property as physical lines (each ending with the line ending).
 * ENCODING and CHARSET parameters of the property are ignored and recomputed:
 * - binary values: base64 (`ENCODING=BASE64` in legacy dialects and
 *   iCalendar, `ENCODING=b` in vCard 3.0/4.0); legacy dialects end them with a
 *   blank line as vCard 2.1 requires;
 * - legacy text with line breaks or control characters, or non-ASCII text
 *   when `legacyTextEncoding` is `quoted-printable`: QUOTED-PRINTABLE with
 *   soft line breaks, plus `CHARSET=UTF-8` when non-ASCII;
 * - legacy 8-bit text: `CHARSET=UTF-8`, raw;
 * - RFC text: raw line breaks (which an escaped value never has) become `\n`.
 */
export function serializeVersitProperty(property: VersitProperty, options: SerializeVersitOptions): string {
  return writeProperty(property, resolve(options));
}

function writeProperty(property: VersitProperty, o: ResolvedSerializeOptions): string {
  const kept: VersitParam[] = property.params.filter((p) => {
    const name = p.name.toUpperCase();
    return name !== 'ENCODING' && name !== 'CHARSET';
  });
  const name = property.group
    ? `${property.group}.${property.name.toUpperCase()}`
    : property.name.toUpperCase();
  if (property.binary !== undefined) {
    const head = `${name}${writeParams(kept, o.legacy, o.bareType)};ENCODING=${base64Token(o.dialect)}:`;
    const data = encodeBase64(property.binary);
    const lines = foldRfc(head + data, o.width);
    return lines.join(o.eol) + o.eol + (o.legacy ? o.eol : '');
  }
  const value = property.value;
  if (!o.legacy) {
    const text = value.replace(/\r\n|\r|\n/g, '\\n');
    return foldRfc(`${name}${writeParams(kept, false, o.bareType)}:${text}`, o.width).join(o.eol) + o.eol;
  }
  const nonAscii = hasNonAscii(value);
  const needsQp = CONTROL.test(value) || (nonAscii && o.textEncoding === 'quoted-printable');
  if (needsQp) {
    const extra = nonAscii ? ';ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8' : ';ENCODING=QUOTED-PRINTABLE';
    const head = `${name}${writeParams(kept, true, o.bareType)}${extra}:`;
    const bytes = encoder.encode(value.replace(/\r\n|\r|\n/g, '\r\n'));
    const lines = encodeQuotedPrintableLines(bytes, o.width, encoder.encode(head).length);
    return head + lines.join(`=${o.eol}`) + o.eol;
  }
  const head = `${name}${writeParams(kept, true, o.bareType)}${nonAscii ? ';CHARSET=UTF-8' : ''}:`;
  return foldAtWhitespace(head + value, o.width, head.length).join(o.eol) + o.eol;
}

/**
 * Writes components as Versit text: `BEGIN:`, the properties in order, the
 * nested components in order, `END:`. The caller supplies every property,
 * VERSION included, with values already escaped for the dialect. Nesting is
 * walked with an explicit stack.
 */
export function serializeVersit(
  components: VersitComponent | ReadonlyArray<VersitComponent>,
  options: SerializeVersitOptions,
): string {
  const o = resolve(options);
  const roots = Array.isArray(components) ? components : [components as VersitComponent];
  const parts: string[] = [];
  // Each frame is a component and how many of its children were written.
  const stack: Array<{ component: VersitComponent; next: number }> = [];
  for (const root of roots) {
    stack.push({ component: root, next: -1 });
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const c = frame.component;
      if (frame.next === -1) {
        parts.push(`BEGIN:${c.name.toUpperCase()}${o.eol}`);
        for (const property of c.properties) parts.push(writeProperty(property, o));
        frame.next = 0;
      }
      const child = c.components[frame.next];
      if (child !== undefined) {
        frame.next++;
        stack.push({ component: child, next: -1 });
        continue;
      }
      parts.push(`END:${c.name.toUpperCase()}${o.eol}`);
      stack.pop();
    }
  }
  return parts.join('');
}

import { decodeUtf8Strict } from '../encoding/charset.js';
import { isLegacyDialect, type VersitDialect } from '../dialect.js';
import { VersitError } from '../errors.js';
import type { VersitComponent, VersitProperty } from '../model/types.js';
import { type ParseVersitOptions, type ResolvedParseOptions, resolveParseOptions } from '../options.js';
import { decodeText, decodeValue, transferEncodingOf } from './decode-value.js';
import { parseHeader } from './header.js';
import { type LogicalLine, LogicalLineReader, type ValueTransfer } from './logical-lines.js';
import { detectDialect } from './detect.js';

/** The result of {@link parseVersit}. */
export interface VersitDocument {
  /** Dialect of the first top-level component (forced by options or detected), undefined when unknown. */
  dialect: VersitDialect | undefined;
  /** Top-level components in input order. */
  components: VersitComponent[];
}

const encoder = new TextEncoder();

/**
 * Parses Versit text (vCard, vCalendar, iCalendar, vNote) into components.
 * Accepts bytes (charsets decoded per `CHARSET=`, UTF-8 by default) or a
 * string (already text; `CHARSET=` then applies only to QUOTED-PRINTABLE
 * bytes). Nesting is tracked with an explicit stack. Throws {@link VersitError}
 * for bad input or a limit hit.
 */
export function parseVersit(input: Uint8Array | string, options?: ParseVersitOptions): VersitDocument {
  const opts = resolveParseOptions(options);
  const fromString = typeof input === 'string';
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    // A UTF-16 code unit is at least one UTF-8 byte: reject before encoding.
    if (input.length > opts.maxItemBytes) throw tooLarge(input.length, opts);
    bytes = encoder.encode(input);
  } else bytes = input;
  if (bytes.length > opts.maxItemBytes) throw tooLarge(bytes.length, opts);
  return new VersitParser(bytes, fromString, opts).run();
}

/**
 * Parses input that must hold exactly one top-level component (one item of a
 * SyncML command) and returns it with the document's dialect.
 */
export function parseVersitItem(
  input: Uint8Array | string,
  options?: ParseVersitOptions,
): { dialect: VersitDialect | undefined; component: VersitComponent } {
  const document = parseVersit(input, options);
  const first = document.components[0];
  if (first === undefined) throw new VersitError('NO_COMPONENT', 'The item holds no BEGIN/END component');
  if (document.components.length > 1) {
    const second = document.components[1]!;
    throw new VersitError('MALFORMED_LINE', 'The item holds more than one top-level component', {
      offset: second.offset ?? -1,
      line: second.line ?? 0,
    });
  }
  return { dialect: document.dialect, component: first };
}

function tooLarge(size: number, opts: ResolvedParseOptions): VersitError {
  return new VersitError('ITEM_TOO_LARGE', `The item has ${size} bytes, more than ${opts.maxItemBytes}`, {
    offset: 0,
    line: 1,
  });
}

class VersitParser {
  private readonly bytes: Uint8Array;
  private readonly fromString: boolean;
  private readonly opts: ResolvedParseOptions;
  private readonly stack: VersitComponent[] = [];
  private readonly roots: VersitComponent[] = [];
  private propertyCount = 0;

  constructor(bytes: Uint8Array, fromString: boolean, opts: ResolvedParseOptions) {
    this.bytes = bytes;
    this.fromString = fromString;
    this.opts = opts;
  }

  run(): VersitDocument {
    const dialect = this.opts.dialect ?? detectDialect(this.bytes);
    const keep =
      dialect !== undefined && isLegacyDialect(dialect) && this.opts.legacyUnfolding === 'keep-whitespace';
    const lines = new LogicalLineReader(this.bytes, this.opts.maxLineBytes, keep, (header) =>
      this.classify(header),
    );
    let previous: LogicalLine | undefined;
    for (let line = lines.next(); line !== undefined; line = lines.next()) {
      this.handle(line, previous === undefined);
      previous = line;
    }
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) {
      throw new VersitError('UNTERMINATED_COMPONENT', `BEGIN:${open.name} has no END`, {
        offset: open.offset ?? -1,
        line: open.line ?? 0,
      });
    }
    if (this.roots.length === 0)
      throw new VersitError('NO_COMPONENT', 'The input holds no BEGIN/END component');
    return { dialect, components: this.roots };
  }

  /** Tells the line assembler how the value of a header continues. */
  private classify(headerBytes: Uint8Array): ValueTransfer {
    const header = parseHeader(decodeUtf8Strict(headerBytes) ?? latin1(headerBytes));
    const encoding = header ? transferEncodingOf(header.params) : 'none';
    return { quotedPrintable: encoding === 'quoted-printable', base64: encoding === 'base64' };
  }

  private handle(line: LogicalLine, isFirst: boolean): void {
    const position = { offset: line.offset, line: line.line };
    const headerBytes = line.colon >= 0 ? line.bytes.subarray(0, line.colon) : line.bytes;
    const headerText = decodeText(headerBytes, undefined, this.opts.fallbackCharset, position);
    const header = line.colon >= 0 ? parseHeader(headerText) : undefined;
    if (header === undefined) {
      // A line that is not a property after a property is most often a fold
      // that lost its leading whitespace.
      const preview = headerText.length > 40 ? `${headerText.slice(0, 40)}...` : headerText;
      throw new VersitError(
        isFirst ? 'MALFORMED_LINE' : 'BROKEN_FOLDING',
        isFirst
          ? `Not a content line: "${preview}"`
          : `Not a content line (a fold without whitespace?): "${preview}"`,
        position,
      );
    }
    const propertyPosition = { ...position, property: header.name };
    const raw = line.bytes.subarray(line.colon + 1);
    if (header.name === 'BEGIN' || header.name === 'END') {
      const name = decodeText(raw, undefined, this.opts.fallbackCharset, propertyPosition)
        .trim()
        .toUpperCase();
      if (header.name === 'BEGIN') this.begin(name, line);
      else this.end(name, line);
      return;
    }
    const current = this.stack[this.stack.length - 1];
    if (current === undefined) {
      throw new VersitError(
        'PROPERTY_OUTSIDE_COMPONENT',
        `${header.name} is outside any BEGIN/END`,
        propertyPosition,
      );
    }
    if (++this.propertyCount > this.opts.maxProperties) {
      throw new VersitError(
        'TOO_MANY_PROPERTIES',
        `More than ${this.opts.maxProperties} properties`,
        propertyPosition,
      );
    }
    const decoded = decodeValue(
      raw,
      header.params,
      this.fromString,
      this.opts.fallbackCharset,
      propertyPosition,
    );
    const property: VersitProperty = { name: header.name, params: header.params, value: decoded.text };
    if (header.group !== undefined) property.group = header.group;
    if (decoded.binary !== undefined) property.binary = decoded.binary;
    property.line = line.line;
    property.offset = line.offset;
    current.properties.push(property);
  }

  private begin(name: string, line: LogicalLine): void {
    if (name === '') {
      throw new VersitError('MALFORMED_LINE', 'BEGIN without a component name', {
        offset: line.offset,
        line: line.line,
      });
    }
    if (this.stack.length >= this.opts.maxDepth) {
      throw new VersitError('TOO_DEEP', `Components nest deeper than ${this.opts.maxDepth}`, {
        offset: line.offset,
        line: line.line,
      });
    }
    const component: VersitComponent = {
      name,
      properties: [],
      components: [],
      line: line.line,
      offset: line.offset,
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.components.push(component);
    else this.roots.push(component);
    this.stack.push(component);
  }

  private end(name: string, line: LogicalLine): void {
    const open = this.stack[this.stack.length - 1];
    if (open === undefined || open.name !== name) {
      throw new VersitError(
        'UNEXPECTED_END',
        open === undefined ? `END:${name} without BEGIN` : `END:${name} closes BEGIN:${open.name}`,
        { offset: line.offset, line: line.line },
      );
    }
    this.stack.pop();
  }
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

import { parseVersitItem, type VersitComponent, type VersitDialect } from '@syncds/versit';
import { DEFAULT_MAX_NOTE_BYTES, type NoteParseOptions } from '../options.js';
import { checkItemSize } from '../values/text.js';
import { withNoteErrors } from './versit-error.js';

/** Parser options handed to @syncds/versit. */
export function versitOptions(options: NoteParseOptions): {
  maxItemBytes: number;
  maxLineBytes?: number;
  maxProperties?: number;
  fallbackCharset?: string | null;
} {
  const out: {
    maxItemBytes: number;
    maxLineBytes?: number;
    maxProperties?: number;
    fallbackCharset?: string | null;
  } = {
    maxItemBytes: options.maxItemBytes ?? DEFAULT_MAX_NOTE_BYTES,
  };
  if (options.maxLineBytes !== undefined) out.maxLineBytes = options.maxLineBytes;
  if (options.maxProperties !== undefined) out.maxProperties = options.maxProperties;
  if (options.fallbackCharset !== undefined) out.fallbackCharset = options.fallbackCharset;
  return out;
}

/**
 * One Versit item within the size limit, its line-layer errors as
 * {@link NoteCodecError}s.
 *
 * @throws {NoteCodecError} `ITEM_TOO_LARGE` before any parsing, or a Versit
 *   syntax, charset or limit error with its position.
 */
export function parseNoteItem(
  input: Uint8Array | string,
  options: NoteParseOptions,
): { dialect: VersitDialect | undefined; component: VersitComponent } {
  checkItemSize(input, options.maxItemBytes ?? DEFAULT_MAX_NOTE_BYTES);
  return withNoteErrors(() => parseVersitItem(input, versitOptions(options)));
}

/** Where a component begins, for an error about the whole component. */
export function componentLocation(component: VersitComponent): { line?: number; offset?: number } {
  return {
    ...(component.line === undefined ? {} : { line: component.line }),
    ...(component.offset === undefined ? {} : { offset: component.offset }),
  };
}

/** The note formats this package reads and writes. */
export type NoteFormat = 'plain' | 'vnote-1.1' | 'vjournal-2.0' | 'sifn';

/** A content type this package handles, with the versions devices announce for it (DevInf `VerCT`). */
export interface NoteContentType {
  contentType: string;
  format: NoteFormat;
  /** Versions accepted for the type; an empty list accepts any (SIF and plain text are not versioned). */
  versions: readonly string[];
  /** The version written when this package announces the type. */
  version: string;
}

/** Every content type of notes, in the package's order of preference. */
export const NOTE_CONTENT_TYPES: readonly NoteContentType[] = [
  { contentType: 'text/x-vnote', format: 'vnote-1.1', versions: ['1.1'], version: '1.1' },
  { contentType: 'text/calendar', format: 'vjournal-2.0', versions: ['2.0'], version: '2.0' },
  { contentType: 'text/plain', format: 'plain', versions: [], version: '1.0' },
  { contentType: 'text/x-s4j-sifn', format: 'sifn', versions: [], version: '1.1' },
];

// Older Funambol and Horde builds name SIF-N without the `s4j` part.
const ALIASES: Readonly<Record<string, NoteFormat>> = { 'text/x-sifn': 'sifn' };

/** Parsed `type/subtype; name=value` header: the lower-cased media type and its parameters (names lower-cased). */
export interface MediaType {
  type: string;
  params: Record<string, string>;
}

/** Splits a content type into the lower-cased media type and its parameters (`charset=...`). */
export function parseMediaType(contentType: string): MediaType {
  const parts = contentType.split(';');
  const params: Record<string, string> = {};
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name !== '') params[name] = value;
  }
  return { type: parts[0]!.trim().toLowerCase(), params };
}

/**
 * The note format of a content type, or undefined when this package does not
 * handle it. Parameters are ignored; matching is case-insensitive. With a
 * `version` (DevInf `VerCT`) the pair must be one this package handles: a
 * `text/calendar` 1.0 or `text/x-vnote` 1.0 is not. An empty version is
 * treated as absent (devices leave `VerCT` empty).
 */
export function noteFormatOf(contentType: string, version?: string): NoteFormat | undefined {
  const type = parseMediaType(contentType).type;
  const entry = NOTE_CONTENT_TYPES.find((t) => t.contentType === type);
  const format = entry?.format ?? ALIASES[type];
  if (format === undefined) return undefined;
  const v = version?.trim();
  if (v === undefined || v === '' || entry === undefined || entry.versions.length === 0) return format;
  return entry.versions.includes(v) ? format : undefined;
}

/** True when this package reads and writes the content type (and version, when given). */
export function isNoteContentType(contentType: string, version?: string): boolean {
  return noteFormatOf(contentType, version) !== undefined;
}

/** The content type a format is written as. */
export function contentTypeOfNoteFormat(format: NoteFormat): string {
  return NOTE_CONTENT_TYPES.find((t) => t.format === format)!.contentType;
}

/** The family of a format: SIF-N is `sif`, every other note format `versit`. */
export function familyOfNoteFormat(format: NoteFormat): 'versit' | 'sif' {
  return format === 'sifn' ? 'sif' : 'versit';
}

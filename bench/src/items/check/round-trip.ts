import { type CanonicalRecord, parseItem, serializeItem } from '@syncds/formats';
import { firstAstDifference } from '../../codec/ast-diff.js';
import { BenchError } from '../../runner/errors.js';
import type { CorpusItem } from '../corpus/item-corpus.js';
import { ITEM_FORMAT_SPECS, type ItemFormatId } from '../item-formats.js';
import { KNOWN_ROUND_TRIP_ISSUES, type KnownRoundTripIssue } from './known-issues.js';

/** Reads one corpus item the way the engine does: its Meta Type and Meta Version, bytes in. */
export function parseCorpusItem(item: CorpusItem): CanonicalRecord {
  return item.version === undefined
    ? parseItem(item.bytes, item.contentType)
    : parseItem(item.bytes, item.contentType, { version: item.version });
}

/** Writes a record in `format` through `serializeItem`, with the format's content type and version. */
export function writeRecord(record: CanonicalRecord, format: ItemFormatId): Uint8Array {
  const { contentType, version } = ITEM_FORMAT_SPECS[format];
  return version === undefined
    ? serializeItem(record, contentType)
    : serializeItem(record, contentType, { version });
}

/** Reads bytes written by {@link writeRecord} back with the same content type and version. */
export function readWritten(bytes: Uint8Array, format: ItemFormatId): CanonicalRecord {
  const { contentType, version } = ITEM_FORMAT_SPECS[format];
  return version === undefined ? parseItem(bytes, contentType) : parseItem(bytes, contentType, { version });
}

/** The format a record says it was read from (`source` / `origin`), or null when it says none. */
export function recordFormat(record: CanonicalRecord): ItemFormatId | null {
  switch (record.kind) {
    case 'contact':
      return record.contact.source ?? null;
    case 'event':
    case 'task': {
      const origin = record.kind === 'event' ? record.event.origin : record.task.origin;
      if (origin === 'vcalendar') return 'vcalendar-1.0';
      if (origin === 'icalendar') return 'icalendar-2.0';
      if (origin === 'sif') return record.kind === 'event' ? 'sife' : 'sift';
      return null;
    }
    case 'note': {
      const origin = record.note.origin;
      if (origin === undefined) return null;
      return origin === 'vjournal-2.0' ? 'vjournal' : origin;
    }
  }
}

/**
 * A contact read from one vCard version, as it reads back after being written in another: the
 * `source` and the dialect of its kept properties name the version written. Other records are
 * returned unchanged (only vCard 4.0 is written as another format).
 */
export function relabelled(record: CanonicalRecord, to: ItemFormatId): CanonicalRecord {
  if (record.kind !== 'contact' || !to.startsWith('vcard-')) return record;
  const dialect = to as 'vcard-2.1' | 'vcard-3.0';
  const contact = record.contact;
  return {
    kind: 'contact',
    contact: {
      ...contact,
      source: dialect,
      extensions: contact.extensions.map((e) => (e.family === 'vcard' ? { ...e, dialect } : e)),
    },
  };
}

/** What the round trip of one record gave: the bytes written, and the known issue it showed, if any. */
export interface RoundTrip {
  readonly written: Uint8Array;
  readonly knownIssue: string | null;
}

/**
 * Writes `record` (read from `item`, of `format`) in the format's round-trip format and reads
 * it back: the result must equal the record, field by field (a field set to undefined equal to
 * an absent one), except for the labels of the version written (see {@link relabelled}). An
 * item of KNOWN_ROUND_TRIP_ISSUES must differ exactly at its known path. Throws BenchError
 * CHECK_FAILED for case `name`.
 */
export function checkRoundTrip(
  name: string,
  item: CorpusItem,
  format: ItemFormatId,
  record: CanonicalRecord,
  knownIssues: readonly KnownRoundTripIssue[] = KNOWN_ROUND_TRIP_ISSUES,
): RoundTrip {
  const via = ITEM_FORMAT_SPECS[format].roundTripVia;
  const written = writeRecord(record, via);
  const again = readWritten(written, via);
  const difference = firstAstDifference(again, relabelled(record, via));
  const known = knownIssues.find((k) => k.source === item.source);
  const how = via === format ? format : `${format} written as ${via}`;
  if (known === undefined) {
    if (difference !== null) {
      throw new BenchError(
        'CHECK_FAILED',
        `${item.source}: the round trip (${how}) differs: ${difference}`,
        name,
      );
    }
    return { written, knownIssue: null };
  }
  if (difference === null) {
    throw new BenchError(
      'CHECK_FAILED',
      `${item.source}: the known issue at ${known.path} no longer occurs; remove it from KNOWN_ROUND_TRIP_ISSUES`,
      name,
    );
  }
  if (!difference.startsWith(`${known.path}:`)) {
    throw new BenchError(
      'CHECK_FAILED',
      `${item.source}: the round trip (${how}) differs elsewhere than its known issue: ${difference}`,
      name,
    );
  }
  return { written, knownIssue: known.issue };
}

/** Throws BenchError CHECK_FAILED for case `name` when two records differ. */
export function checkSameRecord(actual: unknown, expected: unknown, name: string, what: string): void {
  const difference = firstAstDifference(actual, expected);
  if (difference !== null) throw new BenchError('CHECK_FAILED', `${what}: ${difference}`, name);
}

import { seededRandom, sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { NoteCodecError } from './errors.js';
import type { Note } from './model/note.js';
import { parseNote, serializeNote } from './note-codec.js';

const sample: Note = {
  subject: 'Plan',
  body: 'Plan\nstep 1; step 2, done\n€ ü',
  categories: ['Work'],
  modified: '2006-10-14T09:00:53Z',
  color: 3,
  top: 1,
  extensions: [],
};
const TYPES = ['text/x-s4j-sifn', 'text/x-vnote', 'text/calendar', 'text/plain'];
const encoder = new TextEncoder();
const corpus: Array<[string, Uint8Array]> = [
  ...sessionItems('sync4j_pocketpc_notes', 'client').map((i) => [i.type, i.bytes] as [string, Uint8Array]),
  ...TYPES.map((t) => [t, encoder.encode(serializeNote(sample, t))] as [string, Uint8Array]),
];

/** Parsing either succeeds or throws a NoteCodecError with a status: nothing else escapes. */
function parsesOrFailsTyped(type: string, bytes: Uint8Array): void {
  try {
    parseNote(bytes, type);
  } catch (error) {
    expect(error).toBeInstanceOf(NoteCodecError);
    expect([400, 413, 415]).toContain((error as NoteCodecError).status);
  }
}

describe('bad input never escapes as anything but NoteCodecError', () => {
  it('every truncation of every corpus item', () => {
    for (const [type, bytes] of corpus) {
      for (let end = 0; end <= bytes.length; end++) parsesOrFailsTyped(type, bytes.subarray(0, end));
    }
  });

  it('random byte changes (2 000 mutants)', () => {
    const next = seededRandom(20061014);
    for (let round = 0; round < 2000; round++) {
      const [type, original] = corpus[Math.floor(next() * corpus.length)]!;
      const bytes = original.slice();
      const changes = 1 + Math.floor(next() * 4);
      for (let c = 0; c < changes; c++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      parsesOrFailsTyped(type, bytes);
    }
  });

  it('each content type read as every other one', () => {
    for (const [, bytes] of corpus) for (const type of TYPES) parsesOrFailsTyped(type, bytes);
  });
});

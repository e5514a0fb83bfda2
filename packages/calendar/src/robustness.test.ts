import { seededRandom, sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { parseCalendarItem, serializeCalendarItem } from './codec.js';
import { CalendarCodecError } from './errors.js';
import type { CalendarItem } from './model/types.js';
import { expandOccurrences } from './recurrence/occurrences.js';

const CORPUS = [
  ...sessionItems('P900_tasksandcalendar'),
  ...sessionItems('synthesis_tasks'),
  ...sessionItems('sync4j_pocketpc_calendar'),
  ...sessionItems('funambol_outlook3015_calendar'),
];

const FRAGMENTS = [
  '\r\n',
  ':',
  ';',
  '=',
  '=C3',
  'T240000',
  'RRULE:W1 MO #3\r\n',
  'RRULE:FREQ=MONTHLY;BYDAY=-1FR\r\n',
  'TZ:+01\r\n',
  'DAYLIGHT:TRUE;+02;20080330T020000;20081026T030000;;\r\n',
  'EXDATE:20061224T000000Z\r\n',
  'BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\n',
  '<IsRecurring>1</IsRecurring><RecurrenceType>3</RecurrenceType><Instance>5</Instance><DayOfWeekMask>62</DayOfWeekMask>',
  '<Timezone><BasicOffset>-0500</BasicOffset></Timezone>',
  '<AllDayEvent>1</AllDayEvent>',
  '&amp;',
  '<',
  '\u00fc',
];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  switch (Math.floor(next() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
    case 1:
      return text.slice(0, at) + FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + text.slice(at);
    case 2:
      return text.slice(0, at);
    default: {
      const c = String.fromCharCode(Math.floor(next() * 128));
      return text.slice(0, at) + c + text.slice(at + 1);
    }
  }
}

const SEED = Number(process.env.CALENDAR_FUZZ_SEED ?? 20_240_601);

const TYPES = ['text/x-vcalendar', 'text/calendar', 'text/x-s4j-sife', 'text/x-s4j-sift'];

function expectOnlyOurErrors(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof CalendarCodecError)) throw error;
    expect([400, 413, 415]).toContain(error.status);
  }
}

describe('bad input never crashes', () => {
  it('mutated captures give a record or a CalendarCodecError, and every record can be written and read back', () => {
    const next = seededRandom(SEED);
    let parsed = 0;
    for (let i = 0; i < 1500; i++) {
      const source = CORPUS[i % CORPUS.length]!;
      let text = source.decoded;
      const rounds = 1 + Math.floor(next() * 3);
      for (let r = 0; r < rounds; r++) text = mutate(text, next);
      let item: CalendarItem | undefined;
      expectOnlyOurErrors(() => {
        item = parseCalendarItem(text, source.type);
      });
      if (!item) continue;
      parsed++;
      const record = item;
      expectOnlyOurErrors(() => {
        expandOccurrences(record, { limit: 20 });
      });
      for (const type of TYPES) {
        let written: string | undefined;
        expectOnlyOurErrors(() => {
          written = serializeCalendarItem(record, type);
        });
        // What this package writes, it reads.
        if (written !== undefined) parseCalendarItem(written, type);
      }
    }
    // Enough mutants survive parsing to exercise the writers too.
    expect(parsed).toBeGreaterThan(100);
  });

  it('random bytes are rejected with our error', () => {
    const next = seededRandom(7);
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 200) }, () => Math.floor(next() * 256));
      for (const type of TYPES) expectOnlyOurErrors(() => parseCalendarItem(bytes, type));
    }
  });
});

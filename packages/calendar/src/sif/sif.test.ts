import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionItems } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent, CalendarItem, CalendarTask } from '../model/types.js';
import { expandOccurrences } from '../recurrence/occurrences.js';
import { parseRRule } from '../recurrence/rule-text.js';
import { pick } from '../test-util/compare.test-util.js';
import { parseVCalendar, toVCalendar } from '../versit/vcalendar.js';
import { parseSif, parseSifE, parseSifT, toSifE, toSifT } from './sif.js';
import { rejects } from '../test-util/errors.test-util.js';

/** Fields SIF-E and vCalendar/iCalendar both hold. */
const EVENT_FIELDS = [
  'uid',
  'summary',
  'description',
  'location',
  'start',
  'end',
  'categories',
  'class',
  'priority',
  'alarms',
  'transparency',
  'busyStatus',
  'sequence',
  'lastModified',
  'attendees',
  'exceptionDates',
  'recurrenceDates',
] as const;

/** Fields SIF-T and vCalendar/iCalendar both hold. */
const TASK_FIELDS = [
  'uid',
  'summary',
  'description',
  'start',
  'due',
  'completed',
  'percentComplete',
  'status',
  'class',
  'priority',
  'categories',
  'alarms',
] as const;

const SIF_ITEMS = [
  ...sessionItems('sync4j_pocketpc_calendar'),
  ...sessionItems('funambol_outlook3015_calendar'),
];

function occurrences(item: CalendarItem): string[] {
  return expandOccurrences(item, { limit: 100 }).map((t) =>
    JSON.stringify(t.kind === 'zoned' ? [t.utc, t.local] : t),
  );
}

describe('Funambol Pocket PC and Outlook SIF-E items', () => {
  it('finds every captured item', () => {
    expect(SIF_ITEMS.map((i) => i.type)).toEqual(Array(16).fill('text/x-s4j-sife'));
  });

  it.each(SIF_ITEMS.map((i) => [i.source, i] as const))(
    '%s: parses and reads back the same from SIF',
    (_, captured) => {
      const item = parseSifE(captured.decoded);
      expect(item.origin).toBe('sif');
      const written = toSifE(item);
      expect(parseSif(written)).toEqual(item);
      expect(toSifE(parseSifE(written))).toBe(written);
    },
  );

  it.each(SIF_ITEMS.map((i) => [i.source, i] as const))(
    '%s: to vCalendar 1.0 / iCalendar 2.0 and back keeps every field both hold',
    (_, captured) => {
      const item = parseSifE(captured.decoded);
      for (const version of ['1.0', '2.0'] as const) {
        const versit = parseVCalendar(toVCalendar(item, version));
        expect(pick(versit, EVENT_FIELDS)).toEqual(pick(item, EVENT_FIELDS));
        expect(occurrences(versit)).toEqual(occurrences(item));
        const back = parseSifE(toSifE(versit as CalendarEvent));
        expect(pick(back, EVENT_FIELDS)).toEqual(pick(item, EVENT_FIELDS));
      }
    },
  );

  it('reads base64 packaging as sent on the wire', () => {
    const xml = readFileSync(
      join(process.env.SYNCDS_VECTORS ?? '', 'sessions/sync4j_pocketpc_calendar/syncml_client_11.xml'),
      'utf8',
    );
    const b64 = xml.slice(xml.lastIndexOf('<Data>') + 6, xml.lastIndexOf('</Data>'));
    expect(b64.startsWith('PD94bWwg')).toBe(true);
    expect(parseSif(b64)).toEqual(parseSif(Buffer.from(b64, 'base64')));
  });

  it('reads the Pocket PC appointment exactly, keeping what the model does not know', () => {
    const item = parseSifE(SIF_ITEMS[0]!.decoded);
    expect(item).toEqual({
      kind: 'event',
      summary: 'client1',
      description: 'Übersicht',
      location: 'Location',
      categories: ['Geschäftlich'],
      class: 'PUBLIC',
      start: { kind: 'utc', utc: '2006-10-18T03:30:00Z' },
      end: { kind: 'utc', utc: '2006-10-18T06:00:00Z' },
      busyStatus: 'FREE',
      transparency: 'TRANSPARENT',
      alarms: [{ action: 'AUDIO', attachment: 'reminder', trigger: { related: 'start', offset: -900 } }],
      extensions: [
        { type: 'element', format: 'sif', name: 'Categories', value: 'Geschäftlich' },
        { type: 'element', format: 'sif', name: 'Sensitivity', value: '0' },
        { type: 'element', format: 'sif', name: 'ReminderOptions', value: '13' },
      ],
      origin: 'sif',
    } satisfies CalendarEvent);
    expect(toSifE(item)).toContain('<ReminderOptions>13</ReminderOptions>');
  });

  it('keeps the Outlook elements the model does not know, and the inactive reminder', () => {
    const captured = SIF_ITEMS.find((i) =>
      i.source.endsWith('funambol_outlook3015_calendar/syncml_client_11.xml#0'),
    )!;
    const item = parseSifE(captured.decoded);
    expect(item.start).toEqual({ kind: 'date', date: '2007-01-01' });
    expect(item.end).toEqual({ kind: 'date', date: '2007-01-02' });
    expect(item.alarms).toBeUndefined();
    const written = toSifE(item);
    for (const element of [
      '<BillingInformation/>',
      '<Companies/>',
      '<MeetingStatus>0</MeetingStatus>',
      '<Mileage/>',
      '<ReminderMinutesBeforeStart>1080</ReminderMinutesBeforeStart>',
      '<ReplyTime/>',
      '<ReminderSet>0</ReminderSet>',
      '<Start>2007-01-01</Start><End>2007-01-01</End>',
    ]) {
      expect(written).toContain(element);
    }
  });
});

const RECURRING_SIFE = `<?xml version="1.0" encoding="UTF-8"?>
<appointment>
<SIFVersion>1.1</SIFVersion>
<AllDayEvent>0</AllDayEvent>
<Subject>Yoga</Subject>
<Start>20090306T170000Z</Start>
<End>20090306T180000Z</End>
<IsRecurring>1</IsRecurring>
<RecurrenceType>1</RecurrenceType>
<Interval>1</Interval>
<DayOfWeekMask>32</DayOfWeekMask>
<DayOfMonth>0</DayOfMonth>
<MonthOfYear>0</MonthOfYear>
<Instance>0</Instance>
<PatternStartDate>20090306T000000</PatternStartDate>
<NoEndDate>0</NoEndDate>
<Occurrences>5</Occurrences>
<PatternEndDate>20090403T000000</PatternEndDate>
<Exceptions><ExcludeDate>2009-03-20</ExcludeDate><IncludeDate/></Exceptions>
<ReminderSet>1</ReminderSet>
<ReminderMinutesBeforeStart>10</ReminderMinutesBeforeStart>
<Timezone><BasicOffset>+0100</BasicOffset><DayLight><DSTOffset>+0200</DSTOffset><DSTStart>20090329T020000</DSTStart><DSTEnd>20091025T030000</DSTEnd><StandardName/><DSTName/></DayLight></Timezone>
</appointment>`;

describe('SIF recurrence, exceptions and time zone', () => {
  it('reads a weekly Friday pattern in its Timezone, across the change to daylight time', () => {
    const item = parseSifE(RECURRING_SIFE);
    expect(item.start).toEqual({
      kind: 'zoned',
      utc: '2009-03-06T17:00:00Z',
      local: '2009-03-06T18:00:00',
      tzid: 'UTC+01:00/+02:00',
    });
    expect(item.recurrence).toEqual({ freq: 'WEEKLY', interval: 1, byDay: [{ day: 'FR' }], count: 5 });
    expect(item.exceptionDates).toEqual([
      { kind: 'zoned', utc: '2009-03-20T17:00:00Z', local: '2009-03-20T18:00:00', tzid: 'UTC+01:00/+02:00' },
    ]);
    expect(expandOccurrences(item).map((t) => (t.kind === 'zoned' ? t.utc : ''))).toEqual([
      '2009-03-06T17:00:00Z',
      '2009-03-13T17:00:00Z',
      '2009-03-27T17:00:00Z',
      '2009-04-03T16:00:00Z',
    ]);
    const vcal = toVCalendar(item, '1.0');
    expect(vcal).toContain('TZ:+01\r\nDAYLIGHT:TRUE;+02;20090329T020000;20091025T030000;;\r\n');
    expect(vcal).toContain('DTSTART:20090306T180000\r\n');
    expect(vcal).toContain('RRULE:W1 FR #5\r\n');
    expect(vcal).toContain('EXDATE:20090320T180000\r\n');
    expect(vcal).toContain('DALARM:20090306T175000\r\n');
    const ical = toVCalendar(item, '2.0');
    expect(ical).toContain('RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=FR\r\n');
    for (const text of [vcal, ical]) {
      const versit = parseVCalendar(text);
      expect(occurrences(versit)).toEqual(occurrences(item));
      const sif = toSifE(versit as CalendarEvent);
      expect(sif).toContain(
        '<IsRecurring>1</IsRecurring><RecurrenceType>1</RecurrenceType><Interval>1</Interval><DayOfWeekMask>32</DayOfWeekMask><DayOfMonth>0</DayOfMonth><MonthOfYear>0</MonthOfYear><Instance>0</Instance><PatternStartDate>20090306T000000</PatternStartDate><NoEndDate>0</NoEndDate><Occurrences>5</Occurrences><PatternEndDate>20090403T000000</PatternEndDate>',
      );
      expect(sif).toContain('<Exceptions><ExcludeDate>2009-03-20</ExcludeDate></Exceptions>');
      expect(sif).toContain(
        '<ReminderSet>1</ReminderSet><ReminderMinutesBeforeStart>10</ReminderMinutesBeforeStart>',
      );
      expect(occurrences(parseSifE(sif))).toEqual(occurrences(item));
    }
  });

  it('reads an all-day recurrence with its end date and keeps the dates', () => {
    const text = RECURRING_SIFE.replace('<AllDayEvent>0</AllDayEvent>', '<AllDayEvent>1</AllDayEvent>')
      .replace('<Start>20090306T170000Z</Start>', '<Start>2009-03-06</Start>')
      .replace('<End>20090306T180000Z</End>', '<End>2009-03-06</End>')
      .replace('<Occurrences>5</Occurrences>', '');
    const item = parseSifE(text);
    expect(item.start).toEqual({ kind: 'date', date: '2009-03-06' });
    expect(item.recurrence?.until).toEqual({ kind: 'date', date: '2009-04-03' });
    expect(expandOccurrences(item)).toEqual([
      { kind: 'date', date: '2009-03-06' },
      { kind: 'date', date: '2009-03-13' },
      { kind: 'date', date: '2009-03-27' },
      { kind: 'date', date: '2009-04-03' },
    ]);
    expect(toVCalendar(item, '1.0')).toContain('RRULE:W1 FR 20090403T000000\r\nEXDATE:20090320T000000\r\n');
  });

  it("runs a rule on the device's clock: an Outlook mask is local, UTC times are not", () => {
    // Wednesday 00:30 in UTC+2 is Tuesday 22:30 UTC; PatternStartDate tells the offset.
    const text = `<appointment><Subject>Late</Subject><Start>20061017T223000Z</Start><End>20061017T230000Z</End>
      <IsRecurring>1</IsRecurring><RecurrenceType>1</RecurrenceType><Interval>1</Interval><DayOfWeekMask>8</DayOfWeekMask>
      <PatternStartDate>20061017T220000Z</PatternStartDate><NoEndDate>0</NoEndDate><Occurrences>2</Occurrences></appointment>`;
    const item = parseSifE(text);
    expect(item.start).toEqual({
      kind: 'zoned',
      utc: '2006-10-17T22:30:00Z',
      local: '2006-10-18T00:30:00',
      tzid: 'UTC+02:00',
    });
    expect(expandOccurrences(item).map((t) => (t.kind === 'zoned' ? t.utc : ''))).toEqual([
      '2006-10-17T22:30:00Z',
      '2006-10-24T22:30:00Z',
    ]);
    const onDevice = parseSifE(text, { deviceTimeZone: 'Europe/Berlin' });
    expect(expandOccurrences(onDevice).map((t) => (t.kind === 'zoned' ? t.utc : ''))).toEqual([
      '2006-10-17T22:30:00Z',
      '2006-10-24T22:30:00Z',
    ]);
    expect(onDevice.start).toMatchObject({ tzid: 'Europe/Berlin' });
  });

  it('reads an all-day event sent as UTC date-times without shifting it', () => {
    const item = parseSifE(
      '<appointment><AllDayEvent>1</AllDayEvent><Start>20061231T230000Z</Start><End>20070101T225900Z</End></appointment>',
    );
    expect(item.start).toEqual({ kind: 'date', date: '2007-01-01' });
    expect(item.end).toEqual({ kind: 'date', date: '2007-01-02' });
    const west = parseSifE(
      '<appointment><AllDayEvent>1</AllDayEvent><Start>20070101T080000Z</Start><End>20070102T080000Z</End></appointment>',
    );
    expect(west.start).toEqual({ kind: 'date', date: '2007-01-01' });
    expect(west.end).toEqual({ kind: 'date', date: '2007-01-02' });
  });

  it('refuses rules Outlook cannot hold', () => {
    const item = parseSifE(RECURRING_SIFE);
    const weekNo: CalendarEvent = { ...item, recurrence: parseRRule('FREQ=YEARLY;BYWEEKNO=20') };
    expect(rejects(() => toSifE(weekNo))).toMatchObject({ code: 'UNSUPPORTED_RULE', status: 415 });
  });
});

const SIFT = `<?xml version="1.0" encoding="UTF-8"?>
<task>
<SIFVersion>1.1</SIFVersion>
<ActualWork>120</ActualWork>
<Body>Call the bank&#13;
about the account</Body>
<Categories>Business, Personal</Categories>
<Complete>1</Complete>
<DateCompleted>2009-10-13</DateCompleted>
<DueDate>2009-10-14</DueDate>
<Importance>2</Importance>
<IsRecurring>0</IsRecurring>
<PercentComplete>100</PercentComplete>
<ReminderSet>1</ReminderSet>
<ReminderSoundFile>C:\\ding.wav</ReminderSoundFile>
<ReminderTime>20091014T080000</ReminderTime>
<Sensitivity>1</Sensitivity>
<StartDate>2009-10-12</StartDate>
<Status>2</Status>
<Subject>Bank &amp; co</Subject>
<TeamTask>0</TeamTask>
</task>`;

describe('SIF-T tasks', () => {
  it('reads a task exactly', () => {
    const task = parseSifT(SIFT);
    expect(task).toEqual({
      kind: 'task',
      start: { kind: 'date', date: '2009-10-12' },
      due: { kind: 'date', date: '2009-10-14' },
      completed: { kind: 'date', date: '2009-10-13' },
      status: 'COMPLETED',
      percentComplete: 100,
      summary: 'Bank & co',
      description: 'Call the bank\nabout the account',
      categories: ['Business', 'Personal'],
      class: 'PRIVATE',
      priority: 1,
      alarms: [
        { action: 'AUDIO', attachment: 'C:\\ding.wav', trigger: { related: 'end', offset: 8 * 3600 } },
      ],
      // The spelling of elements the model reads is kept first, for writing it back the same.
      extensions: [
        { type: 'element', format: 'sif', name: 'Categories', value: 'Business, Personal' },
        { type: 'element', format: 'sif', name: 'Sensitivity', value: '1' },
        { type: 'element', format: 'sif', name: 'Status', value: '2' },
        { type: 'element', format: 'sif', name: 'ActualWork', value: '120' },
        { type: 'element', format: 'sif', name: 'TeamTask', value: '0' },
      ],
      origin: 'sif',
    } satisfies CalendarTask);
  });

  it('writes it back the same, Outlook\'s "personal" sensitivity included while the class is private', () => {
    const task = parseSifT(SIFT);
    const written = toSifT(task);
    expect(parseSifT(written)).toEqual(task);
    expect(written).toContain('<Sensitivity>1</Sensitivity>');
    expect(written).toContain('<ReminderTime>20091014T080000</ReminderTime>');
    expect(written).toContain('<Body>Call the bank\r\nabout the account</Body>');
    expect(toSifT({ ...task, class: 'PUBLIC' })).toContain('<Sensitivity>0</Sensitivity>');
  });

  it('to vCalendar / iCalendar and back keeps every field both hold', () => {
    const task = parseSifT(SIFT);
    for (const version of ['1.0', '2.0'] as const) {
      const versit = parseVCalendar(toVCalendar(task, version));
      expect(pick(versit, TASK_FIELDS)).toEqual({
        ...pick(task, TASK_FIELDS),
        // COMPLETED is a UTC date-time in Versit: the day is kept at UTC midnight.
        completed: { kind: 'utc', utc: '2009-10-13T00:00:00Z' },
      });
      const back = parseSifT(toSifT(versit as CalendarTask));
      expect(pick(back, TASK_FIELDS)).toEqual({ ...pick(task, TASK_FIELDS), completed: back.completed });
      expect(toSifT(versit as CalendarTask)).toContain('<DateCompleted>20091013T000000Z</DateCompleted>');
    }
  });
});

describe('SIF errors', () => {
  it.each([
    ['not XML nor base64', 'hello world!', 'INVALID_XML', 400],
    ['broken XML', '<appointment><Subject>x</Subjec></appointment>', 'INVALID_XML', 400],
    ['a contact', '<contact><FirstName>A</FirstName></contact>', 'MISSING_COMPONENT', 400],
    ['an invalid date', '<appointment><Start>20061332T000000Z</Start></appointment>', 'INVALID_DATE', 400],
    [
      'an unknown RecurrenceType',
      '<appointment><Start>20061030T000000Z</Start><IsRecurring>1</IsRecurring><RecurrenceType>4</RecurrenceType></appointment>',
      'UNSUPPORTED_RULE',
      415,
    ],
    ['a bad number', '<task><Status>done</Status></task>', 'INVALID_VALUE', 400],
    [
      'a bad offset',
      '<appointment><Timezone><BasicOffset>+99</BasicOffset></Timezone></appointment>',
      'INVALID_TIMEZONE',
      400,
    ],
  ])('%s', (_, text, code, status) => {
    expect(rejects(() => parseSif(text))).toMatchObject({ code, status });
  });

  it('names the element and offset of a bad value', () => {
    const error = rejects(() =>
      parseSif('<appointment><Subject>x</Subject><Start>2006-13-01</Start></appointment>'),
    );
    expect(error).toMatchObject({ code: 'INVALID_DATE', element: 'appointment/Start', offset: 33 });
  });

  it('enforces the size and element limits', () => {
    const big = `<appointment><Body>${'x'.repeat(2000)}</Body></appointment>`;
    expect(rejects(() => parseSif(big, { maxItemBytes: 1000 }))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      status: 413,
    });
    const many = `<appointment>${'<X-A>1</X-A>'.repeat(50)}</appointment>`;
    expect(rejects(() => parseSif(many, { maxProperties: 20 }))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      status: 413,
    });
    expect(rejects(() => parseSifE(SIFT))).toMatchObject({ code: 'MISSING_COMPONENT' });
  });
});

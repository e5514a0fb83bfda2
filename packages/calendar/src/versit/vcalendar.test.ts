import { sessionItems, sessionLogObjects } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { parseCalendarItem } from '../codec.js';
import type { CalendarEvent, CalendarItem, CalendarTask } from '../model/types.js';
import { expandOccurrences } from '../recurrence/occurrences.js';
import { parseSif, toSifE, toSifT } from '../sif/sif.js';
import { pick } from '../test-util/compare.test-util.js';
import { lines } from '../test-util/lines.test-util.js';
import { parseVCalendar, toVCalendar } from './vcalendar.js';

/** Fields SIF-E and vCalendar 1.0 both hold (status is not a SIF-E field; busy status only SIF). */
const EVENT_FIELDS_SIF = [
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
  'sequence',
  'lastModified',
  'exceptionDates',
] as const;

/** Fields SIF-T and vCalendar 1.0 both hold. */
const TASK_FIELDS_SIF = [
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
  'sequence',
  'lastModified',
  'exceptionDates',
] as const;

/** Fields iCalendar 2.0 and vCalendar 1.0 both hold (event STATUS values differ: checked separately). */
const VERSIT_FIELDS = [
  'uid',
  'summary',
  'description',
  'location',
  'start',
  'end',
  'due',
  'completed',
  'categories',
  'class',
  'priority',
  'organizer',
  'attendees',
  'alarms',
  'transparency',
  'busyStatus',
  'sequence',
  'created',
  'lastModified',
  'exceptionDates',
  'recurrenceDates',
] as const;

function viaSif(item: CalendarItem): CalendarItem {
  return parseSif(item.kind === 'event' ? toSifE(item) : toSifT(item));
}

function occurrenceInstants(item: CalendarItem): unknown[] {
  return expandOccurrences(item, { limit: 50 }).map((t) =>
    t.kind === 'zoned' || t.kind === 'utc' ? t.utc : t,
  );
}

// The session's items, then the vCalendars Horde logged in its data.txt (LF line ends).
const P900 = [
  ...sessionItems('P900_tasksandcalendar'),
  ...sessionLogObjects('P900_tasksandcalendar').map((logged) => ({
    source: logged.source,
    type: 'text/x-vcalendar',
    decoded: logged.text,
  })),
];
const SYNTHESIS = sessionItems('synthesis_tasks');

describe('Sony Ericsson P900 and Synthesis vCalendar 1.0 items', () => {
  it('finds every captured item', () => {
    expect(P900).toHaveLength(45);
    expect(SYNTHESIS).toHaveLength(6);
  });

  it.each([...P900, ...SYNTHESIS].map((i) => [i.source, i] as const))(
    '%s: parses, and reads back the same from its own format',
    (_, captured) => {
      const item = parseCalendarItem(captured.decoded, captured.type);
      expect(item.origin).toBe('vcalendar');
      const written = toVCalendar(item, '1.0');
      const again = parseVCalendar(written);
      expect(again).toEqual(item);
      expect(toVCalendar(again, '1.0')).toBe(written);
    },
  );

  it.each([...P900, ...SYNTHESIS].map((i) => [i.source, i] as const))(
    '%s: to SIF and back keeps every field both hold',
    (_, captured) => {
      const item = parseCalendarItem(captured.decoded, captured.type);
      const fields = item.kind === 'event' ? EVENT_FIELDS_SIF : TASK_FIELDS_SIF;
      const viaSifItem = viaSif(item);
      expect(pick(viaSifItem, fields)).toEqual(pick(item, fields));
      expect(occurrenceInstants(viaSifItem)).toEqual(occurrenceInstants(item));
      // ... and back to vCalendar 1.0
      const back = parseVCalendar(toVCalendar(viaSifItem, '1.0'));
      expect(pick(back, fields)).toEqual(pick(item, fields));
    },
  );

  it.each([...P900, ...SYNTHESIS].map((i) => [i.source, i] as const))(
    '%s: to iCalendar 2.0 and back keeps every field both hold',
    (_, captured) => {
      const item = parseCalendarItem(captured.decoded, captured.type);
      const ical = toVCalendar(item, '2.0');
      expect(ical).toContain('VERSION:2.0');
      const viaIcal = parseVCalendar(ical);
      expect(pick(viaIcal, VERSIT_FIELDS)).toEqual(pick(item, VERSIT_FIELDS));
      if (item.kind === 'task') expect(viaIcal.status).toBe(item.status);
      const back = parseVCalendar(toVCalendar(viaIcal, '1.0'));
      expect(pick(back, VERSIT_FIELDS)).toEqual(pick(item, VERSIT_FIELDS));
    },
  );

  it('reads the P900 event with its EPOC alarm exactly', () => {
    const item = parseCalendarItem(P900[0]!.decoded, 'text/calendar');
    expect(item).toEqual({
      kind: 'event',
      uid: '667',
      summary: 'client1 12-1',
      start: { kind: 'utc', utc: '2006-12-22T11:00:00Z' },
      end: { kind: 'utc', utc: '2006-12-22T12:00:00Z' },
      class: 'PUBLIC',
      status: 'NEEDS-ACTION',
      created: '2006-12-21T23:00:00Z',
      lastModified: '2006-12-22T20:50:00Z',
      alarms: [
        {
          action: 'AUDIO',
          trigger: { related: 'start', offset: -600 },
          repeat: 0,
          attachment: 'c:\\system\\data\\themes\\sound\\Reminder\\Classical.mp3',
          attachmentType: 'X-EPOCSOUND',
        },
      ],
      extensions: [
        {
          type: 'property',
          format: 'vcalendar',
          scope: 'component',
          name: 'X-EPOCAGENDAENTRYTYPE',
          params: [],
          value: 'APPOINTMENT',
        },
      ],
      origin: 'vcalendar',
    } satisfies CalendarEvent);
    // The alarm goes back to a vCalendar device exactly as it came.
    expect(toVCalendar(item, '1.0')).toContain(
      'AALARM;TYPE=X-EPOCSOUND:20061222T105000Z;;0;c:\\system\\data\\themes\\sound\\Reminder\\Classical.mp3\r\n',
    );
  });

  it('reads the P900 all-day event (T000000Z to T240000Z) as one date, and quoted-printable UTF-8', () => {
    const item = parseCalendarItem(P900[1]!.decoded, 'text/calendar') as CalendarEvent;
    expect(item.start).toEqual({ kind: 'date', date: '2006-12-25' });
    expect(item.end).toEqual({ kind: 'date', date: '2006-12-26' });
    expect(item.description).toBe('uumlaut: ü');
    expect(toSifE(item)).toContain(
      '<AllDayEvent>1</AllDayEvent><Start>2006-12-25</Start><End>2006-12-25</End>',
    );
    expect(toVCalendar(item, '2.0')).toContain(
      'DTSTART;VALUE=DATE:20061225\r\nDTEND;VALUE=DATE:20061226\r\n',
    );
  });

  it('reads the P900 task', () => {
    const item = parseCalendarItem(P900[2]!.decoded, 'text/calendar') as CalendarTask;
    expect(
      pick(item, ['kind', 'uid', 'summary', 'description', 'status', 'class', 'categories', 'created']),
    ).toEqual({
      kind: 'task',
      uid: '679',
      summary: 'clienttask1',
      description: 'Aumlaut: Ä',
      status: 'NEEDS-ACTION',
      class: 'PUBLIC',
      categories: ['X-65536'],
      created: '2006-12-21T23:00:00Z',
    });
    expect(item.priority).toBe(1);
    expect(toSifT(item)).toContain('<Status>0</Status>');
    expect(toSifT(item)).toContain('<Importance>2</Importance>');
  });

  it('reads the Horde server items: floating all-day (T000000 to T235959), ORGANIZER, calendar-level extensions', () => {
    const item = P900.find((i) => i.source.endsWith('syncml_server_21.xml#1'))!;
    const event = parseCalendarItem(item.decoded, item.type) as CalendarEvent;
    expect(event.start).toEqual({ kind: 'date', date: '2006-12-25' });
    expect(event.end).toEqual({ kind: 'date', date: '2006-12-26' });
    expect(event.organizer).toEqual({ email: 'syncmltest', name: 'syncmltest' });
    expect(event.transparency).toBe('OPAQUE');
    expect(
      event.extensions?.filter((e) => e.format !== 'sif' && e.scope === 'calendar').map((e) => e.name),
    ).toEqual(['X-WR-CALNAME', 'METHOD']);
    const task = SYNTHESIS.find((i) => i.source.endsWith('syncml_server_21.xml#1'))!;
    const todo = parseCalendarItem(task.decoded, task.type) as CalendarTask;
    expect(todo.start).toEqual({ kind: 'utc', utc: '2007-12-01T23:00:00Z' });
    expect(todo.due).toEqual({ kind: 'floating', local: '2007-12-05T00:00:00' });
  });
});

const WEEKLY = lines(
  'BEGIN:VCALENDAR',
  'VERSION:1.0',
  'TZ:+01',
  'DAYLIGHT:TRUE;+02;20080330T020000;20081026T030000;CET;CEST',
  'BEGIN:VEVENT',
  'UID:weekly-1',
  'SUMMARY:Team meeting',
  'DTSTART:20080310T090000',
  'DTEND:20080310T100000',
  'RRULE:W1 MO TH #4',
  'EXDATE:20080313T090000',
  'AALARM:20080310T084500;PT5M;2;beep.wav',
  'END:VEVENT',
  'END:VCALENDAR',
);

describe('weekly recurrence with an alarm, vCalendar 1.0 -> iCalendar 2.0 -> vCalendar 1.0', () => {
  it('keeps the instants (across the daylight-saving change), the rule, the exception and the alarm', () => {
    const original = parseVCalendar(WEEKLY) as CalendarEvent;
    expect(original.start).toEqual({
      kind: 'zoned',
      utc: '2008-03-10T08:00:00Z',
      local: '2008-03-10T09:00:00',
      tzid: 'CET/CEST',
    });
    expect(original.recurrence).toEqual({
      freq: 'WEEKLY',
      interval: 1,
      byDay: [{ day: 'MO' }, { day: 'TH' }],
      count: 8,
    });
    expect(original.alarms).toEqual([
      {
        action: 'AUDIO',
        trigger: { related: 'start', offset: -900 },
        snooze: 300,
        repeat: 2,
        attachment: 'beep.wav',
      },
    ]);
    const expected = [
      '2008-03-10T08:00:00Z',
      '2008-03-17T08:00:00Z',
      '2008-03-20T08:00:00Z',
      '2008-03-24T08:00:00Z',
      '2008-03-27T08:00:00Z',
      // From 30 March daylight time: the meeting stays at 09:00 local, an hour earlier in UTC.
      '2008-03-31T07:00:00Z',
      '2008-04-03T07:00:00Z',
    ];
    expect(occurrenceInstants(original)).toEqual(expected);

    const ical = toVCalendar(original, '2.0');
    expect(ical).toContain('DTSTART;TZID=CET/CEST:20080310T090000\r\n');
    expect(ical).toContain('RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO,TH\r\n');
    expect(ical).toContain('EXDATE;TZID=CET/CEST:20080313T090000\r\n');
    expect(ical).toContain(
      'BEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER:-PT15M\r\nATTACH:beep.wav\r\nDURATION:PT5M\r\nREPEAT:2\r\nEND:VALARM',
    );
    expect(ical).toContain('RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n');
    const viaIcal = parseVCalendar(ical) as CalendarEvent;
    expect(occurrenceInstants(viaIcal)).toEqual(expected);

    const vcal = toVCalendar(viaIcal, '1.0');
    expect(vcal).toContain('RRULE:W1 MO TH #4\r\n');
    expect(vcal).toContain('AALARM:20080310T084500;PT5M;2;beep.wav\r\n');
    expect(vcal).toContain('EXDATE:20080313T090000\r\n');
    const back = parseVCalendar(vcal) as CalendarEvent;
    expect(occurrenceInstants(back)).toEqual(expected);
    expect(back.recurrence).toEqual(original.recurrence);
    expect(back.alarms).toEqual(original.alarms);
    expect(back.exceptionDates).toEqual(original.exceptionDates);
  });

  it('keeps the instants of a UTC-written weekly event the same way, through SIF too', () => {
    const utc = lines(
      'BEGIN:VCALENDAR',
      'VERSION:1.0',
      'BEGIN:VEVENT',
      'DTSTART:20080310T080000Z',
      'DTEND:20080310T090000Z',
      'RRULE:W2 MO 20080505T080000Z',
      'EXDATE:20080407T080000Z',
      'DALARM:20080310T075000Z;;;Wake up',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    const original = parseVCalendar(utc);
    const expected = [
      '2008-03-10T08:00:00Z',
      '2008-03-24T08:00:00Z',
      '2008-04-21T08:00:00Z',
      '2008-05-05T08:00:00Z',
    ];
    expect(occurrenceInstants(original)).toEqual(expected);
    const back = parseVCalendar(toVCalendar(parseVCalendar(toVCalendar(original, '2.0')), '1.0'));
    expect(back).toEqual({ ...original, origin: 'vcalendar' });
    const sif = viaSif(original);
    expect(occurrenceInstants(sif)).toEqual(expected);
    expect(sif.alarms).toEqual([{ action: 'DISPLAY', trigger: { related: 'start', offset: -600 } }]);
  });
});

describe('all-day events never shift', () => {
  const forms: Array<[string, string, string]> = [
    ['date only', 'DTSTART:20070101', 'DTEND:20070101'],
    ['date only, exclusive end', 'DTSTART:20070101', 'DTEND:20070102'],
    ['local midnight to 23:59:59', 'DTSTART:20070101T000000', 'DTEND:20070101T235959'],
    ['local midnight to next midnight', 'DTSTART:20070101T000000', 'DTEND:20070102T000000'],
    ['UTC midnight to T240000Z (P900)', 'DTSTART:20070101T000000Z', 'DTEND:20070101T240000Z'],
    ['local midnight to 23:59', 'DTSTART:20070101T000000', 'DTEND:20070101T235900'],
  ];

  it.each(forms)('%s is the one day 2007-01-01, whatever the device zone', (_, start, end) => {
    for (const deviceTimeZone of [undefined, 'Pacific/Auckland', 'America/Los_Angeles']) {
      const item = parseVCalendar(
        lines(
          'BEGIN:VCALENDAR',
          'VERSION:1.0',
          'BEGIN:VEVENT',
          start,
          end,
          'SUMMARY:New year',
          'END:VEVENT',
          'END:VCALENDAR',
        ),
        { deviceTimeZone },
      ) as CalendarEvent;
      expect(item.start).toEqual({ kind: 'date', date: '2007-01-01' });
      expect(item.end).toEqual({ kind: 'date', date: '2007-01-02' });
      expect(toSifE(item)).toContain(
        '<AllDayEvent>1</AllDayEvent><Start>2007-01-01</Start><End>2007-01-01</End>',
      );
      expect(toVCalendar(item, '2.0')).toContain(
        'DTSTART;VALUE=DATE:20070101\r\nDTEND;VALUE=DATE:20070102\r\n',
      );
    }
  });

  it('writes the chosen vCalendar 1.0 all-day style', () => {
    const item = parseVCalendar(
      forms[0]![1] &&
        lines(
          'BEGIN:VCALENDAR',
          'VERSION:1.0',
          'BEGIN:VEVENT',
          'DTSTART:20070101',
          'DTEND:20070103',
          'END:VEVENT',
          'END:VCALENDAR',
        ),
    );
    expect(toVCalendar(item, '1.0')).toContain('DTSTART:20070101T000000\r\nDTEND:20070103T000000\r\n');
    expect(toVCalendar(item, '1.0', { vcalAllDay: 'end-of-day' })).toContain(
      'DTSTART:20070101T000000\r\nDTEND:20070102T235959\r\n',
    );
    expect(toVCalendar(item, '1.0', { vcalAllDay: 'date' })).toContain(
      'DTSTART:20070101\r\nDTEND:20070103\r\n',
    );
    for (const vcalAllDay of ['midnight', 'end-of-day', 'date'] as const) {
      expect(parseVCalendar(toVCalendar(item, '1.0', { vcalAllDay }))).toEqual(item);
    }
  });

  it('keeps a timed 24-hour event that does not start at midnight timed', () => {
    const item = parseVCalendar(
      lines(
        'BEGIN:VCALENDAR',
        'VERSION:1.0',
        'BEGIN:VEVENT',
        'DTSTART:20070101T080000',
        'DTEND:20070102T080000',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
    ) as CalendarEvent;
    expect(item.start).toEqual({ kind: 'floating', local: '2007-01-01T08:00:00' });
  });

  it('does not guess when asked not to', () => {
    const item = parseVCalendar(
      lines(
        'BEGIN:VCALENDAR',
        'VERSION:1.0',
        'BEGIN:VEVENT',
        'DTSTART:20070101T000000',
        'DTEND:20070102T000000',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
      { detectAllDay: false },
    ) as CalendarEvent;
    expect(item.start).toEqual({ kind: 'floating', local: '2007-01-01T00:00:00' });
  });
});

describe('vCalendar 1.0 time zones', () => {
  it.each([
    // Europe: 02:30 is skipped on 30 March (read with the offset before the gap) and occurs twice on 26 October (the first).
    [
      'TZ:+01',
      'DAYLIGHT:TRUE;+02;20080330T020000;20081026T030000;CET;CEST',
      '20080330T023000',
      '2008-03-30T01:30:00Z',
    ],
    [
      'TZ:+01',
      'DAYLIGHT:TRUE;+02;20080330T020000;20081026T030000;CET;CEST',
      '20081026T023000',
      '2008-10-26T00:30:00Z',
    ],
    // US: 02:30 is skipped on 9 March, 01:30 occurs twice on 2 November.
    [
      'TZ:-05',
      'DAYLIGHT:TRUE;-04;20080309T020000;20081102T020000;EST;EDT',
      '20080309T023000',
      '2008-03-09T07:30:00Z',
    ],
    [
      'TZ:-05',
      'DAYLIGHT:TRUE;-04;20080309T020000;20081102T020000;EST;EDT',
      '20081102T013000',
      '2008-11-02T05:30:00Z',
    ],
  ])('%s %s: %s local is %s', (tz, daylight, local, utc) => {
    const text = lines(
      'BEGIN:VCALENDAR',
      'VERSION:1.0',
      tz,
      daylight,
      'BEGIN:VEVENT',
      `DTSTART:${local}`,
      'END:VEVENT',
      'END:VCALENDAR',
    );
    const item = parseVCalendar(text) as CalendarEvent;
    expect(item.start).toMatchObject({ kind: 'zoned', utc });
    for (const version of ['1.0', '2.0'] as const) {
      expect((parseVCalendar(toVCalendar(item, version)) as CalendarEvent).start).toMatchObject({ utc });
    }
    expect(toSifE(item)).toContain(`<Start>${utc.replace(/[-:]/g, '')}</Start>`);
  });

  it('pins UTC times of a device to its zone when asked (deviceTimeZone)', () => {
    const item = parseCalendarItem(P900[4]!.decoded, 'text/calendar', {
      deviceTimeZone: 'Europe/Berlin',
    }) as CalendarEvent;
    expect(item.start).toEqual({
      kind: 'zoned',
      utc: '2007-01-02T05:00:00Z',
      local: '2007-01-02T06:00:00',
      tzid: 'Europe/Berlin',
    });
    expect(item.timeZones).toEqual([{ tzid: 'Europe/Berlin', observances: [] }]);
    expect(toVCalendar(item, '1.0')).toContain('DTSTART:20070102T050000Z\r\n');
  });

  it('writes TZ and DAYLIGHT with local times on request, and reads them back to the same instants', () => {
    const item = parseVCalendar(WEEKLY);
    const local = toVCalendar(item, '1.0', { vcalTimes: 'local', daylightYears: 2 });
    // The rule ends in April 2008: one DAYLIGHT line is all it needs.
    expect(local).toContain(
      'VERSION:1.0\r\nTZ:+01\r\nDAYLIGHT:TRUE;+02;20080330T020000;20081026T030000;CET;CEST\r\nBEGIN:VEVENT',
    );
    const endless = {
      ...item,
      recurrence: { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }] },
    } as CalendarEvent;
    expect(toVCalendar(endless, '1.0', { daylightYears: 2 })).toContain(
      'TZ:+01\r\nDAYLIGHT:TRUE;+02;20080330T020000;20081026T030000;CET;CEST\r\nDAYLIGHT:TRUE;+02;20090329T020000;20091025T030000;CET;CEST\r\nBEGIN:VEVENT',
    );
    expect(local).toContain('DTSTART:20080310T090000\r\n');
    const utc = toVCalendar(item, '1.0', { vcalTimes: 'utc' });
    expect(utc).not.toContain('TZ:');
    expect(utc).toContain('DTSTART:20080310T080000Z\r\n');
    expect(occurrenceInstants(parseVCalendar(local))).toEqual(occurrenceInstants(item));
    // UTC times say nothing about the device's clock: read on UTC, the rule keeps the UTC time
    // after the daylight-saving change; read on the device's zone, it keeps the wall time.
    expect(occurrenceInstants(parseVCalendar(utc)).slice(-2)).toEqual([
      '2008-03-31T08:00:00Z',
      '2008-04-03T08:00:00Z',
    ]);
    expect(occurrenceInstants(parseVCalendar(utc, { deviceTimeZone: 'Europe/Berlin' }))).toEqual(
      occurrenceInstants(item),
    );
    // Which is why a recurring zoned item is written with local times by default.
    expect(toVCalendar(item, '1.0')).toBe(toVCalendar(item, '1.0', { vcalTimes: 'local' }));
  });
});

describe('alarm run times as durations (Synthesis clients)', () => {
  const item = [
    'BEGIN:VCALENDAR',
    'VERSION:1.0',
    'TZ:+01:00',
    'DAYLIGHT:TRUE;+02;20260329T010000Z;20261025T010000Z;MEZ;MESZ',
    'BEGIN:VEVENT',
    'UID:weekly-standup@syncds',
    'SUMMARY:Weekly standup',
    'DTSTART:20260302T083000Z',
    'RRULE:W1 MO 20260504T073000Z',
    'DTEND:20260302T090000Z',
    'AALARM:-PT15M;;;Standup',
    'DALARM:-PT15M;;;Standup',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

  it('-PT15M is 15 minutes before the start, and stays relative in iCalendar', () => {
    const event = parseCalendarItem(item, 'text/x-vcalendar') as CalendarEvent;
    expect(event.alarms?.map((a) => [a.action, a.trigger])).toEqual([
      ['AUDIO', { related: 'start', offset: -900 }],
      ['DISPLAY', { related: 'start', offset: -900 }],
    ]);
    const ical = toVCalendar(event, '2.0');
    expect(ical).toMatch(/TRIGGER(;RELATED=START)?:-PT15M/);
  });
});

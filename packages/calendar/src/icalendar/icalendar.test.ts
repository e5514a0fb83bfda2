import { describe, expect, it } from 'vitest';
import { CalendarCodecError } from '../errors.js';
import type { CalendarEvent, CalendarTask } from '../model/types.js';
import { expandOccurrences } from '../recurrence/occurrences.js';
import { toSifE } from '../sif/sif.js';
import { lines } from '../test-util/lines.test-util.js';
import { parseVCalendar, toVCalendar } from '../versit/vcalendar.js';

const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const NEW_YORK_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:(UTC-05:00) Eastern Time (US & Canada)',
  'BEGIN:STANDARD',
  'DTSTART:16011104T020000',
  'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010311T020000',
  'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

function event(zone: string[], ...props: string[]): string {
  return lines(
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    ...zone,
    'BEGIN:VEVENT',
    'UID:e1',
    ...props,
    'END:VEVENT',
    'END:VCALENDAR',
  );
}

describe('iCalendar 2.0 times at daylight-saving boundaries', () => {
  const cases: Array<[string, string[], string, string]> = [
    // Europe: 02:30 does not exist on 30 March 2008 (read with the offset before the gap) and
    // occurs twice on 26 October 2008 (the first, daylight-time one).
    [
      'Europe, VTIMEZONE, spring gap',
      BERLIN_VTIMEZONE,
      'DTSTART;TZID=Europe/Berlin:20080330T023000',
      '2008-03-30T01:30:00Z',
    ],
    [
      'Europe, VTIMEZONE, autumn overlap',
      BERLIN_VTIMEZONE,
      'DTSTART;TZID=Europe/Berlin:20081026T023000',
      '2008-10-26T00:30:00Z',
    ],
    [
      'Europe, IANA name, spring gap',
      [],
      'DTSTART;TZID=Europe/Berlin:20080330T023000',
      '2008-03-30T01:30:00Z',
    ],
    [
      'Europe, IANA name, autumn overlap',
      [],
      'DTSTART;TZID=Europe/Berlin:20081026T023000',
      '2008-10-26T00:30:00Z',
    ],
    [
      'US, Outlook VTIMEZONE, spring gap',
      NEW_YORK_VTIMEZONE,
      'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20080309T023000',
      '2008-03-09T07:30:00Z',
    ],
    [
      'US, Outlook VTIMEZONE, autumn overlap',
      NEW_YORK_VTIMEZONE,
      'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20081102T013000',
      '2008-11-02T05:30:00Z',
    ],
    [
      'US, IANA name with a prefix, spring gap',
      [],
      'DTSTART;TZID=/mozilla.org/20070129_1/America/New_York:20080309T023000',
      '2008-03-09T07:30:00Z',
    ],
    [
      'US, IANA name, autumn overlap',
      [],
      'DTSTART;TZID=America/New_York:20081102T013000',
      '2008-11-02T05:30:00Z',
    ],
  ];

  it.each(cases)('%s', (_, zone, dtstart, utc) => {
    const item = parseVCalendar(event(zone, dtstart, 'DURATION:PT1H')) as CalendarEvent;
    expect(item.start?.kind).toBe('zoned');
    expect(item.start).toMatchObject({ utc });
    // The instant survives every other format.
    const vcal = parseVCalendar(toVCalendar(item, '1.0')) as CalendarEvent;
    expect(vcal.start).toMatchObject({ utc });
    const ical = parseVCalendar(toVCalendar(item, '2.0')) as CalendarEvent;
    expect(ical.start).toEqual(item.start);
    expect(toSifE(item)).toContain(`<Start>${utc.replace(/[-:]/g, '')}</Start>`);
  });

  it('keeps a weekly meeting at 09:00 local across both changes (Europe, US)', () => {
    for (const [zone, tzid] of [
      [BERLIN_VTIMEZONE, 'Europe/Berlin'],
      [NEW_YORK_VTIMEZONE, '"(UTC-05:00) Eastern Time (US & Canada)"'],
    ] as const) {
      const item = parseVCalendar(
        event(zone, `DTSTART;TZID=${tzid}:20080301T090000`, 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;COUNT=12'),
      );
      const occurrences = expandOccurrences(item);
      expect(occurrences.map((t) => (t.kind === 'zoned' ? t.local.slice(11) : ''))).toEqual(
        Array(12).fill('09:00:00'),
      );
      const offsets = new Set(occurrences.map((t) => (t.kind === 'zoned' ? t.utc.slice(11, 13) : '')));
      expect(offsets.size).toBe(2);
    }
  });

  it('writes a VTIMEZONE for an IANA zone that reads back to the same instants', () => {
    const item = parseVCalendar(
      event(
        [],
        'DTSTART;TZID=America/New_York:20080301T090000',
        'DURATION:PT1H',
        'RRULE:FREQ=WEEKLY;COUNT=40',
      ),
    );
    const text = toVCalendar(item, '2.0');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n');
    const back = parseVCalendar(text);
    expect(back.timeZones?.[0]?.observances.length).toBe(2);
    expect(expandOccurrences(back)).toEqual(expandOccurrences(item));
  });

  it('reads an unknown TZID as floating, or rejects it with 415 on request', () => {
    const text = event([], 'DTSTART;TZID=Mars/Olympus_Mons:20080301T090000');
    expect((parseVCalendar(text) as CalendarEvent).start).toEqual({
      kind: 'floating',
      local: '2008-03-01T09:00:00',
    });
    try {
      parseVCalendar(text, { unknownTimeZone: 'error' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarCodecError);
      expect(error).toMatchObject({ code: 'UNKNOWN_TIMEZONE', status: 415, property: 'DTSTART', line: 6 });
    }
  });

  it('rejects a VTIMEZONE without offsets', () => {
    const bad = [
      'BEGIN:VTIMEZONE',
      'TZID:X',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    expect(() => parseVCalendar(event(bad, 'DTSTART;TZID=X:20080301T090000'))).toThrowError(
      expect.objectContaining({ code: 'INVALID_TIMEZONE', status: 400 }),
    );
  });
});

describe('iCalendar 2.0 components and properties', () => {
  it('reads VALARMs: relative, related to the end, absolute, e-mail', () => {
    const text = lines(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VTODO',
      'UID:t1',
      'SUMMARY:Report',
      'DUE:20080415T170000Z',
      'PERCENT-COMPLETE:40',
      'STATUS:IN-PROCESS',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER;RELATED=END:-P1D',
      'DESCRIPTION:Due tomorrow',
      'END:VALARM',
      'BEGIN:VALARM',
      'ACTION:EMAIL',
      'TRIGGER;VALUE=DATE-TIME:20080414T080000Z',
      'SUMMARY:Report',
      'DESCRIPTION:Write it',
      'ATTENDEE:mailto:me@example.com',
      'X-ALARM-FLAG:1',
      'END:VALARM',
      'END:VTODO',
      'END:VCALENDAR',
    );
    const task = parseVCalendar(text) as CalendarTask;
    expect(task.alarms).toEqual([
      { action: 'DISPLAY', trigger: { related: 'end', offset: -86_400 }, description: 'Due tomorrow' },
      {
        action: 'EMAIL',
        trigger: { at: { kind: 'utc', utc: '2008-04-14T08:00:00Z' } },
        summary: 'Report',
        description: 'Write it',
        recipients: ['mailto:me@example.com'],
        extensions: [
          {
            type: 'property',
            format: 'icalendar',
            scope: 'component',
            name: 'X-ALARM-FLAG',
            params: [],
            value: '1',
          },
        ],
      },
    ]);
    expect(parseVCalendar(toVCalendar(task, '2.0'))).toEqual(task);
    // vCalendar 1.0 states both as alarm times.
    const vcal = toVCalendar(task, '1.0');
    expect(vcal).toContain('DALARM:20080414T170000Z;;;Due tomorrow\r\n');
    expect(vcal).toContain('MALARM:20080414T080000Z;;;me@example.com;Write it\r\n');
    expect(vcal).toContain('STATUS:CONFIRMED\r\n');
  });

  it('turns DURATION into an end, nominal days on the wall clock', () => {
    const item = parseVCalendar(
      event(BERLIN_VTIMEZONE, 'DTSTART;TZID=Europe/Berlin:20080329T120000', 'DURATION:P1DT2H'),
    ) as CalendarEvent;
    expect(item.end).toEqual({
      kind: 'zoned',
      utc: '2008-03-30T12:00:00Z',
      local: '2008-03-30T14:00:00',
      tzid: 'Europe/Berlin',
    });
    const allDay = parseVCalendar(event([], 'DTSTART;VALUE=DATE:20080329', 'DURATION:P2D')) as CalendarEvent;
    expect(allDay.end).toEqual({ kind: 'date', date: '2008-03-31' });
  });

  it('keeps unknown properties, parameters, binary values and overridden instances for iCalendar devices', () => {
    const text = lines(
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'X-WR-CALNAME:Work',
      'BEGIN:VEVENT',
      'UID:r1',
      'DTSTART:20080310T080000Z',
      'DTEND:20080310T090000Z',
      'RRULE:FREQ=DAILY;COUNT=3',
      'SUMMARY:Stand-up',
      'X-ALT-DESC;FMTTYPE=text/html:<b>hi</b>',
      'ATTACH;ENCODING=BASE64;VALUE=BINARY;FMTTYPE=text/plain:aGVsbG8=',
      'RESOURCES:Projector,Room 1',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:r1',
      'RECURRENCE-ID:20080311T080000Z',
      'DTSTART:20080311T100000Z',
      'DTEND:20080311T110000Z',
      'SUMMARY:Stand-up (moved)',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    const item = parseVCalendar(text);
    expect(item.extensions?.map((e) => `${e.type}:${e.format === 'sif' ? '' : e.scope}:${e.name}`)).toEqual([
      'property:calendar:X-WR-CALNAME',
      'component:calendar:VEVENT',
      'property:component:X-ALT-DESC',
      'property:component:ATTACH',
      'property:component:RESOURCES',
    ]);
    const written = toVCalendar(item, '2.0');
    expect(written).toContain('X-ALT-DESC;FMTTYPE=text/html:<b>hi</b>\r\n');
    expect(written).toContain('ATTACH;VALUE=BINARY;FMTTYPE=text/plain;ENCODING=BASE64:aGVsbG8=\r\n');
    expect(written).toContain('RESOURCES:Projector,Room 1\r\n');
    expect(written).toContain('RECURRENCE-ID:20080311T080000Z\r\nDTSTART:20080311T100000Z\r\n');
    expect(parseVCalendar(written)).toEqual(item);
    // ... and not to vCalendar 1.0 devices, which did not send them.
    const vcal = toVCalendar(item, '1.0');
    expect(vcal).not.toContain('X-ALT-DESC');
    expect(vcal).not.toContain('RECURRENCE-ID');
  });

  it('maps organizer and attendees between iCalendar and vCalendar', () => {
    const item = parseVCalendar(
      event(
        [],
        'DTSTART:20080310T080000Z',
        'ORGANIZER;CN=Boss:mailto:boss@example.com',
        'ATTENDEE;CN=Ann;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:ann@example.com',
        'ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:bob@example.com',
      ),
    );
    expect(item.organizer).toEqual({ email: 'boss@example.com', name: 'Boss' });
    expect(item.attendees).toEqual([
      { email: 'ann@example.com', name: 'Ann', role: 'REQ-PARTICIPANT', status: 'ACCEPTED', rsvp: true },
      { email: 'bob@example.com', role: 'OPT-PARTICIPANT', status: 'NEEDS-ACTION' },
    ]);
    // Legacy folding keeps the whitespace it folds at: unfolding removes only the line break.
    const vcal = toVCalendar(item, '1.0').replace(/\r\n(?=[ \t])/g, '');
    expect(vcal).toContain('ATTENDEE;ROLE=ORGANIZER:Boss <boss@example.com>\r\n');
    expect(vcal).toContain(
      'ATTENDEE;ROLE=ATTENDEE;STATUS=ACCEPTED;RSVP=YES;EXPECT=REQUIRE:Ann <ann@example.com>\r\n',
    );
    expect(vcal).toContain('ATTENDEE;ROLE=ATTENDEE;STATUS=NEEDS ACTION;EXPECT=REQUEST:bob@example.com\r\n');
    const back = parseVCalendar(vcal);
    expect(back.organizer).toEqual(item.organizer);
    expect(back.attendees).toEqual(item.attendees);
  });

  it('keeps exception and extra dates with their zone', () => {
    const item = parseVCalendar(
      event(
        BERLIN_VTIMEZONE,
        'DTSTART;TZID=Europe/Berlin:20080324T090000',
        'RRULE:FREQ=DAILY;COUNT=10',
        'EXDATE;TZID=Europe/Berlin:20080325T090000,20080327T090000',
        'RDATE;TZID=Europe/Berlin:20080410T090000',
      ),
    );
    const days = expandOccurrences(item).map((t) => (t.kind === 'zoned' ? t.local : ''));
    expect(days).toEqual([
      '2008-03-24T09:00:00',
      '2008-03-26T09:00:00',
      '2008-03-28T09:00:00',
      '2008-03-29T09:00:00',
      '2008-03-30T09:00:00',
      '2008-03-31T09:00:00',
      '2008-04-01T09:00:00',
      '2008-04-02T09:00:00',
      '2008-04-10T09:00:00',
    ]);
    const instants = (i: typeof item): string[] =>
      expandOccurrences(i).map((t) => (t.kind === 'zoned' ? `${t.utc} ${t.local}` : ''));
    for (const version of ['1.0', '2.0'] as const) {
      expect(instants(parseVCalendar(toVCalendar(item, version)))).toEqual(instants(item));
    }
  });
});

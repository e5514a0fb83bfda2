import { type CalendarEvent, type CalendarTime, expandOccurrences } from '@syncds/calendar';
import { parseItem } from '@syncds/formats';
import { expect, test } from 'vitest';
import { useServer } from './support/use-server.js';
import { SyncevoDevice } from '@syncds/test-peers';

// Issue 5, end to end: an event with a weekly recurrence and an alarm made on a
// vCalendar 1.0 client reaches an iCalendar 2.0 client with the same instants, rule and
// alarm; and back. Both devices are SyncEvolution; `--ical` picks the wire format.

const server = useServer({ accounts: [['cal@example.com', 'pw']] });

const EVENT = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//syncds//tests//EN',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:weekly-standup@syncds',
  'SUMMARY:Weekly standup',
  'DTSTART;TZID=Europe/Berlin:20260302T093000',
  'DTEND;TZID=Europe/Berlin:20260302T100000',
  'RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'DESCRIPTION:Standup',
  'TRIGGER;RELATED=START:-PT15M',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

function eventOf(text: string): CalendarEvent {
  const r = parseItem(text, 'text/calendar');
  if (r.kind !== 'event') throw new Error(`expected an event, got ${r.kind}`);
  return r.event;
}

const utc = (t: CalendarTime | undefined) => (t as { utc?: string } | undefined)?.utc;
const occurrences = (e: CalendarEvent) => expandOccurrences(e).map((t) => utc(t)!);
/** When an alarm first fires, relative or absolute. */
const firesAt =
  (e: CalendarEvent) =>
  (a: NonNullable<CalendarEvent['alarms']>[number]): string | undefined => {
    const t = a.trigger;
    if ('at' in t) return utc(t.at);
    return new Date(Date.parse(utc(e.start)!) + t.offset * 1000).toISOString().replace('.000Z', 'Z');
  };

test('weekly event with alarm: vCalendar 1.0 device -> iCalendar 2.0 device -> and back', async () => {
  const opts = { url: server.url, user: 'cal@example.com', password: 'pw', stores: ['calendar' as const] };
  const vcal = new SyncevoDevice('vcal10');
  const ical = new SyncevoDevice('ical20');
  await vcal.put('calendar', 'standup.ics', EVENT);
  const up = await vcal.sync({ ...opts, ical: '1.0', dump: true });
  expect(up.session, up.stderr).toMatchObject({ ok: true });
  expect(up.stores.calendar?.remote.added).toBe(1);
  const down = await ical.sync({ ...opts, ical: '2.0', dump: true });
  expect(down.session, down.stderr).toMatchObject({ ok: true });
  expect(down.stores.calendar?.local.added).toBe(1);

  const original = eventOf(EVENT);
  const received = eventOf([...(await ical.items('calendar')).values()][0]!);
  // Same instants (09:30 Berlin = 08:30Z in March, winter time), every occurrence of the rule
  // (the vCalendar client turned COUNT=10 into an end date on the way)...
  expect(utc(received.start)).toBe('2026-03-02T08:30:00Z');
  expect(utc(received.end)).toBe('2026-03-02T09:00:00Z');
  expect(occurrences(received)).toEqual(occurrences(original));
  expect(occurrences(received)).toHaveLength(10);
  expect(received.recurrence).toMatchObject({ freq: 'WEEKLY', byDay: [{ day: 'MO' }] });
  // ...and the same alarm, 15 minutes before the start.
  expect(received.alarms?.map((a) => a.trigger)).toEqual([{ related: 'start', offset: -900 }]);

  // And back: the iCalendar device moves it to 10:00 and renames it.
  const file = [...(await ical.items('calendar')).keys()][0]!;
  const moved = EVENT.replace('SUMMARY:Weekly standup', 'SUMMARY:Weekly sync')
    .replace('DTSTART;TZID=Europe/Berlin:20260302T093000', 'DTSTART;TZID=Europe/Berlin:20260302T100000')
    .replace('DTEND;TZID=Europe/Berlin:20260302T100000', 'DTEND;TZID=Europe/Berlin:20260302T103000');
  await ical.put('calendar', file, moved);
  expect((await ical.sync({ ...opts, ical: '2.0' })).stores.calendar?.remote.updated).toBe(1);
  const back = await vcal.sync({ ...opts, ical: '1.0' });
  expect(back.stores.calendar?.local.updated).toBe(1);
  const onVcal = eventOf([...(await vcal.items('calendar')).values()][0]!);
  expect(onVcal.summary).toBe('Weekly sync');
  expect(utc(onVcal.start)).toBe('2026-03-02T09:00:00Z');
  expect(occurrences(onVcal).map((t) => t.slice(0, 10))).toEqual(
    occurrences(original).map((t) => t.slice(0, 10)),
  );
  // The vCalendar device stores its alarm as the time it fires: 15 minutes before the start.
  expect(onVcal.alarms?.map(firesAt(onVcal))).toEqual(['2026-03-02T08:45:00Z']);
}, 120_000);

import { describe, expect, it } from 'vitest';
import { CalendarCodecError } from '../errors.js';
import type { TimeZoneDefinition } from '../model/types.js';
import { daysFromCivil, formatUtc } from './civil.js';
import {
  definitionFromRules,
  inferYearlyRule,
  summariseDaylight,
  transitionsBetween,
} from './transitions.js';
import { IntlZone, localToUtc, ObservanceZone, utcToLocal } from './zone.js';
import { resolveIanaZone, ZoneTable } from './zone-table.js';

const local = (y: number, m: number, d: number, h = 0, mi = 0): number =>
  daysFromCivil(y, m, d) * 86_400 + h * 3600 + mi * 60;

// Europe/Berlin and America/New_York as a VTIMEZONE states them (RFC 5545 form).
const BERLIN: TimeZoneDefinition = {
  tzid: 'Europe/Berlin',
  observances: [
    {
      kind: 'daylight',
      start: '1981-03-29T02:00:00',
      offsetFrom: 3600,
      offsetTo: 7200,
      name: 'CEST',
      rule: { freq: 'YEARLY', interval: 1, byMonth: [3], byDay: [{ day: 'SU', nth: -1 }] },
    },
    {
      kind: 'standard',
      start: '1996-10-27T03:00:00',
      offsetFrom: 7200,
      offsetTo: 3600,
      name: 'CET',
      rule: { freq: 'YEARLY', interval: 1, byMonth: [10], byDay: [{ day: 'SU', nth: -1 }] },
    },
  ],
};

const NEW_YORK: TimeZoneDefinition = {
  tzid: 'America/New_York',
  observances: [
    {
      kind: 'daylight',
      start: '1987-04-05T02:00:00',
      offsetFrom: -18_000,
      offsetTo: -14_400,
      rule: {
        freq: 'YEARLY',
        interval: 1,
        byMonth: [4],
        byDay: [{ day: 'SU', nth: 1 }],
        until: { kind: 'utc', utc: '2006-04-02T07:00:00Z' },
      },
    },
    {
      kind: 'daylight',
      start: '2007-03-11T02:00:00',
      offsetFrom: -18_000,
      offsetTo: -14_400,
      rule: { freq: 'YEARLY', interval: 1, byMonth: [3], byDay: [{ day: 'SU', nth: 2 }] },
    },
    {
      kind: 'standard',
      start: '1967-10-29T02:00:00',
      offsetFrom: -14_400,
      offsetTo: -18_000,
      rule: {
        freq: 'YEARLY',
        interval: 1,
        byMonth: [10],
        byDay: [{ day: 'SU', nth: -1 }],
        until: { kind: 'utc', utc: '2006-10-29T06:00:00Z' },
      },
    },
    {
      kind: 'standard',
      start: '2007-11-04T02:00:00',
      offsetFrom: -14_400,
      offsetTo: -18_000,
      rule: { freq: 'YEARLY', interval: 1, byMonth: [11], byDay: [{ day: 'SU', nth: 1 }] },
    },
  ],
};

describe('wall time to instant across daylight-saving changes', () => {
  const cases: Array<[string, number, string]> = [
    // A time skipped by the spring change is read with the offset before the gap (RFC 5545 §3.3.5).
    ['Europe/Berlin', local(2008, 3, 30, 2, 30), '2008-03-30T01:30:00Z'],
    ['Europe/Berlin', local(2008, 3, 30, 1, 59), '2008-03-30T00:59:00Z'],
    ['Europe/Berlin', local(2008, 3, 30, 3, 0), '2008-03-30T01:00:00Z'],
    // A time that occurs twice in autumn is its first occurrence (still daylight time).
    ['Europe/Berlin', local(2008, 10, 26, 2, 30), '2008-10-26T00:30:00Z'],
    ['Europe/Berlin', local(2008, 10, 26, 3, 0), '2008-10-26T02:00:00Z'],
    ['America/New_York', local(2008, 3, 9, 2, 30), '2008-03-09T07:30:00Z'],
    ['America/New_York', local(2008, 11, 2, 1, 30), '2008-11-02T05:30:00Z'],
    ['America/New_York', local(2006, 4, 2, 2, 30), '2006-04-02T07:30:00Z'],
    ['America/New_York', local(2006, 10, 29, 1, 30), '2006-10-29T05:30:00Z'],
  ];

  it.each(cases)('%s %#: Intl and the VTIMEZONE rules agree', (tzid, wall, expected) => {
    expect(formatUtc(localToUtc(wall, new IntlZone(tzid)))).toBe(expected);
    const def = tzid === 'Europe/Berlin' ? BERLIN : NEW_YORK;
    expect(formatUtc(localToUtc(wall, new ObservanceZone(def)))).toBe(expected);
  });

  it('evaluates VTIMEZONE rules (with UNTIL and a 1601 start) to the same offsets as ICU, every 3 hours', () => {
    const outlook: TimeZoneDefinition = {
      tzid: 'W. Europe Standard Time',
      observances: BERLIN.observances.map((o) => ({
        ...o,
        start: o.kind === 'daylight' ? '1601-03-25T02:00:00' : '1601-10-28T03:00:00',
      })),
    };
    const zones: Array<[TimeZoneDefinition, string]> = [
      [BERLIN, 'Europe/Berlin'],
      [outlook, 'Europe/Berlin'],
      [NEW_YORK, 'America/New_York'],
    ];
    for (const [def, iana] of zones) {
      const rules = new ObservanceZone(def);
      const intl = new IntlZone(iana);
      for (const year of [2005, 2006, 2007, 2008, 2025]) {
        for (let t = local(year, 1, 1); t < local(year + 1, 1, 1); t += 3 * 3600) {
          if (rules.offsetAt(t) !== intl.offsetAt(t))
            throw new Error(`${def.tzid} differs at ${formatUtc(t)}`);
        }
      }
    }
  });

  it('keeps the first offset before the first onset and reads RDATE onsets', () => {
    const def: TimeZoneDefinition = {
      tzid: 'x',
      observances: [
        {
          kind: 'daylight',
          start: '2008-03-30T02:00:00',
          offsetFrom: 3600,
          offsetTo: 7200,
          dates: ['2009-03-29T02:00:00'],
        },
        {
          kind: 'standard',
          start: '2008-10-26T03:00:00',
          offsetFrom: 7200,
          offsetTo: 3600,
          dates: ['2009-10-25T03:00:00'],
        },
      ],
    };
    const z = new ObservanceZone(def);
    expect(z.offsetAt(local(2000, 6, 1))).toBe(3600);
    expect(z.offsetAt(local(2009, 6, 1))).toBe(7200);
    expect(z.offsetAt(local(2010, 6, 1))).toBe(3600);
    expect(utcToLocal(local(2009, 6, 1, 12), z)).toBe(local(2009, 6, 1, 14));
  });
});

describe('zone summaries and rule inference', () => {
  it('summarises daylight periods in both hemispheres', () => {
    const berlin = summariseDaylight(new IntlZone('Europe/Berlin'), 2008, 2008);
    expect(berlin.standardOffset).toBe(3600);
    expect(berlin.periods.map((p) => [formatUtc(p.start), formatUtc(p.end), p.daylightOffset])).toEqual([
      ['2008-03-30T01:00:00Z', '2008-10-26T01:00:00Z', 7200],
    ]);
    const sydney = summariseDaylight(new IntlZone('Australia/Sydney'), 2009, 2009);
    expect(sydney.standardOffset).toBe(36_000);
    expect(sydney.periods.map((p) => [formatUtc(p.start), formatUtc(p.end)])).toEqual([
      ['2008-10-04T16:00:00Z', '2009-04-04T16:00:00Z'],
      ['2009-10-03T16:00:00Z', '2010-04-03T16:00:00Z'],
    ]);
    expect(summariseDaylight(new IntlZone('Asia/Tokyo'), 2008, 2009)).toEqual({
      standardOffset: 32_400,
      periods: [],
    });
  });

  it('infers "last Sunday" and "second Sunday" rules and refuses inconsistent onsets', () => {
    expect(inferYearlyRule([local(2008, 3, 30, 2), local(2009, 3, 29, 2)])).toEqual({
      freq: 'YEARLY',
      interval: 1,
      byMonth: [3],
      byDay: [{ day: 'SU', nth: -1 }],
    });
    expect(inferYearlyRule([local(2008, 3, 9, 2)])).toEqual({
      freq: 'YEARLY',
      interval: 1,
      byMonth: [3],
      byDay: [{ day: 'SU', nth: 2 }],
    });
    expect(inferYearlyRule([local(2006, 4, 2, 2), local(2007, 3, 11, 2)])).toBeUndefined();
  });

  it('builds a self-contained definition from an IANA zone that matches it', () => {
    const intl = new IntlZone('America/New_York');
    const def = definitionFromRules('America/New_York', intl, 2008, 2010);
    const rules = new ObservanceZone(def);
    for (let t = local(2008, 1, 1); t < local(2011, 1, 1); t += 3600) {
      if (rules.offsetAt(t) !== intl.offsetAt(t)) throw new Error(`differs at ${formatUtc(t)}`);
    }
    expect(def.observances.map((o) => o.rule?.byDay)).toEqual([
      [{ day: 'SU', nth: 2 }],
      [{ day: 'SU', nth: 1 }],
    ]);
  });
});

describe('offset changes of observance rules', () => {
  it('lists the same changes, to the second, as a day-by-day search of offsetAt', () => {
    const from = local(1960, 1, 1);
    const to = local(2040, 1, 1);
    for (const definition of [BERLIN, NEW_YORK]) {
      const zone = new ObservanceZone(definition);
      // The same rules without the exact listing: transitionsBetween searches with offsetAt.
      const searched = transitionsBetween({ offsetAt: (t) => zone.offsetAt(t) }, from, to, 1000);
      const listed = transitionsBetween(zone, from, to, 1000);
      expect(listed.length).toBeGreaterThan(80);
      expect(listed).toEqual(searched);
      // Bounds: after `from`, up to `to`, at most `max`.
      const first = listed[0]!;
      expect(transitionsBetween(zone, first.at, to, 1000)[0]).toEqual(listed[1]);
      expect(transitionsBetween(zone, from, first.at, 1000)).toEqual([first]);
      expect(transitionsBetween(zone, from, to, 3)).toEqual(listed.slice(0, 3));
    }
  });
});

describe('ZoneTable', () => {
  it('prefers the item definition and falls back to IANA names, prefixes stripped', () => {
    const table = new ZoneTable([{ ...BERLIN, tzid: 'Berlin' }]);
    expect(table.toUtc(local(2008, 7, 1, 12), 'Berlin')).toBe(local(2008, 7, 1, 10));
    expect(table.toUtc(local(2008, 7, 1, 12), '/mozilla.org/20050126_1/America/New_York')).toBe(
      local(2008, 7, 1, 16),
    );
    expect(resolveIanaZone('Not/AZone')).toBeUndefined();
    try {
      table.get('Not/AZone');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarCodecError);
      expect((error as CalendarCodecError).code).toBe('UNKNOWN_TIMEZONE');
      expect((error as CalendarCodecError).status).toBe(415);
    }
  });
});

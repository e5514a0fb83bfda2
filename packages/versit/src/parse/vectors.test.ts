import { type CapturedItem, sessionItems, sessionLogObjects } from '@syncds/test-vectors';
import { describe, expect, it } from 'vitest';
import { findProperty } from '../model/lookup.js';
import type { VersitComponent } from '../model/types.js';
import { serializeVersit } from '../serialize/serialize.js';
import { splitStructured, unescapeText } from '../text/escape.js';
import { parseVersitItem } from './parse.js';

function strip(component: VersitComponent): unknown {
  return {
    name: component.name,
    properties: component.properties.map((p) => ({
      group: p.group,
      name: p.name,
      params: p.params.filter((q) => q.name !== 'ENCODING' && q.name !== 'CHARSET'),
      value: p.value,
      binary: p.binary,
    })),
    components: component.components.map(strip),
  };
}

/** The Versit objects among a session's items. */
function sessionVersitItems(session: string): CapturedItem[] {
  return sessionItems(session).filter((item) => item.text.trimStart().startsWith('BEGIN:'));
}

/** The Versit objects logged in a session's data.txt, as CRLF lines like on the wire. */
function sessionLogVersitItems(session: string): Array<{ source: string; text: string }> {
  return sessionLogObjects(session).map(({ source, text }) => ({
    source,
    text: `${text.replaceAll('\n', '\r\n')}\r\n`,
  }));
}

const p900 = sessionVersitItems('P900_tasksandcalendar');
const synthesis = sessionVersitItems('synthesis_tasks');

describe('real captures', () => {
  it('finds the vCalendar items of the P900 and Synthesis sessions', () => {
    expect(p900).toHaveLength(15);
    expect(synthesis).toHaveLength(6);
  });

  for (const item of [...p900, ...synthesis]) {
    it(`parses and round-trips ${item.source}`, () => {
      const { dialect, component } = parseVersitItem(item.text);
      expect(dialect).toBe('vcalendar-1.0');
      expect(component.name).toBe('VCALENDAR');
      expect(component.components.length).toBeGreaterThan(0);
      const text = serializeVersit(component, { dialect: 'vcalendar-1.0' });
      expect(strip(parseVersitItem(text).component)).toEqual(strip(component));
    });
  }

  const logged = [
    ...sessionLogVersitItems('P900_tasksandcalendar'),
    ...sessionLogVersitItems('funambol_outlook3015_calendar'),
  ];

  it('finds the items logged in data.txt', () => {
    expect(logged).toHaveLength(30 + 10);
  });

  for (const item of logged) {
    it(`parses and round-trips logged ${item.source}`, () => {
      const { dialect, component } = parseVersitItem(item.text);
      const target = dialect ?? 'icalendar-2.0';
      const text = serializeVersit(component, { dialect: target });
      expect(strip(parseVersitItem(text, { dialect: target }).component)).toEqual(strip(component));
    });
  }

  it('joins the soft break Horde puts right after the header', () => {
    const item = logged.find((i) => i.text.includes('=\r\nuumlaut'))!;
    const event = parseVersitItem(item.text).component.components[0]!;
    expect(findProperty(event, 'DESCRIPTION')!.value).toBe('uumlaut: ü');
  });

  it('decodes the P900 QUOTED-PRINTABLE description and the AALARM with a Windows path', () => {
    const all = p900.map((item) => parseVersitItem(item.text).component.components[0]!);
    const withUmlaut = all.find((c) => findProperty(c, 'UID')?.value === '678')!;
    expect(unescapeText(findProperty(withUmlaut, 'DESCRIPTION')!.value, 'vcalendar-1.0')).toBe('uumlaut: ü');
    const withAlarm = all.find((c) => findProperty(c, 'UID')?.value === '681')!;
    const alarm = findProperty(withAlarm, 'AALARM')!;
    expect(alarm.params).toEqual([{ name: 'TYPE', values: ['X-EPOCSOUND'] }]);
    expect(splitStructured(alarm.value, 'vcalendar-1.0')).toEqual([
      '20070102T043000Z',
      '',
      '0',
      'c:\\system\\data\\themes\\sound\\Reminder\\Classical.mp3',
    ]);
  });
});

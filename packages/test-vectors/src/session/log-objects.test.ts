import { describe, expect, it } from 'vitest';
import { TestVectorsError } from '../errors.js';
import { parseLogObjects, sessionLogObjects } from './log-objects.js';

describe('parseLogObjects', () => {
  it('takes each top-level object with its nested components, skipping the lines between', () => {
    const log = [
      'input received from client',
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'END:VEVENT',
      'END:VCALENDAR',
      'output sent to client',
      'BEGIN:VNOTE\r',
      'END:VNOTE\r',
      '',
    ].join('\n');
    expect(parseLogObjects(log, 'sessions/demo/data.txt')).toEqual([
      { source: 'demo/data.txt#0', text: 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT\nEND:VCALENDAR' },
      { source: 'demo/data.txt#1', text: 'BEGIN:VNOTE\r\nEND:VNOTE\r' },
    ]);
  });

  it('reports a log that ends inside an object', () => {
    expect(() => parseLogObjects('x\nBEGIN:VCARD\nFN:A\n', 'sessions/demo/data.txt')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_CAPTURE', path: 'sessions/demo/data.txt', offset: 2 }),
    );
    expect(() => parseLogObjects('BEGIN:VCARD', 'd')).toThrow(TestVectorsError);
  });
});

describe('sessionLogObjects', () => {
  it('reads the 30 vCalendar objects Horde logged for the P900 session', () => {
    const objects = sessionLogObjects('P900_tasksandcalendar');
    expect(objects).toHaveLength(30);
    expect(objects[0]!.source).toBe('P900_tasksandcalendar/data.txt#0');
    expect(objects[0]!.text.split('\n').slice(0, 4)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:1.0',
      'BEGIN:VEVENT',
      'UID:667',
    ]);
    for (const object of objects) expect(object.text.endsWith('\nEND:VCALENDAR')).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { JsonLogger } from './logger.js';

describe('JsonLogger', () => {
  test('one JSON object per line: time to the microsecond, level, message, fields without undefined', () => {
    const lines: string[] = [];
    const log = new JsonLogger('info', (l) => lines.push(l));
    log.info('sync complete', { device: 'IMEI:1', added: 2, refused: false, gone: undefined });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('}\n')).toBe(true);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(entry)).toEqual(['time', 'level', 'msg', 'device', 'added', 'refused']);
    expect(entry).toMatchObject({ level: 'info', msg: 'sync complete', device: 'IMEI:1', added: 2 });
    expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  test('lines below the level are not written; debug turns on the detailed (per-message) log', () => {
    const lines: string[] = [];
    const warn = new JsonLogger('warn', (l) => lines.push(l));
    warn.debug('d');
    warn.info('i');
    warn.warn('w');
    warn.error('e');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['w', 'e']);
    expect(warn.detailed).toBe(false);
    expect(new JsonLogger('debug', () => {}).detailed).toBe(true);
  });

  test('timestamps never go backwards', () => {
    const log = new JsonLogger('info', () => {});
    let last = '';
    for (let i = 0; i < 1000; i++) {
      const t = log.timestamp();
      expect(t >= last).toBe(true);
      last = t;
    }
  });
});

import { describe, expect, test } from 'vitest';
import { BatchedLineWriter, JsonLogger } from './logger.js';

const turn = () => new Promise<void>((done) => setImmediate(done));

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

  test('flush() reaches a batching output; a plain write function needs none', () => {
    const writes: string[] = [];
    const log = new JsonLogger('info', new BatchedLineWriter((t) => writes.push(t)));
    log.info('one');
    log.info('two');
    expect(writes).toEqual([]);
    log.flush();
    expect(writes).toHaveLength(1);
    expect(
      writes[0]!
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { msg: string }).msg),
    ).toEqual(['one', 'two']);
    const direct: string[] = [];
    const plain = new JsonLogger('info', (l) => direct.push(l));
    plain.info('now');
    plain.flush();
    expect(direct).toHaveLength(1);
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

describe('BatchedLineWriter', () => {
  test('lines of one turn of the event loop go out in one write, in order', async () => {
    const writes: string[] = [];
    const w = new BatchedLineWriter((t) => writes.push(t));
    w.write('a\n');
    w.write('b\n');
    expect(writes).toEqual([]);
    await turn();
    expect(writes).toEqual(['a\nb\n']);
    w.write('c\n');
    await turn();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  test('a batch reaching maxBatchBytes is written at once; flush writes what waits', () => {
    const writes: string[] = [];
    const w = new BatchedLineWriter((t) => writes.push(t), 8);
    w.write('1234\n');
    expect(writes).toEqual([]);
    w.write('5678\n');
    expect(writes).toEqual(['1234\n5678\n']);
    w.write('9\n');
    w.flush();
    w.flush();
    expect(writes).toEqual(['1234\n5678\n', '9\n']);
  });

  test('maxBatchBytes must be a positive integer', () => {
    expect(() => new BatchedLineWriter(() => {}, 0)).toThrow(RangeError);
  });
});

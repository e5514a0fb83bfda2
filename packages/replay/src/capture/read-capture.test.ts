import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReplayError } from '../errors.js';
import { readCapture } from './read-capture.js';

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');
const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'syncds-read-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function thrown(fn: () => unknown): ReplayError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReplayError) return err;
    throw err;
  }
  throw new Error('nothing thrown');
}

describe('readCapture', () => {
  it('reads every recorded session: runs, exchanges, encodings', () => {
    const shapes = {
      P900_tasksandcalendar: [3, 3, 3, 3, 3, 3],
      funambol_outlook3015_calendar: [4, 4, 4, 4, 4],
      sync4j_pocketpc_calendar: [4, 4, 4, 4],
      sync4j_pocketpc_contacts: [4, 4, 4, 4],
      sync4j_pocketpc_notes: [4, 4, 4, 4],
      synthesis_tasks: [3, 3, 3, 3],
    };
    for (const [name, shape] of Object.entries(shapes)) {
      const capture = readCapture(join(SESSIONS, name));
      expect(capture.layout).toBe('horde');
      expect(
        capture.runs.map((r) => r.exchanges.length),
        name,
      ).toEqual(shape);
      expect(capture.runs.map((r) => r.id)).toEqual(shape.map((_, i) => String(i + 1)));
      for (const run of capture.runs) {
        for (const ex of run.exchanges) {
          expect(ex.client.encoding).toBe('xml');
          expect(ex.server).toBeDefined();
          expect(ex.client.warnings).toEqual([]);
        }
      }
    }
  });

  it('pairs client and server messages in order', () => {
    const capture = readCapture(join(SESSIONS, 'sync4j_pocketpc_contacts'));
    const run2 = capture.runs[1]!;
    expect(run2.exchanges.map((e) => basename(e.client.file))).toEqual([
      'syncml_client_20.xml',
      'syncml_client_21.xml',
      'syncml_client_22.xml',
      'syncml_client_23.xml',
    ]);
    expect(run2.exchanges.map((e) => e.server!.message.header.msgID)).toEqual(['1', '2', '3', '4']);
    expect(run2.exchanges[0]!.client.message.header.sessionID).toBe('26430116');
  });

  it('splits a numbered capture into runs where the client session changes', () => {
    const dir = tempDir();
    const src = join(SESSIONS, 'synthesis_tasks');
    const files = ['10', '11', '12', '20', '21', '22'];
    files.forEach((f, i) => {
      const nn = String(i + 1).padStart(2, '0');
      copyFileSync(join(src, `syncml_client_${f}.xml`), join(dir, `${nn}-client.xml`));
      if (i !== 2) copyFileSync(join(src, `syncml_server_${f}.xml`), join(dir, `${nn}-server.xml`));
    });
    writeFileSync(join(dir, 'notes.txt'), 'not a message');
    const capture = readCapture(dir);
    expect(capture.layout).toBe('numbered');
    expect(capture.runs.map((r) => r.exchanges.map((e) => basename(e.client.file)))).toEqual([
      ['01-client.xml', '02-client.xml', '03-client.xml'],
      ['04-client.xml', '05-client.xml', '06-client.xml'],
    ]);
    expect(capture.runs[0]!.exchanges[2]!.server).toBeUndefined();
  });

  it('refuses a missing folder, an empty one, mixed layouts and gaps', () => {
    expect(thrown(() => readCapture(join(tmpdir(), 'no-such-capture-dir'))).code).toBe('CAPTURE_NOT_FOUND');
    const empty = tempDir();
    writeFileSync(join(empty, 'data.txt'), '');
    expect(thrown(() => readCapture(empty)).code).toBe('CAPTURE_EMPTY');
    const mixed = tempDir();
    copyFileSync(
      join(SESSIONS, 'synthesis_tasks', 'syncml_client_10.xml'),
      join(mixed, 'syncml_client_10.xml'),
    );
    copyFileSync(join(SESSIONS, 'synthesis_tasks', 'syncml_client_11.xml'), join(mixed, '01-client.xml'));
    expect(thrown(() => readCapture(mixed)).code).toBe('CAPTURE_INCONSISTENT');
    const gap = tempDir();
    copyFileSync(
      join(SESSIONS, 'synthesis_tasks', 'syncml_client_10.xml'),
      join(gap, 'syncml_client_10.xml'),
    );
    copyFileSync(
      join(SESSIONS, 'synthesis_tasks', 'syncml_client_12.xml'),
      join(gap, 'syncml_client_12.xml'),
    );
    const e = thrown(() => readCapture(gap));
    expect(e.code).toBe('CAPTURE_INCONSISTENT');
    expect(e.message).toContain('client message 1 is missing');
    const orphan = tempDir();
    copyFileSync(join(SESSIONS, 'synthesis_tasks', 'syncml_server_10.xml'), join(orphan, '01-server.xml'));
    copyFileSync(join(SESSIONS, 'synthesis_tasks', 'syncml_client_10.xml'), join(orphan, '02-client.xml'));
    expect(thrown(() => readCapture(orphan)).message).toContain('has no client message');
  });

  it('names the file and byte offset of a message that is not SyncML', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '01-client.xml'), '<SyncML><SyncHdr><VerDTD>1.1</VerDTD></Sync');
    const e = thrown(() => readCapture(dir));
    expect(e.code).toBe('CAPTURE_UNREADABLE');
    expect(e.path).toBe(join(dir, '01-client.xml'));
    expect(e.offset).toBeGreaterThan(0);
    expect(e.status).toBe(400);
    expect(e.cause).toBeDefined();
  });

  it('keeps to maxFiles and maxMessageSize', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    copyFileSync(join(SESSIONS, 'synthesis_tasks', 'syncml_client_10.xml'), join(dir, '01-client.xml'));
    expect(thrown(() => readCapture(dir, { maxFiles: 1 })).code).toBe('CAPTURE_TOO_LARGE');
    const big = thrown(() => readCapture(dir, { maxMessageSize: 100 }));
    expect(big).toMatchObject({ code: 'CAPTURE_TOO_LARGE', path: join(dir, '01-client.xml'), status: 413 });
    expect(thrown(() => readCapture(dir, { maxFiles: 0 })).code).toBe('BAD_OPTION');
    expect(readCapture(dir, { maxFiles: 2 }).runs).toHaveLength(1);
  });
});

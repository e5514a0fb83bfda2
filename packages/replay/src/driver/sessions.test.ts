import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../capture/read-capture.js';
import { type ExportedItem, ServerProcess } from '../testing/server.test-util.js';
import { replayCapture } from './replay.js';
import type { ReplayReport } from './report.js';

// Every recorded session of ../shared/vectors/sessions replayed against the real server (built
// apps/server, spawned), then the store read back through `syncds folder export`.

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');
const PASSWORD = 'syncmltest';

interface ItemCheck {
  /** The stored item's summary line, which names it. */
  readonly summary: string;
  /** Fields of the stored canonical record, as the client sent them (decoded by hand from the capture). */
  readonly record: Record<string, unknown>;
  /** How many stored items carry that summary. Default 1. */
  readonly count?: number;
}

interface SessionCase {
  readonly dir: string;
  /** The server folder the recorded database resolves to. */
  readonly folder: string;
  /** Errors the server gives today (a known server issue, reported to the engine's owner), exactly. */
  readonly knownServerErrors: readonly { code: string; command: string; status: number }[];
  /** Items in the folder after the last run: added or replaced by the client, not deleted since. */
  readonly items: number;
  readonly checks: readonly ItemCheck[];
}

const CASES: readonly SessionCase[] = [
  {
    // Tasks and events in one `calendar` datastore; runs 2 and 5 touch the ids Horde's own
    // items had on the phone, which our server learns as new items (their Map was dropped).
    dir: 'P900_tasksandcalendar',
    folder: 'Calendar',
    knownServerErrors: [],
    items: 4,
    checks: [
      {
        summary: 'event 2006-12-22T11:00:00Z "client1s1 12-1"',
        record: {
          kind: 'event',
          event: {
            uid: '667',
            summary: 'client1s1 12-1',
            start: { kind: 'utc', utc: '2006-12-22T11:00:00Z' },
            end: { kind: 'utc', utc: '2006-12-22T12:00:00Z' },
            class: 'PUBLIC',
            lastModified: '2006-12-22T20:57:00Z',
            alarms: [{ action: 'AUDIO', trigger: { related: 'start', offset: -600 } }],
          },
        },
      },
      {
        summary: 'event 2006-12-25 (all day) "cIient1s1 christmas all day"',
        record: {
          kind: 'event',
          event: {
            uid: '678',
            description: 'uumlaut: ü',
            start: { kind: 'date', date: '2006-12-25' },
            end: { kind: 'date', date: '2006-12-26' },
          },
        },
      },
      {
        summary: 'task "clienttask1s1"',
        record: {
          kind: 'task',
          task: { uid: '679', description: 'Aumlaut: Ä', priority: 5, categories: ['X-65536'] },
        },
      },
    ],
  },
  {
    dir: 'funambol_outlook3015_calendar',
    folder: 'Calendar',
    knownServerErrors: [],
    items: 5,
    checks: [
      {
        summary: 'event 2007-01-01 (all day) "new year all day client1"',
        record: {
          kind: 'event',
          event: {
            summary: 'new year all day client1',
            start: { kind: 'date', date: '2007-01-01' },
            end: { kind: 'date', date: '2007-01-02' },
            location: 'everywhere',
            description: 'Test Aumlaut: Ä',
            busyStatus: 'FREE',
          },
        },
      },
      {
        summary: 'event 2007-01-07T22:00:00Z "Client2 23:00-23:30"',
        record: {
          kind: 'event',
          event: {
            start: { kind: 'utc', utc: '2007-01-07T22:00:00Z' },
            end: { kind: 'utc', utc: '2007-01-07T22:30:00Z' },
            description: 'Alarm 30minutes before',
            busyStatus: 'BUSY',
            alarms: [{ action: 'DISPLAY', trigger: { related: 'start', offset: -1800 } }],
          },
        },
      },
      {
        summary: 'event 2007-01-06T05:00:00Z "all day three kings server1c1"',
        record: {
          kind: 'event',
          event: { location: 'almost everywhere', description: 'test uumlaut: ü', categories: ['holiday'] },
        },
      },
    ],
  },
  {
    dir: 'sync4j_pocketpc_calendar',
    folder: 'Calendar',
    knownServerErrors: [],
    items: 3,
    checks: [
      {
        summary: 'event 2006-10-18T03:30:00Z "client1"',
        record: {
          kind: 'event',
          event: {
            summary: 'client1',
            location: 'Location',
            description: 'Übersicht',
            categories: ['Geschäftlich'],
            start: { kind: 'utc', utc: '2006-10-18T03:30:00Z' },
            end: { kind: 'utc', utc: '2006-10-18T06:00:00Z' },
            alarms: [
              { action: 'AUDIO', attachment: 'reminder', trigger: { related: 'start', offset: -900 } },
            ],
          },
        },
      },
      {
        summary: 'event 2006-10-28T05:00:00Z "client2"',
        record: {
          kind: 'event',
          event: { busyStatus: 'OOF', class: 'PRIVATE', categories: ['Geschäftlich'] },
        },
      },
    ],
  },
  {
    dir: 'sync4j_pocketpc_contacts',
    folder: 'Contacts',
    knownServerErrors: [],
    items: 2,
    checks: [
      {
        summary: 'contact "Client2" <client2@example.com>',
        record: {
          kind: 'contact',
          contact: {
            name: { family: 'Client2' },
            fileAs: 'Client2',
            emails: [{ value: 'client2@example.com' }],
            phones: [{ kind: 'work', value: '+49 521 170372' }],
          },
        },
      },
      {
        summary: 'contact "Server1c1" <server1@example.com>',
        record: {
          kind: 'contact',
          contact: {
            name: { given: 'Server1c1' },
            emails: [{ value: 'server1@example.com' }],
            addresses: [{ kind: 'home', street: 'Übersicht' }],
          },
        },
      },
    ],
  },
  {
    dir: 'sync4j_pocketpc_notes',
    folder: 'Notes',
    knownServerErrors: [],
    items: 3,
    checks: [
      {
        summary: 'note "client1"',
        record: {
          kind: 'note',
          note: { subject: 'client1', body: 'client1\nÜbersicht\n', modified: '2006-10-14T09:00:53Z' },
        },
      },
      {
        summary: 'note "server1c1"',
        record: { kind: 'note', note: { subject: 'server1c1', body: 'server1\nÜbersicht\n' } },
      },
    ],
  },
  {
    // Run 4 deletes 1798148, the id of Horde's own item, which our server never had: 200, nothing done.
    dir: 'synthesis_tasks',
    folder: 'Tasks',
    knownServerErrors: [],
    items: 3,
    checks: [
      {
        summary: 'task "server1c1"',
        record: { kind: 'task', task: { summary: 'server1c1', priority: 2, class: 'PUBLIC' } },
      },
      // The client sent "client1" twice, as two items (1798145 in run 1, 1798147 in run 2).
      {
        summary: 'task "client1"',
        record: { kind: 'task', task: { summary: 'client1', priority: 1 } },
        count: 2,
      },
    ],
  },
];

function errorsOf(
  report: ReplayReport,
): { code: string; command: string | undefined; status: number | undefined }[] {
  const out = [];
  for (const run of report.runs) {
    for (const step of run.steps) {
      for (const i of step.issues) {
        if (i.severity === 'error') out.push({ code: i.code, command: i.command, status: i.status });
      }
    }
    for (const i of run.issues) {
      if (i.severity === 'error') out.push({ code: i.code, command: i.command, status: i.status });
    }
  }
  return out;
}

/** What two stores must agree on: everything but ids, times and sequence numbers. */
function content(items: readonly ExportedItem[]): string[] {
  return items
    .map((i) =>
      JSON.stringify({
        contentType: i.contentType,
        deleted: i.deleted,
        summary: i.summary,
        record: i.record,
      }),
    )
    .sort();
}

const login = (c: SessionCase, encoding: string) =>
  `${c.dir.toLowerCase().replace(/_/g, '-')}-${encoding}@example.com`;

describe('recorded sessions replayed against the server', () => {
  const server = new ServerProcess();
  let url = '';

  beforeAll(async () => {
    url = await server.start();
    // A few at a time: each admin command is a node process on a shared 2-core machine.
    const logins = CASES.flatMap((c) => [login(c, 'xml'), login(c, 'wbxml')]);
    for (let i = 0; i < logins.length; i += 4) {
      // allSettled: no admin process may still write to the data folder when a failure ends the suite.
      const results = await Promise.allSettled(
        logins.slice(i, i + 4).map((l) => server.addAccount(l, PASSWORD)),
      );
      for (const r of results) if (r.status === 'rejected') throw r.reason;
    }
  }, 120_000);

  afterAll(async () => {
    await server.close();
  });

  for (const c of CASES) {
    describe(c.dir, () => {
      it('replays as recorded (XML) with no error status', async () => {
        const capture = readCapture(join(SESSIONS, c.dir));
        const report = await replayCapture(capture, { url, user: login(c, 'xml'), password: PASSWORD });
        expect(errorsOf(report)).toEqual(c.knownServerErrors);
        expect(report.runs.map((r) => r.id)).toEqual(capture.runs.map((r) => r.id));
        for (const run of report.runs) {
          const sent = run.steps.filter((s) => s.kind !== 'skipped');
          expect(sent.every((s) => s.httpStatus === 200 && s.encoding === 'xml')).toBe(true);
          // Every run ends with our server's Final: the session completed.
          expect(sent[sent.length - 1]!.final).toBe(true);
        }
      });

      const storeTest = c.knownServerErrors.length === 0 ? it : it.fails;
      storeTest('leaves the items the client sent in the store, field by field', async () => {
        const items = await server.exportFolder(login(c, 'xml'), c.folder);
        expect(items.filter((i) => !i.deleted)).toHaveLength(c.items);
        for (const check of c.checks) {
          const found = items.filter((i) => i.summary === check.summary);
          expect(found, check.summary).toHaveLength(check.count ?? 1);
          for (const item of found) expect(item.record).toMatchObject(check.record);
        }
      });

      it('replayed in WBXML, leaves the same store content as in XML', async () => {
        const report = await replayCapture(readCapture(join(SESSIONS, c.dir)), {
          url,
          user: login(c, 'wbxml'),
          password: PASSWORD,
          encoding: 'wbxml',
        });
        expect(errorsOf(report)).toEqual(c.knownServerErrors);
        const sent = report.runs.flatMap((r) => r.steps).filter((s) => s.kind !== 'skipped');
        expect(sent.every((s) => s.encoding === 'wbxml' && s.httpStatus === 200)).toBe(true);
        const xml = await server.exportFolder(login(c, 'xml'), c.folder);
        const wbxml = await server.exportFolder(login(c, 'wbxml'), c.folder);
        expect(content(wbxml)).toEqual(content(xml));
      });
    });
  }
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMessage, serializeMessage } from '@syncds/syncml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../capture/read-capture.js';
import { ServerProcess } from '../testing/server.test-util.js';
import { replayCapture } from './replay.js';
import type { Issue, ReplayReport } from './report.js';

// The replay's own behaviour against the real server: authentication, database names,
// refused items, server ids learned from our Adds, our server's multi-message packages,
// capture layouts, session ids, and failures of the transport.

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');
const PASSWORD = 'syncmltest';
const temps: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'syncds-capture-'));
  temps.push(dir);
  return dir;
}

/** A copy of a recorded session with every file's text passed through `edit`. */
function editedCopy(session: string, edit: (text: string, file: string) => string): string {
  const dir = tempDir();
  for (const file of readdirSync(join(SESSIONS, session))) {
    if (!file.endsWith('.xml')) continue;
    writeFileSync(join(dir, file), edit(readFileSync(join(SESSIONS, session, file), 'utf8'), file));
  }
  return dir;
}

function issues(report: ReplayReport, severity?: Issue['severity']): Issue[] {
  const all = report.runs.flatMap((r) => [...r.steps.flatMap((s) => s.issues), ...r.issues]);
  return severity === undefined ? all : all.filter((i) => i.severity === severity);
}

function errors(
  report: ReplayReport,
): { code: string; command: string | undefined; status: number | undefined }[] {
  return issues(report, 'error').map((i) => ({ code: i.code, command: i.command, status: i.status }));
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('authentication', () => {
  const server = new ServerProcess({ SYNCDS_AUTH: 'md5' });
  let url = '';
  beforeAll(async () => {
    url = await server.start();
    await server.addAccount('md5@example.com', PASSWORD);
    await server.addAccount('md5-clear@example.com', PASSWORD, { keepClearPassword: true });
    await server.addAccount('md5-hashed@example.com', PASSWORD);
  }, 120_000);
  afterAll(() => server.close());

  it('answers a challenge for MD5 with our nonce, and keeps to MD5 in the following sessions', async () => {
    const report = await replayCapture(readCapture(join(SESSIONS, 'synthesis_tasks')), {
      url,
      user: 'md5@example.com',
      password: PASSWORD,
    });
    expect(errors(report)).toEqual([]);
    const first = report.runs[0]!.steps;
    expect(first[0]!.statuses[0]).toMatchObject({ command: 'SyncHdr', code: 401 });
    expect(first[0]!.issues.map((i) => i.code)).toEqual(['AUTH_CHALLENGED']);
    expect(first[1]!.kind).toBe('auth-retry');
    expect(first[1]!.statuses[0]).toMatchObject({ command: 'SyncHdr', code: 212 });
    // Runs 2-4 start with MD5 over the nonce our server gave with its 212: no challenge.
    for (const run of report.runs.slice(1)) {
      expect(run.steps[0]!.kind).toBe('recorded');
      expect(run.steps[0]!.statuses[0]).toMatchObject({ command: 'SyncHdr', code: 212 });
    }
    const auth = server.logsWith('authenticated').filter((l) => l.login === 'md5@example.com');
    expect(auth.map((l) => l.type)).toEqual(['md5', 'md5', 'md5', 'md5']);
  });

  it('uses the SyncML 1.0 MD5 formula for a 1.0 client', async () => {
    const report = await replayCapture(readCapture(join(SESSIONS, 'P900_tasksandcalendar')), {
      url,
      user: 'md5-clear@example.com',
      password: PASSWORD,
      auth: 'md5',
      device: 'p900-md5',
    });
    expect(errors(report)).toEqual([]);
    expect(report.runs).toHaveLength(6);
  });

  it('reports AUTH_FAILED when the server cannot check 1.0 MD5 (no clear password kept)', async () => {
    const report = await replayCapture(readCapture(join(SESSIONS, 'P900_tasksandcalendar')), {
      url,
      user: 'md5-hashed@example.com',
      password: PASSWORD,
      auth: 'md5',
      device: 'p900-hashed',
    });
    expect(errors(report)).toEqual([{ code: 'AUTH_FAILED', command: 'SyncHdr', status: 401 }]);
    // The challenge was answered twice (maxAuthRetries), then the replay stopped.
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]!.steps.map((s) => s.kind)).toEqual(['recorded', 'auth-retry', 'auth-retry']);
  });

  it('reports AUTH_FAILED for a wrong password', async () => {
    const report = await replayCapture(readCapture(join(SESSIONS, 'synthesis_tasks')), {
      url,
      user: 'md5@example.com',
      password: 'wrong',
      device: 'wrong-password',
      maxAuthRetries: 1,
    });
    expect(errors(report)).toEqual([{ code: 'AUTH_FAILED', command: 'SyncHdr', status: 401 }]);
  });
});

describe('against a server with the default policy', () => {
  const server = new ServerProcess();
  let url = '';
  beforeAll(async () => {
    url = await server.start();
    for (const login of ['db', 'refused', 'learn', 'twice', 'numbered-xml', 'numbered-wbxml', 'bulk']) {
      await server.addAccount(`${login}@example.com`, PASSWORD);
    }
  }, 120_000);
  afterAll(() => server.close());

  it('reports a database the server does not know, and --db renames it', async () => {
    // The notes session as a client that names its database `./bookmarks` would send it.
    const dir = editedCopy('sync4j_pocketpc_notes', (text) =>
      text.replaceAll('<LocURI>notes</LocURI>', '<LocURI>./bookmarks</LocURI>'),
    );
    const unknown = await replayCapture(readCapture(dir), {
      url,
      user: 'db@example.com',
      password: PASSWORD,
      runs: ['1'],
    });
    const first = errors(unknown)[0];
    expect(first).toEqual({ code: 'UNKNOWN_DATABASE', command: 'Alert 200 ./bookmarks', status: 404 });
    expect(issues(unknown, 'error')[0]!.message).toContain('--db');

    const mapped = await replayCapture(readCapture(dir), {
      url,
      user: 'db@example.com',
      password: PASSWORD,
      databases: [['./bookmarks', 'Notes']],
      device: 'renamed',
    });
    expect(errors(mapped)).toEqual([]);
    expect(mapped.runs[0]!.steps[0]!.statuses[1]).toMatchObject({ command: 'Alert 200 Notes', code: 508 });
    expect(await server.exportFolder('db@example.com', 'Notes')).toHaveLength(3);
  });

  it('reports an item the server cannot parse as ITEM_REFUSED with its status', async () => {
    const dir = editedCopy('synthesis_tasks', (text, file) =>
      file === 'syncml_client_11.xml' ? text.replace('BEGIN:VTODO', 'BEGIN:VNOTHING') : text,
    );
    const report = await replayCapture(readCapture(dir), {
      url,
      user: 'refused@example.com',
      password: PASSWORD,
    });
    const refused = issues(report, 'error');
    expect(refused.map((i) => [i.code, i.command])).toEqual([['ITEM_REFUSED', 'Replace 1798145']]);
    expect(refused[0]!.status).toBeGreaterThanOrEqual(400);
    expect(refused[0]!.status).toBeLessThan(500);
    expect(refused[0]!.recordedStatus).toBe(201);
  });

  it('learns the server ids of our Adds for the Map, across a package spread over several messages', async () => {
    // Device A sends 150 tasks; device B, the Synthesis client (MaxMsgSize 10000), then
    // slow-syncs and gets them over several messages of our server, asking with Alert 222.
    const seed = tempDir();
    writeFileSync(join(seed, '01-client.xml'), bulkMessage(1, 'alert'));
    writeFileSync(join(seed, '02-client.xml'), bulkMessage(2, 'sync'));
    writeFileSync(join(seed, '03-client.xml'), bulkMessage(3, 'end'));
    const seeded = await replayCapture(readCapture(seed), {
      url,
      user: 'learn@example.com',
      password: PASSWORD,
    });
    expect(errors(seeded)).toEqual([]);
    expect(await server.exportFolder('learn@example.com', 'Tasks')).toHaveLength(150);

    const report = await replayCapture(readCapture(join(SESSIONS, 'synthesis_tasks')), {
      url,
      user: 'learn@example.com',
      password: PASSWORD,
      runs: ['1', '2'],
    });
    expect(errors(report)).toEqual([]);
    const run1 = report.runs[0]!;
    const continuations = run1.steps.filter((s) => s.kind === 'continuation');
    expect(continuations.length).toBeGreaterThan(0);
    expect(run1.steps.filter((s) => s.kind !== 'skipped').every((s) => s.bytesReceived <= 10_000)).toBe(true);
    // The recorded Map (Horde's id -> 1798146) went out with the id of our first Add.
    expect(run1.steps.flatMap((s) => s.issues).some((i) => i.code === 'MAP_ITEM_DROPPED')).toBe(false);
    const mapStep = run1.steps.find((s) => s.file === 'syncml_client_12.xml')!;
    expect(mapStep.statuses.find((s) => s.command.startsWith('Map'))).toMatchObject({ code: 200 });
    // So in run 2 the client's Replace of 1798146 changes that item (200), it adds nothing (201).
    const run2 = report.runs[1]!.steps.flatMap((s) => s.statuses);
    expect(run2.find((s) => s.command === 'Replace 1798146')).toMatchObject({ code: 200, recordedCode: 200 });
    const items = await server.exportFolder('learn@example.com', 'Tasks');
    expect(items.filter((i) => i.summary === 'task "server1c1"')).toHaveLength(1);
    // 150 + "client1" (1798145, slow sync: a new item) + 1798147; 1798146 replaced one of the 150.
    expect(items).toHaveLength(152);
  });

  it('replays a numbered capture of WBXML files like its XML original', async () => {
    const dir = tempDir();
    const capture = readCapture(join(SESSIONS, 'P900_tasksandcalendar'));
    let n = 0;
    for (const run of capture.runs) {
      for (const ex of run.exchanges) {
        const nn = String(++n).padStart(2, '0');
        writeFileSync(
          join(dir, `${nn}-client.wbxml`),
          serializeMessage(ex.client.message, { encoding: 'wbxml' }),
        );
        if (ex.server !== undefined) {
          writeFileSync(
            join(dir, `${nn}-server.wbxml`),
            serializeMessage(ex.server.message, { encoding: 'wbxml' }),
          );
        }
      }
    }
    const numbered = readCapture(dir);
    expect(numbered.layout).toBe('numbered');
    expect(numbered.runs.map((r) => r.exchanges.length)).toEqual(capture.runs.map((r) => r.exchanges.length));
    const wbxml = await replayCapture(numbered, {
      url,
      user: 'numbered-wbxml@example.com',
      password: PASSWORD,
    });
    const xml = await replayCapture(capture, { url, user: 'numbered-xml@example.com', password: PASSWORD });
    expect(errors(wbxml)).toEqual([]);
    expect(errors(xml)).toEqual([]);
    expect(wbxml.runs.flatMap((r) => r.steps).every((s) => s.encoding === 'wbxml')).toBe(true);
    const summaries = async (login: string) =>
      (await server.exportFolder(login, 'Calendar')).map((i) => JSON.stringify([i.summary, i.record])).sort();
    expect(await summaries('numbered-wbxml@example.com')).toEqual(
      await summaries('numbered-xml@example.com'),
    );
  });

  it('makes session ids unique, so a second replay is a new session and not a retransmission', async () => {
    const capture = readCapture(join(SESSIONS, 'sync4j_pocketpc_notes'));
    const first = await replayCapture(capture, { url, user: 'twice@example.com', password: PASSWORD });
    const second = await replayCapture(capture, { url, user: 'twice@example.com', password: PASSWORD });
    expect(errors(first)).toEqual([]);
    expect(errors(second)).toEqual([]);
    expect(second.runs[0]!.sessionId).not.toBe(first.runs[0]!.sessionId);
    expect(second.runs[0]!.sessionId.startsWith(`${second.runs[0]!.recordedSessionId}-`)).toBe(true);
    expect(server.logsWith('retransmitted message answered from cache')).toEqual([]);

    const recorded = await replayCapture(capture, {
      url,
      user: 'twice@example.com',
      password: PASSWORD,
      sessionIds: 'recorded',
      runs: ['1'],
    });
    expect(recorded.runs[0]!.sessionId).toBe('28182112');
  });

  // A device that starts a new session with the SessionID of its last one (phones that restart
  // their counter) gets a new session, not the one that just ended.
  it('starts a new session when a device reuses the SessionID of its finished session', async () => {
    const capture = readCapture(join(SESSIONS, 'sync4j_pocketpc_notes'));
    const options = {
      url,
      user: 'twice@example.com',
      password: PASSWORD,
      sessionIds: 'recorded' as const,
      runs: ['1'],
      device: 'reused-session-id',
    };
    expect(errors(await replayCapture(capture, options))).toEqual([]);
    expect(errors(await replayCapture(capture, options))).toEqual([]);
  });

  it('reports an HTTP error status and stops', async () => {
    const report = await replayCapture(readCapture(join(SESSIONS, 'synthesis_tasks')), {
      url: url.replace(/\/syncml\/$/, '/nowhere/'),
      user: 'bulk@example.com',
      password: PASSWORD,
    });
    expect(errors(report)).toEqual([{ code: 'HTTP_STATUS', command: undefined, status: 404 }]);
    expect(report.runs).toHaveLength(1);
    expect(report.runs[0]!.steps).toHaveLength(1);
  });
});

it('reports TRANSPORT_FAILED when nothing listens', async () => {
  const stopped = new ServerProcess();
  const url = await stopped.start();
  await stopped.stop();
  const report = await replayCapture(readCapture(join(SESSIONS, 'synthesis_tasks')), {
    url,
    user: 'nobody@example.com',
    password: PASSWORD,
  });
  expect(issues(report, 'error').map((i) => i.code)).toEqual(['TRANSPORT_FAILED']);
  expect(issues(report, 'error')[0]!.message).toMatch(
    /^TRANSPORT_FAILED: POST http:\/\/127\.0\.0\.1:\d+\/syncml\/ failed/,
  );
  expect(report.messages).toBe(1);
});

/** Device `bulk-device`: a slow sync that sends 150 tasks (SyncML 1.2, one package each way). */
function bulkMessage(msgID: number, part: 'alert' | 'sync' | 'end'): string {
  const header = `<SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto><SessionID>1</SessionID><MsgID>${msgID}</MsgID><Target><LocURI>http://example.com/sync</LocURI></Target><Source><LocURI>bulk-device</LocURI></Source>${
    part === 'alert'
      ? '<Cred><Meta><Type xmlns="syncml:metinf">syncml:auth-basic</Type></Meta><Data>x</Data></Cred>'
      : ''
  }</SyncHdr>`;
  const hdrStatus =
    msgID === 1
      ? ''
      : `<Status><CmdID>1</CmdID><MsgRef>${msgID - 1}</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>`;
  let body = hdrStatus;
  if (part === 'alert') {
    body +=
      '<Alert><CmdID>1</CmdID><Data>201</Data><Item><Target><LocURI>tasks</LocURI></Target><Source><LocURI>./tasks</LocURI></Source><Meta><Anchor xmlns="syncml:metinf"><Next>1</Next></Anchor></Meta></Item></Alert>';
  } else if (part === 'sync') {
    let adds = '';
    for (let i = 1; i <= 150; i++) {
      const vtodo = `BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VTODO\r\nSUMMARY:bulk task ${i}\r\nPRIORITY:2\r\nEND:VTODO\r\nEND:VCALENDAR\r\n`;
      adds += `<Add><CmdID>${i + 2}</CmdID><Meta><Type xmlns="syncml:metinf">text/x-vcalendar</Type></Meta><Item><Source><LocURI>b${i}</LocURI></Source><Data>${vtodo}</Data></Item></Add>`;
    }
    body += `<Sync><CmdID>2</CmdID><Target><LocURI>tasks</LocURI></Target><Source><LocURI>./tasks</LocURI></Source>${adds}</Sync>`;
  }
  const xml = `<SyncML xmlns="SYNCML:SYNCML1.2">${header}<SyncBody>${body}<Final/></SyncBody></SyncML>`;
  parseMessage(new TextEncoder().encode(xml)); // the seed must itself be valid SyncML
  return xml;
}

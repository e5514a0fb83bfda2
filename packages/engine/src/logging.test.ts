import { afterEach, expect, test } from 'vitest';
import { type TestEngine, testEngine, vcard21 } from './test-util/engine-setup.test-util.js';

// What operators read at the default level: one line per synced datastore, plus what they
// must look into (a sync type other than the one asked for); the steps of a session are debug.

let t: TestEngine;
afterEach(async () => t.close());

const at = (level: string) => t.logger.lines.filter((l) => l.level === level).map((l) => l.msg);

test('a plain two-way session logs one info line; its steps are debug', async () => {
  t = await testEngine();
  const a = t.device();
  a.add('contacts', vcard21('Ada', '+1 555 0001'));
  await a.sync();
  t.logger.lines.length = 0;
  a.add('contacts', vcard21('Bob', '+1 555 0002'));
  await a.sync();
  expect(at('info')).toEqual(['sync complete']);
  expect(at('debug')).toEqual(
    expect.arrayContaining([
      'session started',
      'authenticated',
      'sync alert',
      'client changes committed',
      'session ended',
    ]),
  );
  expect(t.logger.lines.find((l) => l.msg === 'sync complete')?.fields).toMatchObject({
    device: a.o.deviceId,
    login: 'alice@example.com',
    database: 'Contacts',
    type: 1,
    clientAdded: 1,
  });
});

test('a sync run slow although the device asked for two-way is an info line with the reason', async () => {
  t = await testEngine();
  const a = t.device();
  a.add('contacts', vcard21('Ada', '+1 555 0001'));
  await a.sync({ alert: 200 });
  const alert = t.logger.lines.find((l) => l.msg === 'sync alert');
  expect(alert?.level).toBe('info');
  expect(alert?.fields).toMatchObject({ requested: 200, type: 2, status: 508 });
  expect(alert?.fields.reason).toEqual(expect.any(String));
});

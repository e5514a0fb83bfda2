import { expect, test } from 'vitest';
import { useServer } from './support/use-server.js';
import { SyncevoDevice } from '@syncds/test-peers';

// Issue 4 item 5: a 60 KB note through a client with MaxMsgSize 10240 arrives whole in
// both directions (large objects: MoreData chunks, Size, 213).

const server = useServer({ accounts: [['big@example.com', 'pw']] });

function bigNote(): string {
  const lines = ['Travel journal'];
  for (let i = 0; lines.join('\n').length < 60_000; i++)
    lines.push(`day ${i}: Zürich → Kraków, café crème ✓ ${'·'.repeat(i % 40)}`);
  return `${lines.join('\n')}\n`;
}

const normalise = (s: string) => s.replace(/\r\n/g, '\n').trim();

test('a 60 KB note goes up and comes down whole with MaxMsgSize 10240', async () => {
  const note = bigNote();
  expect(Buffer.byteLength(note)).toBeGreaterThan(60_000);
  const opts = {
    url: server.url,
    user: 'big@example.com',
    password: 'pw',
    stores: ['memo' as const],
    maxMsgSize: 10240,
  };
  const a = new SyncevoDevice('bigA');
  await a.put('memo', 'journal.txt', note);
  const up = await a.sync({ ...opts, dump: true });
  expect(up.session, up.stderr).toMatchObject({ ok: true, status: 200 });
  expect(up.stores.memo).toMatchObject({ status: 0, remote: { added: 1 } });
  expect(up.session.messages).toBeGreaterThanOrEqual(7);

  const exported = await server.admin(['folder', 'export', 'big@example.com', 'Notes', '--as', 'text/plain']);
  const row = JSON.parse(exported.stdout.trim()) as { converted: string };
  expect(normalise(row.converted)).toBe(normalise(note));
  // Every message the server sent stayed within the client's limit.
  const sizes = server.logsWith('message timing').map((l) => Number(l.bytesOut));
  expect(Math.max(...sizes)).toBeLessThanOrEqual(10240);

  const b = new SyncevoDevice('bigB');
  const down = await b.sync({ ...opts, wbxml: false });
  expect(down.session, down.stderr).toMatchObject({ ok: true, status: 200 });
  expect(down.stores.memo).toMatchObject({ status: 0, local: { added: 1 } });
  const got = [...(await b.items('memo')).values()];
  expect(got).toHaveLength(1);
  expect(normalise(got[0]!)).toBe(normalise(note));
}, 120_000);

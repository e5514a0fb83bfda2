import { afterEach, describe, expect, test } from 'vitest';
import { type TestEngine, testEngine } from './test-util/engine-setup.test-util.js';

// Issue 4 item 5: large objects (MoreData, Size, 213/424) within MaxObjSize in both
// directions; data joined as bytes before any text decoding; replies split at the
// client's MaxMsgSize.

let t: TestEngine;
afterEach(async () => t.close());

/** 60 KB of text whose multi-byte characters straddle chunk boundaries. */
function bigNote(): string {
  const lines: string[] = ['Big note'];
  for (let i = 0; lines.join('\n').length < 60_000; i++)
    lines.push(`line ${i}: ünïcödé ✓ €uro — ${'x'.repeat(i % 50)}`);
  return `${lines.join('\n')}\n`;
}

describe.each([
  ['in memory', false],
  ['copied through msgpack', true],
] as const)('large objects (session state %s)', (_, copyStates) => {
  test('a 60 KB note from a client with MaxMsgSize 10240 arrives whole, and goes out whole to another', async () => {
    t = await testEngine({}, { copyStates });
    const note = bigNote();
    // WBXML carries chunks that end inside a UTF-8 character as they are (OPAQUE).
    const a = t.device({ maxMsgSize: 10240, chunkSize: 7001, encoding: 'wbxml' });
    a.addStore('notes', 'Notes', 'text/plain');
    a.add('notes', note);
    const ra = await a.sync({ stores: ['notes'] });
    expect(ra.statuses.filter((s) => s.code === 213).length).toBeGreaterThanOrEqual(8);
    const stored = (await t.items('Notes')).map(
      (r) => JSON.parse(r) as { note: { subject: string; body: string } },
    );
    expect(stored).toHaveLength(1);
    expect(`${stored[0]!.note.body}`.replace(/\r\n/g, '\n')).toContain(note.trim().split('\n').at(-1));

    const b = t.device({ maxMsgSize: 10240 });
    b.addStore('notes', 'Notes', 'text/plain');
    const rb = await b.sync({ stores: ['notes'] });
    // Six-plus replies carry the chunks; none exceeds the client's limit.
    expect(rb.replies.length).toBeGreaterThanOrEqual(7);
    const got = [...b.stores.get('notes')!.items.values()];
    expect(got).toHaveLength(1);
    expect(got[0]!.replace(/\r\n/g, '\n').trim()).toBe(note.trim());
  });

  test('a chunked item whose size differs from the declared Size is refused with 424, nothing stored', async () => {
    t = await testEngine({}, { copyStates });
    const a = t.device({ chunkSize: 1000 });
    a.addStore('notes', 'Notes', 'text/plain');
    a.add('notes', bigNote().slice(0, 5000));
    const original = a.sync.bind(a);
    // Tamper with the declared size on the way out.
    const handle = t.engine.handle.bind(t.engine);
    t.engine.handle = async (req) => {
      const text = new TextDecoder().decode(req.body);
      const tampered = text.replace(
        /<Size xmlns="syncml:metinf">(\d+)<\/Size>/,
        (_m, n) => `<Size xmlns="syncml:metinf">${Number(n) + 10}</Size>`,
      );
      return handle({ ...req, body: new TextEncoder().encode(tampered) });
    };
    const r = await original({ stores: ['notes'] });
    expect(r.statuses.some((s) => s.code === 424)).toBe(true);
    expect(await t.items('Notes')).toEqual([]);
  });
});

describe.each([
  ['in memory', false],
  ['copied through msgpack', true],
] as const)('replies split at MaxMsgSize (session state %s)', (_, copyStates) => {
  test('300 items to a client with MaxMsgSize 4096: several messages, none larger, all items arrive', async () => {
    t = await testEngine({}, { copyStates });
    const a = t.device();
    for (let i = 0; i < 300; i++)
      a.add(
        'contacts',
        `BEGIN:VCARD\r\nVERSION:2.1\r\nN:Person${i};Test\r\nTEL;CELL:+1 555 ${1000 + i}\r\nEND:VCARD\r\n`,
      );
    await a.sync();
    const b = t.device({ maxMsgSize: 4096, encoding: 'wbxml' });
    const sizes: number[] = [];
    const handle = t.engine.handle.bind(t.engine);
    t.engine.handle = async (req) => {
      const res = await handle(req);
      sizes.push(res.body.length);
      return res;
    };
    const r = await b.sync();
    expect(r.received.filter((x) => x.op === 'add')).toHaveLength(300);
    expect(b.stores.get('contacts')!.items.size).toBe(300);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4096);
  });
});

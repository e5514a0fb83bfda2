import { describe, expect, it } from 'vitest';
import { AsyncMutex } from './mutex.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('AsyncMutex', () => {
  it('never lets two critical sections interleave and keeps arrival order', async () => {
    const mutex = new AsyncMutex(100);
    const log: string[] = [];
    const section = (name: string) =>
      mutex.run(async () => {
        log.push(`${name}:start`);
        await tick();
        await tick();
        log.push(`${name}:end`);
        return name;
      });
    const results = await Promise.all([section('a'), section('b'), section('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('releases the lock when the section throws', async () => {
    const mutex = new AsyncMutex(10);
    await expect(
      mutex.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(mutex.run(async () => 42)).resolves.toBe(42);
  });

  it('rejects callers beyond the waiter limit with LIMIT', async () => {
    const mutex = new AsyncMutex(2);
    let release!: () => void;
    const holder = mutex.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [mutex.run(async () => 1), mutex.run(async () => 2)];
    expect(mutex.pending).toBe(2);
    await expect(mutex.run(async () => 3)).rejects.toMatchObject({ code: 'LIMIT', status: 420 });
    release();
    await holder;
    expect(await Promise.all(waiting)).toEqual([1, 2]);
    expect(mutex.pending).toBe(0);
  });
});

import { StoreError } from '../errors.js';

/**
 * A FIFO async lock. The SQLite driver is synchronous but the store API is async: without this lock, two
 * callers could interleave their statements inside one connection's transaction across `await` points.
 * Waiters are bounded so a flood of callers fails fast (LIMIT) instead of growing memory without bound.
 */
export class AsyncMutex {
  private locked = false;
  private readonly waiters: Array<() => void> = [];
  private readonly maxWaiters: number;

  constructor(maxWaiters: number) {
    this.maxWaiters = maxWaiters;
  }

  /** Number of callers waiting for the lock (not counting the holder). */
  get pending(): number {
    return this.waiters.length;
  }

  /** Runs `fn` while holding the lock; callers run one at a time, in arrival order. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve();
    }
    if (this.waiters.length >= this.maxWaiters) {
      return Promise.reject(
        new StoreError('LIMIT', `more than ${this.maxWaiters} callers are waiting for the database`),
      );
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    const next = this.waiters.shift();
    // Hand the lock straight to the next waiter: `locked` stays true, so no newcomer can overtake it.
    if (next) next();
    else this.locked = false;
  }
}

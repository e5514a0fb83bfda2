import type { GroupwareStore } from '@syncds/store';

/**
 * Wraps a store so that the time spent in its calls for one message is summed
 * (R20: the per-message timing line names the store step).
 */
export function timedStore(store: GroupwareStore, timer: { us: number }): GroupwareStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const t0 = process.hrtime.bigint();
        const done = () => {
          timer.us += Number(process.hrtime.bigint() - t0) / 1000;
        };
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) return result.finally(done);
        done();
        return result;
      };
    },
  });
}

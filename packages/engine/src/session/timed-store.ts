import type { GroupwareStore } from '@syncds/store';

/** Microseconds spent in store calls while one message is handled (R20). */
export interface StoreTimer {
  us: number;
}

const TIMER = Symbol('timer');
type Timed = GroupwareStore & { [TIMER]: StoreTimer };

/** Per store object: a prototype whose methods call the store's and add their time to `this[TIMER]`. */
const prototypes = new WeakMap<GroupwareStore, object>();

/**
 * Wraps a store so that the time spent in its calls for one message is summed
 * (R20: the per-message timing line names the store step). The wrapping methods
 * are made once per store object; each message only gets a small object holding
 * its timer, so concurrent messages time their own calls.
 */
export function timedStore(store: GroupwareStore, timer: StoreTimer): GroupwareStore {
  let proto = prototypes.get(store);
  if (proto === undefined) {
    proto = timingPrototype(store);
    prototypes.set(store, proto);
  }
  const timed = Object.create(proto) as Timed;
  timed[TIMER] = timer;
  return timed;
}

function timingPrototype(store: GroupwareStore): object {
  const proto: Record<string, unknown> = {};
  for (const name of methodNames(store)) {
    const method = (store as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    proto[name] = function (this: Timed, ...args: unknown[]): unknown {
      const timer = this[TIMER];
      const t0 = process.hrtime.bigint();
      const add = () => {
        timer.us += Number(process.hrtime.bigint() - t0) / 1000;
      };
      let result: unknown;
      try {
        result = method.apply(store, args);
      } catch (err) {
        add();
        throw err;
      }
      if (!(result instanceof Promise)) {
        add();
        return result;
      }
      return result.then(
        (value: unknown) => {
          add();
          return value;
        },
        (err: unknown) => {
          add();
          throw err;
        },
      );
    };
  }
  // GroupwareStore has methods only: nothing else needs to read through.
  return proto;
}

/** Every function-valued property name of the object and its prototypes (Object.prototype excepted). */
function methodNames(obj: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = obj; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name === 'constructor') continue;
      if (typeof (obj as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}

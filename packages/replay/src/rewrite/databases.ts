import { ReplayError } from '../errors.js';

/**
 * Remote database names as the server compares them: case-insensitive, a leading `./` and a
 * trailing `/` ignored.
 */
export function normalizeDatabase(name: string): string {
  return name.trim().replace(/^\.\//, '').replace(/\/+$/, '').toLowerCase();
}

/** Renames the remote databases a recorded client names (`--db scard=Contacts`). */
export class DatabaseMap {
  readonly #map: ReadonlyMap<string, string>;

  constructor(entries: Iterable<readonly [string, string]> = []) {
    const map = new Map<string, string>();
    for (const [from, to] of entries) {
      const key = normalizeDatabase(from);
      if (key === '' || to.trim() === '') {
        throw new ReplayError('BAD_OPTION', `database mapping "${from}=${to}" needs a name on both sides`);
      }
      map.set(key, to.trim());
    }
    this.#map = map;
  }

  /** Parses `REMOTE=FOLDER` (the `--db` argument). */
  static parseEntry(text: string): [string, string] {
    const eq = text.indexOf('=');
    if (eq <= 0 || eq === text.length - 1) {
      throw new ReplayError('BAD_OPTION', `--db wants REMOTE=FOLDER (e.g. scard=Contacts), got "${text}"`);
    }
    return [text.slice(0, eq), text.slice(eq + 1)];
  }

  get size(): number {
    return this.#map.size;
  }

  /** The name to send for `name`: its mapping, or `name` unchanged. */
  rename(name: string): string {
    return this.#map.get(normalizeDatabase(name)) ?? name;
  }

  /** True when `name` has a mapping. */
  has(name: string): boolean {
    return this.#map.has(normalizeDatabase(name));
  }

  entries(): [string, string][] {
    return [...this.#map.entries()];
  }
}

import type { Page } from '../model.js';
import type { ResolvedStoreOptions } from '../options.js';
import type { SqlDialect, TableName } from './driver.js';

/** What every query module needs: table names, dialect quirks, clock, id generator, limits. */
export interface SqlContext {
  readonly dialect: SqlDialect;
  readonly t: Readonly<Record<TableName, string>>;
  readonly options: ResolvedStoreOptions;
}

/**
 * The LIMIT of a paged query, bound as a parameter. Not a bare `LIMIT ?`: SQLite's planner reads
 * a bare bound LIMIT as a hint, which marks the statement to be compiled again every time the
 * parameter is bound (three to four times the cost of the query itself, measured on the change
 * listing of every sync); behind a CAST it is an ordinary value. PostgreSQL takes the same text.
 */
export const LIMIT_PARAM = 'LIMIT CAST(? AS INTEGER)';

/** `?, ?, ?` for an IN list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Turns `limit + 1` fetched rows into a page: the extra row only tells that more exist. */
export function toPage<T>(rows: readonly T[], limit: number, keyOf: (entry: T) => string): Page<T> {
  if (rows.length <= limit) return { entries: rows, next: null };
  const entries = rows.slice(0, limit);
  return { entries, next: keyOf(entries[entries.length - 1]!) };
}

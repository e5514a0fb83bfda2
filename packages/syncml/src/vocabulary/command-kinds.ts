import type { Command } from '../model/message.js';
import * as E from './element-ids.js';

/** The AST `kind` of each command element, indexed by element id (undefined for other elements). */
export const COMMAND_KINDS: readonly Command['kind'][] = (() => {
  const kinds: Command['kind'][] = [];
  for (const [id, kind] of [
    [E.ADD, 'Add'],
    [E.ALERT, 'Alert'],
    [E.ATOMIC, 'Atomic'],
    [E.COPY, 'Copy'],
    [E.DELETE, 'Delete'],
    [E.EXEC, 'Exec'],
    [E.GET, 'Get'],
    [E.MAP, 'Map'],
    [E.MOVE, 'Move'],
    [E.PUT, 'Put'],
    [E.REPLACE, 'Replace'],
    [E.RESULTS, 'Results'],
    [E.SEARCH, 'Search'],
    [E.SEQUENCE, 'Sequence'],
    [E.STATUS, 'Status'],
    [E.SYNC, 'Sync'],
  ] as const) {
    kinds[id] = kind;
  }
  return kinds;
})();

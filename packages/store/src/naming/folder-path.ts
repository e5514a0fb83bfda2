import { StoreError } from '../errors.js';
import type { FolderKind } from '../model.js';

/** The folders every new account gets (R12, R13), in creation order. */
export const DEFAULT_FOLDERS: readonly { readonly path: string; readonly kind: FolderKind }[] = Object.freeze(
  [
    { path: 'Contacts', kind: 'contacts' },
    { path: 'Events', kind: 'events' },
    { path: 'Tasks', kind: 'tasks' },
    { path: 'Notes', kind: 'notes' },
    { path: 'Journal', kind: 'journal' },
    { path: 'inbox', kind: 'mail' },
    { path: 'Files', kind: 'files' },
  ],
);

/**
 * R13: `Mail` always names `inbox`, so no top-level folder may be called Mail (it could never be reached).
 * `Calendar` only falls back to `Events`, so a folder named Calendar is allowed and then wins.
 */
const MAIL_ALIAS = 'mail';
const MAIL_TARGET = 'inbox';
const CALENDAR_ALIAS = 'calendar';
const CALENDAR_TARGET = 'events';

const CONTROL_CHARACTER = /\p{Cc}/u;

export interface FolderPath {
  /** Segments joined by `/`, with their case, Unicode NFC. */
  readonly path: string;
  /** Lower-cased `path`: the case-insensitive identity of the folder within its account. */
  readonly key: string;
  readonly segments: readonly string[];
}

export interface FolderPathLimits {
  readonly maxFolderNameLength: number;
  readonly maxFolderDepth: number;
}

/** The key of a path: names are case-insensitive (R13) and compared in NFC. */
export function folderKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** Splits a name as devices send it: leading `./` or `/` and trailing `/` ignored, empty segments skipped. */
function splitRemoteName(name: string): string[] {
  let rest = name.trim();
  while (rest.startsWith('./')) rest = rest.slice(2);
  return rest.split('/').filter((segment) => segment.length > 0);
}

/**
 * Validates a folder path given to create or rename a folder. Throws INVALID for an empty path, an empty,
 * `.`/`..` or control-character segment, or a top-level folder named Mail; TOO_LARGE past the limits.
 */
export function parseFolderPath(input: string, limits: FolderPathLimits, argPath = 'path'): FolderPath {
  if (typeof input !== 'string')
    throw new StoreError('INVALID', 'folder path must be a string', { path: argPath });
  const segments = splitRemoteName(input.normalize('NFC'));
  if (segments.length === 0) {
    throw new StoreError('INVALID', `empty folder path ${JSON.stringify(input)}`, { path: argPath });
  }
  if (segments.length > limits.maxFolderDepth) {
    throw new StoreError('TOO_LARGE', `folder path deeper than ${limits.maxFolderDepth} levels`, {
      path: argPath,
    });
  }
  for (const segment of segments) {
    if (segment.length > limits.maxFolderNameLength) {
      throw new StoreError('TOO_LARGE', `folder name longer than ${limits.maxFolderNameLength} characters`, {
        path: argPath,
      });
    }
    if (
      segment === '.' ||
      segment === '..' ||
      segment.trim() !== segment ||
      CONTROL_CHARACTER.test(segment)
    ) {
      throw new StoreError('INVALID', `invalid folder name ${JSON.stringify(segment)}`, { path: argPath });
    }
  }
  if (segments[0]!.toLowerCase() === MAIL_ALIAS) {
    throw new StoreError(
      'INVALID',
      'a top-level folder cannot be named Mail: it is the alias of inbox (R13)',
      {
        path: argPath,
      },
    );
  }
  const path = segments.join('/');
  return { path, key: folderKey(path), segments };
}

/**
 * R13: the folder keys a remote database name may denote, best first. Case-insensitive; `./` prefix and `/`
 * suffix ignored; sub-folders by path. `Mail[/...]` means `inbox[/...]`; `Calendar[/...]` means itself when
 * such a folder exists, else `Events[/...]`. Empty when the name names nothing.
 */
export function remoteNameCandidates(remoteName: string): string[] {
  const segments = splitRemoteName(remoteName.normalize('NFC')).map((segment) => segment.toLowerCase());
  if (segments.length === 0) return [];
  const rest = segments.slice(1);
  const withFirst = (first: string): string => [first, ...rest].join('/');
  switch (segments[0]) {
    case MAIL_ALIAS:
      return [withFirst(MAIL_TARGET)];
    case CALENDAR_ALIAS:
      return [withFirst(CALENDAR_ALIAS), withFirst(CALENDAR_TARGET)];
    default:
      return [segments.join('/')];
  }
}

/** Parent path of a normalised path, or null at the top level. */
export function parentPathOf(path: string): string | null {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? null : path.slice(0, slash);
}

/** Last segment of a normalised path. */
export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

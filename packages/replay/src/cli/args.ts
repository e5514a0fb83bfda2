import { ReplayError } from '../errors.js';
import { DatabaseMap } from '../rewrite/databases.js';

/** What the command line asks for. */
export interface ReplayArgs {
  readonly help: boolean;
  readonly captureDir: string | undefined;
  readonly url: string | undefined;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly passwordStdin: boolean;
  readonly encoding: 'recorded' | 'xml' | 'wbxml';
  readonly auth: 'recorded' | 'basic' | 'md5';
  readonly databases: [string, string][];
  readonly device: string | undefined;
  readonly recordedSessionIds: boolean;
  readonly runs: string[];
  readonly timeoutSeconds: number | undefined;
  readonly json: boolean;
  readonly quiet: boolean;
}

export const USAGE = `usage: syncds-replay <capture-dir> --url URL --user LOGIN --password P [options]
       (from the repository root: pnpm replay <capture-dir> --url URL --user LOGIN --password P)

Replays a recorded SyncML client session (folder of syncml_client_NM.xml / syncml_server_NM.xml,
or of 01-client.wbxml, 01-server.wbxml, 02-client.xml...) against a running server, rewriting the
URL, session id, credentials, Status references and server item ids, and reports per step the
statuses the server returned.

  --url URL              the server's SyncML endpoint, e.g. http://127.0.0.1:8080/syncml/
  --user LOGIN           account to sync (for syncds: the full e-mail address)
  --password P           its password (also SYNCDS_REPLAY_PASSWORD)
  --password-stdin       read the password from standard input
  --wbxml | --xml        re-encode every message (default: each as recorded)
  --auth TYPE            recorded (default) | basic | md5
  --db REMOTE=FOLDER     rename a remote database the client names (repeatable),
                         e.g. --db scard=Contacts --db scal=Calendar
  --device ID            send this device id instead of the recorded one
  --recorded-session-ids keep the recorded SessionIDs (default: a suffix unique to this replay)
  --run N                replay only run N (repeatable; default all runs, in order)
  --timeout SECONDS      longest wait for one reply (default 30)
  --json                 print the whole report as JSON instead of text
  --quiet                print only warnings, errors and the summary
  --help                 this text

Exit status: 0 when the server answered every command with success, 1 when a command got an
error status (or the server could not be reached), 2 on a usage error or an unreadable capture.`;

const VALUE_FLAGS = new Set(['url', 'user', 'password', 'auth', 'db', 'device', 'run', 'timeout']);
const SWITCHES = new Set(['help', 'password-stdin', 'wbxml', 'xml', 'recorded-session-ids', 'json', 'quiet']);

/** Parses `process.argv.slice(2)`. Throws ReplayError BAD_OPTION for anything it does not know. */
export function parseReplayArgs(argv: readonly string[]): ReplayArgs {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (SWITCHES.has(name)) {
      if (eq >= 0) throw bad(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw bad(`unknown option --${name}`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw bad(`--${name} needs a value`);
    const list = values.get(name);
    if (list === undefined) values.set(name, [value]);
    else list.push(value);
  }
  if (positional.length > 1)
    throw bad(`one capture folder expected, got ${positional.length}: ${positional.join(' ')}`);
  const single = (name: string): string | undefined => {
    const list = values.get(name);
    if (list !== undefined && list.length > 1) throw bad(`--${name} given more than once`);
    return list?.[0];
  };
  if (switches.has('wbxml') && switches.has('xml')) throw bad('--wbxml and --xml exclude each other');
  const auth = single('auth') ?? 'recorded';
  if (auth !== 'recorded' && auth !== 'basic' && auth !== 'md5')
    throw bad(`--auth must be recorded, basic or md5, got ${auth}`);
  const timeout = single('timeout');
  let timeoutSeconds: number | undefined;
  if (timeout !== undefined) {
    timeoutSeconds = Number(timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
      throw bad(`--timeout must be a positive number of seconds, got ${timeout}`);
  }
  if (switches.has('password-stdin') && values.has('password'))
    throw bad('--password and --password-stdin exclude each other');
  const databases: [string, string][] = [];
  for (const text of values.get('db') ?? []) databases.push(DatabaseMap.parseEntry(text));
  return {
    help: switches.has('help'),
    captureDir: positional[0],
    url: single('url'),
    user: single('user'),
    password: single('password'),
    passwordStdin: switches.has('password-stdin'),
    encoding: switches.has('wbxml') ? 'wbxml' : switches.has('xml') ? 'xml' : 'recorded',
    auth,
    databases,
    device: single('device'),
    recordedSessionIds: switches.has('recorded-session-ids'),
    runs: values.get('run') ?? [],
    timeoutSeconds,
    json: switches.has('json'),
    quiet: switches.has('quiet'),
  };
}

function bad(message: string): ReplayError {
  return new ReplayError('BAD_OPTION', message);
}

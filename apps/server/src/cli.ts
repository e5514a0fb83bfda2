import { readFileSync } from 'node:fs';
import { createItemAdapter } from '@syncds/engine';
import { type FolderKind, type GroupwareStore, isStoreError, iterateItems } from '@syncds/store';
import { ConfigError, type ServerConfig, loadConfig } from './config.js';
import { openStore, startServer } from './compose.js';
import { JsonLogger } from './logger.js';

const USAGE = `syncds: SyncML DS server and its administration

Usage:
  syncds serve                                   run the server (see --help-config for settings)
  syncds domain add <name> [--disabled] [--deny-sync]
  syncds domain list
  syncds domain enable|disable <name>
  syncds domain allow|deny <name>                sync access list (R5)
  syncds domain delete <name> [--with-accounts]
  syncds account add <login> --password P|--password-stdin [--create-domain] [--disabled] [--keep-clear-password]
  syncds account passwd <login> --password P|--password-stdin [--keep-clear-password]
  syncds account list [--domain D]
  syncds account enable|disable <login>
  syncds account allow|deny|inherit <login>      per-account sync access (inherit = follow the domain)
  syncds account delete <login>
  syncds folder list <login>
  syncds folder add <login> <path> [--kind contacts|events|tasks|notes|journal|mail|files]
  syncds folder export <login> <folder> [--as CONTENT-TYPE] [--with-deleted]
                                                 items as JSON lines (record = the stored canonical item)
  syncds device list <login>

Options for every command:
  --config FILE      JSON config file (also SYNCDS_CONFIG)
  --data-dir DIR     embedded store directory (also SYNCDS_DATA_DIR)
  --database-url URL PostgreSQL instead of the embedded store (also SYNCDS_DATABASE_URL)
  --json             machine-readable output (list commands)
serve only:
  --host H  --port N  --path P  --log-level error|warn|info|debug
`;

const CONFIG_HELP = `Settings (JSON file key / environment variable / default):
  host                  SYNCDS_HOST               127.0.0.1
  port                  SYNCDS_PORT               8080
  path                  SYNCDS_PATH               /syncml/
  dataDir               SYNCDS_DATA_DIR           ./data
  databaseUrl           SYNCDS_DATABASE_URL       (unset: embedded SQLite store)
  sqliteSynchronous     SYNCDS_SQLITE_SYNCHRONOUS full | normal (see README: durability)
  logLevel              SYNCDS_LOG_LEVEL          info   (debug: per-message timing)
  enabled               SYNCDS_ENABLED            true   (service switch)
  auth                  SYNCDS_AUTH               basic-or-md5 | basic | md5
  accessList            SYNCDS_ACCESS_LIST        false  (only allowed accounts/domains sync)
  conflictPolicy        SYNCDS_CONFLICT_POLICY    merge | server-wins | client-wins | keep-both
  maxMessageSize        SYNCDS_MAX_MESSAGE_SIZE   1048576
  maxObjectSize         SYNCDS_MAX_OBJECT_SIZE    16777216
  sessionTimeoutSeconds SYNCDS_SESSION_TIMEOUT    600
  publicUrl             SYNCDS_PUBLIC_URL         (from the Host header)
  tlsCert / tlsKey      SYNCDS_TLS_CERT / _KEY    (unset: plain HTTP)
  shutdownTimeoutSeconds SYNCDS_SHUTDOWN_TIMEOUT  10
`;

/** Exit codes: 0 ok, 1 operation failed, 2 usage error. */
export class UsageError extends Error {
  override name = 'UsageError';
}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set([
  'config',
  'data-dir',
  'database-url',
  'host',
  'port',
  'path',
  'log-level',
  'password',
  'domain',
  'kind',
  'as',
]);

export function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) flags.set(name, a.slice(eq + 1));
    else if (VALUE_FLAGS.has(name)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, v);
    } else flags.set(name, true);
  }
  return { positional, flags };
}

export async function runCli(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  let args: Parsed;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, sub, ...rest] = args.positional;
  if (command === undefined || args.flags.has('help') || command === 'help') {
    out(USAGE);
    return command === undefined && !args.flags.has('help') ? 2 : 0;
  }
  if (args.flags.has('help-config')) {
    out(CONFIG_HELP);
    return 0;
  }
  let config: ServerConfig;
  try {
    config = loadConfig({
      file: flagStr(args, 'config'),
      overrides: {
        dataDir: flagStr(args, 'data-dir'),
        databaseUrl: flagStr(args, 'database-url'),
        host: flagStr(args, 'host'),
        port: flagStr(args, 'port'),
        path: flagStr(args, 'path'),
        logLevel: flagStr(args, 'log-level'),
      },
    });
  } catch (err) {
    process.stderr.write(`configuration error: ${(err as Error).message}\n`);
    return 2;
  }
  if (command === 'serve') return serve(config);
  const store = await openStore(config, 'admin');
  try {
    await admin(store, command, sub, rest, args, out);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (isStoreError(err) || err instanceof ConfigError) {
      process.stderr.write(`error: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}

async function serve(config: ServerConfig): Promise<number> {
  const logger = new JsonLogger(config.logLevel);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, logger);
  } catch (err) {
    logger.error('cannot start', { error: (err as Error).message });
    return 1;
  }
  return new Promise<number>((resolveExit) => {
    const stop = (signal: string) => {
      logger.info('signal received', { signal });
      server.stop().then(
        () => resolveExit(0),
        (err: unknown) => {
          logger.error('shutdown failed', { error: String(err) });
          resolveExit(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function flagStr(args: Parsed, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${what}`);
  return value;
}

function password(args: Parsed): string {
  const given = flagStr(args, 'password') ?? process.env.SYNCDS_PASSWORD;
  if (given !== undefined) return given;
  if (args.flags.has('password-stdin')) {
    const text = readFileSync(0, 'utf8');
    return text.replace(/\r?\n$/, '');
  }
  throw new UsageError('give the password with --password P, --password-stdin or SYNCDS_PASSWORD');
}

async function admin(
  store: GroupwareStore,
  command: string,
  sub: string | undefined,
  rest: string[],
  args: Parsed,
  out: (s: string) => void,
): Promise<void> {
  const json = args.flags.has('json');
  const print = (rows: Record<string, unknown>[], columns: string[]) => {
    if (json) for (const r of rows) out(`${JSON.stringify(r)}\n`);
    else for (const r of rows) out(`${columns.map((c) => formatCell(r[c])).join('\t')}\n`);
  };
  switch (`${command} ${sub ?? ''}`.trim()) {
    case 'domain add': {
      const d = await store.createDomain(need(rest[0], 'domain name'), {
        enabled: !args.flags.has('disabled'),
        syncAllowed: !args.flags.has('deny-sync'),
      });
      out(`domain ${d.name} created\n`);
      return;
    }
    case 'domain list': {
      const rows = await allPages((after) => store.listDomains({ limit: 1000, ...after }));
      print(rows, ['name', 'enabled', 'syncAllowed']);
      return;
    }
    case 'domain enable':
    case 'domain disable':
      await store.updateDomain(need(rest[0], 'domain name'), { enabled: sub === 'enable' });
      out(`domain ${rest[0]} ${sub}d\n`);
      return;
    case 'domain allow':
    case 'domain deny':
      await store.updateDomain(need(rest[0], 'domain name'), { syncAllowed: sub === 'allow' });
      out(`domain ${rest[0]}: sync ${sub === 'allow' ? 'allowed' : 'denied'}\n`);
      return;
    case 'domain delete':
      await store.deleteDomain(need(rest[0], 'domain name'), {
        withAccounts: args.flags.has('with-accounts'),
      });
      out(`domain ${rest[0]} deleted\n`);
      return;
    case 'account add': {
      const a = await store.createAccount({
        login: need(rest[0], 'login (full e-mail address)'),
        password: password(args),
        enabled: !args.flags.has('disabled'),
        createDomain: args.flags.has('create-domain'),
        storeClearPassword: args.flags.has('keep-clear-password'),
      });
      out(`account ${a.login} created\n`);
      return;
    }
    case 'account passwd':
      await store.setPassword(need(rest[0], 'login'), password(args), {
        storeClearPassword: args.flags.has('keep-clear-password'),
      });
      out(`password of ${rest[0]} set\n`);
      return;
    case 'account list': {
      const domain = flagStr(args, 'domain');
      const rows = await allPages((after) =>
        store.listAccounts({ limit: 1000, ...after, ...(domain === undefined ? {} : { domain }) }),
      );
      print(rows, ['login', 'enabled', 'syncAllowed', 'hasClearPassword']);
      return;
    }
    case 'account enable':
    case 'account disable':
      await store.updateAccount(need(rest[0], 'login'), { enabled: sub === 'enable' });
      out(`account ${rest[0]} ${sub}d\n`);
      return;
    case 'account allow':
    case 'account deny':
    case 'account inherit':
      await store.updateAccount(need(rest[0], 'login'), {
        syncAllowed: sub === 'inherit' ? null : sub === 'allow',
      });
      out(
        `account ${rest[0]}: sync ${sub === 'inherit' ? 'follows the domain' : sub === 'allow' ? 'allowed' : 'denied'}\n`,
      );
      return;
    case 'account delete':
      await store.deleteAccount(need(rest[0], 'login'));
      out(`account ${rest[0]} deleted\n`);
      return;
    case 'folder list': {
      const folders = await store.listFolders(need(rest[0], 'login'));
      const rows: Record<string, unknown>[] = [];
      for (const f of folders) rows.push({ ...f, items: await store.countItems(f.id) });
      print(rows, ['path', 'kind', 'items', 'sequence']);
      return;
    }
    case 'folder add': {
      const kind = flagStr(args, 'kind') as FolderKind | undefined;
      const f = await store.createFolder(
        need(rest[0], 'login'),
        need(rest[1], 'folder path'),
        kind === undefined ? {} : { kind },
      );
      out(`folder ${f.path} (${f.kind}) created\n`);
      return;
    }
    case 'folder export': {
      const login = need(rest[0], 'login');
      const name = need(rest[1], 'folder');
      const folder = await store.resolveFolder(login, name);
      if (folder === null) throw new UsageError(`account ${login} has no folder ${name}`);
      const items = createItemAdapter();
      const as = flagStr(args, 'as');
      for await (const item of iterateItems(store, folder.id, {
        includeDeleted: args.flags.has('with-deleted'),
      })) {
        const stored = { contentType: item.contentType, payload: item.payload };
        const row: Record<string, unknown> = {
          guid: item.guid,
          contentType: item.contentType,
          version: item.version,
          sequence: item.sequence,
          createdAt: new Date(item.createdAt).toISOString(),
          modifiedAt: new Date(item.modifiedAt).toISOString(),
          origin: item.origin,
          deleted: item.deleted,
          size: item.size,
        };
        if (!item.deleted) {
          row.summary = items.summary(stored);
          const record = items.record(stored);
          if (record !== undefined) row.record = record;
          else row.data = textOrBase64(item.payload);
          if (as !== undefined) {
            row.as = as;
            row.converted = new TextDecoder().decode(
              items.toClient(stored, { contentType: as, version: undefined }),
            );
          }
        }
        out(`${JSON.stringify(row)}\n`);
      }
      return;
    }
    case 'device list': {
      const login = need(rest[0], 'login');
      const rows: Record<string, unknown>[] = [];
      for (const d of await store.listDevices(login)) {
        const states = await store.listDeviceFolderStates(login, d.deviceId);
        rows.push({
          deviceId: d.deviceId,
          firstSeen: new Date(d.firstSeen).toISOString(),
          lastSeen: new Date(d.lastSeen).toISOString(),
          hasDevInf: d.devInf !== null,
          folders: states.map((s) => ({
            folder: s.folderPath,
            lastSyncAt: s.lastSyncAt === null ? null : new Date(s.lastSyncAt).toISOString(),
            clientAnchor: s.clientAnchor,
            serverAnchor: s.serverAnchor,
          })),
        });
      }
      print(rows, ['deviceId', 'lastSeen', 'hasDevInf']);
      return;
    }
    default:
      throw new UsageError(`unknown command: ${[command, sub].filter(Boolean).join(' ')}`);
  }
}

/** Every entry of a keyset-paged listing, as plain rows. */
async function allPages<T extends object>(
  page: (after: { after?: string }) => Promise<{ entries: readonly T[]; next: string | null }>,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let after: string | undefined;
  do {
    const p = await page(after === undefined ? {} : { after });
    for (const e of p.entries) rows.push({ ...(e as Record<string, unknown>) });
    after = p.next ?? undefined;
  } while (after !== undefined);
  return rows;
}

function formatCell(v: unknown): string {
  if (v === null || v === undefined) return '-';
  return String(v);
}

function textOrBase64(bytes: Uint8Array): string | { base64: string } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { base64: Buffer.from(bytes).toString('base64') };
  }
}

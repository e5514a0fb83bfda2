import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The real SyncML client peer: Debian's SyncEvolution driven by shared/tools/syncevo-client. */
export const SYNCEVO_CLIENT: string = resolve(
  process.env.SYNCDS_VECTORS ?? '../shared/vectors',
  '../tools/syncevo-client/syncevo-client.sh',
);

export type Store = 'contacts' | 'calendar' | 'todo' | 'memo';

export interface StoreReport {
  type: 'store';
  store: Store;
  status: number;
  mode: string;
  first: boolean;
  local: { added: number; updated: number; removed: number; rejected: number };
  remote: { added: number; updated: number; removed: number; rejected: number };
  conflicts: { server_won: number; client_won: number; duplicated: number };
  items: number;
}

export interface SessionReport {
  type: 'session';
  ok: boolean;
  exit: number;
  status: number;
  error: string;
  encoding: string;
  version: string;
  auth: string;
  mode: string;
  messages: number;
  logdir: string;
}

export interface SyncResult {
  session: SessionReport;
  stores: Partial<Record<Store, StoreReport>>;
  stderr: string;
}

export interface SyncOptions {
  url: string;
  user?: string;
  password?: string;
  wbxml?: boolean;
  version?: '1.0' | '1.1' | '1.2';
  auth?: 'basic' | 'md5';
  mode?:
    | 'two-way'
    | 'slow'
    | 'one-way-from-client'
    | 'refresh-from-client'
    | 'one-way-from-server'
    | 'refresh-from-server';
  stores?: Store[];
  maxMsgSize?: number;
  maxObjSize?: number;
  vcard?: '2.1' | '3.0';
  ical?: '1.0' | '2.0';
  uris?: Partial<Record<Store, string>>;
  dump?: boolean;
  emulatedRefresh?: boolean;
  timeoutSeconds?: number;
}

/** One simulated device: its own state directory, file-backed stores (one file per item). */
export class SyncevoDevice {
  readonly name: string;
  readonly state: string;
  readonly deviceId: string;

  constructor(name: string, options: { state?: string; deviceId?: string } = {}) {
    this.name = name;
    this.state = options.state ?? mkdtempSync(join(tmpdir(), `syncds-dev-${name}-`));
    this.deviceId = options.deviceId ?? `syncds-test-${name}-${process.pid}-${Date.now()}`;
  }

  async sync(o: SyncOptions): Promise<SyncResult> {
    const args = ['--device', this.name, '--device-id', this.deviceId, '--state', this.state, '--url', o.url];
    args.push('--user', o.user ?? '', '--password', o.password ?? '');
    args.push('--wbxml', o.wbxml === false ? '0' : '1');
    if (o.version) args.push('--version', o.version);
    if (o.auth) args.push('--auth', o.auth);
    if (o.mode) args.push('--mode', o.mode);
    if (o.stores) args.push('--stores', o.stores.join(','));
    if (o.maxMsgSize) args.push('--max-msg-size', String(o.maxMsgSize));
    if (o.maxObjSize) args.push('--max-obj-size', String(o.maxObjSize));
    if (o.vcard) args.push('--vcard', o.vcard);
    if (o.ical) args.push('--ical', o.ical);
    for (const [store, uri] of Object.entries(o.uris ?? {})) args.push('--uri', `${store}=${uri}`);
    if (o.dump) args.push('--dump');
    if (o.emulatedRefresh) args.push('--emulated-refresh');
    args.push('--timeout', String(o.timeoutSeconds ?? 30));
    const { stdout, stderr } = await run(args);
    const stores: Partial<Record<Store, StoreReport>> = {};
    let session: SessionReport | undefined;
    for (const line of stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const obj = JSON.parse(line) as StoreReport | SessionReport;
      if (obj.type === 'store') stores[obj.store] = obj;
      else if (obj.type === 'session') session = obj;
    }
    if (session === undefined)
      throw new Error(`syncevo-client printed no session line:\n${stdout}\n${stderr}`);
    return { session, stores, stderr };
  }

  /** The directory holding a store's items (one file per item). */
  async storeDir(store: Store): Promise<string> {
    const { stdout } = await run([
      '--device',
      this.name,
      '--state',
      this.state,
      '--no-sync',
      '--store-dir',
      store,
    ]);
    return stdout.trim();
  }

  /** Writes an item file into the device's store (picked up as a change at the next sync). */
  async put(store: Store, file: string, content: string): Promise<void> {
    writeFileSync(join(await this.storeDir(store), file), content);
  }

  /** Every item of a store: file name -> content. */
  async items(store: Store): Promise<Map<string, string>> {
    const dir = await this.storeDir(store);
    const out = new Map<string, string>();
    for (const f of readdirSync(dir).sort()) out.set(f, readFileSync(join(dir, f), 'utf8'));
    return out;
  }
}

function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    execFile(
      SYNCEVO_CLIENT,
      args,
      { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (err, stdout, stderr) => {
        // Exit 1 means the sync failed: still a result to assert on. Only usage/tool errors are thrown.
        const code = err === null ? 0 : ((err as { code?: number }).code ?? -1);
        if (code === 0 || code === 1) resolveRun({ stdout, stderr });
        else reject(new Error(`syncevo-client exited ${code}: ${stderr}\n${stdout}`));
      },
    );
  });
}

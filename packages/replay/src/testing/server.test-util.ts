import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ServerProcess as PeerServer } from '@syncds/test-peers';

export type { ExportedItem } from '@syncds/test-peers';

/**
 * The built server's entry (`bin.syncds` of @syncds/server), found through node's module
 * resolution of its package.json, never by a path into apps/.
 */
export function serverMainPath(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('@syncds/server/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { bin?: Record<string, string> };
  const bin = pkg.bin?.syncds;
  if (bin === undefined) throw new Error(`${pkgFile} names no syncds bin`);
  const main = join(dirname(pkgFile), bin);
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first (pnpm build)`);
  return main;
}

/** The built syncds server in its own process (see @syncds/test-peers). */
export class ServerProcess extends PeerServer {
  constructor(env: Record<string, string> = {}) {
    super({ main: serverMainPath(), env });
  }
}

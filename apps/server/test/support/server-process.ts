import { resolve } from 'node:path';
import { ServerProcess as PeerServer } from '@syncds/test-peers';

/** This package's built server, run as the README says (`node apps/server/dist/main.js serve`). */
export class ServerProcess extends PeerServer {
  constructor(env: Record<string, string> = {}, dataDir?: string) {
    super({
      main: resolve(import.meta.dirname, '../../dist/main.js'),
      env,
      ...(dataDir === undefined ? {} : { dataDir }),
    });
  }
}

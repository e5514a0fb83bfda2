import { afterAll, beforeAll, expect } from 'vitest';
import { ServerProcess } from './server-process.js';

/**
 * The server for the tests of one file: the domain example.com and the given accounts are
 * created, the server started before the tests; after them it must stop cleanly (exit 0)
 * and its data folder goes.
 */
export function useServer(
  options: { env?: Record<string, string>; accounts?: [string, string][] } = {},
): ServerProcess {
  const server = new ServerProcess(options.env);
  beforeAll(async () => {
    await server.adminOk(['domain', 'add', 'example.com']);
    for (const [login, password] of options.accounts ?? []) {
      await server.adminOk(['account', 'add', login, '--password', password]);
    }
    await server.start();
  }, 60_000);
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
    await server.close();
  });
  return server;
}

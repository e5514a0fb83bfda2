import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from './config.js';

const file = (content: unknown) => {
  const dir = mkdtempSync(join(tmpdir(), 'syncds-config-'));
  const path = join(dir, 'config.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('loadConfig', () => {
  test('defaults', () => {
    const c = loadConfig({ env: {} });
    expect(c).toEqual({ ...DEFAULT_CONFIG, dataDir: resolve('./data') });
  });

  test('file, then environment, then overrides; undefined overrides do not mask', () => {
    const path = file({ port: 9000, path: 'sync', auth: 'md5', logLevel: 'warn', dataDir: '/tmp/a' });
    const c = loadConfig({
      file: path,
      env: { SYNCDS_PORT: '9100', SYNCDS_ACCESS_LIST: 'yes', SYNCDS_DATA_DIR: '/tmp/b' },
      overrides: { logLevel: 'debug', dataDir: undefined },
    });
    expect(c).toMatchObject({
      port: 9100,
      path: '/sync/',
      auth: 'md5',
      logLevel: 'debug',
      accessList: true,
      dataDir: '/tmp/b',
    });
  });

  test('SYNCDS_CONFIG names the file', () => {
    const path = file({ conflictPolicy: 'keep-both' });
    expect(loadConfig({ env: { SYNCDS_CONFIG: path } }).conflictPolicy).toBe('keep-both');
  });

  test.each([
    [{ SYNCDS_PORT: '70000' }, /port must be an integer from 0 to 65535/],
    [{ SYNCDS_AUTH: 'digest' }, /auth must be one of basic-or-md5, basic, md5/],
    [{ SYNCDS_ENABLED: 'maybe' }, /enabled must be true or false/],
    [{ SYNCDS_TLS_CERT: '/x.pem' }, /tlsCert and tlsKey must be set together/],
    [{ SYNCDS_MAX_MESSAGE_SIZE: '12' }, /maxMessageSize must be an integer from 1024/],
  ])('rejects %j', (env, message) => {
    expect(() => loadConfig({ env })).toThrow(message);
  });

  test('a file that is not JSON, or has unknown settings, is refused with its name', () => {
    expect(() => loadConfig({ file: file('{port:'), env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ file: file({ prot: 1 }), env: {} })).toThrow(/unknown setting "prot"/);
    expect(() => loadConfig({ file: '/nonexistent/syncds.json', env: {} })).toThrow(
      /cannot read config file/,
    );
  });
});

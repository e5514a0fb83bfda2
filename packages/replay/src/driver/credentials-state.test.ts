import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage, Payload } from '@syncds/syncml';
import { describe, expect, it } from 'vitest';
import { md5CredentialData } from '../protocol/credentials.js';
import { type AuthMemory, DeviceCredentials } from './credentials-state.js';

const SESSIONS = join(process.env.SYNCDS_VECTORS!, 'sessions');
const recorded = (session: string, file: string) =>
  parseMessage(new Uint8Array(readFileSync(join(SESSIONS, session, file)))).message;
const user = { user: 'alice@example.com', password: 'pw' };
const nonce = new TextEncoder().encode('Nonce');
const md5Chal = { meta: { type: 'syncml:auth-md5', format: 'b64', nextNonce: Payload.fromText('Tm9uY2U=') } };

describe('DeviceCredentials', () => {
  it('sends the recorded type, and credentials only where the recording had them', () => {
    const memory: AuthMemory = { nonces: new Map(), authTypes: new Map() };
    const creds = new DeviceCredentials(memory, 'dev', { auth: 'recorded', ...user });
    const init = creds.forMessage(recorded('synthesis_tasks', 'syncml_client_10.xml'));
    expect(init.cred?.meta?.type).toBe('syncml:auth-basic');
    expect(init.cred?.data.text()).toBe(Buffer.from('alice@example.com:pw').toString('base64'));
    // The Synthesis client names its user in LocName: ours replaces it.
    expect(init.locName).toBe('alice@example.com');
    const later = creds.forMessage(recorded('sync4j_pocketpc_contacts', 'syncml_client_11.xml'));
    expect(later).toEqual({ cred: undefined, locName: undefined });
  });

  it('answers a challenge with its type and nonce, then keeps the type and the 212 nonce for the device', () => {
    const memory: AuthMemory = { nonces: new Map(), authTypes: new Map() };
    const creds = new DeviceCredentials(memory, 'dev', { auth: 'recorded', ...user });
    const message = recorded('sync4j_pocketpc_contacts', 'syncml_client_10.xml');
    expect(creds.challenge(md5Chal)).toBe('md5');
    expect(creds.challenged).toBe(true);
    const retry = creds.forMessage(message);
    expect(retry.cred?.meta?.type).toBe('syncml:auth-md5');
    expect(retry.cred?.data.text()).toBe(md5CredentialData('alice@example.com', 'pw', nonce, '1.1'));
    expect(retry.locName).toBe('alice@example.com');
    const next = {
      meta: { type: 'syncml:auth-md5', format: 'b64', nextNonce: Payload.fromText('TmV4dA==') },
    };
    creds.accepted({
      kind: 'Status',
      cmdID: '1',
      msgRef: '1',
      cmdRef: '0',
      cmd: 'SyncHdr',
      targetRefs: [],
      sourceRefs: [],
      code: 212,
      items: [],
      chal: next,
    });
    expect(creds.challenged).toBe(false);
    expect(memory.authTypes.get('dev')).toBe('md5');
    expect(new TextDecoder().decode(memory.nonces.get('dev'))).toBe('Next');
    // A new run of the same device: MD5 with the 212 nonce, no challenge needed.
    const nextRun = new DeviceCredentials(memory, 'dev', { auth: 'basic', ...user });
    expect(nextRun.forMessage(message).cred?.data.text()).toBe(
      md5CredentialData('alice@example.com', 'pw', new TextEncoder().encode('Next'), '1.1'),
    );
  });

  it('ignores a challenge of an unknown type', () => {
    const creds = new DeviceCredentials({ nonces: new Map(), authTypes: new Map() }, 'dev', {
      auth: 'md5',
      ...user,
    });
    expect(creds.challenge({ meta: { type: 'syncml:auth-x509' } })).toBeUndefined();
    expect(creds.challenge(undefined)).toBeUndefined();
    expect(creds.challenged).toBe(false);
    // auth md5 asked for: the 1.0 formula for a SyncML 1.0 message, over an empty nonce before any challenge.
    const p900 = creds.forMessage(recorded('P900_tasksandcalendar', 'syncml_client_10.xml'));
    expect(p900.cred?.data.text()).toBe(
      md5CredentialData('alice@example.com', 'pw', new Uint8Array(0), '1.0'),
    );
  });
});

import type { Chal, Cred, Status, SyncMLMessage } from '@syncds/syncml';
import { type AuthType, authTypeOf, credential, nonceBytes } from '../protocol/credentials.js';

const EMPTY = new Uint8Array(0);

/** What a device learned from the server about authentication, kept across the runs of a replay. */
export interface AuthMemory {
  /** The nonce of the server's last MD5 challenge (or of its 212), for the next attempt. */
  readonly nonces: Map<string, Uint8Array>;
  /** The auth type the server asked for: a real client keeps to it afterwards. */
  readonly authTypes: Map<string, AuthType>;
}

/**
 * The credentials one device sends in one run: the type (challenged, learned, asked for, or
 * as recorded) and the nonce (challenged, or handed out with the last 212).
 */
export class DeviceCredentials {
  readonly #memory: AuthMemory;
  readonly #device: string;
  readonly #auth: 'recorded' | AuthType;
  readonly #user: string;
  readonly #password: string;
  #challenge: { type: AuthType; nonce: Uint8Array } | undefined;

  constructor(
    memory: AuthMemory,
    device: string,
    options: { auth: 'recorded' | AuthType; user: string; password: string },
  ) {
    this.#memory = memory;
    this.#device = device;
    this.#auth = options.auth;
    this.#user = options.user;
    this.#password = options.password;
  }

  /** True while a challenge is unanswered: the next message must carry credentials. */
  get challenged(): boolean {
    return this.#challenge !== undefined;
  }

  /**
   * Credentials and SyncHdr Source LocName for a recorded message: none when it had none and
   * no challenge is pending. MD5 needs the user in clear in LocName; a recorded LocName is the
   * recorded user, so it becomes ours.
   */
  forMessage(recorded: SyncMLMessage): { cred: Cred | undefined; locName: string | undefined } {
    const withCred =
      recorded.header.cred !== undefined || alertCred(recorded) !== undefined || this.challenged;
    let type: AuthType;
    if (this.#challenge !== undefined) type = this.#challenge.type;
    else if (this.#memory.authTypes.has(this.#device)) type = this.#memory.authTypes.get(this.#device)!;
    else if (this.#auth !== 'recorded') type = this.#auth;
    else type = authTypeOf(recorded.header.cred?.meta?.type ?? alertCred(recorded)?.meta?.type) ?? 'basic';
    const nonce = this.#challenge?.nonce ?? this.#memory.nonces.get(this.#device) ?? EMPTY;
    const cred = withCred
      ? credential(type, this.#user, this.#password, nonce, recorded.header.version)
      : undefined;
    const locName =
      (withCred && type === 'md5') || recorded.header.source.locName !== undefined ? this.#user : undefined;
    return { cred, locName };
  }

  /** A 401/407 with this Chal: the type it asks for, or undefined when it names none we know. */
  challenge(chal: Chal | undefined): AuthType | undefined {
    const type = authTypeOf(chal?.meta.type);
    if (type === undefined) return undefined;
    const nonce = chal!.meta.nextNonce;
    this.#challenge = { type, nonce: nonce === undefined ? EMPTY : nonceBytes(nonce, chal!.meta.format) };
    return type;
  }

  /** The server accepted the message: a challenged type is kept; a nonce given with the 212 is the next one. */
  accepted(header: Status | undefined): void {
    if (this.#challenge !== undefined) this.#memory.authTypes.set(this.#device, this.#challenge.type);
    this.#challenge = undefined;
    const chal = header?.chal;
    const nonce = chal?.meta.nextNonce;
    if (nonce !== undefined && authTypeOf(chal!.meta.type) === 'md5') {
      this.#memory.nonces.set(this.#device, nonceBytes(nonce, chal!.meta.format));
    }
  }
}

function alertCred(message: SyncMLMessage): Cred | undefined {
  for (const c of message.commands) if (c.kind === 'Alert' && c.cred !== undefined) return c.cred;
  return undefined;
}

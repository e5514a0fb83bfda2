import { type Transport, WBXML_CONTENT_TYPE } from '@syncds/replay';
import { type Command, parseMessage, type SyncMLMessage, serializeMessage } from '@syncds/syncml';
import type { LatencyHistogram } from './histogram.js';
import {
  contactCard,
  type DeviceMessageContext,
  formattedName,
  initMessage,
  mapMessage,
  syncMessage,
} from './messages.js';

/** Who a simulated device is. */
export interface DeviceIdentity {
  readonly login: string;
  readonly password: string;
  readonly deviceId: string;
}

/** What one session of a device did. */
export interface SessionOutcome {
  /** Every reply was HTTP 200 SyncML with the statuses and commands the scenario expects. */
  readonly ok: boolean;
  /** The first thing that went wrong. */
  readonly failure: string | undefined;
  /** Messages posted (a failed session stops early). */
  readonly messages: number;
  /** FN of the contact the device added in this session. */
  readonly sent: string;
  /** FNs of the contacts the server added to the device. */
  readonly received: readonly string[];
  /** The three request bodies, when asked for (the echo phase sends them again). */
  readonly bodies: readonly Uint8Array[];
}

/** Thrown inside a session for a reply the scenario does not expect; caught by {@link SimulatedDevice.sync}. */
class Unexpected extends Error {}

/**
 * A phone syncing its Contacts in WBXML (SyncML 1.2): init with basic auth and anchors,
 * a two-way sync sending one new contact and taking the server's Adds, then the Map.
 * The first session is a slow sync that also Puts the DevInf. Every reply is checked.
 */
export class SimulatedDevice {
  readonly identity: DeviceIdentity;
  readonly #transport: Transport;
  readonly #url: string;
  #anchor: string | undefined;
  #session = 0;
  #luid = 0;

  constructor(identity: DeviceIdentity, transport: Transport, url: string) {
    this.identity = identity;
    this.#transport = transport;
    this.#url = url;
  }

  /** Sessions completed so far. */
  get sessions(): number {
    return this.#session;
  }

  /** One whole session; each message's round trip goes into `latency` when given. */
  async sync(latency?: LatencyHistogram, keepBodies = false): Promise<SessionOutcome> {
    const first = this.#anchor === undefined;
    const sessionNo = this.#session + 1;
    const { login, password, deviceId } = this.identity;
    const ctx: DeviceMessageContext = {
      url: this.#url,
      deviceId,
      login,
      password,
      sessionId: String(sessionNo),
    };
    const next = String(sessionNo);
    const card = contactCard(deviceId, sessionNo);
    const bodies: Uint8Array[] = [];
    const received: string[] = [];
    let messages = 0;
    let url = this.#url;
    const post = async (message: SyncMLMessage): Promise<SyncMLMessage> => {
      const body = serializeMessage(message, { encoding: 'wbxml' });
      if (keepBodies) bodies.push(body);
      messages++;
      const t0 = performance.now();
      const reply = await this.#transport.post(url, body, WBXML_CONTENT_TYPE);
      latency?.record((performance.now() - t0) * 1000);
      if (reply.status !== 200) throw new Unexpected(`message ${message.header.msgID}: HTTP ${reply.status}`);
      const parsed = parseMessage(reply.body).message;
      if (parsed.header.respURI !== undefined) url = parsed.header.respURI;
      return parsed;
    };
    try {
      // Package 1 -> 2: authentication and the sync Alert.
      const init = initMessage(ctx, { code: first ? 201 : 200, last: this.#anchor, next }, first);
      const alertCmdID = init.commands[init.commands.length - 1]!.cmdID;
      const r1 = await post(init);
      expectStatus(r1, '1', '0', [212]);
      if (first) expectStatus(r1, '1', '1', [200]);
      expectStatus(r1, '1', alertCmdID, [200]);
      const serverAlert = only(r1, 'Alert');
      if (serverAlert.kind !== 'Alert' || serverAlert.code !== (first ? 201 : 200)) {
        throw new Unexpected(
          `server Alert ${serverAlert.kind === 'Alert' ? serverAlert.code : '?'}, expected ${first ? 201 : 200}`,
        );
      }
      expectNothingElse(r1, ['Alert']);
      expectFinal(r1);

      // Package 3 -> 4: the device's change; the server's changes.
      this.#luid++;
      const r2 = await post(
        syncMessage(
          ctx,
          { msgID: r1.header.msgID, alertCmdID: serverAlert.cmdID },
          { luid: `L${this.#luid}`, vcard: card.vcard },
        ),
      );
      expectStatus(r2, '2', '0', [200]);
      expectStatus(r2, '2', '3', [200]);
      expectStatus(r2, '2', '4', [201]);
      const serverSync = only(r2, 'Sync');
      if (serverSync.kind !== 'Sync') throw new Unexpected('no server Sync');
      const adds: { cmdID: string; guid: string; luid: string }[] = [];
      for (const cmd of serverSync.commands) {
        if (cmd.kind !== 'Add') throw new Unexpected(`server sent ${cmd.kind} in its Sync`);
        for (const item of cmd.items) {
          const guid = item.source?.locURI;
          const data = item.data;
          if (guid === undefined || data === undefined || data.kind !== 'payload')
            throw new Unexpected('server Add without id or data');
          received.push(formattedName(data.text()) ?? '?');
          this.#luid++;
          adds.push({ cmdID: cmd.cmdID, guid, luid: `L${this.#luid}` });
        }
      }
      expectNothingElse(r2, ['Sync']);
      expectFinal(r2);

      // Package 5 -> 6: Statuses and the Map.
      const r3 = await post(mapMessage(ctx, { msgID: r2.header.msgID, syncCmdID: serverSync.cmdID }, adds));
      expectStatus(r3, '3', '0', [200]);
      if (adds.length > 0) expectStatus(r3, '3', String(3 + adds.length), [200]);
      expectNothingElse(r3, []);
      expectFinal(r3);
    } catch (err) {
      if (err instanceof Unexpected)
        return { ok: false, failure: err.message, messages, sent: card.marker, received, bodies };
      return {
        ok: false,
        failure: `${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`,
        messages,
        sent: card.marker,
        received,
        bodies,
      };
    }
    this.#anchor = next;
    this.#session = sessionNo;
    return { ok: true, failure: undefined, messages, sent: card.marker, received, bodies };
  }
}

function statuses(reply: SyncMLMessage): Extract<Command, { kind: 'Status' }>[] {
  return reply.commands.filter((c): c is Extract<Command, { kind: 'Status' }> => c.kind === 'Status');
}

function expectStatus(reply: SyncMLMessage, msgRef: string, cmdRef: string, codes: readonly number[]): void {
  const s = statuses(reply).find((x) => x.msgRef === msgRef && x.cmdRef === cmdRef);
  if (s === undefined) throw new Unexpected(`no Status for command ${cmdRef} of message ${msgRef}`);
  if (!codes.includes(s.code))
    throw new Unexpected(`${s.cmd} (message ${msgRef} command ${cmdRef}) answered ${s.code}`);
}

function only(reply: SyncMLMessage, kind: Command['kind']): Command {
  const found = reply.commands.filter((c) => c.kind === kind);
  if (found.length !== 1)
    throw new Unexpected(`reply ${reply.header.msgID} has ${found.length} ${kind} commands, expected 1`);
  return found[0]!;
}

function expectNothingElse(reply: SyncMLMessage, allowed: readonly Command['kind'][]): void {
  for (const c of reply.commands) {
    if (c.kind !== 'Status' && !allowed.includes(c.kind))
      throw new Unexpected(`server sent an unexpected ${c.kind}`);
  }
}

function expectFinal(reply: SyncMLMessage): void {
  if (!reply.final) throw new Unexpected(`reply ${reply.header.msgID} has no Final`);
}

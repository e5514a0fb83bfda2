import { type Transport, WBXML_CONTENT_TYPE } from '@syncds/replay';
import { parseMessage, serializeMessage } from '@syncds/syncml';
import type { LatencyHistogram } from './histogram.js';
import { contactCard, type DeviceMessageContext, initMessage, mapMessage, syncMessage } from './messages.js';

/**
 * A session against the raw echo app: the same three WBXML messages a device builds, each
 * posted and its reply (our own bytes back) parsed, so the client does the same work as
 * against the server and the difference in rate is the server's SyncML work.
 */
export async function echoSession(
  transport: Transport,
  url: string,
  deviceId: string,
  sessionNo: number,
  latency: LatencyHistogram,
): Promise<{ ok: boolean; messages: number; failure?: string }> {
  const ctx: DeviceMessageContext = {
    url,
    deviceId,
    login: 'echo@bench.example',
    password: 'echo',
    sessionId: String(sessionNo),
  };
  const card = contactCard(deviceId, sessionNo);
  const messages = [
    initMessage(ctx, { code: 200, last: String(sessionNo - 1), next: String(sessionNo) }, false),
    syncMessage(ctx, { msgID: '1', alertCmdID: '2' }, { luid: `L${sessionNo}`, vcard: card.vcard }),
    mapMessage(ctx, { msgID: '2', syncCmdID: '3' }, [
      { cmdID: '4', guid: `G${sessionNo}`, luid: `M${sessionNo}` },
    ]),
  ];
  let sent = 0;
  for (const message of messages) {
    const body = serializeMessage(message, { encoding: 'wbxml' });
    sent++;
    const t0 = performance.now();
    let reply: Awaited<ReturnType<Transport['post']>>;
    try {
      reply = await transport.post(url, body, WBXML_CONTENT_TYPE);
    } catch (err) {
      return {
        ok: false,
        messages: sent,
        failure: `${(err as { code?: string }).code}: ${(err as Error).message}`,
      };
    }
    latency.record((performance.now() - t0) * 1000);
    if (reply.status !== 200 || reply.body.length !== body.length) {
      return {
        ok: false,
        messages: sent,
        failure: `echo answered HTTP ${reply.status} with ${reply.body.length} of ${body.length} bytes`,
      };
    }
    parseMessage(reply.body);
  }
  return { ok: true, messages: sent };
}

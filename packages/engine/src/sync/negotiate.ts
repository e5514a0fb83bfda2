import {
  AlertCode,
  SyncType,
  type SyncTypeValue,
  alertOfSyncType,
  syncTypeOfAlert,
} from '../protocol/alert-codes.js';
import { StatusCode } from '../protocol/status-codes.js';

export interface NegotiationInput {
  /** The client's Alert code (200-210). */
  clientAlert: number;
  /** SYNC= (or RESET, as 9) from the URL, if any. */
  urlType?: SyncTypeValue | undefined;
  /**
   * Whether the client's Last anchor equals the Next anchor it sent in its last
   * successful sync. False on first contact (nothing stored).
   */
  anchorsMatch: boolean;
}

export interface Negotiation {
  /** The sync type actually run (1-9). */
  type: SyncTypeValue;
  /** The Alert code the server answers with. */
  alert: number;
  /** Status for the client's Alert: 200, or 508 when the client must change mode. */
  status: number;
  /** Why this type was chosen, for the log. */
  reason: string;
}

/**
 * R9: the sync type actually run. Forcing a slow sync or a refresh is costly, so
 * the URL can only steer a plain two-way request, and a mismatch of anchors always
 * degrades to the slow variant of what was asked (R8, R11).
 */
export function negotiateSyncType(input: NegotiationInput): Negotiation | undefined {
  const asked = syncTypeOfAlert(input.clientAlert);
  if (asked === undefined) return undefined;
  const { urlType, anchorsMatch } = input;
  let type: SyncTypeValue;
  let reason: string;
  switch (asked) {
    case SyncType.TwoWay:
      if (urlType === undefined || urlType === SyncType.TwoWay) {
        type = anchorsMatch ? SyncType.TwoWay : SyncType.Slow;
        reason = anchorsMatch ? 'two-way requested' : 'anchors differ: slow sync';
      } else if (urlType === SyncType.OneWayFromClient) {
        type = anchorsMatch ? SyncType.OneWayFromClient : SyncType.SlowToServer;
        reason = anchorsMatch ? 'URL SYNC=3' : 'URL SYNC=3, anchors differ: slow to server';
      } else if (urlType === SyncType.OneWayFromServer) {
        type = anchorsMatch ? SyncType.OneWayFromServer : SyncType.SlowToClient;
        reason = anchorsMatch ? 'URL SYNC=5' : 'URL SYNC=5, anchors differ: slow to client';
      } else {
        type = urlType;
        reason = `URL SYNC=${urlType}`;
      }
      break;
    case SyncType.OneWayFromClient:
      type = anchorsMatch ? SyncType.OneWayFromClient : SyncType.SlowToServer;
      reason = anchorsMatch ? 'one-way from client requested' : 'anchors differ: slow to server';
      break;
    case SyncType.OneWayFromServer:
      type = anchorsMatch ? SyncType.OneWayFromServer : SyncType.SlowToClient;
      reason = anchorsMatch ? 'one-way from server requested' : 'anchors differ: slow to client';
      break;
    default:
      // 2, 4, 6: the client asked for a full exchange; anchors are not checked.
      type = asked;
      reason = 'requested by the client';
  }
  const alert = alertOfSyncType(type);
  // A client that asked for something else must be told to refresh (508).
  const sameAsAsked =
    alert === input.clientAlert || (input.clientAlert >= 206 && alert === input.clientAlert - 6);
  return { type, alert, status: sameAsAsked ? StatusCode.Ok : StatusCode.RefreshRequired, reason };
}

/** True when the sync type makes the client send all of its items. */
export function clientSendsAll(type: SyncTypeValue): boolean {
  return (
    type === SyncType.Slow ||
    type === SyncType.RefreshFromClient ||
    type === SyncType.SlowToServer ||
    type === SyncType.SlowToClient ||
    type === SyncType.ClientReset
  );
}

/** True when the server sends its changes (or everything) to the client. */
export function serverSends(type: SyncTypeValue): boolean {
  return (
    type !== SyncType.OneWayFromClient &&
    type !== SyncType.RefreshFromClient &&
    type !== SyncType.SlowToServer
  );
}

/** True when client changes are written to the server's store. */
export function serverAcceptsClientData(type: SyncTypeValue): boolean {
  return (
    type !== SyncType.OneWayFromServer &&
    type !== SyncType.RefreshFromServer &&
    type !== SyncType.SlowToClient &&
    type !== SyncType.ClientReset
  );
}

export { AlertCode };

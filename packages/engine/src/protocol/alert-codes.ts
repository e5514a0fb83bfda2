/** Alert codes (syncml-facts.md §4.1). */
export const AlertCode = {
  Display: 100,
  TwoWay: 200,
  SlowSync: 201,
  OneWayFromClient: 202,
  RefreshFromClient: 203,
  OneWayFromServer: 204,
  RefreshFromServer: 205,
  TwoWayByServer: 206,
  OneWayFromClientByServer: 207,
  RefreshFromClientByServer: 208,
  OneWayFromServerByServer: 209,
  RefreshFromServerByServer: 210,
  ResultAlert: 221,
  NextMessage: 222,
  NoEndOfData: 223,
  Suspend: 224,
  Resume: 225,
} as const;

/**
 * The nine sync types of R6/R7, numbered as the product manual and the SYNC= URL
 * parameter number them. 1-6 are standard SyncML modes; 7-9 are server methods
 * driven inside a slow sync so that any client can take part.
 */
export const SyncType = {
  TwoWay: 1,
  Slow: 2,
  OneWayFromClient: 3,
  RefreshFromClient: 4,
  OneWayFromServer: 5,
  RefreshFromServer: 6,
  SlowToServer: 7,
  SlowToClient: 8,
  ClientReset: 9,
} as const;

export type SyncTypeValue = (typeof SyncType)[keyof typeof SyncType];

/** Maps a client's sync alert (200-205, or the server-alerted 206-210) to a sync type 1-6. */
export function syncTypeOfAlert(code: number): SyncTypeValue | undefined {
  switch (code) {
    case 200:
    case 206:
      return SyncType.TwoWay;
    case 201:
      return SyncType.Slow;
    case 202:
    case 207:
      return SyncType.OneWayFromClient;
    case 203:
    case 208:
      return SyncType.RefreshFromClient;
    case 204:
    case 209:
      return SyncType.OneWayFromServer;
    case 205:
    case 210:
      return SyncType.RefreshFromServer;
    default:
      return undefined;
  }
}

/**
 * The alert code the server sends back for a sync type. Types 7, 8 and 9 run
 * inside a slow sync (201): the server then decides what happens to each side's data.
 */
export function alertOfSyncType(type: SyncTypeValue): number {
  switch (type) {
    case SyncType.TwoWay:
      return AlertCode.TwoWay;
    case SyncType.OneWayFromClient:
      return AlertCode.OneWayFromClient;
    case SyncType.RefreshFromClient:
      return AlertCode.RefreshFromClient;
    case SyncType.OneWayFromServer:
      return AlertCode.OneWayFromServer;
    case SyncType.RefreshFromServer:
      return AlertCode.RefreshFromServer;
    default:
      return AlertCode.SlowSync;
  }
}

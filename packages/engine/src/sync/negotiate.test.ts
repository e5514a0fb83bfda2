import { describe, expect, test } from 'vitest';
import { negotiateSyncType } from './negotiate.js';

// R9's table, row by row: [client alert, URL type, anchors equal?, expected type, expected alert, expected status]
const rows: [number, number | undefined, boolean, number, number, number][] = [
  [200, undefined, true, 1, 200, 200],
  [200, undefined, false, 2, 201, 508],
  [200, 1, true, 1, 200, 200],
  [200, 1, false, 2, 201, 508],
  [200, 3, true, 3, 202, 508],
  [200, 3, false, 7, 201, 508],
  [200, 5, true, 5, 204, 508],
  [200, 5, false, 8, 201, 508],
  [200, 2, true, 2, 201, 508],
  [200, 4, false, 4, 203, 508],
  [200, 6, true, 6, 205, 508],
  [200, 7, true, 7, 201, 508],
  [200, 8, true, 8, 201, 508],
  [200, 9, false, 9, 201, 508],
  [202, undefined, true, 3, 202, 200],
  [202, 6, true, 3, 202, 200],
  [202, undefined, false, 7, 201, 508],
  [204, 2, true, 5, 204, 200],
  [204, undefined, false, 8, 201, 508],
  [201, 1, false, 2, 201, 200],
  [201, 9, true, 2, 201, 200],
  [203, 5, false, 4, 203, 200],
  [205, 3, false, 6, 205, 200],
  [206, undefined, true, 1, 200, 200],
];

describe('negotiateSyncType follows R9', () => {
  test.each(rows)(
    'client %i, URL %s, anchors equal %s -> type %i (alert %i, status %i)',
    (client, url, match, type, alert, status) => {
      const n = negotiateSyncType({ clientAlert: client, urlType: url as never, anchorsMatch: match });
      expect(n).toMatchObject({ type, alert, status });
    },
  );

  test('non-sync alerts are not negotiated', () => {
    expect(negotiateSyncType({ clientAlert: 222, anchorsMatch: true })).toBeUndefined();
    expect(negotiateSyncType({ clientAlert: 100, anchorsMatch: true })).toBeUndefined();
  });
});

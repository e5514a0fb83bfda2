/**
 * SyncML status codes the engine emits (syncml-facts.md §4.2). Only codes that
 * every checked implementation defines are listed; never emit the unverified ones.
 */
export const StatusCode = {
  InProgress: 101,
  Ok: 200,
  ItemAdded: 201,
  AcceptedForProcessing: 202,
  NoContent: 204,
  ConflictResolvedWithMerge: 207,
  ConflictResolvedClientWins: 208,
  ConflictResolvedWithDuplicate: 209,
  DeleteWithoutArchive: 210,
  ItemNotDeleted: 211,
  AuthenticationAccepted: 212,
  ChunkAccepted: 213,
  NotExecuted: 215,
  BadRequest: 400,
  InvalidCredentials: 401,
  Forbidden: 403,
  NotFound: 404,
  CommandNotAllowed: 405,
  OptionalFeatureNotSupported: 406,
  MissingCredentials: 407,
  UpdateConflict: 409,
  Gone: 410,
  SizeRequired: 411,
  IncompleteCommand: 412,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  RequestedSizeTooBig: 416,
  RetryLater: 417,
  AlreadyExists: 418,
  ConflictResolvedServerWins: 419,
  DeviceFull: 420,
  SizeMismatch: 424,
  PermissionDenied: 425,
  CommandFailed: 500,
  CommandNotImplemented: 501,
  ServiceUnavailable: 503,
  DtdVersionNotSupported: 505,
  ProcessingError: 506,
  AtomicFailed: 507,
  RefreshRequired: 508,
  DataStoreFailure: 510,
  ServerFailure: 511,
  SyncFailed: 512,
  ProtocolVersionNotSupported: 513,
} as const;

export type StatusCodeValue = (typeof StatusCode)[keyof typeof StatusCode];

/** True for 1xx/2xx codes: the command was carried out (or is being). */
export function isSuccess(code: number): boolean {
  return code >= 100 && code < 300;
}
